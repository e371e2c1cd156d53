using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Returns;

/// <summary>
/// A reported result for one indicator. Percentages and rates are reported as a numerator over a
/// denominator and the value is calculated from them, so that totals across contracts or periods can
/// add numerators and denominators rather than average percentages.
/// </summary>
public sealed record Figure
{
    /// <summary>Calculated values are kept to this many decimal places, rounding half away from zero.</summary>
    public const int ValueDecimals = 4;

    /// <summary>Largest number accepted anywhere in a figure; keeps values inside the stored precision.</summary>
    public const decimal Largest = 99_999_999_999_999m;

    private Figure(decimal value, decimal? numerator, decimal? denominator)
    {
        Value = value;
        Numerator = numerator;
        Denominator = denominator;
    }

    public decimal Value { get; }

    public decimal? Numerator { get; }

    public decimal? Denominator { get; }

    public bool IsRatio => Denominator is not null;

    /// <summary>
    /// Why the given numbers cannot be a figure for this indicator, each naming the part at fault
    /// ("Value", "Numerator" or "Denominator"); empty when they can. All blank is not checked here:
    /// it means "not reported yet".
    /// </summary>
    public static IReadOnlyList<RuleViolation> Check(OutcomeIndicator indicator, decimal? value, decimal? numerator, decimal? denominator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var problems = new List<RuleViolation>();
        var name = indicator.Name;
        if (indicator.Unit.IsRatio())
        {
            if (numerator is null)
            {
                problems.Add(new RuleViolation($"Enter the numerator for {name}", nameof(Numerator)));
            }
            else if (numerator < 0 || numerator != decimal.Truncate(numerator.Value) || numerator > Largest)
            {
                problems.Add(new RuleViolation($"The numerator for {name} must be a whole number, 0 or more", nameof(Numerator)));
            }

            if (denominator is null)
            {
                problems.Add(new RuleViolation($"Enter the denominator for {name}", nameof(Denominator)));
            }
            else if (denominator <= 0 || denominator != decimal.Truncate(denominator.Value) || denominator > Largest)
            {
                problems.Add(new RuleViolation($"The denominator for {name} must be a whole number, 1 or more", nameof(Denominator)));
            }

            // A percentage or a rate per 10,000 of a population counts part of that population, so the part
            // cannot be larger than the whole (and the value stays within 100% or 10,000 per 10,000).
            if (problems.Count == 0 && numerator > denominator)
            {
                problems.Add(new RuleViolation($"The numerator for {name} cannot be more than the denominator", nameof(Numerator)));
            }

            if (problems.Count == 0 && value is { } given && Math.Abs(given - Calculate(indicator.Unit, numerator!.Value, denominator!.Value)) > 0.05m)
            {
                problems.Add(new RuleViolation(
                    $"The value for {name} ({indicator.Unit.Format(given)}) does not match the numerator and denominator ({indicator.Unit.Format(decimal.Round(Calculate(indicator.Unit, numerator.Value, denominator.Value), 2, MidpointRounding.AwayFromZero))})",
                    nameof(Value)));
            }

            return problems;
        }

        if (numerator is not null || denominator is not null)
        {
            problems.Add(new RuleViolation($"{name} is reported as a single value, not a numerator and denominator", nameof(Value)));
        }

        if (value is null)
        {
            problems.Add(new RuleViolation($"Enter the value for {name}", nameof(Value)));
            return problems;
        }

        var invalid = OutcomeIndicator.WhyInvalid(indicator.Unit, value.Value, $"The value for {name}")
            ?? (value > Largest ? $"The value for {name} is too large" : null)
            ?? (indicator.Unit == IndicatorUnit.Count && value != decimal.Truncate(value.Value) ? $"The value for {name} must be a whole number" : null)
            ?? (decimal.Round(value.Value, 2) != value ? $"The value for {name} must have no more than 2 decimal places" : null);
        if (invalid is not null)
        {
            problems.Add(new RuleViolation(invalid, nameof(Value)));
        }

        return problems;
    }

    /// <summary>Makes a figure, refusing numbers that cannot be one for this indicator.</summary>
    public static Figure For(OutcomeIndicator indicator, decimal? value, decimal? numerator, decimal? denominator)
    {
        var problems = Check(indicator, value, numerator, denominator);
        if (problems.Count > 0)
        {
            throw new BusinessRuleException(problems);
        }

        return indicator.Unit.IsRatio()
            ? new Figure(decimal.Round(Calculate(indicator.Unit, numerator!.Value, denominator!.Value), ValueDecimals, MidpointRounding.AwayFromZero), numerator, denominator)
            : new Figure(value!.Value, null, null);
    }

    /// <summary>Rebuilds a figure from stored numbers, which were checked when they were saved.</summary>
    internal static Figure Stored(decimal value, decimal? numerator, decimal? denominator) => new(value, numerator, denominator);

    /// <summary>Whether this result is worse than the target, judged by the indicator's polarity.</summary>
    public bool Misses(decimal target, Polarity polarity) =>
        polarity == Polarity.HigherIsBetter ? Value < target : Value > target;

    public string Describe(IndicatorUnit unit) =>
        IsRatio
            ? $"{unit.Format(Value)} ({Numerator:#,##0} of {Denominator:#,##0})"
            : unit.Format(Value);

    private static decimal Calculate(IndicatorUnit unit, decimal numerator, decimal denominator) =>
        numerator / denominator * (unit == IndicatorUnit.RatePer10000 ? 10_000m : 100m);
}
