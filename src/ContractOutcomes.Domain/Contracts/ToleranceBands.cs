using System.Globalization;
using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Contracts;

public enum ToleranceMode
{
    /// <summary>Shortfalls are in the indicator's own unit (percentage points for a percentage).</summary>
    Absolute = 1,

    /// <summary>Shortfalls are a percentage of the target.</summary>
    Relative = 2,
}

/// <summary>
/// How far a result may fall short of its target before it drops to each lower rating.
/// A shortfall up to <see cref="GoodWithin"/> is Good, up to <see cref="ApproachingWithin"/> Approaching
/// target, up to <see cref="RequiresImprovementWithin"/> Requires improvement, and anything beyond is
/// Inadequate. Meeting or beating the target is always Good.
/// </summary>
public sealed record ToleranceBands
{
    private ToleranceBands(ToleranceMode mode, decimal goodWithin, decimal approachingWithin, decimal requiresImprovementWithin)
    {
        Mode = mode;
        GoodWithin = goodWithin;
        ApproachingWithin = approachingWithin;
        RequiresImprovementWithin = requiresImprovementWithin;
    }

    public ToleranceMode Mode { get; }

    public decimal GoodWithin { get; }

    public decimal ApproachingWithin { get; }

    public decimal RequiresImprovementWithin { get; }

    public static ToleranceBands Of(ToleranceMode mode, decimal goodWithin, decimal approachingWithin, decimal requiresImprovementWithin)
    {
        if (!Enum.IsDefined(mode))
        {
            throw new BusinessRuleException("Select whether thresholds are absolute or relative to the target", nameof(Mode));
        }

        if (goodWithin < 0)
        {
            throw new BusinessRuleException("The Good threshold must be 0 or more", nameof(GoodWithin));
        }

        if (approachingWithin < goodWithin)
        {
            throw new BusinessRuleException(
                "The Approaching target threshold must be the same as or larger than the Good threshold", nameof(ApproachingWithin));
        }

        if (requiresImprovementWithin < approachingWithin)
        {
            throw new BusinessRuleException(
                "The Requires improvement threshold must be the same as or larger than the Approaching target threshold",
                nameof(RequiresImprovementWithin));
        }

        if (mode == ToleranceMode.Relative && requiresImprovementWithin > 100)
        {
            throw new BusinessRuleException(
                "A relative threshold must be 100% of the target or less", nameof(RequiresImprovementWithin));
        }

        return new ToleranceBands(mode, goodWithin, approachingWithin, requiresImprovementWithin);
    }

    /// <summary>Rates a result against its target. Pure: the same inputs always give the same rating.</summary>
    public PerformanceRating Rate(decimal target, decimal result, Polarity polarity)
    {
        var shortfall = polarity == Polarity.HigherIsBetter ? target - result : result - target;
        if (shortfall <= Allowance(target, GoodWithin))
        {
            return PerformanceRating.Good;
        }

        if (shortfall <= Allowance(target, ApproachingWithin))
        {
            return PerformanceRating.ApproachingTarget;
        }

        return shortfall <= Allowance(target, RequiresImprovementWithin)
            ? PerformanceRating.RequiresImprovement
            : PerformanceRating.Inadequate;
    }

    /// <summary>
    /// The result ranges that earn each rating for a given target, in words, so a commissioner can
    /// check the thresholds before committing to them.
    /// </summary>
    public IReadOnlyList<RatingBand> Describe(decimal target, Polarity polarity, IndicatorUnit unit)
    {
        var good = Allowance(target, GoodWithin);
        var approaching = Allowance(target, ApproachingWithin);
        var requiresImprovement = Allowance(target, RequiresImprovementWithin);
        var higher = polarity == Polarity.HigherIsBetter;
        var edges = Edges(target, polarity);
        string F(decimal value) => unit.Format(decimal.Round(value, 3, MidpointRounding.AwayFromZero));
        string Worse(decimal bound) => higher ? $"below {F(bound)}" : $"above {F(bound)}";
        string AtLeast(decimal bound) => higher ? $"{F(bound)} or more" : $"{F(bound)} or less";
        string Between(decimal outer, decimal inner) =>
            higher ? $"{F(outer)} to {F(inner)} (not including {F(inner)})" : $"above {F(inner)} up to {F(outer)}";

        var bands = new List<RatingBand> { new(PerformanceRating.Good, AtLeast(edges.Good)) };
        bands.Add(approaching > good
            ? new RatingBand(PerformanceRating.ApproachingTarget, Between(edges.ApproachingTarget, edges.Good))
            : new RatingBand(PerformanceRating.ApproachingTarget, "not used: the threshold equals the Good threshold"));
        bands.Add(requiresImprovement > approaching
            ? new RatingBand(PerformanceRating.RequiresImprovement, Between(edges.RequiresImprovement, edges.ApproachingTarget))
            : new RatingBand(PerformanceRating.RequiresImprovement, "not used: the threshold equals the one above it"));
        bands.Add(new RatingBand(PerformanceRating.Inadequate, Worse(edges.RequiresImprovement)));
        return bands;
    }

    /// <summary>
    /// The worst result that still earns Good, Approaching target and Requires improvement for a target; a result
    /// exactly on an edge earns the better rating, as <see cref="Rate"/> gives it.
    /// </summary>
    public RatingEdges Edges(decimal target, Polarity polarity)
    {
        decimal Edge(decimal threshold) =>
            polarity == Polarity.HigherIsBetter ? target - Allowance(target, threshold) : target + Allowance(target, threshold);
        return new RatingEdges(Edge(GoodWithin), Edge(ApproachingWithin), Edge(RequiresImprovementWithin));
    }

    public string Summary()
    {
        var suffix = Mode == ToleranceMode.Relative ? "% of target" : string.Empty;
        return string.Create(
            CultureInfo.GetCultureInfo("en-GB"),
            $"{Mode}: Good within {GoodWithin:0.###}{suffix}, Approaching within {ApproachingWithin:0.###}{suffix}, Requires improvement within {RequiresImprovementWithin:0.###}{suffix}");
    }

    private decimal Allowance(decimal target, decimal threshold) =>
        Mode == ToleranceMode.Absolute ? threshold : Math.Abs(target) * threshold / 100m;
}

public sealed record RatingBand(PerformanceRating Rating, string Range);

/// <summary>The worst result that still earns each of the three better ratings, in the indicator's unit.</summary>
public sealed record RatingEdges(decimal Good, decimal ApproachingTarget, decimal RequiresImprovement);
