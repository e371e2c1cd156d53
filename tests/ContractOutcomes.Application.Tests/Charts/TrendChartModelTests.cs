using ContractOutcomes.Application.Performance.GetIndicatorTrend;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Application.Tests.Charts;

/// <summary>The renderer-neutral chart model, built from periods made up for each test: no database.</summary>
public sealed class TrendChartModelTests
{
    private const string Assessments = "Single assessments completed within 45 working days";
    private static readonly ToleranceBands AssessmentTolerance = ToleranceBands.Of(ToleranceMode.Absolute, 0m, 3m, 8m);
    private static readonly ToleranceBands ReReferralTolerance = ToleranceBands.Of(ToleranceMode.Absolute, 0.5m, 2m, 4m);

    private static TrendSubject HigherIsBetter(decimal? baseline = 78.4m) =>
        new(Assessments, IndicatorUnit.Percentage, Polarity.HigherIsBetter, baseline, baseline is null ? null : ReportingPeriod.Parse("2023-24 Q4"));

    private static TrendPeriodView Row(
        string period,
        decimal? actual,
        decimal target,
        Polarity polarity = Polarity.HigherIsBetter,
        ToleranceBands? tolerance = null,
        TrendDirection trend = TrendDirection.None,
        int trendPeriods = 0,
        bool restated = false)
    {
        var bands = tolerance ?? AssessmentTolerance;
        var rating = actual is { } a ? bands.Rate(target, a, polarity) : PerformanceRating.NotReported;
        return new TrendPeriodView(
            ReportingPeriod.Parse(period), actual, actual is null ? null : actual * 10, actual is null ? null : 1000m, target, rating,
            "Explained", trend, trendPeriods, restated, 0, TrendBands.For(bands, target, polarity, IndicatorUnit.Percentage));
    }

    /// <summary>The brief's example: rises, falls to a low, recovers a little; Inadequate and worsening at the end.</summary>
    private static List<TrendPeriodView> Example() =>
    [
        Row("2024-25 Q3", 81.4m, 80m),
        Row("2024-25 Q4", 82.0m, 80m, trend: TrendDirection.Improving, trendPeriods: 1),
        Row("2025-26 Q1", 83.1m, 83m, trend: TrendDirection.Improving, trendPeriods: 2),
        Row("2025-26 Q2", 80.2m, 83m, trend: TrendDirection.Worsening, trendPeriods: 1),
        Row("2025-26 Q3", 77.0m, 83m, trend: TrendDirection.Worsening, trendPeriods: 2),
        Row("2025-26 Q4", 73.6m, 83m, trend: TrendDirection.Worsening, trendPeriods: 3),
        Row("2026-27 Q1", 76.5m, 85m, trend: TrendDirection.Improving, trendPeriods: 1),
        Row("2026-27 Q2", 75.8m, 85m, trend: TrendDirection.Worsening, trendPeriods: 2),
    ];

    [Fact]
    public void Build_Scale_HoldsEveryActualTargetBaselineAndBandEdgeOnRoundTicks()
    {
        var periods = Example();

        var chart = TrendChart.Build(HigherIsBetter(), periods);

        var values = periods.SelectMany(p => new[] { p.Actual, p.Target }.Concat(p.Bands.SelectMany(b => new[] { b.Lower, b.Upper })))
            .OfType<decimal>().Append(78.4m).ToList();
        Assert.All(values, v => Assert.InRange(v, chart.Scale.Min, chart.Scale.Max));
        Assert.Equal(chart.Scale.Min, chart.Scale.Ticks[0].Value);
        Assert.Equal(chart.Scale.Max, chart.Scale.Ticks[^1].Value);
        Assert.All(chart.Scale.Ticks, t => Assert.Equal(0m, t.Value % chart.Scale.Step));
        Assert.InRange(chart.Scale.Ticks.Count, 3, 12);
        Assert.Contains(chart.Scale.Ticks, t => t.Label.EndsWith('%'));
        Assert.Equal(0d, chart.Scale.Position(chart.Scale.Min));
        Assert.Equal(1d, chart.Scale.Position(chart.Scale.Max));
    }

