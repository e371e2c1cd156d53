using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Evaluation;

/// <summary>
/// A total of figures across periods or contracts. <see cref="Count"/> is how many figures went in;
/// <see cref="Value"/> is null when no meaningful total exists (see <see cref="FigureTotals.Sum"/>).
/// </summary>
public sealed record FigureTotal(decimal? Value, decimal? Numerator, decimal? Denominator, int Count);

/// <summary>Totals of an indicator's figures. Pure.</summary>
public static class FigureTotals
{
    /// <summary>
    /// Percentages and rates: numerators and denominators are summed and the ratio worked out once
    /// (× 100, or × 10,000 for a rate), stored with <see cref="Rounding.Stored"/>. Averaging the
    /// percentages instead would give a small contract the same say as a large one. A zero total
    /// denominator has no ratio (Value null).
    /// Counts and pounds: values are summed.
    /// Days: no total — days are a duration per case (an average already), the sum of averages means
    /// nothing, and their mean would be wrong unless weighted by the number of cases, which a return
    /// does not capture. Value is null; Count still says how many figures there were.
    /// No figures: everything null, Count 0, so an empty total never reads as a real 0.
    /// </summary>
    public static FigureTotal Sum(IndicatorUnit unit, IEnumerable<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Combine(unit, figures.Select(f => new FigureTotal(f.Value, f.Numerator, f.Denominator, 1)));
    }

    /// <summary>
    /// Totals of totals — a portfolio from its contracts, a year from its quarters — by the same rule
    /// as <see cref="Sum"/>, so the answer does not depend on how the figures were grouped. Also takes
    /// figures read straight from storage, one <see cref="FigureTotal"/> with Count 1 per figure.
    /// </summary>
    public static FigureTotal Combine(IndicatorUnit unit, IEnumerable<FigureTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var parts = totals.Where(t => t.Count > 0).ToList();
        var count = parts.Sum(t => t.Count);
        if (count == 0)
        {
            return new FigureTotal(null, null, null, 0);
        }

        if (unit.IsRatio())
        {
            decimal numerator = 0;
            decimal denominator = 0;
            foreach (var part in parts)
            {
                if (part.Numerator is not { } n || part.Denominator is not { } d)
                {
                    throw new ArgumentException("Every figure for a percentage or rate must have a numerator and denominator.", nameof(totals));
                }

                numerator += n;
                denominator += d;
            }

            decimal? value = denominator == 0 ? null : Ratio(unit, numerator, denominator);
            return new FigureTotal(value, numerator, denominator, count);
        }

        if (unit == IndicatorUnit.Days)
        {
            return new FigureTotal(null, null, null, count);
        }

        if (parts.Any(p => p.Value is null))
        {
            throw new ArgumentException("Every count or amount being totalled must have a value.", nameof(totals));
        }

        return new FigureTotal(parts.Sum(p => p.Value!.Value), null, null, count);
    }

    /// <summary>Numerator over a non-zero denominator as the unit shows it, at stored precision.</summary>
    public static decimal Ratio(IndicatorUnit unit, decimal numerator, decimal denominator) =>
        Rounding.Stored(numerator / denominator * (unit == IndicatorUnit.RatePer10000 ? 10_000m : 100m));
}
