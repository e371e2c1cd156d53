using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Returns;
using static ContractOutcomes.Domain.Tests.Evaluation.EvaluationFixture;

namespace ContractOutcomes.Domain.Tests.Evaluation;

public sealed class ScorecardTests
{
    /// <summary>Inputs for consecutive periods from 2025-26 Q1; a null percent is a period with no accepted figure.</summary>
    private static List<ScorecardInput> Percents(OutcomeIndicator indicator, decimal? target, params decimal?[] percents) =>
        percents.Select((p, i) => new ScorecardInput(Period(i), p is { } v ? Percent(indicator, v) : null, target)).ToList();

    [Fact]
    public void Series_ActualBelowTarget_CalculatesVarianceAndPercentOfTarget()
    {
        var inputs = new[] { new ScorecardInput(Q1, Ratio(Assessments, 82, 100), 85m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.HigherIsBetter, null, inputs));

        Assert.Equal(82m, figures.Actual);
        Assert.Equal(85m, figures.Target);
        Assert.Equal(-0.0353m, figures.VarianceFromTarget); // −3 ÷ 85 = −0.035294…
        Assert.Equal(-3.5294m, figures.VarianceFromTargetPercent);
        Assert.Equal(96.4706m, figures.PercentOfTarget); // 82 ÷ 85 × 100 = 96.470588…
    }

    [Fact]
    public void Series_ActualAboveTarget_GivesPositiveVariance()
    {
        var inputs = new[] { new ScorecardInput(Q1, Ratio(Assessments, 90, 100), 80m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.HigherIsBetter, null, inputs));

        Assert.Equal(0.125m, figures.VarianceFromTarget);
        Assert.Equal(12.5m, figures.VarianceFromTargetPercent);
        Assert.Equal(112.5m, figures.PercentOfTarget);
    }

    [Fact]
    public void Series_LowerIsBetterAboveTarget_KeepsTheArithmeticSign()
    {
        // Variance is plain arithmetic: positive means above target, which is worse for lower-is-better.
        var inputs = new[] { new ScorecardInput(Q1, Ratio(ReReferrals, 44, 200), 20m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.LowerIsBetter, null, inputs));

        Assert.Equal(0.1m, figures.VarianceFromTarget);
        Assert.Equal(110m, figures.PercentOfTarget);
    }

    [Fact]
    public void Series_RatioFigure_CarriesNumeratorAndDenominator()
    {
        var inputs = new[] { new ScorecardInput(Q1, Ratio(Assessments, 2, 3), 70m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.HigherIsBetter, null, inputs));

        Assert.Equal(66.6667m, figures.Actual);
        Assert.Equal(2m, figures.Numerator);
        Assert.Equal(3m, figures.Denominator);
        Assert.Equal(95.2381m, figures.PercentOfTarget); // 66.6667 ÷ 70 × 100 = 95.238142…
        Assert.Equal(-0.0476m, figures.VarianceFromTarget);
    }

    [Fact]
    public void Series_SingleValueFigure_HasNoNumeratorOrDenominator()
    {
        var inputs = new[] { new ScorecardInput(Q1, Single(Families, 412), 400m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.HigherIsBetter, null, inputs));

        Assert.Equal(412m, figures.Actual);
        Assert.Null(figures.Numerator);
        Assert.Null(figures.Denominator);
        Assert.Equal(0.03m, figures.VarianceFromTarget);
        Assert.Equal(103m, figures.PercentOfTarget);
    }

    [Fact]
    public void Series_ZeroTarget_HasNoVarianceOrPercentOfTarget()
    {
        var inputs = new[] { new ScorecardInput(Q1, Ratio(ReReferrals, 1, 100), 0m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.LowerIsBetter, null, inputs));

        Assert.Equal(1m, figures.Actual);
        Assert.Equal(0m, figures.Target);
        Assert.Null(figures.VarianceFromTarget);
        Assert.Null(figures.VarianceFromTargetPercent);
        Assert.Null(figures.PercentOfTarget);
    }

    [Fact]
    public void Series_NoTarget_HasNoVarianceOrPercentOfTarget()
    {
        var inputs = new[] { new ScorecardInput(Q1, Ratio(Assessments, 82, 100), null) };

        var figures = Assert.Single(Scorecard.Series(Polarity.HigherIsBetter, null, inputs));

        Assert.Null(figures.VarianceFromTarget);
        Assert.Null(figures.PercentOfTarget);
    }

