using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using MediatR;

namespace ContractOutcomes.Application.Returns.SubmitReturn;

/// <summary>Submits a draft or revised return for the commissioner to review.</summary>
[AuthorizeRoles(Roles.Provider)]
public sealed record SubmitReturn(Guid ContractId, string Period, int? ExpectedVersion) : ICommand<int>;

public sealed class SubmitReturnHandler(
    IContractRepository contracts, IReturnRepository returns, IReportingCalendar calendar, IClock clock, ICurrentUser user)
    : IRequestHandler<SubmitReturn, int>
{
    public async Task<int> Handle(SubmitReturn request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (contract, quarterlyReturn) = await ReturnAccess.LoadForProviderAsync(
            contracts, returns, calendar, clock, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        quarterlyReturn.Submit(contract, user.AsActor(), clock.Now);
        return quarterlyReturn.Version;
    }
}
