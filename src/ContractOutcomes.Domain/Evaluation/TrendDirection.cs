using System.Globalization;

namespace ContractOutcomes.Domain.Evaluation;

/// <summary>How an indicator's actual moved since the previous reported actual, judged by its polarity.</summary>
public enum TrendDirection
{
    /// <summary>No earlier actual to compare with, or no actual this period.</summary>
    None = 0,
    Improving = 1,
    Worsening = 2,
    Unchanged = 3,
}

public static class TrendDisplayNames
{
    public static string DisplayName(this TrendDirection direction) => direction switch
    {
        TrendDirection.None => "No trend",
        TrendDirection.Improving => "Improving",
        TrendDirection.Worsening => "Worsening",
        TrendDirection.Unchanged => "Unchanged",
        _ => direction.ToString(),
    };

    /// <summary>
    /// The words that stand in for a trend arrow for screen readers and in tables, for example
    /// "Improving for 3 periods"; the arrow alone says nothing without sight or colour.
    /// </summary>
    public static string Describe(this TrendDirection direction, int periods) => direction switch
    {
        TrendDirection.None => "No trend",
        _ when periods <= 1 => direction.DisplayName() + " this period",
        _ => string.Create(CultureInfo.InvariantCulture, $"{direction.DisplayName()} for {periods} periods"),
    };
}
