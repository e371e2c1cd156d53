using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Returns;
using ContractOutcomes.Domain.Tests.Returns;

namespace ContractOutcomes.Domain.Tests.Evaluation;

/// <summary>
/// Real indicators of every unit and polarity (from <see cref="ReturnBuilder"/>), figures for them, and
/// the period terms the rating rule reads, with targets and thresholds chosen per test.
/// </summary>
internal static class EvaluationFixture
{
    private static readonly ReturnBuilder Returns = new();

    /// <summary>Percentage, higher is better.</summary>
    public static OutcomeIndicator Assessments => Returns[ReturnBuilder.Assessments];

    /// <summary>Percentage, lower is better.</summary>
    public static OutcomeIndicator ReReferrals => Returns[ReturnBuilder.ReReferrals];

    /// <summary>Count, higher is better.</summary>
    public static OutcomeIndicator Families => Returns[ReturnBuilder.Families];

    /// <summary>Days, lower is better.</summary>
    public static OutcomeIndicator DaysToVisit => Returns[ReturnBuilder.DaysToVisit];

    /// <summary>Rate per 10,000, lower is better.</summary>
    public static OutcomeIndicator LookedAfterRate => Returns[ReturnBuilder.LookedAfterRate];

    /// <summary>Pounds, lower is better.</summary>
    public static OutcomeIndicator CostPerCase => Returns[ReturnBuilder.CostPerCase];

    public static readonly ReportingPeriod Q1 = ReportingPeriod.Parse("2025-26 Q1");

    public static IndicatorTerms Terms(OutcomeIndicator indicator, decimal? target, ToleranceBands? tolerance, decimal? baseline = null) =>
        new(indicator.Id, indicator.Name, indicator.Unit, indicator.Polarity, target, tolerance, baseline, indicator.DisplayOrder);

    public static ToleranceBands Absolute(decimal good, decimal approaching, decimal requiresImprovement) =>
        ToleranceBands.Of(ToleranceMode.Absolute, good, approaching, requiresImprovement);

    public static ToleranceBands Relative(decimal good, decimal approaching, decimal requiresImprovement) =>
        ToleranceBands.Of(ToleranceMode.Relative, good, approaching, requiresImprovement);

    /// <summary>A figure for a percentage or rate.</summary>
    public static Figure Ratio(OutcomeIndicator indicator, decimal numerator, decimal denominator) =>
        Figure.For(indicator, null, numerator, denominator);

    /// <summary>A figure for a count, days or pounds.</summary>
    public static Figure Single(OutcomeIndicator indicator, decimal value) => Figure.For(indicator, value, null, null);

    /// <summary>A percentage figure with exactly this value, to 4 decimal places.</summary>
    public static Figure Percent(OutcomeIndicator indicator, decimal percent) =>
        Figure.For(indicator, null, percent * 10_000m, 1_000_000m);

    /// <summary>The period <paramref name="index"/> quarters after 2025-26 Q1.</summary>
    public static ReportingPeriod Period(int index)
    {
        var period = Q1;
        for (var i = 0; i < index; i++)
        {
            period = period.Next();
        }

        return period;
    }
}
