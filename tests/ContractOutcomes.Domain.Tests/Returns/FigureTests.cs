using System.Globalization;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Tests.Returns;

public sealed class FigureTests
{
    private readonly ReturnBuilder _builder = new();

    private OutcomeIndicator Assessments => _builder[ReturnBuilder.Assessments];

    private OutcomeIndicator Families => _builder[ReturnBuilder.Families];

    private OutcomeIndicator DaysToVisit => _builder[ReturnBuilder.DaysToVisit];

    private OutcomeIndicator Rate => _builder[ReturnBuilder.LookedAfterRate];

    private OutcomeIndicator Cost => _builder[ReturnBuilder.CostPerCase];

    private static decimal D(string value) => decimal.Parse(value, CultureInfo.InvariantCulture);

    private static RuleViolation Only(IReadOnlyList<RuleViolation> problems) => Assert.Single(problems);

    [Fact]
    public void For_PercentageFromNumeratorAndDenominator_CalculatesTheValue()
    {
        var figure = Figure.For(Assessments, null, 17, 20);

        Assert.Equal(85m, figure.Value);
        Assert.Equal(17m, figure.Numerator);
        Assert.Equal(20m, figure.Denominator);
        Assert.True(figure.IsRatio);
    }

    [Fact]
    public void For_RatePer10000_ScalesBy10000()
    {
        var figure = Figure.For(Rate, null, 7, 3_000);

        Assert.Equal(23.3333m, figure.Value);
    }

    [Theory]
    [InlineData(1, 3, "33.3333")]
    [InlineData(2, 3, "66.6667")]
    [InlineData(1, 2_000_000, "0.0001")] // exactly 0.00005: half away from zero, not to even
    [InlineData(5, 2_000_000, "0.0003")] // exactly 0.00025
    [InlineData(0, 7, "0")]
    public void For_Percentage_RoundsTheValueToFourDecimalPlacesHalfAwayFromZero(int numerator, int denominator, string expected)
    {
        var figure = Figure.For(Assessments, null, numerator, denominator);

        Assert.Equal(D(expected), figure.Value);
    }

    [Fact]
    public void For_SingleValue_KeepsTheValueWithoutNumeratorOrDenominator()
    {
        var figure = Figure.For(DaysToVisit, 7.25m, null, null);

        Assert.Equal(7.25m, figure.Value);
        Assert.Null(figure.Numerator);
        Assert.Null(figure.Denominator);
        Assert.False(figure.IsRatio);
    }

    [Fact]
    public void For_ValueBesideMatchingNumeratorAndDenominator_UsesTheCalculatedValue()
    {
        var figure = Figure.For(Assessments, 66.7m, 2, 3);

        Assert.Equal(66.6667m, figure.Value);
    }

    [Fact]
    public void For_InvalidNumbers_ThrowsWithEveryProblem()
    {
        var error = Assert.Throws<BusinessRuleException>(() => Figure.For(Assessments, null, null, null));

        Assert.Equal(["Numerator", "Denominator"], error.Violations.Select(v => v.PropertyName ?? string.Empty).ToArray());
    }

    [Fact]
    public void Check_ValidRatio_HasNoProblems()
    {
        Assert.Empty(Figure.Check(Assessments, null, 0, 1));
        Assert.Empty(Figure.Check(Assessments, null, 20, 20));
    }

    [Fact]
    public void Check_RatioWithNothing_AsksForNumeratorAndDenominator()
    {
        var problems = Figure.Check(Assessments, null, null, null);

        Assert.Equal(
            [
                new RuleViolation($"Enter the numerator for {ReturnBuilder.Assessments}", "Numerator"),
                new RuleViolation($"Enter the denominator for {ReturnBuilder.Assessments}", "Denominator"),
            ],
            problems);
    }

    [Fact]
    public void Check_PercentageGivenAsAValueOnly_AsksForNumeratorAndDenominator()
    {
        var problems = Figure.Check(Assessments, 85m, null, null);

        Assert.Equal(["Numerator", "Denominator"], problems.Select(p => p.PropertyName ?? string.Empty).ToArray());
    }

    [Fact]
    public void Check_NumeratorMoreThanDenominatorForAPercentage_IsRefusedOnTheNumerator()
    {
        var problem = Only(Figure.Check(Assessments, null, 21, 20));

        Assert.Equal($"The numerator for {ReturnBuilder.Assessments} cannot be more than the denominator", problem.Message);
        Assert.Equal("Numerator", problem.PropertyName);
    }

    [Fact]
    public void Check_ZeroDenominator_IsRefused()
    {
        var problem = Only(Figure.Check(Assessments, null, 0, 0));

        Assert.Equal($"The denominator for {ReturnBuilder.Assessments} must be a whole number, 1 or more", problem.Message);
        Assert.Equal("Denominator", problem.PropertyName);
    }

    [Theory]
    [InlineData("-1", "20")]
    [InlineData("17.5", "20")]
    [InlineData("100000000000000", "100000000000000")] // larger than Figure.Largest
    public void Check_NumeratorNotAWholeNumberOrNegative_IsRefusedOnTheNumerator(string numerator, string denominator)
    {
        var problems = Figure.Check(Assessments, null, D(numerator), D(denominator));

        Assert.Contains(problems, p => p.PropertyName == "Numerator" && p.Message == $"The numerator for {ReturnBuilder.Assessments} must be a whole number, 0 or more");
    }

