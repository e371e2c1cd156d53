using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Incentives;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Performance;

/// <summary>An accepted figure as it stands now, and whether a restatement put it there.</summary>
public sealed record AcceptedFigure(Figure Figure, bool IsRestated);

/// <summary>What the evaluation needs to know about one period's return.</summary>
public sealed record ReturnFacts(
    ReportingPeriod Period,
    ReturnStatus Status,
    DateOnly DueOn,
    int DaysLate,
    bool WasQueried,
    IReadOnlyDictionary<IndicatorId, AcceptedFigure> Accepted)
{
    public bool IsAccepted => Status == ReturnStatus.Accepted;

    /// <summary>Figures were submitted and the commissioner has yet to accept them (or has queried them).</summary>
    public bool IsAwaitingReview => Status is ReturnStatus.Submitted or ReturnStatus.Queried;

    public static ReturnFacts Of(QuarterlyReturn quarterlyReturn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(quarterlyReturn);
        var accepted = quarterlyReturn.Status == ReturnStatus.Accepted
            ? quarterlyReturn.Figures
                .Where(f => f.Figure is not null)
                .ToDictionary(f => f.IndicatorId, f => new AcceptedFigure(f.Figure!, f.IsRestated))
            : new Dictionary<IndicatorId, AcceptedFigure>();
        return new ReturnFacts(
            quarterlyReturn.Period,
            quarterlyReturn.Status,
            quarterlyReturn.DueOn,
            quarterlyReturn.DaysLate(today),
            quarterlyReturn.Queries.Count > 0,
            accepted);
    }
}

public sealed record IndicatorAssessment(IndicatorTerms Terms, RatingResult? Rating, ScorecardFigures Figures, bool IsRestated, PaymentLine? Payment);

/// <summary>One evaluated period: ratings, figures, score, payments and the escalation rules it fires.</summary>
public sealed record PeriodAssessment(
    ReportingPeriod Period,
    PeriodTerms Terms,
    DateOnly? DueOn,
    ReturnFacts? Return,
    IReadOnlyList<IndicatorAssessment> Indicators,
    decimal? Score,
    PaymentStatement? Payment,
    IReadOnlyList<EscalationTrigger> Triggers);

public sealed record ContractAssessmentResult(
    IReadOnlyList<PeriodAssessment> Periods,
    IReadOnlyList<EscalationTrigger> Triggers,
    IReadOnlyList<PeriodRatings> Ratings);

/// <summary>
/// Evaluates a whole contract: every period whose return has been accepted, or is past its due date with
/// nothing submitted (Not reported), is rated against the terms that applied in that period, given its scorecard figures, paid under the
/// incentive scheme (caps run across the year and term, so periods are evaluated together) and checked
/// against the escalation rules. A pure function of its inputs, so any past result can be recalculated
/// and explained.
/// </summary>
public static class ContractAssessment
{
    public static ContractAssessmentResult Assess(
        Contract contract,
        IReadOnlyList<ReturnFacts> returns,
        IReadOnlyDictionary<(ReportingPeriod Period, IndicatorId IndicatorId), string> otherReasons,
        Func<ReportingPeriod, DateOnly?> dueDate,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(otherReasons);
        ArgumentNullException.ThrowIfNull(dueDate);
        if (contract.Status == ContractStatus.Draft)
        {
            return new ContractAssessmentResult([], [], []);
        }

        var byPeriod = returns.ToDictionary(r => r.Period);
        var evaluated = new List<(ReportingPeriod Period, PeriodTerms Terms, DateOnly? DueOn, ReturnFacts? Return, Dictionary<IndicatorId, RatingResult?> Ratings)>();
        foreach (var period in ReportingSchedule.PeriodsOwed(contract.Term, contract.EndedOn).Where(p => ReportingSchedule.IsOpen(p, today)))
        {
            var facts = byPeriod.GetValueOrDefault(period);
            var due = facts?.DueOn ?? dueDate(period);
            var duePassed = due is { } d && d < today;

            // A provider who reported on time is not marked Not reported while the commissioner reviews or
            // queries the figures: the period waits for the review instead.
            if (facts?.IsAccepted != true && (!duePassed || facts?.IsAwaitingReview == true))
            {
                continue;
            }

            var terms = contract.TermsFor(period);
            var ratings = terms.Indicators.ToDictionary(
                i => i.IndicatorId,
                i => RatingRule.Rate(i, facts?.Accepted.GetValueOrDefault(i.IndicatorId)?.Figure, duePassed, otherReasons.GetValueOrDefault((period, i.IndicatorId))));
            evaluated.Add((period, terms, due, facts, ratings));
        }

        var figures = contract.Indicators.ToDictionary(
            i => i.Id,
            i => Scorecard.Series(
                    i.Polarity,
                    i.BaselineValue,
                    evaluated.Select(e => new ScorecardInput(e.Period, e.Return?.Accepted.GetValueOrDefault(i.Id)?.Figure, e.Terms.Indicator(i.Id)?.Target)).ToArray())
                .ToDictionary(f => f.Period));

        var scheme = contract.IncentiveScheme;
        var weights = scheme?.Incentives.Where(x => x.WeightPercent is not null).ToDictionary(x => x.IndicatorId, x => x.WeightPercent!.Value);
        var statements = scheme is null
            ? new Dictionary<ReportingPeriod, PaymentStatement>()
            : PaymentCalculator.Calculate(
                    scheme,
                    evaluated.Select(e => new PeriodPerformance(
                        e.Terms,
                        e.Terms.Indicators.ToDictionary(
                            i => i.IndicatorId,
                            i =>
                            {
                                var accepted = e.Return?.Accepted.GetValueOrDefault(i.IndicatorId);
                                return new IndicatorOutcome(e.Ratings[i.IndicatorId]?.Rating, accepted?.Figure, accepted?.IsRestated ?? false);
                            }))).ToArray())
                .ToDictionary(s => s.Period);

        var periodRatings = evaluated.Select(e => new PeriodRatings(
            e.Period,
            e.DueOn,
            e.Ratings.Where(r => r.Value is not null).ToDictionary(r => r.Key, r => r.Value!.Rating),
            e.Return?.DaysLate ?? ReportingSchedule.DaysLate(e.DueOn, null, today),
            OverallScore.Compute(e.Ratings.ToDictionary(r => r.Key, r => r.Value?.Rating), weights is { Count: > 0 } ? weights : null))).ToArray();
        var names = contract.Indicators.ToDictionary(i => i.Id, i => i.Name);
        var triggers = EscalationRules.Evaluate(contract.EscalationRules, periodRatings, id => names.GetValueOrDefault(id, "An indicator no longer in the contract"));

        var periods = evaluated.Select((e, index) =>
        {
            var statement = statements.GetValueOrDefault(e.Period);
            var indicators = e.Terms.Indicators.Select(i =>
            {
                var accepted = e.Return?.Accepted.GetValueOrDefault(i.IndicatorId);
                return new IndicatorAssessment(
                    i,
                    e.Ratings[i.IndicatorId],
                    figures[i.IndicatorId][e.Period],
                    accepted?.IsRestated ?? false,
                    statement?.Lines.FirstOrDefault(l => l.IndicatorId == i.IndicatorId));
            }).ToArray();
            return new PeriodAssessment(
                e.Period, e.Terms, e.DueOn, e.Return, indicators, periodRatings[index].Score, statement,
                triggers.Where(t => t.Period == e.Period).ToArray());
        }).ToArray();

        return new ContractAssessmentResult(periods, triggers, periodRatings);
    }
}
