using System.Globalization;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Evaluation;

/// <summary>A rating and the arithmetic behind it in words, so a provider can check it.</summary>
public sealed record RatingResult(PerformanceRating Rating, string Explanation);

/// <summary>
/// Rates one indicator for one period from the terms that applied then. Pure: the same terms, figure
/// and facts always give the same rating and the same words, so a stored rating can be recomputed.
/// </summary>
public static class RatingRule
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// In order: a commissioner-recorded reason gives Other (it replaces whatever the figure would
    /// give); an accepted figure is rated against the target with the tolerance thresholds; no accepted
    /// figure once the due date has passed is Not reported (whatever the terms say — a missing return
    /// is missing even where a target is); otherwise there is no rating yet (null). A figure with no
    /// target or no tolerance for the period also gives null: an active contract always has both, but
    /// the rule must not invent a rating where the terms give none.
    /// </summary>
    public static RatingResult? Rate(IndicatorTerms terms, Figure? acceptedFigure, bool dueDatePassed, string? otherReason)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!string.IsNullOrWhiteSpace(otherReason))
        {
            return new RatingResult(PerformanceRating.Other, "Other: " + otherReason.Trim());
        }

        if (acceptedFigure is not null)
        {
            return RateValue(terms, acceptedFigure.Value);
        }

        return dueDatePassed
            ? new RatingResult(PerformanceRating.NotReported, "No figure had been accepted by the return's due date, so this is Not reported.")
            : null;
    }

    /// <summary>
    /// Rates a value against the period's target and thresholds (also for previews at sample values);
    /// null when the terms have no target or no tolerance.
    /// </summary>
    public static RatingResult? RateValue(IndicatorTerms terms, decimal value)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Target is not { } target || terms.Tolerance is not { } tolerance)
        {
            return null;
        }

        var rating = tolerance.Rate(target, value, terms.Polarity);
        return new RatingResult(rating, Explain(terms.Unit, terms.Polarity, target, tolerance, value, rating));
    }

    private static string Explain(IndicatorUnit unit, Polarity polarity, decimal target, ToleranceBands tolerance, decimal value, PerformanceRating rating)
    {
        var higher = polarity == Polarity.HigherIsBetter;
        var opening = $"{FigureText(unit, value)} against a target of {FigureText(unit, target)} ({polarity.DisplayName().ToLowerInvariant()}): ";

        // Positive when the result is worse than the target, in either polarity — the same quantity
        // ToleranceBands.Rate compares with each threshold.
        var shortfall = higher ? target - value : value - target;
        if (shortfall == 0)
        {
            return opening + "exactly on target. Meeting the target is Good.";
        }

        if (shortfall < 0)
        {
            return opening + $"{Amount(unit, -shortfall)} {(higher ? "above" : "below")} target. Meeting or beating the target is Good.";
        }

        var relative = tolerance.Mode == ToleranceMode.Relative && target != 0
            ? $" ({(shortfall / Math.Abs(target) * 100m).ToString("#,##0.0#", EnGb)}% of target)"
            : string.Empty;
        var missed = $"{Amount(unit, shortfall)}{relative} {(higher ? "short of" : "over")} target. ";

        string Covers(PerformanceRating band, decimal threshold) =>
            higher
                ? $"{band.DisplayName()} covers shortfalls up to {Limit(unit, tolerance.Mode, target, threshold)}"
                : $"{band.DisplayName()} covers results up to {Limit(unit, tolerance.Mode, target, threshold)} over target";

        var reason = rating switch
        {
            PerformanceRating.Good => Covers(PerformanceRating.Good, tolerance.GoodWithin) + ".",
            PerformanceRating.ApproachingTarget => Covers(PerformanceRating.ApproachingTarget, tolerance.ApproachingWithin) + ".",
            PerformanceRating.RequiresImprovement => Covers(PerformanceRating.RequiresImprovement, tolerance.RequiresImprovementWithin) + ".",
            _ => Covers(PerformanceRating.RequiresImprovement, tolerance.RequiresImprovementWithin) + ", so this is Inadequate.",
        };
        return opening + missed + reason;
    }

    /// <summary>A threshold in words: in the unit for absolute thresholds, as a share of the target (and what that comes to) for relative ones.</summary>
    private static string Limit(IndicatorUnit unit, ToleranceMode mode, decimal target, decimal threshold)
    {
        if (mode == ToleranceMode.Absolute)
        {
            return unit == IndicatorUnit.Percentage ? $"{Number(threshold)} points" : Amount(unit, threshold);
        }

        var allowance = Math.Abs(target) * threshold / 100m;
        return $"{Plain(threshold)}% of target ({Amount(unit, allowance)})";
    }

    /// <summary>
    /// A figure in its unit, as <see cref="ContractDisplayNames.Format"/> shows it except where that
    /// would hide the difference that decided the rating: pounds keep their pence (£2,500.40 must not
    /// read as £2,500) and ratios keep their fourth decimal place (83.9999% must not read as 84.0%).
    /// </summary>
    internal static string FigureText(IndicatorUnit unit, decimal value) => unit switch
    {
        IndicatorUnit.Money => Money.FromPounds(value).ToShortString(),
        IndicatorUnit.Percentage when decimal.Round(value, 3) != value => Number(value) + "%",
        IndicatorUnit.RatePer10000 when decimal.Round(value, 3) != value => Number(value) + " per 10,000",
        _ => unit.Format(value),
    };

    /// <summary>A difference between two figures in the indicator's unit.</summary>
    internal static string Amount(IndicatorUnit unit, decimal amount) => unit switch
    {
        IndicatorUnit.Percentage => $"{Number(amount)} percentage points",
        IndicatorUnit.RatePer10000 => $"{Number(amount)} per 10,000",
        IndicatorUnit.Days => amount == 1 ? "1 day" : $"{Plain(amount)} days",
        IndicatorUnit.Money => Money.FromPounds(amount).ToShortString(),
        _ => Plain(amount),
    };

    /// <summary>
    /// Up to 4 decimal places, the precision figures are stored at, so that a result exactly on a
    /// threshold reads as exactly on it and one a hair beyond does not read as on it.
    /// </summary>
    private static string Number(decimal value) => value.ToString("#,##0.0###", EnGb);

    private static string Plain(decimal value) => value.ToString("#,##0.####", EnGb);
}
