using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Evaluation;

/// <summary>One period of one indicator: its accepted figure (null when none) and the target that applied.</summary>
public sealed record ScorecardInput(ReportingPeriod Period, Figure? Actual, decimal? Target);

/// <summary>
/// The scorecard figures for one indicator and period. Calculated values are stored with
/// <see cref="Rounding.Stored"/> and are shown with <see cref="Rounding.Shown"/>.
/// </summary>
/// <param name="VarianceFromTarget">(A − T) ÷ T as a fraction (−0.0353 is 3.53% below target); null without an actual or when T is 0. Positive means above target whatever the polarity.</param>
/// <param name="PercentOfTarget">A ÷ T × 100; null without an actual or when T is 0.</param>
/// <param name="PreviousActual">The actual of the most recent earlier period that had one.</param>
/// <param name="TrendPeriods">How many reported periods in a row the current direction has lasted (1 = just this period; 0 with no trend).</param>
/// <param name="BaselineChangePercent">(A − B) ÷ B × 100; null without an actual, without a baseline or when B is 0.</param>
public sealed record ScorecardFigures(
    ReportingPeriod Period,
    decimal? Actual,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Target,
    decimal? VarianceFromTarget,
    decimal? PercentOfTarget,
    decimal? PreviousActual,
    TrendDirection Trend,
    int TrendPeriods,
    decimal? BaselineChangePercent)
{
    /// <summary>
    /// Variance from target as a percentage (−3.5294 for 3.53% below), worked out again from the
    /// actual and target rather than by scaling the stored fraction, so showing it to 1 decimal place
    /// does not round twice.
    /// </summary>
    public decimal? VarianceFromTargetPercent => Scorecard.VarianceFromTargetPercent(Actual, Target);

    /// <summary>The trend in words, for example "Improving for 3 periods".</summary>
    public string TrendDescription => Trend.Describe(TrendPeriods);
}

/// <summary>The scorecard arithmetic for one indicator over a run of periods. Pure.</summary>
public static class Scorecard
{
    /// <summary>
    /// One set of figures per input, in period order. A period with no accepted actual has no
    /// variance, percent of target, baseline change or trend, and does not break a trend: the next
    /// actual is compared with the most recent earlier period that had one, and the run of periods in
    /// the same direction counts reported periods only. A board sees an indicator that improved,
    /// missed a return and improved again as improving for two periods, not as starting over; the
    /// missing return shows up as Not reported in the ratings, where it belongs.
    /// </summary>
    public static IReadOnlyList<ScorecardFigures> Series(Polarity polarity, decimal? baseline, IReadOnlyList<ScorecardInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var ordered = inputs.OrderBy(i => i.Period).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Period == ordered[i - 1].Period)
            {
                throw new ArgumentException($"{ordered[i].Period} appears more than once.", nameof(inputs));
            }
        }

        var series = new List<ScorecardFigures>(ordered.Count);
        decimal? previousActual = null;
        var previousTrend = TrendDirection.None;
        var previousRun = 0;
        foreach (var input in ordered)
        {
            var actual = input.Actual?.Value;
            if (actual is not { } a)
            {
                series.Add(new ScorecardFigures(
                    input.Period, null, null, null, input.Target, null, null, previousActual, TrendDirection.None, 0, null));
                continue;
            }

            var trend = previousActual is { } p ? Direction(polarity, p, a) : TrendDirection.None;
            var run = trend == TrendDirection.None ? 0 : trend == previousTrend ? previousRun + 1 : 1;
            series.Add(new ScorecardFigures(
                input.Period,
                a,
                input.Actual!.Numerator,
                input.Actual.Denominator,
                input.Target,
                VarianceFromTarget(a, input.Target),
                PercentOfTarget(a, input.Target),
                previousActual,
                trend,
                run,
                BaselineChangePercent(a, baseline)));
            previousActual = a;
            previousTrend = trend;
            previousRun = run;
        }

        return series;
    }

    /// <summary>Which way a move from <paramref name="previous"/> to <paramref name="current"/> goes for an indicator of this polarity.</summary>
    public static TrendDirection Direction(Polarity polarity, decimal previous, decimal current)
    {
        if (current == previous)
        {
            return TrendDirection.Unchanged;
        }

        var rose = current > previous;
        return rose == (polarity == Polarity.HigherIsBetter) ? TrendDirection.Improving : TrendDirection.Worsening;
    }

    /// <summary>(A − T) ÷ T as a fraction; null when either is missing or T is 0 (no share of nothing).</summary>
    public static decimal? VarianceFromTarget(decimal? actual, decimal? target) =>
        actual is { } a && target is { } t && t != 0 ? Rounding.Stored((a - t) / t) : null;

    /// <summary>(A − T) ÷ T × 100; null when either is missing or T is 0.</summary>
    public static decimal? VarianceFromTargetPercent(decimal? actual, decimal? target) =>
        actual is { } a && target is { } t && t != 0 ? Rounding.Stored((a - t) / t * 100m) : null;

    /// <summary>A ÷ T × 100; null when either is missing or T is 0.</summary>
    public static decimal? PercentOfTarget(decimal? actual, decimal? target) =>
        actual is { } a && target is { } t && t != 0 ? Rounding.Stored(a / t * 100m) : null;

    /// <summary>(A − B) ÷ B × 100; null when either is missing or B is 0.</summary>
    public static decimal? BaselineChangePercent(decimal? actual, decimal? baseline) =>
        actual is { } a && baseline is { } b && b != 0 ? Rounding.Stored((a - b) / b * 100m) : null;
}
