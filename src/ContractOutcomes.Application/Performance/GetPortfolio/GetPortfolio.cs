using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Domain.Returns;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Performance.GetPortfolio;

/// <summary>
/// Every contract the user may see, filtered, with its overall position for the chosen period (or its latest
/// evaluated period), escalation stage, outstanding returns and money for the financial year to date, and
/// summary figures across them. Reads stored evaluations and escalation cases; recalculates nothing.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetPortfolio(
    string? ProviderId = null,
    OrganisationType? OrganisationType = null,
    string? ServiceArea = null,
    EscalationStage? Stage = null,
    string? Period = null) : IQuery<PortfolioView>;

public sealed class GetPortfolioValidator : AbstractValidator<GetPortfolio>
{
    public GetPortfolioValidator()
    {
        RuleFor(x => x.ProviderId).Must(id => Guid.TryParse(id, out _))
            .When(x => !string.IsNullOrWhiteSpace(x.ProviderId))
            .WithMessage("Select a provider from the list");
        RuleFor(x => x.OrganisationType).IsInEnum().WithMessage("Select an organisation type from the list");
        RuleFor(x => x.ServiceArea).MaximumLength(Contract.ServiceAreaMaxLength)
            .WithMessage("Select a service area from the list");
        RuleFor(x => x.Stage).IsInEnum().WithMessage("Select an escalation stage from the list");
        RuleFor(x => x.Period).Must(p => ReportingPeriod.TryParse(p, out _))
            .When(x => !string.IsNullOrWhiteSpace(x.Period))
            .WithMessage("Enter a period like 2026-27 Q2, or select one from the list");
    }
}

