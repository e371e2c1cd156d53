using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Application.Returns.GetProviderHome;

public sealed record ProviderContract(Guid Id, string Reference, string Title, ContractStatus Status);

/// <summary>
/// A return the provider still has to complete. <see cref="DaysLate"/> is above 0 once it is overdue;
/// otherwise <see cref="DueInDays"/> says how long is left (null when the due date has passed or is unknown).
/// </summary>
public sealed record ReturnToComplete(
    Guid ContractId,
    string ContractReference,
    string ContractTitle,
    string Period,
    string PeriodSlug,
    ReturnState State,
    DateOnly? DueOn,
    int DaysLate,
    int? DueInDays);

public sealed record ReturnAwaitingReview(
    Guid ContractId, string ContractReference, string ContractTitle, string Period, string PeriodSlug, DateTimeOffset SubmittedAt, int DaysLate);

/// <summary>One indicator's accepted figure and its rating; <see cref="Rating"/> is null when it has no target or thresholds to rate against.</summary>
public sealed record IndicatorRating(
    Guid IndicatorId, string Name, IndicatorUnit Unit, decimal? Value, decimal? Target, PerformanceRating? Rating, bool IsRestated);

/// <summary>The ratings of a contract's latest accepted return.</summary>
public sealed record ContractRatings(
    Guid ContractId, string ContractReference, string ContractTitle, string Period, string PeriodSlug, IReadOnlyList<IndicatorRating> Indicators)
{
    public bool IsRestated => Indicators.Any(i => i.IsRestated);
}

public sealed record ProviderHome(
    IReadOnlyList<ProviderContract> Contracts,
    IReadOnlyList<ReturnToComplete> ToComplete,
    IReadOnlyList<ReturnAwaitingReview> AwaitingReview,
    IReadOnlyList<ContractRatings> LatestRatings);

/// <summary>
/// The provider's home page: its own organisation's contracts, the returns it still has to complete
/// (overdue first), those waiting for the commissioner, and the latest ratings of each contract.
/// </summary>
[AuthorizeRoles(Roles.Provider)]
public sealed record GetProviderHome : IQuery<ProviderHome>;

public sealed class GetProviderHomeHandler(IReadStore store, ICurrentUser user, IReportingCalendar calendar, IClock clock)
    : IRequestHandler<GetProviderHome, ProviderHome>
{
    public async Task<ProviderHome> Handle(GetProviderHome request, CancellationToken cancellationToken)
    {
        var organisationId = user.OrganisationId ?? new OrganisationId(Guid.Empty);

        // The whole contracts are read (untracked): their indicators, targets and thresholds rate the figures.
        // A provider holds few contracts, so this stays small.
        var contracts = await store.ToListAsync(
            store.Contracts.Where(c => c.ProviderId == organisationId && c.Status != ContractStatus.Draft).OrderBy(c => c.Reference),
            cancellationToken).ConfigureAwait(false);
        var returns = await store.ToListAsync(
            store.Returns.Where(r => r.ProviderId == organisationId).Select(r => new ReturnRow(
                r.Id, r.ContractId, r.Period, r.Status, r.DueOn, r.FirstSubmittedAt, r.SubmittedAt)),
            cancellationToken).ConfigureAwait(false);
        var saved = returns.ToDictionary(r => (r.ContractId, r.Period));
        var today = clock.Today;

        var toComplete = new List<ReturnToComplete>();
        var awaiting = new List<ReturnAwaitingReview>();
        foreach (var contract in contracts)
        {
            foreach (var period in ReportingSchedule.PeriodsOwed(contract.Term, contract.EndedOn).TakeWhile(p => ReportingSchedule.IsOpen(p, today)))
            {
                saved.TryGetValue((contract.Id, period), out var r);
                var dueOn = r?.DueOn ?? calendar.DueDate(period);
                var daysLate = ReportingSchedule.DaysLate(dueOn, r?.FirstSubmittedAt, today);
                switch (r?.Status)
                {
                    case null or ReturnStatus.Draft or ReturnStatus.Queried:
                        toComplete.Add(new ReturnToComplete(
                            contract.Id.Value, contract.Reference, contract.Title, period.Label, period.Slug,
                            r is null ? ReturnState.NotStarted : ReturnViews.StateOf(r.Status), dueOn, daysLate,
                            dueOn is { } due && today <= due ? due.DayNumber - today.DayNumber : null));
                        break;
                    case ReturnStatus.Submitted:
                        awaiting.Add(new ReturnAwaitingReview(
                            contract.Id.Value, contract.Reference, contract.Title, period.Label, period.Slug, r.SubmittedAt!.Value, daysLate));
                        break;
                    default:
                        break;
                }
            }
        }

        var ratings = await LatestRatingsAsync(contracts, returns, cancellationToken).ConfigureAwait(false);
        return new ProviderHome(
            [.. contracts.Select(c => new ProviderContract(c.Id.Value, c.Reference, c.Title, c.Status))],
            [.. toComplete.OrderByDescending(t => t.DaysLate).ThenBy(t => t.DueOn).ThenBy(t => t.ContractReference, StringComparer.Ordinal)],
            [.. awaiting.OrderBy(a => a.SubmittedAt)],
            ratings);
    }

    /// <summary>Rates each contract's latest accepted return; only accepted figures are rated.</summary>
    private async Task<IReadOnlyList<ContractRatings>> LatestRatingsAsync(
        List<Contract> contracts, List<ReturnRow> returns, CancellationToken cancellationToken)
    {
        var latest = returns.Where(r => r.Status == ReturnStatus.Accepted)
            .GroupBy(r => r.ContractId)
            .Select(g => g.MaxBy(r => r.Period)!)
            .ToDictionary(r => r.ContractId);
        if (latest.Count == 0)
        {
            return [];
        }

        var ids = latest.Values.Select(r => r.Id).ToList();
        var figures = (await store.ToListAsync(
                store.Returns.Where(r => ids.Contains(r.Id))
                    .SelectMany(r => r.Figures, (r, f) => new { r.ContractId, f.IndicatorId, f.Value, f.IsRestated }),
                cancellationToken).ConfigureAwait(false))
            .ToDictionary(f => (f.ContractId, f.IndicatorId));

        var ratings = new List<ContractRatings>();
        foreach (var contract in contracts)
        {
            if (!latest.TryGetValue(contract.Id, out var accepted))
            {
                continue;
            }

            var period = accepted.Period;
            var lines = contract.Indicators.OrderBy(i => i.DisplayOrder).Select(indicator =>
            {
                figures.TryGetValue((contract.Id, indicator.Id), out var figure);
                var target = indicator.TargetFor(period);
                PerformanceRating? rating = figure?.Value is not { } value
                    ? PerformanceRating.NotReported
                    : target is { } t && indicator.ToleranceFor(period) is { } tolerance ? tolerance.Rate(t, value, indicator.Polarity) : null;
                return new IndicatorRating(indicator.Id.Value, indicator.Name, indicator.Unit, figure?.Value, target, rating, figure?.IsRestated ?? false);
            }).ToArray();
            ratings.Add(new ContractRatings(contract.Id.Value, contract.Reference, contract.Title, period.Label, period.Slug, lines));
        }

        return ratings;
    }

    private sealed record ReturnRow(
        ReturnId Id, ContractId ContractId, ReportingPeriod Period, ReturnStatus Status, DateOnly DueOn, DateTimeOffset? FirstSubmittedAt, DateTimeOffset? SubmittedAt);
}
