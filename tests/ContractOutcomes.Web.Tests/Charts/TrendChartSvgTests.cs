using System.Xml.Linq;
using ContractOutcomes.Application.Performance.GetIndicatorTrend;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Web.Charts;

namespace ContractOutcomes.Web.Tests.Charts;

/// <summary>The SVG renderer on its own, with charts made up for each test.</summary>
public sealed class TrendChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ToleranceBands Tolerance = ToleranceBands.Of(ToleranceMode.Absolute, 0.5m, 2m, 4m);

    private static TrendPeriodView Row(string period, decimal? actual, decimal target, bool restated = false)
    {
        var rating = actual is { } a ? Tolerance.Rate(target, a, Polarity.LowerIsBetter) : PerformanceRating.NotReported;
        return new TrendPeriodView(
            ReportingPeriod.Parse(period), actual, actual, actual is null ? null : 100m, target, rating, "Explained",
            TrendDirection.None, 0, restated, 0, TrendBands.For(Tolerance, target, Polarity.LowerIsBetter, IndicatorUnit.Percentage));
    }

    private static TrendChart Chart(string name, params TrendPeriodView[] periods) =>
        TrendChart.Build(new TrendSubject(name, IndicatorUnit.Percentage, Polarity.LowerIsBetter, 16.5m, ReportingPeriod.Parse("2024-25 Q4")), periods);

    private static TrendChart Example(string name = "Step-up to children's social care") => Chart(
        name,
        Row("2025-26 Q1", 16.3m, 15m),
        Row("2025-26 Q2", 15.6m, 15m),
        Row("2025-26 Q3", null, 15m),
        Row("2025-26 Q4", 14.8m, 15m, restated: true),
        Row("2026-27 Q1", 14.1m, 13.5m));

    private static XElement Parse(string svg) => XElement.Parse(svg);

    private static XElement Series(XElement svg, string name) =>
        Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("data-series") == name);

    [Fact]
    public void Render_Chart_IsWellFormedSvgWithATitleAndTheAlternativeTextAsItsDescription()
    {
        var chart = Example();

        var svg = Parse(TrendChartSvg.Render(chart, "chart-1"));

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("chart-1-title chart-1-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.StartsWith("0 0 800 ", (string?)svg.Attribute("viewBox"), StringComparison.Ordinal);
        Assert.Null(svg.Attribute("width"));
        var title = Assert.Single(svg.Elements(Svg + "title"));
        Assert.Equal("chart-1-title", (string?)title.Attribute("id"));
        Assert.Equal("Step-up to children's social care – trend chart", title.Value);
        var desc = Assert.Single(svg.Elements(Svg + "desc"));
        Assert.Equal(chart.AlternativeText, desc.Value);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.DoesNotContain(svg.Descendants(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void Render_TextWithApostrophesAndMarkup_IsEscapedNotInterpreted()
    {
        const string name = "Children's <script>alert('x')</script> & \"families\"";

        var markup = TrendChartSvg.Render(Example(name));

        Assert.DoesNotContain("<script>", markup, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", markup, StringComparison.Ordinal);
        Assert.Contains("&amp;", markup, StringComparison.Ordinal);
        var svg = Parse(markup);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Equal(name + " – trend chart", svg.Element(Svg + "title")!.Value);
        Assert.StartsWith(name, svg.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Series_DrawActualAsSolidLineTargetDashedAndBaselineDotted()
    {
        var svg = Parse(TrendChartSvg.Render(Example()));

        var actual = Series(svg, "actual");
        Assert.All(actual.Elements(Svg + "polyline"), line => Assert.Null(line.Attribute("stroke-dasharray")));
        var target = Assert.Single(Series(svg, "target").Elements(Svg + "path"));
        Assert.Equal("10 6", (string?)target.Attribute("stroke-dasharray"));
        var baseline = Assert.Single(Series(svg, "baseline").Elements(Svg + "line"));
        Assert.Equal("0.5 6", (string?)baseline.Attribute("stroke-dasharray"));
        Assert.Equal("round", (string?)baseline.Attribute("stroke-linecap"));
        Assert.Contains("Baseline 16.5% (2024-25 Q4)", baseline.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PeriodWithoutActual_BreaksTheLineAndHasNoMarker()
    {
        var svg = Parse(TrendChartSvg.Render(Example()));

        var actual = Series(svg, "actual");
        Assert.Equal(2, actual.Elements(Svg + "polyline").Count());
        var markers = actual.Elements().Where(e => e.Attribute("data-rating") is not null).ToList();
        Assert.Equal(4, markers.Count);
        Assert.DoesNotContain(markers, m => m.Value.Contains("2025-26 Q3", StringComparison.Ordinal));
        var gap = Assert.Single(actual.Elements(Svg + "text"), t => (string?)t.Attribute("data-gap") == "2025-26 Q3");
        Assert.Equal("Not reported", gap.Value);
    }

    [Fact]
    public void Render_Markers_HaveAShapePerRatingSoColourIsNotNeeded()
    {
        var svg = Parse(TrendChartSvg.Render(Chart(
            "Re-referrals",
            Row("2025-26 Q1", 15m, 15m),
            Row("2025-26 Q2", 16.5m, 15m),
            Row("2025-26 Q3", 18.5m, 15m),
            Row("2025-26 Q4", 20m, 15m))));

        var shapes = Series(svg, "actual").Elements().Where(e => e.Attribute("data-rating") is not null)
            .ToDictionary(e => (string)e.Attribute("data-rating")!, e => e.Name.LocalName + ((string?)e.Attribute("d") is { } d ? ":" + d.Count(c => c == 'L') : string.Empty));
        Assert.Equal(4, shapes.Count);
        Assert.Equal(4, shapes.Values.Distinct().Count());
    }

    [Fact]
    public void Render_Bands_HaveADifferentPatternPerRatingAndLabelsInWords()
    {
        var svg = Parse(TrendChartSvg.Render(Example(), "c"));

        var patterns = svg.Descendants(Svg + "pattern").ToList();
        Assert.Equal(["c-band-good", "c-band-approachingtarget", "c-band-requiresimprovement", "c-band-inadequate"], patterns.Select(p => (string?)p.Attribute("id")));
        Assert.Equal(3, patterns.Count(p => p.Element(Svg + "path") is not null));
        var bands = Series(svg, "bands").Elements(Svg + "rect").ToList();
        Assert.NotEmpty(bands);
        Assert.All(bands, b => Assert.StartsWith("url(#c-band-", (string?)b.Attribute("fill"), StringComparison.Ordinal));
        var legend = Series(svg, "legend").Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("Actual", legend);
        Assert.Contains("Target", legend);
        Assert.Contains("Tolerance bands:", legend);
        Assert.Contains("Restated figure", legend);
        Assert.Contains("Requires improvement", legend);
    }

    [Fact]
    public void Render_ValueAxis_LabelsEveryTickInTheUnit()
    {
        var chart = Example();

        var axis = Series(Parse(TrendChartSvg.Render(chart)), "value-axis");

        var labels = axis.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.All(chart.Scale.Ticks, tick => Assert.Contains(tick.Label, labels));
        Assert.All(chart.Scale.Ticks, tick => Assert.EndsWith("%", tick.Label, StringComparison.Ordinal));
        Assert.Contains("Percentage", labels);
    }

    [Fact]
    public void Render_Standalone_HasAnIntrinsicSize()
    {
        var svg = Parse(TrendChartSvg.Render(Example(), standalone: true));

        Assert.Equal("800", (string?)svg.Attribute("width"));
        Assert.NotNull(svg.Attribute("height"));
    }

    [Fact]
    public void Render_NoPeriods_SaysSoInsteadOfDrawingSeries()
    {
        var svg = Parse(TrendChartSvg.Render(Chart("Adults in structured treatment")));

        Assert.Contains("No period has been evaluated yet.", svg.Descendants(Svg + "text").Select(t => t.Value));
        Assert.DoesNotContain(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("data-series") == "actual");
    }

    [Fact]
    public void Render_FortyPeriods_LabelsFinancialYearsWithoutCrowding()
    {
        var first = ReportingPeriod.Parse("2020-21 Q1");
        var periods = Enumerable.Range(0, 40).Select(i =>
        {
            var period = first;
            for (var n = 0; n < i; n++)
            {
                period = period.Next();
            }

            return Row(period.Label, 15m + (i % 5), 15m);
        }).ToArray();

        var axis = Series(Parse(TrendChartSvg.Render(Chart("Re-referrals", periods))), "period-axis");

        var texts = axis.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("2020-21", texts);
        Assert.Contains("2029-30", texts);
        Assert.DoesNotContain("Q2", texts);
    }
}
