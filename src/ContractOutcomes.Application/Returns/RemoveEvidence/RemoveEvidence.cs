using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using MediatR;

namespace ContractOutcomes.Application.Returns.RemoveEvidence;

/// <summary>Removes an evidence file from a draft or queried return. The audit trail keeps the record of it.</summary>
[AuthorizeRoles(Roles.Provider)]
public sealed record RemoveEvidence(Guid ContractId, string Period, int? ExpectedVersion, Guid EvidenceId) : ICommand<int>;

public sealed class RemoveEvidenceHandler(
    IContractRepository contracts, IReturnRepository returns, IReportingCalendar calendar, IClock clock, ICurrentUser user)
    : IRequestHandler<RemoveEvidence, int>
{
    public async Task<int> Handle(RemoveEvidence request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, quarterlyReturn) = await ReturnAccess.LoadForProviderAsync(
            contracts, returns, calendar, clock, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        if (quarterlyReturn.Evidence.All(e => e.Id != request.EvidenceId))
        {
            throw new NotFoundException("The evidence file");
        }

        quarterlyReturn.RemoveEvidence(request.EvidenceId, user.AsActor(), clock.Now);
        return quarterlyReturn.Version;
    }
}