    [Fact]
    public void Series_Baseline_GivesPercentChangeFromBaseline()
    {
        var inputs = new[] { new ScorecardInput(Q1, Ratio(ReReferrals, 40, 200), 20m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.LowerIsBetter, 22.1m, inputs));

        Assert.Equal(-9.5023m, figures.BaselineChangePercent); // (20 − 22.1) ÷ 22.1 × 100 = −9.502262…
    }

    [Fact]
    public void Series_ZeroBaseline_HasNoBaselineChange()
    {
        var inputs = new[] { new ScorecardInput(Q1, Single(Families, 412), 400m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.HigherIsBetter, 0m, inputs));

        Assert.Null(figures.BaselineChangePercent);
    }

    [Fact]
    public void Series_NoBaseline_HasNoBaselineChange()
    {
        var inputs = new[] { new ScorecardInput(Q1, Single(Families, 412), 400m) };

        var figures = Assert.Single(Scorecard.Series(Polarity.HigherIsBetter, null, inputs));

        Assert.Null(figures.BaselineChangePercent);
    }

    [Fact]
    public void Series_PeriodWithoutActual_HasTargetButNoCalculatedFigures()
    {
        var series = Scorecard.Series(Polarity.HigherIsBetter, 80m, Percents(Assessments, 85m, 82m, null));

        var missing = series[1];
        Assert.Equal(Period(1), missing.Period);
        Assert.Null(missing.Actual);
        Assert.Null(missing.Numerator);
        Assert.Null(missing.Denominator);
        Assert.Equal(85m, missing.Target);
        Assert.Null(missing.VarianceFromTarget);
        Assert.Null(missing.PercentOfTarget);
        Assert.Null(missing.BaselineChangePercent);
        Assert.Equal(82m, missing.PreviousActual);
        Assert.Equal(TrendDirection.None, missing.Trend);
        Assert.Equal(0, missing.TrendPeriods);
    }

    [Fact]
    public void Series_FirstActual_HasNoPreviousActualAndNoTrend()
    {
        var series = Scorecard.Series(Polarity.HigherIsBetter, null, Percents(Assessments, 85m, 82m));

        Assert.Null(series[0].PreviousActual);
        Assert.Equal(TrendDirection.None, series[0].Trend);
        Assert.Equal(0, series[0].TrendPeriods);
        Assert.Equal("No trend", series[0].TrendDescription);
    }

    [Fact]
    public void Series_MissingPeriod_ComparesWithTheMostRecentEarlierActual()
    {
        var series = Scorecard.Series(Polarity.HigherIsBetter, null, Percents(Assessments, 85m, 80m, null, null, 83m));

        Assert.Equal(80m, series[3].PreviousActual);
        Assert.Equal(TrendDirection.Improving, series[3].Trend);
    }

    [Fact]
    public void Series_MissingPeriod_DoesNotBreakTheRun()
    {
        var series = Scorecard.Series(Polarity.HigherIsBetter, null, Percents(Assessments, 85m, 80m, 81m, null, 82m));

        Assert.Equal((TrendDirection.Improving, 1), (series[1].Trend, series[1].TrendPeriods));
        Assert.Equal((TrendDirection.None, 0), (series[2].Trend, series[2].TrendPeriods));
        Assert.Equal((TrendDirection.Improving, 2), (series[3].Trend, series[3].TrendPeriods));
    }

    [Fact]
    public void Series_NoActualsAtAll_HasNoPreviousActualOrTrend()
    {
        var series = Scorecard.Series(Polarity.HigherIsBetter, 80m, Percents(Assessments, 85m, null, null));

        Assert.All(series, f =>
        {
            Assert.Null(f.Actual);
            Assert.Null(f.PreviousActual);
            Assert.Equal(TrendDirection.None, f.Trend);
        });
    }

    [Fact]
    public void Series_HigherIsBetter_CountsRunsThroughEachDirection()
    {
        var series = Scorecard.Series(Polarity.HigherIsBetter, null, Percents(Assessments, 85m, 80m, 81m, 82m, 82m, 82m, 81m, 80m, 83m));

        Assert.Equal(
            [
                (TrendDirection.None, 0), (TrendDirection.Improving, 1), (TrendDirection.Improving, 2),
                (TrendDirection.Unchanged, 1), (TrendDirection.Unchanged, 2), (TrendDirection.Worsening, 1),
                (TrendDirection.Worsening, 2), (TrendDirection.Improving, 1),
            ],
            series.Select(f => (f.Trend, f.TrendPeriods)));
        Assert.Equal([null, 80m, 81m, 82m, 82m, 82m, 81m, 80m], series.Select(f => f.PreviousActual));
    }

