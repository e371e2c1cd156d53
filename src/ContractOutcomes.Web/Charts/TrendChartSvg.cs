using System.Globalization;
using System.Text;
using System.Xml;
using ContractOutcomes.Application.Performance.GetIndicatorTrend;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Web.Charts;

/// <summary>
/// Draws a <see cref="TrendChart"/> as SVG markup, on the server, with no script: for the trend page
/// (inline) and the API (a standalone image/svg+xml file). Readable without colour: the actual is a solid
/// line whose marker shape gives each period's rating, the target a dashed line, the baseline a dotted
/// line, and each tolerance band has a fill pattern of its own and a label; a legend says which is which.
/// Every piece of text goes through <see cref="XmlWriter"/>, so names with apostrophes, ampersands or
/// angle brackets are escaped. Styling is in presentation attributes, not CSS, so the standalone file
/// looks the same as the page and no inline style has to pass the content security policy.
/// </summary>
public static class TrendChartSvg
{
    public const string MediaType = "image/svg+xml";

    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    // The drawing is laid out in a fixed coordinate system and scales with the viewBox.
    private const double Width = 800;
    private const double Left = 76;
    private const double Right = 156;
    private const double Top = 16;
    private const double PlotHeight = 300;
    private const double FontSize = 14;
    private const double SmallFontSize = 12;

    private const string Ink = "#0b0c0c";
    private const string SecondaryInk = "#505a5f";
    private const string TargetColour = "#1d70b8";
    private const string GridColour = "#b1b4b6";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly PerformanceRating[] BandRatings =
        [PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement, PerformanceRating.Inadequate];