    [Theory]
    [InlineData(IndicatorUnit.Percentage, 99.2, 100.0)]
    [InlineData(IndicatorUnit.Count, 0.0, 3.0)]
    [InlineData(IndicatorUnit.Money, 2450.0, 2450.0)]
    [InlineData(IndicatorUnit.RatePer10000, 70.3, 74.0)]
    public void ScaleFor_AnyValues_StaysWithinWhatTheUnitAllows(IndicatorUnit unit, double low, double high)
    {
        var scale = ChartScale.For([(decimal)low, (decimal)high], unit);

        Assert.True(scale.Min >= 0);
        Assert.True(scale.Max > scale.Min);
        Assert.InRange((decimal)low, scale.Min, scale.Max);
        Assert.InRange((decimal)high, scale.Min, scale.Max);
        if (unit == IndicatorUnit.Percentage)
        {
            Assert.True(scale.Max <= 100);
        }

        if (unit == IndicatorUnit.Count)
        {
            Assert.All(scale.Ticks, t => Assert.Equal(Math.Floor(t.Value), t.Value));
        }
    }

    [Fact]
    public void Build_PeriodWithoutActual_LeavesAGapBetweenTwoLineSegments()
    {
        var periods = Example();
        periods[4] = Row("2025-26 Q3", null, 83m);

        var chart = TrendChart.Build(HigherIsBetter(), periods);

        Assert.Equal(8, chart.Actuals.Count);
        Assert.Null(chart.Actuals[4].Value);
        var segments = chart.ActualSegments();
        Assert.Equal(2, segments.Count);
        Assert.Equal([0, 1, 2, 3], segments[0].Select(p => p.Index));
        Assert.Equal([5, 6, 7], segments[1].Select(p => p.Index));

        // The target and the bands are still drawn for the period without a figure.
        Assert.Contains(chart.Target, s => s.Index == 4);
        Assert.Contains(chart.Bands, c => c.Index == 4);
    }

    [Fact]
    public void Build_PeriodSlots_SpanTheAxisInOrder()
    {
        var chart = TrendChart.Build(HigherIsBetter(), Example());

        Assert.Equal(0d, chart.Periods[0].Start);
        Assert.Equal(1d, chart.Periods[^1].End, 10);
        Assert.All(chart.Periods.Zip(chart.Periods.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start, 10));
        Assert.All(chart.Periods, p => Assert.InRange(p.Centre, p.Start, p.End));
        Assert.Equal("2024-25 Q3", chart.Periods[0].Period.Label);
    }

    [Fact]
    public void Build_HigherIsBetter_BandsRunDownFromGoodAtTheTopToInadequateAtTheBottom()
    {
        var chart = TrendChart.Build(HigherIsBetter(), Example());

        foreach (var column in chart.Bands)
        {
            Assert.Equal(
                [PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement, PerformanceRating.Inadequate],
                column.Bands.Select(b => b.Rating));
            Assert.Equal(chart.Scale.Max, column.Bands[0].Upper);
            Assert.Equal(chart.Scale.Min, column.Bands[^1].Lower);
            Assert.All(column.Bands.Zip(column.Bands.Skip(1)), pair => Assert.Equal(pair.First.Lower, pair.Second.Upper));
            Assert.All(column.Bands, b => Assert.True(b.Upper >= b.Lower));
        }

        // Target 85 with thresholds 0, 3 and 8: Good from 85, Approaching from 82, Requires improvement from 77.
        var last = chart.Bands[^1].Bands;
        Assert.Equal(85m, last[0].Lower);
        Assert.Equal(82m, last[1].Lower);
        Assert.Equal(77m, last[2].Lower);
        Assert.Equal("85.0% or more", last[0].Range);
    }