    [Fact]
    public void Series_LowerIsBetter_FallingIsImproving()
    {
        var series = Scorecard.Series(Polarity.LowerIsBetter, null, Percents(ReReferrals, 20m, 22m, 21m, 19.5m, 23m));

        Assert.Equal(
            [(TrendDirection.None, 0), (TrendDirection.Improving, 1), (TrendDirection.Improving, 2), (TrendDirection.Worsening, 1)],
            series.Select(f => (f.Trend, f.TrendPeriods)));
        Assert.Equal("Improving for 2 periods", series[2].TrendDescription);
        Assert.Equal("Worsening this period", series[3].TrendDescription);
    }

    [Fact]
    public void Series_InputsOutOfOrder_ReturnsOnePerInputInPeriodOrder()
    {
        var inputs = new[]
        {
            new ScorecardInput(Period(2), Percent(Assessments, 84m), 85m),
            new ScorecardInput(Period(0), Percent(Assessments, 80m), 85m),
            new ScorecardInput(Period(1), Percent(Assessments, 82m), 85m),
        };

        var series = Scorecard.Series(Polarity.HigherIsBetter, null, inputs);

        Assert.Equal([Period(0), Period(1), Period(2)], series.Select(f => f.Period));
        Assert.Equal((TrendDirection.Improving, 2), (series[2].Trend, series[2].TrendPeriods));
    }

    [Fact]
    public void Series_Empty_IsEmpty()
    {
        Assert.Empty(Scorecard.Series(Polarity.HigherIsBetter, null, []));
    }

    [Fact]
    public void Series_SamePeriodTwice_Throws()
    {
        var inputs = new[] { new ScorecardInput(Q1, null, 85m), new ScorecardInput(Q1, null, 85m) };

        Assert.Throws<ArgumentException>(() => Scorecard.Series(Polarity.HigherIsBetter, null, inputs));
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, 80, 81, TrendDirection.Improving)]
    [InlineData(Polarity.HigherIsBetter, 81, 80, TrendDirection.Worsening)]
    [InlineData(Polarity.LowerIsBetter, 80, 81, TrendDirection.Worsening)]
    [InlineData(Polarity.LowerIsBetter, 81, 80, TrendDirection.Improving)]
    [InlineData(Polarity.HigherIsBetter, 80, 80, TrendDirection.Unchanged)]
    [InlineData(Polarity.LowerIsBetter, 80, 80, TrendDirection.Unchanged)]
    public void Direction_JudgesByPolarity(Polarity polarity, int previous, int current, TrendDirection expected)
    {
        Assert.Equal(expected, Scorecard.Direction(polarity, previous, current));
    }

    [Fact]
    public void VarianceFromTarget_RoundsHalfAwayFromZero()
    {
        // −0.00005 exactly: to even would give 0.0000, away from zero gives −0.0001.
        Assert.Equal(-0.0001m, Scorecard.VarianceFromTarget(99.995m, 100m));
        Assert.Equal(0.0001m, Scorecard.VarianceFromTarget(100.005m, 100m));
    }

    [Theory]
    [InlineData(TrendDirection.None, 0, "No trend")]
    [InlineData(TrendDirection.Improving, 1, "Improving this period")]
    [InlineData(TrendDirection.Improving, 3, "Improving for 3 periods")]
    [InlineData(TrendDirection.Worsening, 2, "Worsening for 2 periods")]
    [InlineData(TrendDirection.Unchanged, 4, "Unchanged for 4 periods")]
    public void Describe_GivesAccessibleText(TrendDirection direction, int periods, string expected)
    {
        Assert.Equal(expected, direction.Describe(periods));
    }

    [Theory]
    [InlineData(TrendDirection.None, "No trend")]
    [InlineData(TrendDirection.Improving, "Improving")]
    [InlineData(TrendDirection.Worsening, "Worsening")]
    [InlineData(TrendDirection.Unchanged, "Unchanged")]
    public void DisplayName_NamesEachDirection(TrendDirection direction, string expected)
    {
        Assert.Equal(expected, direction.DisplayName());
    }

    [Fact]
    public void Series_FigureFromAReturn_UsesTheFigureValue()
    {
        Figure figure = Ratio(LookedAfterRate, 65, 10_000);
        var figures = Assert.Single(Scorecard.Series(Polarity.LowerIsBetter, 70m, [new ScorecardInput(Q1, figure, 70m)]));

        Assert.Equal(65m, figures.Actual);
        Assert.Equal(-7.1429m, figures.BaselineChangePercent); // (65 − 70) ÷ 70 × 100 = −7.142857…
    }
}