    /// <summary>
    /// The chart as SVG. <paramref name="id"/> prefixes every id in it (it must be unique on the page);
    /// <paramref name="standalone"/> adds an intrinsic size for use as a file rather than inside a page.
    /// </summary>
    public static string Render(TrendChart chart, string id = "trend-chart", bool standalone = false)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var layout = new Layout(chart);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Document }))
        {
            xml.WriteStartElement("svg", SvgNamespace);
            xml.WriteAttributeString("viewBox", $"0 0 {F(Width)} {F(layout.Height)}");
            if (standalone)
            {
                xml.WriteAttributeString("width", F(Width));
                xml.WriteAttributeString("height", F(layout.Height));
            }

            xml.WriteAttributeString("class", "app-chart");
            xml.WriteAttributeString("role", "img");
            xml.WriteAttributeString("aria-labelledby", $"{id}-title {id}-desc");
            xml.WriteAttributeString("font-family", "Arial, sans-serif");
            xml.WriteAttributeString("font-size", F(FontSize));
            xml.WriteAttributeString("fill", Ink);

            Element(xml, "title", ("id", $"{id}-title")).Text(chart.Title + " – trend chart").End();
            Element(xml, "desc", ("id", $"{id}-desc")).Text(chart.AlternativeText).End();
            Element(xml, "rect", ("x", "0"), ("y", "0"), ("width", F(Width)), ("height", F(layout.Height)), ("fill", "#ffffff")).End();
            WritePatterns(xml, id);

            if (chart.Periods.Count == 0)
            {
                WriteEmpty(xml, layout);
            }
            else
            {
                WriteBands(xml, chart, layout, id);
                WriteGrid(xml, chart, layout);
                WritePeriodAxis(xml, chart, layout);
                WriteBaseline(xml, chart, layout);
                WriteTarget(xml, chart, layout);
                WriteActuals(xml, chart, layout);
                WriteBandLabels(xml, chart, layout);
                WriteLegend(xml, chart, layout, id);
            }

            xml.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>Pattern ids: one fill per rating band, each with its own texture so the bands differ in black and white.</summary>
    public static string PatternId(string id, PerformanceRating rating) => $"{id}-band-{rating.ToString().ToLowerInvariant()}";

    private static void WritePatterns(XmlWriter xml, string id)
    {
        xml.WriteStartElement("defs");
        foreach (var rating in BandRatings)
        {
            var (fill, size, texture) = Texture(rating);
            Element(xml, "pattern", ("id", PatternId(id, rating)), ("patternUnits", "userSpaceOnUse"), ("width", F(size)), ("height", F(size)));
            Element(xml, "rect", ("width", F(size)), ("height", F(size)), ("fill", fill)).End();
            if (texture is not null)
            {
                Element(xml, "path", ("d", texture), ("stroke", SecondaryInk), ("stroke-width", "1"), ("stroke-opacity", "0.6"), ("fill", SecondaryInk), ("fill-opacity", "0.6")).End();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    // Good is plain; the worse the rating, the denser the texture: dots, diagonal lines, cross-hatching.
    private static (string Fill, double Size, string? Texture) Texture(PerformanceRating rating) => rating switch
    {
        PerformanceRating.Good => ("#cce2d8", 8, null),
        PerformanceRating.ApproachingTarget => ("#fff7bf", 8, "M3,4 a1,1 0 1,0 2,0 a1,1 0 1,0 -2,0"),
        PerformanceRating.RequiresImprovement => ("#fcd6c3", 8, "M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6"),
        _ => ("#f4cdc6", 8, "M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6 M-2,6 L2,10 M0,0 L8,8 M6,-2 L10,2"),
    };

    private static void WriteEmpty(XmlWriter xml, Layout layout)
    {
        Element(xml, "rect", ("x", F(Left)), ("y", F(Top)), ("width", F(Layout.PlotWidth)), ("height", F(PlotHeight)), ("fill", "none"), ("stroke", GridColour)).End();
        Element(xml, "text", ("x", F(Left + (Layout.PlotWidth / 2))), ("y", F(Top + (PlotHeight / 2))), ("text-anchor", "middle"))
            .Text("No period has been evaluated yet.").End();
    }

    private static void WriteBands(XmlWriter xml, TrendChart chart, Layout layout, string id)
    {
        Element(xml, "g", ("data-series", "bands"));
        foreach (var column in chart.Bands)
        {
            var slot = chart.Periods[column.Index];
            foreach (var band in column.Bands.Where(b => b.Upper > b.Lower))
            {
                var top = layout.Y(band.Upper);
                Element(
                        xml,
                        "rect",
                        ("x", F(Layout.X(slot.Start))),
                        ("y", F(top)),
                        ("width", F(Layout.X(slot.End) - Layout.X(slot.Start))),
                        ("height", F(layout.Y(band.Lower) - top)),
                        ("fill", $"url(#{PatternId(id, band.Rating)})"),
                        ("data-rating", band.Rating.ToString()))
                    .Child("title", $"{slot.Period}: {band.Rating.DisplayName()}, {band.Range}")
                    .End();
            }
        }

        xml.WriteEndElement();
    }

    private static void WriteGrid(XmlWriter xml, TrendChart chart, Layout layout)
    {
        Element(xml, "g", ("data-series", "value-axis"));
        foreach (var tick in chart.Scale.Ticks)
        {
            var y = layout.Y(tick.Value);
            Element(xml, "line", ("x1", F(Left)), ("x2", F(Left + Layout.PlotWidth)), ("y1", F(y)), ("y2", F(y)), ("stroke", GridColour), ("stroke-width", "1")).End();
            Element(xml, "text", ("x", F(Left - 8)), ("y", F(y + 5)), ("text-anchor", "end")).Text(tick.Label).End();
        }

        Element(xml, "line", ("x1", F(Left)), ("x2", F(Left)), ("y1", F(Top)), ("y2", F(Top + PlotHeight)), ("stroke", Ink), ("stroke-width", "1")).End();
        var middle = Top + (PlotHeight / 2);
        Element(xml, "text", ("x", "18"), ("y", F(middle)), ("text-anchor", "middle"), ("transform", $"rotate(-90 18 {F(middle)})"))
            .Text(chart.ValueAxisTitle).End();
        xml.WriteEndElement();
    }

    private static void WritePeriodAxis(XmlWriter xml, TrendChart chart, Layout layout)
    {
        var bottom = Top + PlotHeight;
        var slotWidth = Layout.PlotWidth / chart.Periods.Count;
        var showQuarters = slotWidth >= 30;
        Element(xml, "g", ("data-series", "period-axis"));
        Element(xml, "line", ("x1", F(Left)), ("x2", F(Left + Layout.PlotWidth)), ("y1", F(bottom)), ("y2", F(bottom)), ("stroke", Ink), ("stroke-width", "1")).End();
        foreach (var slot in chart.Periods)
        {
            var centre = Layout.X(slot.Centre);
            var startsYear = slot.Period.Quarter == 1;
            var start = Layout.X(slot.Start);
            Element(xml, "line", ("x1", F(start)), ("x2", F(start)), ("y1", F(bottom)), ("y2", F(bottom + (startsYear ? 40 : 6))), ("stroke", startsYear ? Ink : SecondaryInk), ("stroke-width", "1")).End();
            if (showQuarters)
            {
                Element(xml, "text", ("x", F(centre)), ("y", F(bottom + 20)), ("text-anchor", "middle"))
                    .Text(string.Create(Invariant, $"Q{slot.Period.Quarter}")).End();
            }

            // Each financial year is named just after the line that starts it, and the first slot's year too
            // when there is room for it before the next year starts.
            var yearLabelWidth = (slot.Period.FinancialYearLabel.Length * SmallFontSize * 0.6) + 8;
            var roomBeforeNextYear = (5 - slot.Period.Quarter) * slotWidth;
            if (startsYear || (slot.Index == 0 && roomBeforeNextYear >= yearLabelWidth))
            {
                Element(xml, "text", ("x", F(start + 4)), ("y", F(bottom + 38)), ("font-size", F(SmallFontSize)))
                    .Text(slot.Period.FinancialYearLabel).End();
            }
        }

        Element(xml, "text", ("x", F(Left + (Layout.PlotWidth / 2))), ("y", F(bottom + 62)), ("text-anchor", "middle"))
            .Text(chart.PeriodAxisTitle + " (financial year)").End();
        xml.WriteEndElement();
    }

    private static void WriteBaseline(XmlWriter xml, TrendChart chart, Layout layout)
    {
        if (chart.Baseline is not { } baseline)
        {
            return;
        }

        var y = layout.Y(baseline.Value);
        Element(xml, "g", ("data-series", "baseline"));
        Element(
                xml,
                "line",
                ("x1", F(Left)),
                ("x2", F(Left + Layout.PlotWidth)),
                ("y1", F(y)),
                ("y2", F(y)),
                ("stroke", SecondaryInk),
                ("stroke-width", "2.5"),
                ("stroke-dasharray", "0.5 6"),
                ("stroke-linecap", "round"))
            .Child("title", BaselineText(baseline))
            .End();
        xml.WriteEndElement();
    }

    private static void WriteTarget(XmlWriter xml, TrendChart chart, Layout layout)
    {
        if (chart.Target.Count == 0)
        {
            return;
        }

        var path = new StringBuilder();
        ChartStep? previous = null;
        foreach (var step in chart.Target.OrderBy(s => s.Index))
        {
            var slot = chart.Periods[step.Index];
            var y = F(layout.Y(step.Value));
            path.Append(previous is { } p && p.Index == step.Index - 1 ? $"V{y}" : $"M{F(Layout.X(slot.Start))},{y}");
            path.Append(Invariant, $"H{F(Layout.X(slot.End))}");
            previous = step;
        }

        Element(xml, "g", ("data-series", "target"));
        Element(xml, "path", ("d", path.ToString()), ("fill", "none"), ("stroke", TargetColour), ("stroke-width", "3"), ("stroke-dasharray", "10 6"))
            .Child("title", "Target: " + string.Join(", ", chart.Target.Select(s => $"{chart.Periods[s.Index].Period} {s.Text}")))
            .End();
        xml.WriteEndElement();
    }

    private static void WriteActuals(XmlWriter xml, TrendChart chart, Layout layout)
    {
        Element(xml, "g", ("data-series", "actual"));
        foreach (var segment in chart.ActualSegments().Where(s => s.Count > 1))
        {
            var points = string.Join(" ", segment.Select(p => $"{F(Layout.X(chart.Periods[p.Index].Centre))},{F(layout.Y(p.Value!.Value))}"));
            Element(xml, "polyline", ("points", points), ("fill", "none"), ("stroke", Ink), ("stroke-width", "3"), ("stroke-linejoin", "round")).End();
        }

        foreach (var point in chart.Actuals.Where(p => p.Value is not null))
        {
            var x = Layout.X(chart.Periods[point.Index].Centre);
            var y = layout.Y(point.Value!.Value);
            var rating = point.Rating?.DisplayName() ?? "not rated";
            var restated = point.IsRestated ? ", restated" : string.Empty;
            WriteMarker(xml, point.Rating, x, y, $"{point.Period}: {point.Text}, {rating}{restated}", point.Rating?.ToString());
            if (point.IsRestated)
            {
                Element(xml, "circle", ("cx", F(x)), ("cy", F(y)), ("r", "11"), ("fill", "none"), ("stroke", Ink), ("stroke-width", "1.5"), ("data-restated", "true")).End();
            }
        }

        // A gap says why it is there, so it is not read as a drawing fault.
        foreach (var gap in chart.Actuals.Where(p => p.Value is null))
        {
            var x = Layout.X(chart.Periods[gap.Index].Centre) + 4;
            var y = Top + PlotHeight - 8;
            Element(
                    xml,
                    "text",
                    ("x", F(x)),
                    ("y", F(y)),
                    ("transform", $"rotate(-90 {F(x)} {F(y)})"),
                    ("font-size", F(SmallFontSize)),
                    ("stroke", "#ffffff"),
                    ("stroke-width", "3"),
                    ("paint-order", "stroke"),
                    ("data-gap", gap.Period.Label))
                .Text(gap.Rating == PerformanceRating.NotReported ? "Not reported" : "No figure").End();
        }

        // The latest figure is labelled, so the reader need not read it off the axis.
        if (chart.Actuals.LastOrDefault(p => p.Value is not null) is { } latest)
        {
            var x = Layout.X(chart.Periods[latest.Index].Centre);
            var y = layout.Y(latest.Value!.Value);

            // Above the marker, or below it when the marker is near the top of the chart.
            var labelY = y - 14 < Top + FontSize ? y + 26 : y - 14;
            Element(
                    xml,
                    "text",
                    ("x", F(x)),
                    ("y", F(labelY)),
                    ("text-anchor", "middle"),
                    ("font-weight", "bold"),
                    ("stroke", "#ffffff"),
                    ("stroke-width", "4"),
                    ("paint-order", "stroke"))
                .Text(latest.Text ?? string.Empty).End();
        }

        xml.WriteEndElement();
    }

    private static void WriteMarker(XmlWriter xml, PerformanceRating? rating, double x, double y, string? title, string? dataRating)
    {
        var attributes = new List<(string, string)>();
        string element;
        switch (rating)
        {
            case PerformanceRating.Good:
                element = "circle";
                attributes.AddRange([("cx", F(x)), ("cy", F(y)), ("r", "6")]);
                break;
            case PerformanceRating.ApproachingTarget:
                element = "path";
                attributes.Add(("d", $"M{F(x)},{F(y - 8)} L{F(x + 8)},{F(y)} L{F(x)},{F(y + 8)} L{F(x - 8)},{F(y)} Z"));
                break;
            case PerformanceRating.RequiresImprovement:
                element = "path";
                attributes.Add(("d", $"M{F(x)},{F(y - 8)} L{F(x + 8)},{F(y + 6)} L{F(x - 8)},{F(y + 6)} Z"));
                break;
            case PerformanceRating.Inadequate:
                element = "rect";
                attributes.AddRange([("x", F(x - 6)), ("y", F(y - 6)), ("width", "12"), ("height", "12")]);
                break;
            case PerformanceRating.Other:
                element = "circle";
                attributes.AddRange([("cx", F(x)), ("cy", F(y)), ("r", "6"), ("fill", "#ffffff"), ("stroke", Ink), ("stroke-width", "2.5")]);
                break;
            default:
                element = "circle";
                attributes.AddRange([("cx", F(x)), ("cy", F(y)), ("r", "4")]);
                break;
        }

        if (rating != PerformanceRating.Other)
        {
            attributes.AddRange([("fill", Ink), ("stroke", "#ffffff"), ("stroke-width", "1.5")]);
        }

        if (dataRating is not null)
        {
            attributes.Add(("data-rating", dataRating));
        }

        var marker = Element(xml, element, [.. attributes]);
        if (title is not null)
        {
            marker.Child("title", title);
        }

        marker.End();
    }

    private static void WriteBandLabels(XmlWriter xml, TrendChart chart, Layout layout)
    {
        if (chart.Bands.Count == 0)
        {
            return;
        }

        var latest = chart.Bands[^1];
        Element(xml, "g", ("data-series", "band-labels"), ("font-size", F(SmallFontSize)));
        foreach (var band in latest.Bands)
        {
            var top = layout.Y(band.Upper);
            var bottom = layout.Y(band.Lower);
            if (bottom - top < SmallFontSize + 4)
            {
                continue;
            }

            var middle = (top + bottom) / 2;
            var x = Left + Layout.PlotWidth;
            Element(xml, "line", ("x1", F(x)), ("x2", F(x + 6)), ("y1", F(top)), ("y2", F(top)), ("stroke", SecondaryInk)).End();
            Element(xml, "line", ("x1", F(x)), ("x2", F(x + 6)), ("y1", F(bottom)), ("y2", F(bottom)), ("stroke", SecondaryInk)).End();
            Element(xml, "text", ("x", F(x + 10)), ("y", F(middle + 4))).Text(band.Rating.DisplayName()).End();
        }

        xml.WriteEndElement();
    }

    private static void WriteLegend(XmlWriter xml, TrendChart chart, Layout layout, string id)
    {
        Element(xml, "g", ("data-series", "legend"));
        foreach (var item in layout.Legend)
        {
            var (x, y) = (item.X, item.Y);
            switch (item.Glyph)
            {
                case Glyph.Actual:
                    Element(xml, "line", ("x1", F(x)), ("x2", F(x + 28)), ("y1", F(y)), ("y2", F(y)), ("stroke", Ink), ("stroke-width", "3")).End();
                    WriteMarker(xml, PerformanceRating.Good, x + 14, y, null, null);
                    break;
                case Glyph.Target:
                    Element(xml, "line", ("x1", F(x)), ("x2", F(x + 28)), ("y1", F(y)), ("y2", F(y)), ("stroke", TargetColour), ("stroke-width", "3"), ("stroke-dasharray", "10 6")).End();
                    break;
                case Glyph.Baseline:
                    Element(xml, "line", ("x1", F(x + 1)), ("x2", F(x + 28)), ("y1", F(y)), ("y2", F(y)), ("stroke", SecondaryInk), ("stroke-width", "2.5"), ("stroke-dasharray", "0.5 6"), ("stroke-linecap", "round")).End();
                    break;
                case Glyph.Restated:
                    Element(xml, "circle", ("cx", F(x + 14)), ("cy", F(y)), ("r", "11"), ("fill", "none"), ("stroke", Ink), ("stroke-width", "1.5")).End();
                    break;
                case Glyph.Marker:
                    WriteMarker(xml, item.Rating, x + 14, y, null, null);
                    break;
                case Glyph.Band:
                    Element(xml, "rect", ("x", F(x + 2)), ("y", F(y - 9)), ("width", "24"), ("height", "18"), ("fill", $"url(#{PatternId(id, item.Rating!.Value)})"), ("stroke", SecondaryInk)).End();
                    break;
                case Glyph.None:
                    break;
            }

            var textX = item.Glyph == Glyph.None ? x : x + Layout.GlyphWidth;
            Element(xml, "text", ("x", F(textX)), ("y", F(y + 5)), ("font-weight", item.Glyph == Glyph.None ? "bold" : "normal")).Text(item.Text).End();
        }

        xml.WriteEndElement();
    }

    private static string BaselineText(ChartBaseline baseline) =>
        baseline.Period is { } period ? $"Baseline {baseline.Text} ({period})" : $"Baseline {baseline.Text}";

    private static string F(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

    private static ElementWriter Element(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, SvgNamespace);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }

        return new ElementWriter(xml);
    }

    private readonly struct ElementWriter(XmlWriter xml)
    {
        public ElementWriter Text(string text)
        {
            xml.WriteString(text);
            return this;
        }

        public ElementWriter Child(string name, string text)
        {
            xml.WriteElementString(name, SvgNamespace, text);
            return this;
        }

        public void End() => xml.WriteEndElement();
    }

    private enum Glyph
    {
        None,
        Actual,
        Target,
        Baseline,
        Restated,
        Marker,
        Band,
    }

    private sealed record LegendItem(Glyph Glyph, PerformanceRating? Rating, string Text, double X, double Y);

    /// <summary>Where things go: the plot area, and the legend flowed into rows under the period axis.</summary>
    private sealed class Layout
    {
        public const double GlyphWidth = 36;
        private const double RowHeight = 28;
        private const double ItemGap = 18;

        private readonly ChartScale _scale;

        public Layout(TrendChart chart)
        {
            _scale = chart.Scale;
            var rows = new List<List<(Glyph Glyph, PerformanceRating? Rating, string Text)>>();
            var lines = new List<(Glyph, PerformanceRating?, string)> { (Glyph.Actual, null, "Actual"), (Glyph.Target, null, "Target") };
            if (chart.Baseline is { } baseline)
            {
                lines.Add((Glyph.Baseline, null, BaselineText(baseline)));
            }

            if (chart.Actuals.Any(a => a.IsRestated && a.Value is not null))
            {
                lines.Add((Glyph.Restated, null, "Restated figure"));
            }

            rows.Add(lines);
            var markers = new List<(Glyph, PerformanceRating?, string)> { (Glyph.None, null, "Rating of each actual:") };
            markers.AddRange(BandRatings.Select(r => (Glyph.Marker, (PerformanceRating?)r, r.DisplayName())));
            if (chart.Actuals.Any(a => a.Rating == PerformanceRating.Other && a.Value is not null))
            {
                markers.Add((Glyph.Marker, PerformanceRating.Other, PerformanceRating.Other.DisplayName()));
            }

            rows.Add(markers);
            if (chart.Bands.Count > 0)
            {
                var bands = new List<(Glyph, PerformanceRating?, string)> { (Glyph.None, null, "Tolerance bands:") };
                bands.AddRange(BandRatings.Select(r => (Glyph.Band, (PerformanceRating?)r, r.DisplayName())));
                rows.Add(bands);
            }

            var y = Top + PlotHeight + 96;
            foreach (var row in rows)
            {
                var x = 16d;
                foreach (var (glyph, rating, text) in row)
                {
                    var width = (glyph == Glyph.None ? 0 : GlyphWidth) + TextWidth(text);
                    if (x > 16 && x + width > Width - 16)
                    {
                        x = 16 + GlyphWidth;
                        y += RowHeight;
                    }

                    Legend.Add(new LegendItem(glyph, rating, text, x, y));
                    x += width + ItemGap;
                }

                y += RowHeight;
            }

            Height = Math.Max(Top + PlotHeight + 80, y);
        }

        public const double PlotWidth = Width - Left - Right;

        public double Height { get; }

        public List<LegendItem> Legend { get; } = [];

        public static double X(double position) => Left + (position * PlotWidth);

        public double Y(decimal value) => Top + PlotHeight - (_scale.Position(value) * PlotHeight);

        // Arial's average character is about half the font size; a little more, so items never overlap.
        private static double TextWidth(string text) => text.Length * FontSize * 0.52;
    }
}