/// <summary>
/// Seven set-based queries whatever the number of contracts: filter options, contract rows, latest evaluated
/// periods, the year's evaluation totals, rating counts and returns, each composed over the filtered
/// contracts as a subquery (never one query per contract); the rest is arithmetic in memory.
/// At portfolio scale (10,000 contracts, ~20 quarters each) this holds up except for two reads that grow
/// with history rather than with contracts: the returns (every return of the filtered contracts, ~200,000
/// narrow rows) and the latest-period aggregate (a scan of IX_PeriodEvaluations_ContractId_Period). Both
/// would be replaced by a stored per-contract summary (latest evaluated period, outstanding and overdue
/// counts), kept up to date by the same re-evaluation that writes PeriodEvaluations. The filters would also
/// want indexes on Contracts(CommissionerId, ServiceArea) and Organisations(OrganisationType);
/// EscalationCases(Stage) and PeriodEvaluations(ContractId, Period) exist already.
/// </summary>
public sealed class GetPortfolioHandler(IReadStore store, ICurrentUser user, IReportingCalendar calendar, IClock clock)
    : IRequestHandler<GetPortfolio, PortfolioView>
{
    public async Task<PortfolioView> Handle(GetPortfolio request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = clock.Today;
        ReportingPeriod? chosen = ReportingPeriod.TryParse(request.Period, out var parsed) ? parsed : null;

        var visible =
            from c in store.Contracts.VisibleTo(user)
            join p in store.Organisations on c.ProviderId equals p.Id
            from e in store.EscalationCases.Where(e => e.Id == c.Id).DefaultIfEmpty()
            select new Joined { Contract = c, Provider = p, Case = e };

        var options = await OptionsAsync(visible, cancellationToken).ConfigureAwait(false);
        var filtered = Filter(visible, request);
        var contractIds = filtered.Select(x => x.Contract.Id);

        var contracts = await store.ToListAsync(
            filtered.Select(x => new ContractFacts(
                x.Contract.Id,
                x.Contract.Reference,
                x.Contract.Title,
                x.Provider.Id,
                x.Provider.Name,
                x.Provider.OrganisationType,
                x.Provider.IsNotForProfit,
                x.Contract.ServiceArea,
                x.Contract.Status,
                x.Contract.Term.Start,
                x.Contract.Term.End,
                x.Contract.EndedOn,
                x.Case == null ? null : x.Case.Stage,
                x.Case == null ? null : x.Case.FailedToImproveOn)),
            cancellationToken).ConfigureAwait(false);

        // The period each row is about: the chosen one, or the contract's latest evaluated period.
        Dictionary<ContractId, ReportingPeriod> periodOf;
        if (chosen is { } period)
        {
            periodOf = contracts.Where(c => c.Status != ContractStatus.Draft).ToDictionary(c => c.Id, _ => period);
        }
        else
        {
            periodOf = (await store.ToListAsync(
                    store.PeriodEvaluations.Where(e => contractIds.Contains(e.ContractId))
                        .GroupBy(e => e.ContractId)
                        .Select(g => new { ContractId = g.Key, Latest = g.Max(e => e.Period) }),
                    cancellationToken).ConfigureAwait(false))
                .ToDictionary(x => x.ContractId, x => x.Latest);
        }

        var rowPeriods = periodOf.Values.Distinct().ToList();
        var yearPeriods = rowPeriods.SelectMany(PortfolioRules.YearToDate).Distinct().ToList();

        var money = await store.ToListAsync(
            store.PeriodEvaluations
                .Where(e => contractIds.Contains(e.ContractId) && yearPeriods.Contains(e.Period))
                .Select(e => new EvaluationTotals(e.ContractId, e.Period, e.Score, e.NetPayment, e.OutcomePayments, e.Withheld, e.ServiceCredits)),
            cancellationToken).ConfigureAwait(false);

        var ratings = await store.ToListAsync(
            store.PeriodEvaluations
                .Where(e => contractIds.Contains(e.ContractId) && rowPeriods.Contains(e.Period))
                .SelectMany(e => e.Indicators, (e, i) => new { e.ContractId, e.Period, i.Rating })
                .GroupBy(x => new { x.ContractId, x.Period, x.Rating })
                .Select(g => new RatingTally(g.Key.ContractId, g.Key.Period, g.Key.Rating, g.Count())),
            cancellationToken).ConfigureAwait(false);

        var returns = await store.ToListAsync(
            store.Returns.Where(r => contractIds.Contains(r.ContractId))
                .Select(r => new ReturnFacts(r.ContractId, r.Period, r.Status, r.DueOn, r.FirstSubmittedAt)),
            cancellationToken).ConfigureAwait(false);

        var moneyByContract = money.ToLookup(m => m.ContractId);
        var ratingsByContract = ratings.ToLookup(r => (r.ContractId, r.Period));
        var returnsByContract = returns.ToLookup(r => r.ContractId);

        var rows = contracts
            .Select(c => Row(c, periodOf, moneyByContract[c.Id], ratingsByContract, returnsByContract[c.Id], today))
            .OrderByDescending(r => r.Stage ?? 0)
            .ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();

        return new PortfolioView(rows, Summarise(rows), options, chosen?.Label, today);
    }

    private static IQueryable<Joined> Filter(IQueryable<Joined> visible, GetPortfolio request)
    {
        var filtered = visible;
        if (Guid.TryParse(request.ProviderId, out var providerGuid))
        {
            var providerId = new OrganisationId(providerGuid);
            filtered = filtered.Where(x => x.Contract.ProviderId == providerId);
        }

        if (request.OrganisationType is { } type)
        {
            filtered = filtered.Where(x => x.Provider.OrganisationType == type);
        }

        if (!string.IsNullOrWhiteSpace(request.ServiceArea))
        {
            var area = request.ServiceArea.Trim();
            filtered = filtered.Where(x => x.Contract.ServiceArea == area);
        }

        // A draft has no stage; an active contract whose case is not yet opened is at routine monitoring.
        if (request.Stage is { } stage)
        {
            filtered = stage == EscalationStage.RoutineMonitoring
                ? filtered.Where(x => x.Contract.Status != ContractStatus.Draft && (x.Case == null || x.Case.Stage == stage))
                : filtered.Where(x => x.Contract.Status != ContractStatus.Draft && x.Case != null && x.Case.Stage == stage);
        }

        return filtered;
    }

    private async Task<PortfolioFilterOptions> OptionsAsync(IQueryable<Joined> visible, CancellationToken cancellationToken)
    {
        // Distinct combinations, so the rows read grow with providers × areas × stages, not with contracts.
        var combinations = await store.ToListAsync(
            visible.Select(x => new
            {
                ProviderId = x.Provider.Id,
                ProviderName = x.Provider.Name,
                x.Provider.OrganisationType,
                x.Contract.ServiceArea,
                IsDraft = x.Contract.Status == ContractStatus.Draft,
                Stage = x.Case == null ? null : (EscalationStage?)x.Case.Stage,
            }).Distinct(),
            cancellationToken).ConfigureAwait(false);

        var periods = await store.ToListAsync(
            store.PeriodEvaluations.Where(e => visible.Select(x => x.Contract.Id).Contains(e.ContractId)).Select(e => e.Period).Distinct(),
            cancellationToken).ConfigureAwait(false);

        return new PortfolioFilterOptions(
            [.. combinations.DistinctBy(c => c.ProviderId).OrderBy(c => c.ProviderName, StringComparer.CurrentCulture)
                .Select(c => new FilterOption(c.ProviderId.Value.ToString(), c.ProviderName))],
            [.. combinations.Where(c => c.OrganisationType is not null).Select(c => c.OrganisationType!.Value).Distinct().Order()
                .Select(t => new FilterOption(t.ToString(), t.DisplayName()))],
            [.. combinations.Select(c => c.ServiceArea).Distinct().Order(StringComparer.CurrentCulture)],
            [.. combinations.Where(c => !c.IsDraft).Select(c => c.Stage ?? EscalationStage.RoutineMonitoring).Distinct().Order()
                .Select(s => new FilterOption(s.ToString(), s.DisplayName()))],
            [.. periods.OrderDescending().Select(p => p.Label)]);
    }

    private PortfolioRow Row(
        ContractFacts c,
        Dictionary<ContractId, ReportingPeriod> periodOf,
        IEnumerable<EvaluationTotals> money,
        ILookup<(ContractId, ReportingPeriod), RatingTally> ratings,
        IEnumerable<ReturnFacts> returns,
        DateOnly today)
    {
        if (c.Status == ContractStatus.Draft)
        {
            return new PortfolioRow(
                c.Id.Value, c.Reference, c.Title, c.ProviderId.Value, c.ProviderName, c.OrganisationType, c.IsNotForProfit, c.ServiceArea, c.Status,
                null, false, null, null, null, null, false, null, null, null, null);
        }

        var stage = c.Stage ?? EscalationStage.RoutineMonitoring;
        var outstanding = Outstanding(c, returns, today);
        if (!periodOf.TryGetValue(c.Id, out var period))
        {
            // Active, but no period has been evaluated yet: nothing to show for performance or money.
            return new PortfolioRow(
                c.Id.Value, c.Reference, c.Title, c.ProviderId.Value, c.ProviderName, c.OrganisationType, c.IsNotForProfit, c.ServiceArea, c.Status,
                null, false, null, PortfolioRules.NoScore, null, stage, c.FailedToImproveOn is not null, c.FailedToImproveOn,
                c.FailedToImproveOn?.AddDays(EscalationCase.PerformanceNoticeDays), outstanding, null);
        }

        var year = money.Where(m => m.Period.FinancialYearStart == period.FinancialYearStart && m.Period <= period).OrderBy(m => m.Period).ToList();
        var evaluation = year.Find(m => m.Period == period);
        var counts = evaluation is null ? null : Count(ratings[(c.Id, period)]);
        var yearToDate = new YearToDate(
            period.FinancialYearLabel,
            period.Label,
            Sum(year.Select(m => m.NetPayment)),
            Sum(year.Select(m => m.OutcomePayments)),
            Sum(year.Select(m => m.Withheld)),
            Sum(year.Select(m => m.ServiceCredits)),
            [.. year.Select(m => new PeriodMoney(m.Period.Label, m.NetPayment, m.OutcomePayments, m.Withheld, m.ServiceCredits))]);

        return new PortfolioRow(
            c.Id.Value, c.Reference, c.Title, c.ProviderId.Value, c.ProviderName, c.OrganisationType, c.IsNotForProfit, c.ServiceArea, c.Status,
            period.Label, evaluation is not null, evaluation?.Score, PortfolioRules.BandOf(evaluation?.Score), counts,
            stage, c.FailedToImproveOn is not null, c.FailedToImproveOn, c.FailedToImproveOn?.AddDays(EscalationCase.PerformanceNoticeDays),
            outstanding, yearToDate);
    }

    private OutstandingReturns Outstanding(ContractFacts c, IEnumerable<ReturnFacts> returns, DateOnly today)
    {
        var saved = returns.ToDictionary(r => r.Period);
        var periods = new List<OutstandingReturn>();
        foreach (var period in ReportingSchedule.PeriodsOwed(ContractTerm.Of(c.TermStart, c.TermEnd), c.EndedOn)
                     .TakeWhile(p => ReportingSchedule.IsOpen(p, today)))
        {
            saved.TryGetValue(period, out var r);
            var dueOn = r?.DueOn ?? calendar.DueDate(period);
            if (PortfolioRules.Outstanding(period, r?.Status, dueOn, r?.FirstSubmittedAt, today) is { } outstanding)
            {
                periods.Add(outstanding);
            }
        }

        return new OutstandingReturns(periods.Count, periods.Count(p => p.IsOverdue), periods);
    }

    private static RatingCounts Count(IEnumerable<RatingTally> tallies)
    {
        var byRating = tallies.Where(t => t.Rating is not null).ToDictionary(t => t.Rating!.Value, t => t.Count);
        int Of(PerformanceRating rating) => byRating.GetValueOrDefault(rating);
        return new RatingCounts(
            Of(PerformanceRating.Good),
            Of(PerformanceRating.ApproachingTarget),
            Of(PerformanceRating.RequiresImprovement),
            Of(PerformanceRating.Inadequate),
            Of(PerformanceRating.NotReported),
            Of(PerformanceRating.Other));
    }

    private static PortfolioSummary Summarise(List<PortfolioRow> rows)
    {
        var active = rows.Where(r => !r.IsDraft).ToList();
        var byStage = Enum.GetValues<EscalationStage>()
            .Select(s => new StageCount(s, s.DisplayName(), active.Count(r => r.Stage == s), active.Count(r => r.Stage == s && r.FailedToImprove)))
            .ToList();
        var byPosition = PortfolioRules.Bands
            .Select(b => new BandCount(b, active.Count(r => (r.PositionBand ?? PortfolioRules.NoScore) == b)))
            .ToList();

        var byType = active
            .GroupBy(r => r.OrganisationType)
            .OrderBy(g => g.Key is null ? int.MaxValue : (int)g.Key.Value)
            .Select(g => Group(g.Key?.ToString() ?? "NotRecorded", g.Key?.DisplayName() ?? "Organisation type not recorded", g))
            .ToList();
        var byProfit = active
            .GroupBy(r => r.IsNotForProfit)
            .OrderByDescending(g => g.Key)
            .Select(g => Group(g.Key ? "NotForProfit" : "Private", g.Key ? "Not for profit" : "Private (for profit)", g))
            .ToList();

        return new PortfolioSummary(
            rows.Count,
            rows.Count - active.Count,
            byStage,
            byPosition,
            [.. active.Where(r => r.YearToDate is not null).Select(r => r.YearToDate!.FinancialYear).Distinct().Order(StringComparer.Ordinal)],
            Sum(active.Select(r => r.YearToDate?.NetPayment ?? Money.Zero)),
            Sum(active.Select(r => r.YearToDate?.OutcomePayments ?? Money.Zero)),
            byType,
            byProfit,
            active.Sum(r => r.Returns?.Count ?? 0),
            active.Sum(r => r.Returns?.Overdue ?? 0));
    }

    private static MoneyByGroup Group(string key, string name, IEnumerable<PortfolioRow> rows)
    {
        var list = rows.ToList();
        return new MoneyByGroup(
            key,
            name,
            list.Count,
            Sum(list.Select(r => r.YearToDate?.NetPayment ?? Money.Zero)),
            Sum(list.Select(r => r.YearToDate?.OutcomePayments ?? Money.Zero)));
    }

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (total, m) => total + m);

    private sealed class Joined
    {
        public required Contract Contract { get; init; }

        public required Organisation Provider { get; init; }

        public EscalationCase? Case { get; init; }
    }

    private sealed record ContractFacts(
        ContractId Id,
        string Reference,
        string Title,
        OrganisationId ProviderId,
        string ProviderName,
        OrganisationType? OrganisationType,
        bool IsNotForProfit,
        string ServiceArea,
        ContractStatus Status,
        DateOnly TermStart,
        DateOnly TermEnd,
        DateOnly? EndedOn,
        EscalationStage? Stage,
        DateOnly? FailedToImproveOn);

    private sealed record EvaluationTotals(
        ContractId ContractId, ReportingPeriod Period, decimal? Score, Money NetPayment, Money OutcomePayments, Money Withheld, Money ServiceCredits);

    private sealed record RatingTally(ContractId ContractId, ReportingPeriod Period, PerformanceRating? Rating, int Count);

    private sealed record ReturnFacts(ContractId ContractId, ReportingPeriod Period, ReturnStatus Status, DateOnly DueOn, DateTimeOffset? FirstSubmittedAt);
}
