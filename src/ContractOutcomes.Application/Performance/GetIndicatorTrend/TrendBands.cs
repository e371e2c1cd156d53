using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Application.Performance.GetIndicatorTrend;

/// <summary>
/// The results that earn one rating in one period: from <see cref="Lower"/> to <see cref="Upper"/> in the
/// indicator's unit (null: no bound on that side). <see cref="Range"/> says the same in words, as
/// <see cref="ToleranceBands.Describe"/> gives it. A band whose threshold equals the one before it is empty
/// (Lower equals Upper) and earns nothing.
/// </summary>
public sealed record TrendBand(PerformanceRating Rating, decimal? Lower, decimal? Upper, string Range);

/// <summary>Turns a period's target and thresholds into the value ranges of each rating, for drawing.</summary>
public static class TrendBands
{
    /// <summary>
    /// The four rating bands around a target, always in the order Good, Approaching target, Requires
    /// improvement, Inadequate. Edges belong to the better band, as in <see cref="ToleranceBands.Rate"/>:
    /// a result exactly on an edge earns the better rating.
    /// </summary>
    public static IReadOnlyList<TrendBand> For(ToleranceBands tolerance, decimal target, Polarity polarity, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        var ranges = tolerance.Describe(target, polarity, unit).ToDictionary(b => b.Rating, b => b.Range);

        // The same allowance ToleranceBands.Rate uses (it keeps its own private): a shortfall in the unit,
        // or a percentage of the target. Tests check the two agree at every edge.
        decimal Allowance(decimal threshold) =>
            tolerance.Mode == ToleranceMode.Absolute ? threshold : Math.Abs(target) * threshold / 100m;

        var good = Allowance(tolerance.GoodWithin);
        var approaching = Allowance(tolerance.ApproachingWithin);
        var requiresImprovement = Allowance(tolerance.RequiresImprovementWithin);
        if (polarity == Polarity.HigherIsBetter)
        {
            return
            [
                new(PerformanceRating.Good, target - good, null, ranges[PerformanceRating.Good]),
                new(PerformanceRating.ApproachingTarget, target - approaching, target - good, ranges[PerformanceRating.ApproachingTarget]),
                new(PerformanceRating.RequiresImprovement, target - requiresImprovement, target - approaching, ranges[PerformanceRating.RequiresImprovement]),
                new(PerformanceRating.Inadequate, null, target - requiresImprovement, ranges[PerformanceRating.Inadequate]),
            ];
        }

        return
        [
            new(PerformanceRating.Good, null, target + good, ranges[PerformanceRating.Good]),
            new(PerformanceRating.ApproachingTarget, target + good, target + approaching, ranges[PerformanceRating.ApproachingTarget]),
            new(PerformanceRating.RequiresImprovement, target + approaching, target + requiresImprovement, ranges[PerformanceRating.RequiresImprovement]),
            new(PerformanceRating.Inadequate, target + requiresImprovement, null, ranges[PerformanceRating.Inadequate]),
        ];
    }
}
