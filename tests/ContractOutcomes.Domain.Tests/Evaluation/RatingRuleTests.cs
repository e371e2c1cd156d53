using System.Globalization;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using static ContractOutcomes.Domain.Tests.Evaluation.EvaluationFixture;

namespace ContractOutcomes.Domain.Tests.Evaluation;

public sealed class RatingRuleTests
{
    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static PerformanceRating? RatingOf(RatingResult? result) => result?.Rating;

    // Target 85%, higher is better, thresholds 1 / 3 / 5 percentage points: each threshold exactly, a
    // hair (0.0001, the stored precision) either side, and well beyond.
    [Theory]
    [InlineData("90", PerformanceRating.Good)]
    [InlineData("85.0001", PerformanceRating.Good)]
    [InlineData("85", PerformanceRating.Good)]
    [InlineData("84.9999", PerformanceRating.Good)]
    [InlineData("84.0001", PerformanceRating.Good)]
    [InlineData("84", PerformanceRating.Good)]
    [InlineData("83.9999", PerformanceRating.ApproachingTarget)]
    [InlineData("82.0001", PerformanceRating.ApproachingTarget)]
    [InlineData("82", PerformanceRating.ApproachingTarget)]
    [InlineData("81.9999", PerformanceRating.RequiresImprovement)]
    [InlineData("80.0001", PerformanceRating.RequiresImprovement)]
    [InlineData("80", PerformanceRating.RequiresImprovement)]
    [InlineData("79.9999", PerformanceRating.Inadequate)]
    [InlineData("0", PerformanceRating.Inadequate)]
    public void Rate_HigherIsBetterAbsolute_RatesEachSideOfEachThreshold(string value, PerformanceRating expected)
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Percent(Assessments, D(value)), dueDatePassed: true, otherReason: null);

        Assert.Equal(expected, RatingOf(result));
    }

    // Target 20%, lower is better, thresholds 1 / 3 / 5 points: a result above the target is the shortfall.
    [Theory]
    [InlineData("0", PerformanceRating.Good)]
    [InlineData("19.9999", PerformanceRating.Good)]
    [InlineData("20", PerformanceRating.Good)]
    [InlineData("20.0001", PerformanceRating.Good)]
    [InlineData("21", PerformanceRating.Good)]
    [InlineData("21.0001", PerformanceRating.ApproachingTarget)]
    [InlineData("23", PerformanceRating.ApproachingTarget)]
    [InlineData("23.0001", PerformanceRating.RequiresImprovement)]
    [InlineData("25", PerformanceRating.RequiresImprovement)]
    [InlineData("25.0001", PerformanceRating.Inadequate)]
    [InlineData("100", PerformanceRating.Inadequate)]
    public void Rate_LowerIsBetterAbsolute_RatesEachSideOfEachThreshold(string value, PerformanceRating expected)
    {
        var terms = Terms(ReReferrals, 20m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Percent(ReReferrals, D(value)), dueDatePassed: true, otherReason: null);

        Assert.Equal(expected, RatingOf(result));
    }

    // Target 400 families, higher is better, thresholds 0% / 5% / 15% of target = 0 / 20 / 60 families.
    [Theory]
    [InlineData(450, PerformanceRating.Good)]
    [InlineData(400, PerformanceRating.Good)]
    [InlineData(399, PerformanceRating.ApproachingTarget)]
    [InlineData(381, PerformanceRating.ApproachingTarget)]
    [InlineData(380, PerformanceRating.ApproachingTarget)]
    [InlineData(379, PerformanceRating.RequiresImprovement)]
    [InlineData(341, PerformanceRating.RequiresImprovement)]
    [InlineData(340, PerformanceRating.RequiresImprovement)]
    [InlineData(339, PerformanceRating.Inadequate)]
    [InlineData(0, PerformanceRating.Inadequate)]
    public void Rate_HigherIsBetterRelative_RatesEachSideOfEachThreshold(int value, PerformanceRating expected)
    {
        var terms = Terms(Families, 400m, Relative(0, 5, 15));

        var result = RatingRule.Rate(terms, Single(Families, value), dueDatePassed: true, otherReason: null);

        Assert.Equal(expected, RatingOf(result));
    }

    // Target 10 days, lower is better, thresholds 10% / 20% / 50% of target = 1 / 2 / 5 days.
    [Theory]
    [InlineData("7.5", PerformanceRating.Good)]
    [InlineData("10", PerformanceRating.Good)]
    [InlineData("10.99", PerformanceRating.Good)]
    [InlineData("11", PerformanceRating.Good)]
    [InlineData("11.01", PerformanceRating.ApproachingTarget)]
    [InlineData("12", PerformanceRating.ApproachingTarget)]
    [InlineData("12.01", PerformanceRating.RequiresImprovement)]
    [InlineData("15", PerformanceRating.RequiresImprovement)]
    [InlineData("15.01", PerformanceRating.Inadequate)]
    public void Rate_LowerIsBetterRelative_RatesEachSideOfEachThreshold(string value, PerformanceRating expected)
    {
        var terms = Terms(DaysToVisit, 10m, Relative(10, 20, 50));

        var result = RatingRule.Rate(terms, Single(DaysToVisit, D(value)), dueDatePassed: true, otherReason: null);

        Assert.Equal(expected, RatingOf(result));
    }

    // Target £2,500 a case, lower is better, thresholds £50 / £100 / £250.
    [Theory]
    [InlineData("2550", PerformanceRating.Good)]
    [InlineData("2550.01", PerformanceRating.ApproachingTarget)]
    [InlineData("2600", PerformanceRating.ApproachingTarget)]
    [InlineData("2600.01", PerformanceRating.RequiresImprovement)]
    [InlineData("2750", PerformanceRating.RequiresImprovement)]
    [InlineData("2750.01", PerformanceRating.Inadequate)]
    public void Rate_MoneyLowerIsBetterAbsolute_RatesEachSideOfEachThreshold(string value, PerformanceRating expected)
    {
        var terms = Terms(CostPerCase, 2_500m, Absolute(50, 100, 250));

        var result = RatingRule.Rate(terms, Single(CostPerCase, D(value)), dueDatePassed: true, otherReason: null);

        Assert.Equal(expected, RatingOf(result));
    }

    // Target 70 per 10,000, lower is better, thresholds 5 / 10 / 20 per 10,000.
    [Theory]
    [InlineData(75, PerformanceRating.Good)]
    [InlineData(76, PerformanceRating.ApproachingTarget)]
    [InlineData(80, PerformanceRating.ApproachingTarget)]
    [InlineData(81, PerformanceRating.RequiresImprovement)]
    [InlineData(90, PerformanceRating.RequiresImprovement)]
    [InlineData(91, PerformanceRating.Inadequate)]
    public void Rate_RatePer10000_RatesTheCalculatedValue(int numerator, PerformanceRating expected)
    {
        var terms = Terms(LookedAfterRate, 70m, Absolute(5, 10, 20));

        var result = RatingRule.Rate(terms, Ratio(LookedAfterRate, numerator, 10_000), dueDatePassed: true, otherReason: null);

        Assert.Equal(expected, RatingOf(result));
    }

    [Theory]
    [InlineData("0", PerformanceRating.Good)]
    [InlineData("0.0001", PerformanceRating.Inadequate)]
    [InlineData("50", PerformanceRating.Inadequate)]
    public void Rate_ZeroTargetLowerIsBetterRelative_LeavesNoRoomAboveZero(string value, PerformanceRating expected)
    {
        // A share of a zero target is zero, so every relative threshold collapses onto the target.
        var terms = Terms(ReReferrals, 0m, Relative(10, 20, 50));

        var result = RatingRule.Rate(terms, Percent(ReReferrals, D(value)), dueDatePassed: true, otherReason: null);

        Assert.Equal(expected, RatingOf(result));
    }

    [Theory]
    [InlineData("1", PerformanceRating.Good)]
    [InlineData("1.0001", PerformanceRating.ApproachingTarget)]
    [InlineData("5", PerformanceRating.RequiresImprovement)]
    [InlineData("5.0001", PerformanceRating.Inadequate)]
    public void Rate_ZeroTargetLowerIsBetterAbsolute_UsesThePointsThresholds(string value, PerformanceRating expected)
    {
        var terms = Terms(ReReferrals, 0m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Percent(ReReferrals, D(value)), dueDatePassed: true, otherReason: null);

        Assert.Equal(expected, RatingOf(result));
    }

    [Fact]
    public void Rate_ZeroTargetHigherIsBetter_IsAlwaysGood()
    {
        var terms = Terms(Assessments, 0m, Relative(10, 20, 50));

        var result = RatingRule.Rate(terms, Percent(Assessments, 0m), dueDatePassed: true, otherReason: null);

        Assert.Equal(PerformanceRating.Good, RatingOf(result));
        Assert.Equal("0.0% against a target of 0.0% (higher is better): exactly on target. Meeting the target is Good.", result!.Explanation);
    }

    [Fact]
    public void Rate_EqualThresholds_SkipTheEmptyBand()
    {
        // Approaching target equals Good: a result just past the Good threshold drops straight to Requires improvement.
        var terms = Terms(Assessments, 85m, Absolute(2, 2, 5));

        var result = RatingRule.Rate(terms, Percent(Assessments, 82.9999m), dueDatePassed: true, otherReason: null);

        Assert.Equal(PerformanceRating.RequiresImprovement, RatingOf(result));
    }

    [Fact]
    public void Rate_NoFigureAfterTheDueDate_IsNotReported()
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, null, dueDatePassed: true, otherReason: null);

        Assert.NotNull(result);
        Assert.Equal(PerformanceRating.NotReported, result.Rating);
        Assert.Equal("No figure had been accepted by the return's due date, so this is Not reported.", result.Explanation);
    }

    [Fact]
    public void Rate_NoFigureAfterTheDueDateWithoutTargetOrTolerance_IsStillNotReported()
    {
        var terms = Terms(Assessments, null, null);

        var result = RatingRule.Rate(terms, null, dueDatePassed: true, otherReason: null);

        Assert.Equal(PerformanceRating.NotReported, RatingOf(result));
    }

    [Fact]
    public void Rate_NoFigureBeforeTheDueDate_IsPending()
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, null, dueDatePassed: false, otherReason: null);

        Assert.Null(result);
    }

    [Fact]
    public void Rate_FigureWithoutTarget_GivesNoRating()
    {
        var terms = Terms(Assessments, null, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Percent(Assessments, 90m), dueDatePassed: true, otherReason: null);

        Assert.Null(result);
    }

    [Fact]
    public void Rate_FigureWithoutTolerance_GivesNoRating()
    {
        var terms = Terms(Assessments, 85m, null);

        var result = RatingRule.Rate(terms, Percent(Assessments, 90m), dueDatePassed: true, otherReason: null);

        Assert.Null(result);
    }

    [Fact]
    public void Rate_OtherReasonWithAFigure_ReplacesTheCalculatedRating()
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Percent(Assessments, 50m), dueDatePassed: true, otherReason: "  The case management system was down for six weeks  ");

        Assert.NotNull(result);
        Assert.Equal(PerformanceRating.Other, result.Rating);
        Assert.Equal("Other: The case management system was down for six weeks", result.Explanation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Rate_OtherReasonWithoutAFigure_IsOther(bool dueDatePassed)
    {
        var terms = Terms(Assessments, null, null);

        var result = RatingRule.Rate(terms, null, dueDatePassed, otherReason: "Indicator suspended by agreement");

        Assert.Equal(PerformanceRating.Other, RatingOf(result));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Rate_BlankOtherReason_IsIgnored(string reason)
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Percent(Assessments, 90m), dueDatePassed: true, otherReason: reason);

        Assert.Equal(PerformanceRating.Good, RatingOf(result));
    }

    [Fact]
    public void Rate_AgreesWithTheToleranceBands()
    {
        var tolerance = Absolute(1, 3, 5);
        var terms = Terms(Assessments, 85m, tolerance);

        for (var tenths = 0; tenths <= 1000; tenths++)
        {
            var figure = Ratio(Assessments, tenths, 1000);
            Assert.Equal(tolerance.Rate(85m, figure.Value, Polarity.HigherIsBetter), RatingOf(RatingRule.Rate(terms, figure, true, null)));
        }
    }

    [Fact]
    public void Rate_Shortfall_ExplainsTheArithmetic()
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Ratio(Assessments, 820, 1000), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "82.0% against a target of 85.0% (higher is better): 3.0 percentage points short of target. Approaching target covers shortfalls up to 3.0 points.",
            result!.Explanation);
    }

    [Fact]
    public void Rate_Inadequate_ExplainsWhichThresholdWasPassed()
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Ratio(Assessments, 70, 100), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "70.0% against a target of 85.0% (higher is better): 15.0 percentage points short of target. Requires improvement covers shortfalls up to 5.0 points, so this is Inadequate.",
            result!.Explanation);
    }

    [Fact]
    public void Rate_HairPastAThreshold_ShowsTheDifferenceToStoredPrecision()
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Percent(Assessments, 83.9999m), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "83.9999% against a target of 85.0% (higher is better): 1.0001 percentage points short of target. Approaching target covers shortfalls up to 3.0 points.",
            result!.Explanation);
    }

    [Fact]
    public void Rate_BeatingTheTarget_SaysSo()
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Ratio(Assessments, 90, 100), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "90.0% against a target of 85.0% (higher is better): 5.0 percentage points above target. Meeting or beating the target is Good.",
            result!.Explanation);
    }

    [Fact]
    public void Rate_LowerIsBetterShortfall_SaysOverTarget()
    {
        var terms = Terms(ReReferrals, 20m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Ratio(ReReferrals, 44, 200), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "22.0% against a target of 20.0% (lower is better): 2.0 percentage points over target. Approaching target covers results up to 3.0 points over target.",
            result!.Explanation);
    }

    [Fact]
    public void Rate_LowerIsBetterBeatingTheTarget_SaysBelowTarget()
    {
        var terms = Terms(ReReferrals, 20m, Absolute(1, 3, 5));

        var result = RatingRule.Rate(terms, Ratio(ReReferrals, 36, 200), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "18.0% against a target of 20.0% (lower is better): 2.0 percentage points below target. Meeting or beating the target is Good.",
            result!.Explanation);
    }

    [Fact]
    public void Rate_RelativeTolerance_SaysShareOfTargetAndWhatItComesTo()
    {
        var terms = Terms(Families, 400m, Relative(0, 5, 15));

        var result = RatingRule.Rate(terms, Single(Families, 380), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "380 against a target of 400 (higher is better): 20 (5.0% of target) short of target. Approaching target covers shortfalls up to 5% of target (20).",
            result!.Explanation);
    }

    [Fact]
    public void Rate_RelativeToleranceLowerIsBetterDays_SaysDaysOverTarget()
    {
        var terms = Terms(DaysToVisit, 10m, Relative(10, 20, 50));

        var result = RatingRule.Rate(terms, Single(DaysToVisit, 13.5m), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "13.5 days against a target of 10 days (lower is better): 3.5 days (35.0% of target) over target. Requires improvement covers results up to 50% of target (5 days) over target.",
            result!.Explanation);
    }

    [Fact]
    public void Rate_MoneyWithPence_KeepsThePence()
    {
        var terms = Terms(CostPerCase, 2_500m, Absolute(50, 100, 250));

        var result = RatingRule.Rate(terms, Single(CostPerCase, 2_550.01m), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "£2,550.01 against a target of £2,500 (lower is better): £50.01 over target. Approaching target covers results up to £100 over target.",
            result!.Explanation);
    }

    [Fact]
    public void Rate_RatePer10000_UsesTheUnitInWords()
    {
        var terms = Terms(LookedAfterRate, 70m, Absolute(5, 10, 20));

        var result = RatingRule.Rate(terms, Ratio(LookedAfterRate, 72, 10_000), dueDatePassed: true, otherReason: null);

        Assert.Equal(
            "72.0 per 10,000 against a target of 70.0 per 10,000 (lower is better): 2.0 per 10,000 over target. Good covers results up to 5.0 per 10,000 over target.",
            result!.Explanation);
    }

    [Fact]
    public void RateValue_SampleValue_RatesWithoutAFigure()
    {
        var terms = Terms(Assessments, 85m, Absolute(1, 3, 5));

        var result = RatingRule.RateValue(terms, 81m);

        Assert.Equal(PerformanceRating.RequiresImprovement, RatingOf(result));
    }
}
