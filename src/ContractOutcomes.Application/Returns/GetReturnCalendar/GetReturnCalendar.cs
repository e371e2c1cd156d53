using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Application.Returns.GetReturnCalendar;

public sealed record ReturnCalendarEntry(
    string Period,
    string PeriodSlug,
    DateOnly PeriodEnd,
    ReturnState State,
    DateOnly? DueOn,
    int DaysLate,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? AcceptedAt,
    bool HasOpenQueries,
    bool HasPendingRestatement,
    bool IsRestated);

public sealed record ReturnCalendarView(Guid ContractId, string Reference, string Title, string ProviderName, ContractStatus Status, int DueWorkingDays, IReadOnlyList<ReturnCalendarEntry> Periods);

/// <summary>
/// The reporting calendar of one contract: every period of its term, when its return is due, where it
/// stands and how late it is. Periods nobody has started yet have no stored return; they are worked out here.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetReturnCalendar(Guid ContractId) : IQuery<ReturnCalendarView>;

public sealed class GetReturnCalendarHandler(IReadStore store, ICurrentUser user, IReportingCalendar calendar, IClock clock)
    : IRequestHandler<GetReturnCalendar, ReturnCalendarView>
{
    public async Task<ReturnCalendarView> Handle(GetReturnCalendar request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contractId = new ContractId(request.ContractId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false);
        if (contract is null || !ReturnAccess.CanSee(contract, user))
        {
            throw new NotFoundException("The contract");
        }

        var providerName = await store.FirstOrDefaultAsync(
            store.Organisations.Where(o => o.Id == contract.ProviderId).Select(o => o.Name), cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var saved = (await store.ToListAsync(
                store.Returns.Where(r => r.ContractId == contractId).Select(r => new
                {
                    r.Period,
                    r.Status,
                    r.DueOn,
                    r.FirstSubmittedAt,
                    r.SubmittedAt,
                    r.AcceptedAt,
                    OpenQueries = r.Queries.Any(q => q.IsOpen),
                    Pending = r.Restatements.Any(x => x.Status == RestatementStatus.Proposed),
                    Restated = r.Figures.Any(f => f.IsRestated),
                }),
                cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Period);
        var today = clock.Today;
        var entries = new List<ReturnCalendarEntry>();
        if (contract.Status != ContractStatus.Draft)
        {
            foreach (var period in ReportingSchedule.PeriodsOwed(contract.Term, contract.EndedOn))
            {
                if (saved.TryGetValue(period, out var r))
                {
                    entries.Add(new ReturnCalendarEntry(
                        period.Label, period.Slug, period.EndDate, ReturnViews.StateOf(r.Status), r.DueOn,
                        ReportingSchedule.DaysLate(r.DueOn, r.FirstSubmittedAt, today),
                        r.SubmittedAt, r.AcceptedAt, r.OpenQueries, r.Pending, r.Restated));
                    continue;
                }

                var due = calendar.DueDate(period);
                var open = ReportingSchedule.IsOpen(period, today);
                entries.Add(new ReturnCalendarEntry(
                    period.Label, period.Slug, period.EndDate, open ? ReturnState.NotStarted : ReturnState.NotYetOpen, due,
                    open ? ReportingSchedule.DaysLate(due, null, today) : 0,
                    null, null, false, false, false));
            }
        }

        return new ReturnCalendarView(contract.Id.Value, contract.Reference, contract.Title, providerName, contract.Status, calendar.DueWorkingDays, entries);
    }
}