    [Theory]
    [InlineData("-20")]
    [InlineData("20.5")]
    public void Check_DenominatorNotAPositiveWholeNumber_IsRefusedOnTheDenominator(string denominator)
    {
        var problem = Only(Figure.Check(Assessments, null, 1, D(denominator)));

        Assert.Equal("Denominator", problem.PropertyName);
    }

    [Fact]
    public void Check_ValueThatDoesNotMatchTheNumeratorAndDenominator_IsRefusedOnTheValue()
    {
        var problem = Only(Figure.Check(Assessments, 90m, 17, 20));

        Assert.Equal("Value", problem.PropertyName);
        Assert.Equal($"The value for {ReturnBuilder.Assessments} (90.0%) does not match the numerator and denominator (85.0%)", problem.Message);
    }

    [Fact]
    public void Check_ValueWithinRoundingOfTheNumeratorAndDenominator_IsAccepted()
    {
        Assert.Empty(Figure.Check(Assessments, 66.7m, 2, 3));
        Assert.Empty(Figure.Check(Assessments, 66.62m, 2, 3));
    }

    [Fact]
    public void Check_SingleValueIndicatorGivenANumerator_SaysItIsASingleValue()
    {
        var problems = Figure.Check(Families, 12m, 12, null);

        Assert.Equal($"{ReturnBuilder.Families} is reported as a single value, not a numerator and denominator", Assert.Single(problems).Message);
    }

    [Fact]
    public void Check_SingleValueIndicatorWithNoValue_AsksForTheValue()
    {
        var problem = Only(Figure.Check(Families, null, null, null));

        Assert.Equal($"Enter the value for {ReturnBuilder.Families}", problem.Message);
        Assert.Equal("Value", problem.PropertyName);
    }

    [Fact]
    public void Check_NegativeValue_IsRefused()
    {
        var problem = Only(Figure.Check(DaysToVisit, -1m, null, null));

        Assert.Equal($"The value for {ReturnBuilder.DaysToVisit} must be 0 or more", problem.Message);
    }

    [Fact]
    public void Check_CountNotAWholeNumber_IsRefused()
    {
        var problem = Only(Figure.Check(Families, 12.5m, null, null));

        Assert.Equal($"The value for {ReturnBuilder.Families} must be a whole number", problem.Message);
    }

    [Theory]
    [InlineData(ReturnBuilder.DaysToVisit, "7.125")]
    [InlineData(ReturnBuilder.CostPerCase, "2500.001")]
    public void Check_MoreThanTwoDecimalPlaces_IsRefused(string indicator, string value)
    {
        var problem = Only(Figure.Check(_builder[indicator], D(value), null, null));

        Assert.Equal($"The value for {indicator} must have no more than 2 decimal places", problem.Message);
    }

    [Theory]
    [InlineData(ReturnBuilder.DaysToVisit, "7.25")]
    [InlineData(ReturnBuilder.CostPerCase, "2500.55")]
    [InlineData(ReturnBuilder.CostPerCase, "0")]
    [InlineData(ReturnBuilder.Families, "99999999999999")]
    public void Check_TwoDecimalPlacesOrFewer_IsAccepted(string indicator, string value)
    {
        Assert.Empty(Figure.Check(_builder[indicator], D(value), null, null));
    }

    [Fact]
    public void Check_ValueLargerThanCanBeStored_IsRefused()
    {
        var problem = Only(Figure.Check(Cost, Figure.Largest + 1, null, null));

        Assert.Equal($"The value for {ReturnBuilder.CostPerCase} is too large", problem.Message);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, "84.99", true)]
    [InlineData(Polarity.HigherIsBetter, "85", false)]
    [InlineData(Polarity.HigherIsBetter, "85.01", false)]
    [InlineData(Polarity.LowerIsBetter, "85.01", true)]
    [InlineData(Polarity.LowerIsBetter, "85", false)]
    [InlineData(Polarity.LowerIsBetter, "84.99", false)]
    public void Misses_JudgesByPolarity_OnTargetIsNotAMiss(Polarity polarity, string value, bool expected)
    {
        var figure = Figure.For(DaysToVisit, D(value), null, null);

        Assert.Equal(expected, figure.Misses(85m, polarity));
    }

    [Fact]
    public void Describe_Ratio_ShowsTheValueAndTheCounts()
    {
        Assert.Equal("85.0% (1,700 of 2,000)", Figure.For(Assessments, null, 1_700, 2_000).Describe(IndicatorUnit.Percentage));
        Assert.Equal("66.667% (2 of 3)", Figure.For(Assessments, null, 2, 3).Describe(IndicatorUnit.Percentage));
        Assert.Equal("65.0 per 10,000 (65 of 10,000)", Figure.For(Rate, null, 65, 10_000).Describe(IndicatorUnit.RatePer10000));
    }

    [Fact]
    public void Describe_SingleValue_ShowsTheValueInItsUnit()
    {
        Assert.Equal("1,234", Figure.For(Families, 1_234m, null, null).Describe(IndicatorUnit.Count));
        Assert.Equal("7.5 days", Figure.For(DaysToVisit, 7.5m, null, null).Describe(IndicatorUnit.Days));
        Assert.Equal("£2,500", Figure.For(Cost, 2_500m, null, null).Describe(IndicatorUnit.Money));
    }
}
