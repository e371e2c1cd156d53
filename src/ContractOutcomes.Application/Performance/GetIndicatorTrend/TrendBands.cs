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

        var edges = tolerance.Edges(target, polarity);
        if (polarity == Polarity.HigherIsBetter)
        {
            return
            [
                new(PerformanceRating.Good, edges.Good, null, ranges[PerformanceRating.Good]),
                new(PerformanceRating.ApproachingTarget, edges.ApproachingTarget, edges.Good, ranges[PerformanceRating.ApproachingTarget]),
                new(PerformanceRating.RequiresImprovement, edges.RequiresImprovement, edges.ApproachingTarget, ranges[PerformanceRating.RequiresImprovement]),
                new(PerformanceRating.Inadequate, null, edges.RequiresImprovement, ranges[PerformanceRating.Inadequate]),
            ];
        }

        return
        [
            new(PerformanceRating.Good, null, edges.Good, ranges[PerformanceRating.Good]),
            new(PerformanceRating.ApproachingTarget, edges.Good, edges.ApproachingTarget, ranges[PerformanceRating.ApproachingTarget]),
            new(PerformanceRating.RequiresImprovement, edges.ApproachingTarget, edges.RequiresImprovement, ranges[PerformanceRating.RequiresImprovement]),
            new(PerformanceRating.Inadequate, edges.RequiresImprovement, null, ranges[PerformanceRating.Inadequate]),
        ];
    }
}
