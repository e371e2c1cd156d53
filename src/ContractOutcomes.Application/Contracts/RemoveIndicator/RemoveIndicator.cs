using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Contracts.RemoveIndicator;

[AuthorizeRoles(Roles.Commissioner)]
public sealed record RemoveIndicator(Guid ContractId, Guid IndicatorId, int? ExpectedVersion) : ICommand<Unit>;

public sealed class RemoveIndicatorHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<RemoveIndicator, Unit>
{
    public async Task<Unit> Handle(RemoveIndicator request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        contract.RemoveIndicator(new IndicatorId(request.IndicatorId));
        return Unit.Value;
    }
}
