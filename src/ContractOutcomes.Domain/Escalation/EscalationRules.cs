using System.Globalization;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Domain.Escalation;

/// <summary>
/// What the escalation rules look at for one evaluated period: each indicator's rating (indicators with
/// no rating yet are left out), the return's due date and how many days late it was, and the overall
/// weighted score (null when nothing is rated).
/// </summary>
public sealed record PeriodRatings(
    ReportingPeriod Period,
    DateOnly? DueOn,
    IReadOnlyDictionary<IndicatorId, PerformanceRating> Ratings,
    int DaysLate,
    decimal? Score);

/// <summary>A rule that fires for a period, with the reason in words naming the indicators and periods concerned.</summary>
public sealed record EscalationTrigger(int RuleNumber, ReportingPeriod Period, EscalationStage Stage, string Reason);

/// <summary>Which of a contract's escalation rules fire for which periods: a pure function of the rules and the ratings.</summary>
public static class EscalationRules
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Every (rule, period) for which the rule holds, in period then rule order. Periods may be given in
    /// any order. "Consecutive" means adjacent reporting periods that were both evaluated, so a period
    /// missing from <paramref name="periods"/> breaks a run; a consecutive-periods rule fires for every
    /// period that ends a long enough run, so it keeps firing while the run goes on.
    /// </summary>
    public static IReadOnlyList<EscalationTrigger> Evaluate(
        IReadOnlyList<EscalationRule> rules,
        IReadOnlyList<PeriodRatings> periods,
        Func<IndicatorId, string> indicatorName)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(indicatorName);
        if (rules.Select(r => r.Number).Distinct().Count() != rules.Count)
        {
            throw new ArgumentException("Each rule must have its own number.", nameof(rules));
        }

        var ordered = periods.OrderBy(p => p.Period).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Period == ordered[i - 1].Period)
            {
                throw new ArgumentException($"{ordered[i].Period} is given more than once.", nameof(periods));
            }
        }

        var triggers = new List<EscalationTrigger>();
        foreach (var rule in rules.OrderBy(r => r.Number))
        {
            triggers.AddRange(rule.Kind switch
            {
                EscalationRuleKind.ConsecutivePeriods => ConsecutivePeriods(rule, ordered, indicatorName),
                EscalationRuleKind.IndicatorsInPeriod => IndicatorsInPeriod(rule, ordered, indicatorName),
                EscalationRuleKind.LateReturn => LateReturns(rule, ordered),
                EscalationRuleKind.WeightedScoreBelow => ScoresBelow(rule, ordered),
                _ => [],
            });
        }

        return [.. triggers.OrderBy(t => t.Period).ThenBy(t => t.RuleNumber)];
    }

    private static IEnumerable<EscalationTrigger> ConsecutivePeriods(
        EscalationRule rule, List<PeriodRatings> ordered, Func<IndicatorId, string> indicatorName)
    {
        var threshold = rule.AtOrBelow!.Value;
        var needed = rule.Periods!.Value;
        var watched = rule.IndicatorId is { } only
            ? [only]
            : ordered.SelectMany(p => p.Ratings.Keys).Distinct().ToList();

        // How many consecutive evaluated periods, ending at the current one, each indicator has been at or below the threshold.
        var runs = watched.ToDictionary(id => id, _ => 0);
        for (var i = 0; i < ordered.Count; i++)
        {
            var current = ordered[i];
            var adjacent = i > 0 && ordered[i - 1].Period.Next() == current.Period;
            var concerned = new List<(IndicatorId Id, int Run)>();
            foreach (var id in watched)
            {
                var matches = current.Ratings.TryGetValue(id, out var rating) && rating.IsAtOrBelow(threshold);
                runs[id] = matches ? (adjacent ? runs[id] : 0) + 1 : 0;
                if (runs[id] >= needed)
                {
                    concerned.Add((id, runs[id]));
                }
            }

            if (concerned.Count == 0)
            {
                continue;
            }

            var details = concerned
                .Select(c => (Name: indicatorName(c.Id), Detail: RunInWords(c.Id, ordered, i - c.Run + 1, i)))
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .Select(c => $"{c.Name} ({c.Detail})");
            var reason = string.Create(
                EnglishUk,
                $"Rated {rule.RatingInWords} for {needed} or more consecutive periods up to {current.Period}: {string.Join("; ", details)}");
            yield return new EscalationTrigger(rule.Number, current.Period, rule.Stage, reason);
        }
    }

    private static string RunInWords(IndicatorId id, List<PeriodRatings> ordered, int first, int last) =>
        string.Join(", ", ordered.Skip(first).Take(last - first + 1).Select(p => $"{p.Ratings[id].DisplayName()} in {p.Period}"));

    private static IEnumerable<EscalationTrigger> IndicatorsInPeriod(
        EscalationRule rule, List<PeriodRatings> ordered, Func<IndicatorId, string> indicatorName)
    {
        var threshold = rule.AtOrBelow!.Value;
        var needed = rule.IndicatorCount!.Value;
        foreach (var period in ordered)
        {
            var concerned = period.Ratings
                .Where(r => r.Value.IsAtOrBelow(threshold))
                .Select(r => (Name: indicatorName(r.Key), Rating: r.Value))
                .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (concerned.Count < needed)
            {
                continue;
            }

            var count = concerned.Count == 1 ? "1 indicator" : string.Create(EnglishUk, $"{concerned.Count} indicators");
            var reason = string.Create(
                EnglishUk,
                $"{count} rated {rule.RatingInWords} in {period.Period}, where {needed} or more trigger this rule: {string.Join(", ", concerned.Select(c => $"{c.Name} ({c.Rating.DisplayName()})"))}");
            yield return new EscalationTrigger(rule.Number, period.Period, rule.Stage, reason);
        }
    }

    private static IEnumerable<EscalationTrigger> LateReturns(EscalationRule rule, List<PeriodRatings> ordered)
    {
        var allowed = rule.DaysLate!.Value;
        foreach (var period in ordered.Where(p => p.DaysLate > allowed))
        {
            var late = period.DaysLate == 1 ? "1 day" : string.Create(EnglishUk, $"{period.DaysLate} days");
            var due = period.DueOn is { } dueOn ? string.Create(EnglishUk, $" (due {dueOn:d MMMM yyyy})") : string.Empty;
            var limit = allowed switch
            {
                0 => string.Empty,
                1 => ", more than the 1 day this rule allows",
                _ => string.Create(EnglishUk, $", more than the {allowed} days this rule allows"),
            };
            yield return new EscalationTrigger(rule.Number, period.Period, rule.Stage, $"The return for {period.Period}{due} was {late} late{limit}");
        }
    }

    private static IEnumerable<EscalationTrigger> ScoresBelow(EscalationRule rule, List<PeriodRatings> ordered)
    {
        var level = rule.ScoreBelow!.Value;
        foreach (var period in ordered)
        {
            if (period.Score is not { } score || score >= level)
            {
                continue;
            }

            // Shown to one decimal place unless rounding would take it up to the level and read as not below it.
            var shown = Rounding.Shown(score) < level ? Rounding.Shown(score)
                : Rounding.Stored(score) < level ? Rounding.Stored(score)
                : score;
            yield return new EscalationTrigger(
                rule.Number,
                period.Period,
                rule.Stage,
                $"The overall weighted score for {period.Period} was {EscalationRule.FormatScore(shown)}, below {EscalationRule.FormatScore(level)}");
        }
    }
}
