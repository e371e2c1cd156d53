using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Contracts.GetContractHistory;

/// <summary>The audit trail of one contract, newest first.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetContractHistory(Guid ContractId, int Take = 200) : IQuery<IReadOnlyList<AuditEntryView>>;

public sealed record AuditEntryView(
    DateTimeOffset OccurredAt, string UserName, string Action, string EntityType, string EntityId, AuditChangeKind Change, string? Before, string? After);

public sealed class GetContractHistoryHandler(IReadStore store, ICurrentUser user) : IRequestHandler<GetContractHistory, IReadOnlyList<AuditEntryView>>
{
    public async Task<IReadOnlyList<AuditEntryView>> Handle(GetContractHistory request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = new ContractId(request.ContractId);
        var visible = await store.CountAsync(store.Contracts.VisibleTo(user).Where(c => c.Id == id), cancellationToken).ConfigureAwait(false);
        if (visible == 0)
        {
            throw new NotFoundException("The contract");
        }

        return await store.ToListAsync(
            store.AuditEntries
                .Where(a => a.ContractId == request.ContractId)
                .OrderByDescending(a => a.Id)
                .Take(Math.Clamp(request.Take, 1, 1000))
                .Select(a => new AuditEntryView(a.OccurredAt, a.UserName, a.Action, a.EntityType, a.EntityId, a.Change, a.Before, a.After)),
            cancellationToken).ConfigureAwait(false);
    }
}
