using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Application.Returns.ListReturnsForReview;

/// <summary>A submitted return waiting for the commissioner to accept or query it.</summary>
public sealed record ReturnToReview(
    Guid ContractId,
    string ContractReference,
    string ContractTitle,
    string ProviderName,
    string Period,
    string PeriodSlug,
    DateTimeOffset SubmittedAt,
    DateTimeOffset FirstSubmittedAt,
    int DaysLate,
    bool IsResubmission);

/// <summary>A correction to an accepted figure, waiting for the commissioner to approve or reject it.</summary>
public sealed record RestatementToDecide(
    Guid ContractId,
    string ContractReference,
    string ContractTitle,
    string ProviderName,
    string Period,
    string PeriodSlug,
    Guid RestatementId,
    string IndicatorName,
    IndicatorUnit Unit,
    decimal? PreviousValue,
    decimal? PreviousNumerator,
    decimal? PreviousDenominator,
    decimal ProposedValue,
    decimal? ProposedNumerator,
    decimal? ProposedDenominator,
    string Reason,
    string ProposedByName,
    DateTimeOffset ProposedAt);

/// <summary>A period whose return is past its due date and has still not been submitted.</summary>
public sealed record OverdueReturn(
    Guid ContractId,
    string ContractReference,
    string ContractTitle,
    string ProviderName,
    string Period,
    string PeriodSlug,
    DateOnly DueOn,
    int DaysLate,
    ReturnState State);

public sealed record ReviewWorkList(
    IReadOnlyList<ReturnToReview> ToReview,
    IReadOnlyList<RestatementToDecide> Restatements,
    IReadOnlyList<OverdueReturn> Overdue);

/// <summary>
/// The commissioner's work list for their own commissioning body: submitted returns to accept or query,
/// proposed restatements to decide, and returns that are overdue.
/// </summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record ListReturnsForReview : IQuery<ReviewWorkList>;

