using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Tests.Contracts;

public sealed class ToleranceBandsTests
{
    private static readonly ToleranceBands Absolute = ToleranceBands.Of(ToleranceMode.Absolute, 0, 2, 5);

    [Theory]
    [InlineData(90, PerformanceRating.Good)]
    [InlineData(85, PerformanceRating.Good)]
    [InlineData(84.9, PerformanceRating.ApproachingTarget)]
    [InlineData(83, PerformanceRating.ApproachingTarget)]
    [InlineData(82.99, PerformanceRating.RequiresImprovement)]
    [InlineData(80, PerformanceRating.RequiresImprovement)]
    [InlineData(79.9, PerformanceRating.Inadequate)]
    public void Rate_HigherIsBetter_UsesShortfallBelowTarget(double result, PerformanceRating expected) =>
        Assert.Equal(expected, Absolute.Rate(85m, (decimal)result, Polarity.HigherIsBetter));

    [Theory]
    [InlineData(15, PerformanceRating.Good)]
    [InlineData(20, PerformanceRating.Good)]
    [InlineData(21, PerformanceRating.ApproachingTarget)]
    [InlineData(23, PerformanceRating.RequiresImprovement)]
    [InlineData(25.5, PerformanceRating.Inadequate)]
    public void Rate_LowerIsBetter_UsesExcessAboveTarget(double result, PerformanceRating expected) =>
        Assert.Equal(expected, Absolute.Rate(20m, (decimal)result, Polarity.LowerIsBetter));

    [Fact]
    public void Rate_Relative_ScalesAllowanceByTarget()
    {
        // 10% of a 60% target is 6 points; 20% is 12 points.
        var relative = ToleranceBands.Of(ToleranceMode.Relative, 0, 10, 20);

        Assert.Equal(PerformanceRating.ApproachingTarget, relative.Rate(60m, 54m, Polarity.HigherIsBetter));
        Assert.Equal(PerformanceRating.RequiresImprovement, relative.Rate(60m, 53.9m, Polarity.HigherIsBetter));
        Assert.Equal(PerformanceRating.Inadequate, relative.Rate(60m, 47.9m, Polarity.HigherIsBetter));
    }

    [Fact]
    public void Rate_EveryResult_WorsensMonotonically()
    {
        var previous = PerformanceRating.Good;
        for (var result = 100m; result >= 0m; result -= 0.25m)
        {
            var rating = Absolute.Rate(85m, result, Polarity.HigherIsBetter);
            Assert.True(rating >= previous, $"{result} rated {rating} after {previous}");
            previous = rating;
        }

        Assert.Equal(PerformanceRating.Inadequate, previous);
    }

    [Theory]
    [InlineData(-1, 2, 5, "GoodWithin")]
    [InlineData(3, 2, 5, "ApproachingWithin")]
    [InlineData(0, 6, 5, "RequiresImprovementWithin")]
    public void Of_ThresholdsOutOfOrder_IsRefusedNamingTheField(double good, double approaching, double requiresImprovement, string property)
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            ToleranceBands.Of(ToleranceMode.Absolute, (decimal)good, (decimal)approaching, (decimal)requiresImprovement));

        Assert.Equal(property, error.PropertyName);
    }

    [Fact]
    public void Describe_HigherIsBetter_GivesTheResultRangeOfEachBand()
    {
        var bands = Absolute.Describe(85m, Polarity.HigherIsBetter, IndicatorUnit.Percentage);

        Assert.Equal(
            [PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement, PerformanceRating.Inadequate],
            bands.Select(b => b.Rating).ToArray());
        Assert.Equal("85.0% or more", bands[0].Range);
        Assert.Contains("83.0%", bands[1].Range, StringComparison.Ordinal);
        Assert.Equal("below 80.0%", bands[3].Range);
    }
}
