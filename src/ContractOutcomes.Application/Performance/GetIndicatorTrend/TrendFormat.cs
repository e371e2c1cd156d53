using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Application.Performance.GetIndicatorTrend;

/// <summary>Formatting shared by the trend page, the chart and its words.</summary>
public static class TrendFormat
{
    /// <summary>A figure as people read it: percentages and rates to 1 decimal place, for example "81.4%".</summary>
    public static string Value(IndicatorUnit unit, decimal value) =>
        unit.Format(unit.IsRatio() ? Rounding.Shown(value) : value);

    /// <summary>"1 quarter" or "8 quarters".</summary>
    public static string Quarters(int count) =>
        count == 1 ? "1 quarter" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} quarters");

    /// <summary>Sentence text with its first letter in lower case, to continue a sentence.</summary>
    public static string Continuing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }
}
