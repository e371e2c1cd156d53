using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Application.Performance.GetIndicatorTrend;

/// <summary>What the chart is about: the indicator and its baseline.</summary>
public sealed record TrendSubject(string Name, IndicatorUnit Unit, Polarity Polarity, decimal? BaselineValue, ReportingPeriod? BaselinePeriod);

/// <summary>
/// One period's slot along the period axis. Positions run from 0 (left) to 1 (right): the slot spans
/// <see cref="Start"/> to <see cref="End"/> and its figure is drawn at <see cref="Centre"/>.
/// </summary>
public sealed record ChartPeriod(int Index, ReportingPeriod Period, double Start, double Centre, double End);

/// <summary>An actual: null <see cref="Value"/> is a gap (nothing accepted, for example Not reported).</summary>
public sealed record ChartPoint(int Index, ReportingPeriod Period, decimal? Value, string? Text, PerformanceRating? Rating, bool IsRestated);

/// <summary>The target across one period's slot; consecutive steps join into a step line.</summary>
public sealed record ChartStep(int Index, decimal Value, string Text);

/// <summary>A rating band in one period, cut to the chart's scale: from <see cref="Lower"/> up to <see cref="Upper"/>.</summary>
public sealed record ChartBand(PerformanceRating Rating, decimal Lower, decimal Upper, string Range);

/// <summary>The rating bands of one period, in the order Good, Approaching target, Requires improvement, Inadequate.</summary>
public sealed record ChartBandColumn(int Index, IReadOnlyList<ChartBand> Bands);

public sealed record ChartBaseline(decimal Value, ReportingPeriod? Period, string Text);

/// <summary>
/// A trend chart of one indicator, independent of how it is drawn (SVG on the page, PDFsharp in reports):
/// the period axis, a round value scale in the indicator's unit, the actuals (with gaps), the target as a
/// step line, each period's tolerance bands, the baseline, and the chart in words
/// (<see cref="AlternativeText"/>) for anyone who cannot see it.
/// </summary>
public sealed record TrendChart(
    string Title,
    string AlternativeText,
    IndicatorUnit Unit,
    Polarity Polarity,
    string ValueAxisTitle,
    string PeriodAxisTitle,
    ChartScale Scale,
    IReadOnlyList<ChartPeriod> Periods,
    IReadOnlyList<ChartPoint> Actuals,
    IReadOnlyList<ChartStep> Target,
    IReadOnlyList<ChartBandColumn> Bands,
    ChartBaseline? Baseline)
{
    /// <summary>
    /// The actuals as unbroken runs: a period with no actual ends one line and the next actual starts
    /// another, so a missing figure is never drawn as if it had been reported.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ChartPoint>> ActualSegments()
    {
        var segments = new List<IReadOnlyList<ChartPoint>>();
        var current = new List<ChartPoint>();
        foreach (var point in Actuals)
        {
            if (point.Value is null)
            {
                if (current.Count > 0)
                {
                    segments.Add(current);
                    current = [];
                }

                continue;
            }

            current.Add(point);
        }

        if (current.Count > 0)
        {
            segments.Add(current);
        }

        return segments;
    }

    /// <summary>Builds the chart from the periods shown, oldest first.</summary>
    public static TrendChart Build(TrendSubject subject, IReadOnlyList<TrendPeriodView> periods)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(periods);
        var unit = subject.Unit;
        var scale = ChartScale.For(ValuesToHold(subject, periods), unit);

        var count = periods.Count;
        var slots = periods.Select((p, i) => new ChartPeriod(
            i, p.Period, (double)i / count, (i + 0.5) / count, (double)(i + 1) / count)).ToArray();
        var actuals = periods.Select((p, i) => new ChartPoint(
            i, p.Period, p.Actual, p.Actual is { } a ? TrendFormat.Value(unit, a) : null, p.Rating, p.IsRestated)).ToArray();
        var target = periods.Select((p, i) => (p, i)).Where(x => x.p.Target is not null)
            .Select(x => new ChartStep(x.i, x.p.Target!.Value, TrendFormat.Value(unit, x.p.Target.Value))).ToArray();
        var bands = periods.Select((p, i) => (p, i)).Where(x => x.p.Bands.Count > 0)
            .Select(x => new ChartBandColumn(x.i, [.. x.p.Bands.Select(b => Cut(b, scale))])).ToArray();
        var baseline = subject.BaselineValue is { } b
            ? new ChartBaseline(b, subject.BaselinePeriod, TrendFormat.Value(unit, b))
            : null;

        return new TrendChart(
            subject.Name,
            TrendDescription.Describe(subject, periods),
            unit,
            subject.Polarity,
            unit.DisplayName(),
            "Quarter",
            scale,
            slots,
            actuals,
            target,
            bands,
            baseline);
    }

    private static IEnumerable<decimal> ValuesToHold(TrendSubject subject, IReadOnlyList<TrendPeriodView> periods)
    {
        foreach (var period in periods)
        {
            if (period.Actual is { } actual)
            {
                yield return actual;
            }

            if (period.Target is { } target)
            {
                yield return target;
            }

            foreach (var band in period.Bands)
            {
                if (band.Lower is { } lower)
                {
                    yield return lower;
                }

                if (band.Upper is { } upper)
                {
                    yield return upper;
                }
            }
        }

        if (subject.BaselineValue is { } baseline)
        {
            yield return baseline;
        }
    }

    // Open-ended bands run to the edge of the chart; every band is cut to the scale so it can be drawn as is.
    private static ChartBand Cut(TrendBand band, ChartScale scale)
    {
        var lower = Math.Clamp(band.Lower ?? scale.Min, scale.Min, scale.Max);
        var upper = Math.Clamp(band.Upper ?? scale.Max, scale.Min, scale.Max);
        return new ChartBand(band.Rating, lower, Math.Max(lower, upper), band.Range);
    }
}
