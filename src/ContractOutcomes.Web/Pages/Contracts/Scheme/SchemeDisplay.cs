using System.Globalization;
using ContractOutcomes.Application.Incentives.GetIncentiveScheme;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;

namespace ContractOutcomes.Web.Pages.Contracts.Scheme;

/// <summary>How the scheme pages put a scheme's numbers into words.</summary>
public static class SchemeDisplay
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The mechanisms a commissioner can choose from, in the order the form offers them.</summary>
    public static IReadOnlyList<IncentiveMechanism> Mechanisms { get; } =
        [IncentiveMechanism.RatingBands, IncentiveMechanism.Graded, IncentiveMechanism.RateCard, IncentiveMechanism.ServiceCredit];

    /// <summary>A percentage as the commissioner typed it: "7.5%", "100%".</summary>
    public static string Percent(decimal percent) => percent.ToString("0.####", EnglishUk) + "%";

    public static string Percent(decimal? percent) => percent is { } p ? Percent(p) : "Not set";

    public static string Amount(Money? amount) => amount?.ToString() ?? "Not set";

    public static string AnnualCap(Money? cap) => cap is { } c ? $"{c} a financial year" : "No annual cap";

    public static string TermCap(Money? cap) => cap is { } c ? $"{c} over the whole term" : "No term cap";

    public static string ServiceCreditCap(decimal? percent) =>
        percent is { } p ? $"{Percent(p)} of the base fee each quarter" : "No service credit cap";

    /// <summary>"Percentage. Higher is better. Target: 85.0%."</summary>
    public static string IndicatorFacts(SchemeIndicatorView indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return $"Measured as: {indicator.Unit.DisplayName().ToLowerInvariant()}. {indicator.Polarity.DisplayName()}. Target: {indicator.TargetsSummary}.";
    }

    /// <summary>The numbers an incentive uses, in a line: "Good 100%, Approaching target 75%, …".</summary>
    public static string Parameters(IndicatorIncentiveView incentive, SchemeIndicatorView? indicator)
    {
        ArgumentNullException.ThrowIfNull(incentive);
        var unit = indicator?.Unit ?? IndicatorUnit.Count;
        return incentive.Mechanism switch
        {
            IncentiveMechanism.RatingBands =>
                $"Earns {Percent(incentive.GoodPercent)} of its at-risk amount at Good, {Percent(incentive.ApproachingPercent)} at Approaching target, "
                + $"{Percent(incentive.RequiresImprovementPercent)} at Requires improvement and {Percent(incentive.InadequatePercent)} at Inadequate.",
            IncentiveMechanism.Graded =>
                $"Floor {Value(unit, incentive.Floor)}: nothing at or beyond it, everything at the target."
                + (incentive is { Stretch: { } stretch, BonusCap: { } bonus }
                    ? $" Stretch target {unit.Format(stretch)}, with a bonus of up to {bonus} a quarter."
                    : " No bonus."),
            IncentiveMechanism.RateCard =>
                $"{Amount(incentive.PricePerOutcome)} for each outcome above {Outcomes(incentive.Threshold)}, up to {Amount(incentive.Cap)} a quarter.",
            IncentiveMechanism.ServiceCredit =>
                $"{Amount(incentive.CreditAmount)} deducted from the base fee in a quarter rated Inadequate or not reported.",
            _ => incentive.Mechanism.DisplayName(),
        };
    }

    /// <summary>Ratings as GOV.UK tag colours; the rating's words are always shown too.</summary>
    public static string RatingColour(PerformanceRating rating) => rating switch
    {
        PerformanceRating.Good => "green",
        PerformanceRating.ApproachingTarget => "yellow",
        PerformanceRating.RequiresImprovement => "orange",
        PerformanceRating.Inadequate => "red",
        PerformanceRating.Other => "purple",
        _ => "grey",
    };

    private static string Value(IndicatorUnit unit, decimal? value) => value is { } v ? unit.Format(v) : "not set";

    private static string Outcomes(decimal? count) =>
        count switch
        {
            null => "a threshold not set",
            1 => "1 outcome",
            { } c => c.ToString("#,##0", EnglishUk) + " outcomes",
        };
}

/// <summary>What the preview partial shows: the preview, its heading, and whether it is of a scheme not yet saved.</summary>
public sealed record SchemePreviewPanel(SchemePreviewView Preview, string Heading, bool IsUnsaved);