    [Fact]
    public void Build_LowerIsBetter_BandsRunUpFromGoodAtTheBottomToInadequateAtTheTop()
    {
        var subject = new TrendSubject("Re-referrals within 12 months", IndicatorUnit.Percentage, Polarity.LowerIsBetter, 22.1m, ReportingPeriod.Parse("2023-24 Q4"));
        List<TrendPeriodView> periods =
        [
            Row("2025-26 Q4", 21.9m, 20.5m, Polarity.LowerIsBetter, ReReferralTolerance),
            Row("2026-27 Q1", 20.3m, 20m, Polarity.LowerIsBetter, ReReferralTolerance),
        ];

        var chart = TrendChart.Build(subject, periods);

        foreach (var column in chart.Bands)
        {
            Assert.Equal(
                [PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement, PerformanceRating.Inadequate],
                column.Bands.Select(b => b.Rating));
            Assert.Equal(chart.Scale.Min, column.Bands[0].Lower);
            Assert.Equal(chart.Scale.Max, column.Bands[^1].Upper);
            Assert.All(column.Bands.Zip(column.Bands.Skip(1)), pair => Assert.Equal(pair.First.Upper, pair.Second.Lower));
        }

        // Target 20 with thresholds 0.5, 2 and 4: Good up to 20.5, Approaching to 22, Requires improvement to 24.
        var last = chart.Bands[^1].Bands;
        Assert.Equal(20.5m, last[0].Upper);
        Assert.Equal(22m, last[1].Upper);
        Assert.Equal(24m, last[2].Upper);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, ToleranceMode.Absolute)]
    [InlineData(Polarity.LowerIsBetter, ToleranceMode.Absolute)]
    [InlineData(Polarity.HigherIsBetter, ToleranceMode.Relative)]
    [InlineData(Polarity.LowerIsBetter, ToleranceMode.Relative)]
    public void TrendBandsFor_EveryEdge_RatesAsTheBandItBelongsTo(Polarity polarity, ToleranceMode mode)
    {
        var tolerance = ToleranceBands.Of(mode, 1m, 3m, 8m);
        const decimal target = 60m;

        var bands = TrendBands.For(tolerance, target, polarity, IndicatorUnit.Percentage);

        foreach (var band in bands)
        {
            // An edge belongs to the better band: a result exactly on it earns the band whose better side it bounds.
            var betterEdge = polarity == Polarity.HigherIsBetter ? band.Upper : band.Lower;
            var worseEdge = polarity == Polarity.HigherIsBetter ? band.Lower : band.Upper;
            if (worseEdge is { } inside)
            {
                Assert.Equal(band.Rating, tolerance.Rate(target, inside, polarity));
            }

            if (betterEdge is { } outside)
            {
                Assert.NotEqual(band.Rating, tolerance.Rate(target, outside, polarity));
                var justInside = polarity == Polarity.HigherIsBetter ? outside - 0.0001m : outside + 0.0001m;
                Assert.Equal(band.Rating, tolerance.Rate(target, justInside, polarity));
            }
        }
    }

    [Fact]
    public void AlternativeText_Example_NamesTheSpanTheMovementTheTargetAndTheCurrentRating()
    {
        var chart = TrendChart.Build(HigherIsBetter(), Example());

        Assert.Equal(
            "Single assessments completed within 45 working days over 8 quarters from 2024-25 Q3 to 2026-27 Q2: " +
            "rose from 81.4% to 83.1% in 2025-26 Q1, fell to 73.6% in 2025-26 Q4 and recovered to 75.8%; " +
            "target rose from 80.0% to 85.0%; baseline 78.4% in 2023-24 Q4; currently Inadequate and worsening for 2 periods.",
            chart.AlternativeText);
    }

    [Fact]
    public void AlternativeText_LatestPeriodNotReported_SaysSoAndNamesTheGap()
    {
        var periods = Example();
        periods[^1] = Row("2026-27 Q2", null, 85m);

        var text = TrendChart.Build(HigherIsBetter(baseline: null), periods).AlternativeText;

        Assert.Contains("recovered to 76.5% in 2026-27 Q1", text, StringComparison.Ordinal);
        Assert.Contains("no figure for 2026-27 Q2", text, StringComparison.Ordinal);
        Assert.EndsWith("currently Not reported.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("baseline", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AlternativeText_SteadyRise_NamesOnlyTheFirstAndLatestFigures()
    {
        List<TrendPeriodView> periods =
        [
            Row("2025-26 Q1", 70m, 80m),
            Row("2025-26 Q2", 75m, 80m, trend: TrendDirection.Improving, trendPeriods: 1),
            Row("2025-26 Q3", 81m, 80m, trend: TrendDirection.Improving, trendPeriods: 2),
        ];

        var text = TrendChart.Build(HigherIsBetter(), periods).AlternativeText;

        Assert.Contains(": rose from 70.0% to 81.0%; target 80.0%;", text, StringComparison.Ordinal);
        Assert.EndsWith("currently Good and improving for 2 periods.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AlternativeText_LowerIsBetterWorseningAfterAnImprovement_IsNeverCalledARecovery()
    {
        var subject = new TrendSubject("Agency social workers", IndicatorUnit.Percentage, Polarity.LowerIsBetter, null, null);
        List<TrendPeriodView> periods =
        [
            Row("2025-26 Q2", 20.6m, 16m, Polarity.LowerIsBetter, ReReferralTolerance),
            Row("2025-26 Q3", 15.3m, 16m, Polarity.LowerIsBetter, ReReferralTolerance, TrendDirection.Improving, 1),
            Row("2025-26 Q4", 17.6m, 16m, Polarity.LowerIsBetter, ReReferralTolerance, TrendDirection.Worsening, 1),
        ];

        var text = TrendChart.Build(subject, periods).AlternativeText;

        Assert.Contains(": fell from 20.6% to 15.3% in 2025-26 Q3 and rose again to 17.6%;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("recovered", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NoPeriods_GivesAnEmptyChartThatSaysSo()
    {
        var chart = TrendChart.Build(HigherIsBetter(), []);

        Assert.Empty(chart.Periods);
        Assert.Empty(chart.ActualSegments());
        Assert.True(chart.Scale.Max > chart.Scale.Min);
        Assert.Equal($"{Assessments}: no period has been evaluated yet.", chart.AlternativeText);
    }

    [Fact]
    public void TotalsFor_Percentages_SumsNumeratorsAndDenominatorsRatherThanAveraging()
    {
        // 90 of 100 and 100 of 400: 190 of 500 is 38%, where the average of 90% and 25% would be 57.5%.
        List<TrendPeriodView> periods =
        [
            Row("2026-27 Q1", 90m, 80m) with { Numerator = 90m, Denominator = 100m },
            Row("2026-27 Q2", 25m, 80m) with { Numerator = 100m, Denominator = 400m },
        ];

        var total = TrendTotals.For(IndicatorUnit.Percentage, "Assessments on time", "Assessments", periods);

        Assert.Equal(190m, total.Numerator);
        Assert.Equal(500m, total.Denominator);
        Assert.Equal(38m, total.Value);
        Assert.NotEqual(periods.Average(p => p.Actual!.Value), total.Value);
        Assert.Equal("38.0%", total.Text);
        Assert.Contains("190 ÷ 500 × 100 = 38.0%", total.Explanation, StringComparison.Ordinal);
        Assert.Contains("not averaged", total.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalsFor_Days_HasNoTotalAndSaysWhy()
    {
        var total = TrendTotals.For(IndicatorUnit.Days, null, null, Example());

        Assert.Null(total.Value);
        Assert.Equal("No total", total.Text);
        Assert.Contains("average", total.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void TotalsFor_Counts_AddsTheFiguresAndLeavesOutPeriodsWithoutOne()
    {
        List<TrendPeriodView> periods =
        [
            Row("2026-27 Q1", 410m, 450m) with { Numerator = null, Denominator = null },
            Row("2026-27 Q2", null, 450m),
            Row("2026-27 Q3", 432m, 450m) with { Numerator = null, Denominator = null },
        ];

        var total = TrendTotals.For(IndicatorUnit.Count, null, null, periods);

        Assert.Equal(842m, total.Value);
        Assert.Equal(2, total.Count);
        Assert.Contains("410 + 432 = 842", total.Explanation, StringComparison.Ordinal);
        Assert.Contains("1 quarter without a figure is left out", total.Explanation, StringComparison.Ordinal);
    }
}
