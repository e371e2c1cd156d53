using System.Globalization;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Application.Performance.GetIndicatorTrend;

/// <summary>
/// The total of the periods shown, by <see cref="FigureTotals"/>: <see cref="Value"/> is null when the
/// unit has no meaningful total. <see cref="Text"/> is the total as shown ("81.5%", or "No total") and
/// <see cref="Explanation"/> the arithmetic in words.
/// </summary>
public sealed record TrendTotalView(decimal? Value, decimal? Numerator, decimal? Denominator, int Count, string Text, string Explanation);

public static class TrendTotals
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Percentages and rates add up numerators and denominators and work the ratio out once; counts and
    /// pounds add up; days have no total. Periods without a figure (Not reported) are left out.
    /// </summary>
    public static TrendTotalView For(IndicatorUnit unit, string? numeratorLabel, string? denominatorLabel, IReadOnlyList<TrendPeriodView> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var figures = periods
            .Where(p => p.Actual is not null && (!unit.IsRatio() || (p.Numerator is not null && p.Denominator is not null)))
            .ToList();
        var total = FigureTotals.Combine(unit, figures.Select(p => new FigureTotal(p.Actual, p.Numerator, p.Denominator, 1)));
        var leftOut = periods.Count - figures.Count;
        var over = $"Added up over the {TrendFormat.Quarters(figures.Count)} with a figure";
        var leftOutText = leftOut == 0
            ? string.Empty
            : $" {TrendFormat.Quarters(leftOut)} without a figure {(leftOut == 1 ? "is" : "are")} left out.";

        if (figures.Count == 0)
        {
            return new TrendTotalView(null, null, null, 0, "No total", "There is no total: none of the quarters shown has a figure.");
        }

        if (unit == IndicatorUnit.Days)
        {
            return new TrendTotalView(
                null,
                null,
                null,
                total.Count,
                "No total",
                "There is no total for a number of days. Each figure is already an average for the quarter, and returns do not say how many cases each average covers, so adding the averages up or averaging them again would mislead.");
        }

        if (unit.IsRatio())
        {
            var numerator = total.Numerator!.Value;
            var denominator = total.Denominator!.Value;
            var labels = numeratorLabel is null || denominatorLabel is null
                ? string.Empty
                : $" {N(numerator)} is the total of “{numeratorLabel}” and {N(denominator)} the total of “{denominatorLabel}”.";
            if (total.Value is not { } ratio)
            {
                return new TrendTotalView(null, numerator, denominator, total.Count, "No total",
                    $"{over}, the denominators add up to 0, so there is no {What(unit)} to work out.{leftOutText}");
            }

            var multiplier = unit == IndicatorUnit.RatePer10000 ? "10,000" : "100";
            var shown = TrendFormat.Value(unit, ratio);
            return new TrendTotalView(
                ratio,
                numerator,
                denominator,
                total.Count,
                shown,
                $"{over}: {N(numerator)} ÷ {N(denominator)} × {multiplier} = {shown}.{labels} " +
                $"The {What(unit)} is worked out once from these totals, so each quarter counts in proportion to its size (its denominator); " +
                $"the quarterly {What(unit)}s are not averaged.{leftOutText}");
        }

        var sum = total.Value!.Value;
        return new TrendTotalView(
            sum,
            null,
            null,
            total.Count,
            TrendFormat.Value(unit, sum),
            $"{over}: {string.Join(" + ", figures.Select(p => TrendFormat.Value(unit, p.Actual!.Value)))} = {TrendFormat.Value(unit, sum)}.{leftOutText}");
    }

    private static string What(IndicatorUnit unit) => unit == IndicatorUnit.RatePer10000 ? "rate" : "percentage";

    private static string N(decimal value) => value.ToString("#,##0.####", EnGb);
}
