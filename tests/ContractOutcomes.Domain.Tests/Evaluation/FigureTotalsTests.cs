using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using static ContractOutcomes.Domain.Tests.Evaluation.EvaluationFixture;

namespace ContractOutcomes.Domain.Tests.Evaluation;

public sealed class FigureTotalsTests
{
    [Fact]
    public void Sum_Percentages_SumsNumeratorsAndDenominatorsRatherThanAveraging()
    {
        // A small contract at 90% (9 of 10) and a large one at 50% (50 of 100). The average of the two
        // percentages is 70%, but only 59 of the 110 children were assessed on time: 53.6%.
        var small = Ratio(Assessments, 9, 10);
        var large = Ratio(Assessments, 50, 100);

        var total = FigureTotals.Sum(IndicatorUnit.Percentage, [small, large]);

        Assert.Equal(53.6364m, total.Value);
        Assert.Equal(59m, total.Numerator);
        Assert.Equal(110m, total.Denominator);
        Assert.Equal(2, total.Count);
        Assert.NotEqual((small.Value + large.Value) / 2, total.Value);
    }

    [Fact]
    public void Sum_RatesPer10000_ScalesBy10000Once()
    {
        var total = FigureTotals.Sum(IndicatorUnit.RatePer10000, [Ratio(LookedAfterRate, 7, 3_000), Ratio(LookedAfterRate, 3, 7_000)]);

        Assert.Equal(10m, total.Value); // 10 ÷ 10,000 × 10,000; the two rates (23.3 and 4.3) average 13.8
        Assert.Equal(10m, total.Numerator);
        Assert.Equal(10_000m, total.Denominator);
    }

    [Fact]
    public void Sum_RecurringRatio_RoundsOnceToStoredPrecision()
    {
        var total = FigureTotals.Sum(IndicatorUnit.Percentage, [Ratio(Assessments, 1, 3), Ratio(Assessments, 1, 3), Ratio(Assessments, 0, 3)]);

        Assert.Equal(22.2222m, total.Value); // 2 ÷ 9 × 100 = 22.2222…
    }

    [Fact]
    public void Sum_Counts_SumsValues()
    {
        var total = FigureTotals.Sum(IndicatorUnit.Count, [Single(Families, 412), Single(Families, 388), Single(Families, 0)]);

        Assert.Equal(new FigureTotal(800m, null, null, 3), total);
    }

    [Fact]
    public void Sum_Money_SumsValues()
    {
        var total = FigureTotals.Sum(IndicatorUnit.Money, [Single(CostPerCase, 2_410.50m), Single(CostPerCase, 2_600.25m)]);

        Assert.Equal(new FigureTotal(5_010.75m, null, null, 2), total);
    }

    [Fact]
    public void Sum_Days_HasNoTotalButCountsTheFigures()
    {
        var total = FigureTotals.Sum(IndicatorUnit.Days, [Single(DaysToVisit, 8.5m), Single(DaysToVisit, 12m)]);

        Assert.Equal(new FigureTotal(null, null, null, 2), total);
    }

    [Theory]
    [InlineData(IndicatorUnit.Percentage)]
    [InlineData(IndicatorUnit.Count)]
    [InlineData(IndicatorUnit.Days)]
    [InlineData(IndicatorUnit.Money)]
    public void Sum_NoFigures_IsEmptyRatherThanZero(IndicatorUnit unit)
    {
        var total = FigureTotals.Sum(unit, []);

        Assert.Equal(new FigureTotal(null, null, null, 0), total);
    }

    [Fact]
    public void Combine_ZeroTotalDenominator_HasNoValue()
    {
        // Stored rows read straight from the database, each a figure of 0 of 0.
        var total = FigureTotals.Combine(IndicatorUnit.Percentage, [new FigureTotal(null, 0, 0, 1), new FigureTotal(null, 0, 0, 1)]);

        Assert.Equal(new FigureTotal(null, 0m, 0m, 2), total);
    }

    [Fact]
    public void Combine_ZeroDenominatorBesideOthers_AddsNothing()
    {
        var total = FigureTotals.Combine(IndicatorUnit.Percentage, [new FigureTotal(null, 0, 0, 1), new FigureTotal(85m, 17, 20, 1)]);

        Assert.Equal(new FigureTotal(85m, 17m, 20m, 2), total);
    }

    [Fact]
    public void Combine_TotalsOfTotals_MatchTheTotalOfEveryFigure()
    {
        var northern = new[] { Ratio(Assessments, 9, 10), Ratio(Assessments, 61, 70) };
        var southern = new[] { Ratio(Assessments, 50, 100), Ratio(Assessments, 2, 3) };

        var byContract = FigureTotals.Combine(
            IndicatorUnit.Percentage,
            [FigureTotals.Sum(IndicatorUnit.Percentage, northern), FigureTotals.Sum(IndicatorUnit.Percentage, southern)]);

        Assert.Equal(FigureTotals.Sum(IndicatorUnit.Percentage, northern.Concat(southern)), byContract);
    }

    [Fact]
    public void Combine_EmptyTotals_AreSkipped()
    {
        var total = FigureTotals.Combine(IndicatorUnit.Count, [new FigureTotal(null, null, null, 0), new FigureTotal(12m, null, null, 1)]);

        Assert.Equal(new FigureTotal(12m, null, null, 1), total);
    }

    [Fact]
    public void Combine_RatioWithoutDenominator_Throws()
    {
        Assert.Throws<ArgumentException>(() => FigureTotals.Combine(IndicatorUnit.Percentage, [new FigureTotal(85m, null, null, 1)]));
    }
}