public sealed class ListReturnsForReviewHandler(IReadStore store, ICurrentUser user, IReportingCalendar calendar, IClock clock)
    : IRequestHandler<ListReturnsForReview, ReviewWorkList>
{
    public async Task<ReviewWorkList> Handle(ListReturnsForReview request, CancellationToken cancellationToken)
    {
        // Explicitly the caller's own body, whatever else the caller may be allowed to read elsewhere.
        var organisationId = user.OrganisationId ?? new OrganisationId(Guid.Empty);
        var contracts = (await store.ToListAsync(
                from c in store.Contracts
                where c.CommissionerId == organisationId && c.Status != ContractStatus.Draft
                join p in store.Organisations on c.ProviderId equals p.Id
                select new ContractRow(c.Id, c.Reference, c.Title, p.Name, c.Term.Start, c.Term.End, c.EndedOn),
                cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.Id);

        // One query for every return of the body: the submitted ones are listed, and the rest tell which
        // periods are not overdue. Only the columns needed are read.
        var returns = await store.ToListAsync(
            store.Returns.Where(r => r.CommissionerId == organisationId).Select(r => new ReturnRow(
                r.ContractId, r.Period, r.Status, r.DueOn, r.FirstSubmittedAt, r.SubmittedAt, r.Queries.Any())),
            cancellationToken).ConfigureAwait(false);

        var toReview = returns
            .Where(r => r.Status == ReturnStatus.Submitted && contracts.ContainsKey(r.ContractId))
            .Select(r =>
            {
                var c = contracts[r.ContractId];
                var first = r.FirstSubmittedAt ?? r.SubmittedAt!.Value;
                return new ReturnToReview(
                    c.Id.Value, c.Reference, c.Title, c.ProviderName, r.Period.Label, r.Period.Slug, r.SubmittedAt ?? first, first,
                    ReportingSchedule.DaysLate(r.DueOn, first, clock.Today), r.HasQueries);
            })
            .OrderBy(r => r.SubmittedAt)
            .ToArray();

        var restatements = await PendingRestatementsAsync(organisationId, contracts, cancellationToken).ConfigureAwait(false);
        var overdue = Overdue(contracts.Values, returns, clock.Today);
        return new ReviewWorkList(toReview, restatements, overdue);
    }

    private async Task<IReadOnlyList<RestatementToDecide>> PendingRestatementsAsync(
        OrganisationId organisationId, Dictionary<ContractId, ContractRow> contracts, CancellationToken cancellationToken)
    {
        var pending = await store.ToListAsync(
            from r in store.Returns
            where r.CommissionerId == organisationId
            from x in r.Restatements
            where x.Status == RestatementStatus.Proposed
            select new
            {
                r.ContractId,
                r.Period,
                x.Id,
                x.IndicatorId,
                x.PreviousValue,
                x.PreviousNumerator,
                x.PreviousDenominator,
                x.ProposedValue,
                x.ProposedNumerator,
                x.ProposedDenominator,
                x.Reason,
                x.ProposedByName,
                x.ProposedAt,
            },
            cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return [];
        }

        // Indicator names only for the few contracts that have something to decide.
        var contractIds = pending.Select(p => p.ContractId).Distinct().ToList();
        var indicators = (await store.ToListAsync(
                store.Contracts.Where(c => contractIds.Contains(c.Id))
                    .SelectMany(c => c.Indicators, (c, i) => new { ContractId = c.Id, i.Id, i.Name, i.Unit }),
                cancellationToken).ConfigureAwait(false))
            .ToDictionary(i => (i.ContractId, i.Id));

        return [.. pending
            .Where(p => contracts.ContainsKey(p.ContractId))
            .OrderBy(p => p.ProposedAt)
            .Select(p =>
            {
                var c = contracts[p.ContractId];
                var found = indicators.TryGetValue((p.ContractId, p.IndicatorId), out var indicator);
                return new RestatementToDecide(
                    c.Id.Value, c.Reference, c.Title, c.ProviderName, p.Period.Label, p.Period.Slug, p.Id,
                    found ? indicator!.Name : "Removed indicator", found ? indicator!.Unit : IndicatorUnit.Count,
                    p.PreviousValue, p.PreviousNumerator, p.PreviousDenominator, p.ProposedValue, p.ProposedNumerator, p.ProposedDenominator,
                    p.Reason, p.ProposedByName, p.ProposedAt);
            })];
    }

    /// <summary>
    /// Periods that have ended and are past their due date with no return submitted: none started, or a
    /// draft (including one withdrawn after submission). Ended contracts still owe the returns of their term.
    /// </summary>
    private List<OverdueReturn> Overdue(IEnumerable<ContractRow> contracts, List<ReturnRow> returns, DateOnly today)
    {
        var saved = returns.ToDictionary(r => (r.ContractId, r.Period));
        var overdue = new List<OverdueReturn>();
        foreach (var c in contracts)
        {
            foreach (var period in ReportingSchedule.PeriodsOwed(ContractTerm.Of(c.TermStart, c.TermEnd), c.EndedOn).TakeWhile(p => ReportingSchedule.IsOpen(p, today)))
            {
                saved.TryGetValue((c.Id, period), out var r);
                if (r is not null && r.Status != ReturnStatus.Draft)
                {
                    continue;
                }

                if ((r?.DueOn ?? calendar.DueDate(period)) is { } due && today > due)
                {
                    overdue.Add(new OverdueReturn(
                        c.Id.Value, c.Reference, c.Title, c.ProviderName, period.Label, period.Slug, due, today.DayNumber - due.DayNumber,
                        r is null ? ReturnState.NotStarted : ReturnState.Draft));
                }
            }
        }

        return [.. overdue.OrderByDescending(o => o.DaysLate).ThenBy(o => o.ContractReference, StringComparer.Ordinal)];
    }

    private sealed record ContractRow(ContractId Id, string Reference, string Title, string ProviderName, DateOnly TermStart, DateOnly TermEnd, DateOnly? EndedOn);

    private sealed record ReturnRow(
        ContractId ContractId, ReportingPeriod Period, ReturnStatus Status, DateOnly DueOn, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt, bool HasQueries);
}
