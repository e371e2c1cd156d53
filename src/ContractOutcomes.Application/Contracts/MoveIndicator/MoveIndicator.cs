using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Contracts.MoveIndicator;

[AuthorizeRoles(Roles.Commissioner)]
public sealed record MoveIndicator(Guid ContractId, Guid IndicatorId, bool Up, int? ExpectedVersion) : ICommand<Unit>;

public sealed class MoveIndicatorHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<MoveIndicator, Unit>
{
    public async Task<Unit> Handle(MoveIndicator request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        contract.MoveIndicator(new IndicatorId(request.IndicatorId), request.Up);
        return Unit.Value;
    }
}
