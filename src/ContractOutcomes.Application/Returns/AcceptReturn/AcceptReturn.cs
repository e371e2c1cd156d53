using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using MediatR;

namespace ContractOutcomes.Application.Returns.AcceptReturn;

/// <summary>Accepts a submitted return: its figures are locked and feed ratings and payments.</summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record AcceptReturn(Guid ContractId, string Period, int? ExpectedVersion) : ICommand<int>;

public sealed class AcceptReturnHandler(IContractRepository contracts, IReturnRepository returns, IClock clock, ICurrentUser user)
    : IRequestHandler<AcceptReturn, int>
{
    public async Task<int> Handle(AcceptReturn request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, quarterlyReturn) = await ReturnAccess.LoadForCommissionerAsync(
            contracts, returns, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        quarterlyReturn.Accept(user.AsActor(), clock.Now);
        return quarterlyReturn.Version;
    }
}
