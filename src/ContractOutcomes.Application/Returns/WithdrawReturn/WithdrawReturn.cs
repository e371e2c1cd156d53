using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using MediatR;

namespace ContractOutcomes.Application.Returns.WithdrawReturn;

/// <summary>Takes a submitted return back to make changes, until the commissioner has acted on it.</summary>
[AuthorizeRoles(Roles.Provider)]
public sealed record WithdrawReturn(Guid ContractId, string Period, int? ExpectedVersion) : ICommand<int>;

public sealed class WithdrawReturnHandler(
    IContractRepository contracts, IReturnRepository returns, IReportingCalendar calendar, IClock clock, ICurrentUser user)
    : IRequestHandler<WithdrawReturn, int>
{
    public async Task<int> Handle(WithdrawReturn request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, quarterlyReturn) = await ReturnAccess.LoadForProviderAsync(
            contracts, returns, calendar, clock, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        quarterlyReturn.Withdraw(user.AsActor(), clock.Now);
        return quarterlyReturn.Version;
    }
}
