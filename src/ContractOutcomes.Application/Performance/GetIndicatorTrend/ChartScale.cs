using System.Globalization;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Application.Performance.GetIndicatorTrend;

/// <summary>A labelled value on the value axis, for example 85 labelled "85%".</summary>
public sealed record ChartTick(decimal Value, string Label);

/// <summary>
/// The value axis of a chart: round bounds and an even step in the indicator's unit, so a reader can read a
/// value off the axis. <see cref="Position"/> maps a value to 0 (bottom) … 1 (top) for any renderer.
/// </summary>
public sealed record ChartScale(decimal Min, decimal Max, decimal Step, IReadOnlyList<ChartTick> Ticks)
{
    /// <summary>About this many intervals between ticks: enough to read values off, few enough to label.</summary>
    public const int PreferredIntervals = 5;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    // Steps of 1, 2, 2.5 and 5 times a power of ten give tick labels people read without arithmetic.
    private static readonly decimal[] StepFactors = [1m, 2m, 2.5m, 5m, 10m];

    /// <summary>Where a value sits between <see cref="Min"/> (0) and <see cref="Max"/> (1); values outside are clamped.</summary>
    public double Position(decimal value) =>
        Max == Min ? 0.5 : (double)((Math.Clamp(value, Min, Max) - Min) / (Max - Min));

    /// <summary>
    /// The smallest round scale that holds every value with room at both ends, kept within what the unit
    /// allows (nothing below 0, nothing above 100% or 10,000 per 10,000). A single value, or none, gets a
    /// scale around it.
    /// </summary>
    public static ChartScale For(IEnumerable<decimal> values, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (floor, ceiling) = NaturalBounds(unit);
        var held = values.Select(v => Clamp(v, floor, ceiling)).ToList();
        var low = held.Count == 0 ? 0m : held.Min();
        var high = held.Count == 0 ? 0m : held.Max();
        if (high == low)
        {
            var pad = low == 0 ? 1m : Math.Abs(low) * 0.1m;
            low = Clamp(low - pad, floor, ceiling);
            high = Clamp(high + pad, floor, ceiling);
            if (high == low)
            {
                high = low + 1;
            }
        }

        var step = NiceStep((high - low) / PreferredIntervals, unit);
        var min = Clamp(Math.Floor(low / step) * step, floor, ceiling);
        var max = Clamp(Math.Ceiling(high / step) * step, floor, ceiling);

        // A value exactly on the edge of the chart would be drawn on its frame, and an open-ended band
        // (Good above a target, Inadequate below a threshold) would have no height: leave a step of room.
        if (max == high)
        {
            max = Clamp(max + step, floor, ceiling);
        }

        if (min == low)
        {
            min = Clamp(min - step, floor, ceiling);
        }
        if (max <= min)
        {
            max = min + step;
        }

        var ticks = new List<ChartTick>();
        for (var value = min; value <= max; value += step)
        {
            ticks.Add(new ChartTick(value, TickLabel(unit, value)));
        }

        return new ChartScale(min, max, step, ticks);
    }

    /// <summary>A short label for an axis tick: "85%", "70", "£2,450", "12".</summary>
    public static string TickLabel(IndicatorUnit unit, decimal value) => unit switch
    {
        IndicatorUnit.Percentage => value.ToString("0.##", EnGb) + "%",
        IndicatorUnit.Money => "£" + value.ToString("#,##0.##", EnGb),
        _ => value.ToString("#,##0.##", EnGb),
    };

    private static decimal NiceStep(decimal rough, IndicatorUnit unit)
    {
        var magnitude = 1m;
        while (magnitude * 10 <= rough)
        {
            magnitude *= 10;
        }

        while (magnitude > rough && magnitude > 0.0001m)
        {
            magnitude /= 10;
        }

        var step = StepFactors.Select(f => f * magnitude).First(s => s >= rough);

        // Counts are whole numbers: a tick at 2.5 people means nothing.
        if (unit == IndicatorUnit.Count && step != Math.Floor(step))
        {
            step = Math.Max(1m, Math.Ceiling(step));
        }

        return step;
    }

    private static (decimal Floor, decimal? Ceiling) NaturalBounds(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => (0m, 100m),
        IndicatorUnit.RatePer10000 => (0m, 10_000m),
        _ => (0m, null),
    };

    private static decimal Clamp(decimal value, decimal floor, decimal? ceiling) =>
        Math.Max(floor, ceiling is { } c ? Math.Min(c, value) : value);
}
