using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>
/// Reads numbers as people type them ("£24,000,000", "85%", " 1 250.5 "). Forms bind text so bad input
/// can be redisplayed with a specific message rather than silently lost.
/// </summary>
public static class FormValues
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public static bool TryParseNumber(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().Replace("£", string.Empty, StringComparison.Ordinal).Replace("%", string.Empty, StringComparison.Ordinal)
            .Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, EnglishUk, out value);
    }

    /// <summary>Null when empty; adds "{label} must be a number" to ModelState when not a number.</summary>
    public static decimal? Number(this ModelStateDictionary modelState, string field, string? text, string label)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParseNumber(text, out var value))
        {
            return value;
        }

        modelState.AddModelError(field, $"{label} must be a number");
        return null;
    }

    public static string? Format(decimal? value) => value?.ToString("0.####", EnglishUk);
}

public static class DateValues
{
    /// <summary>Null when empty (the validator then asks for it); adds "{label} must be a real date" when it is not one.</summary>
    public static DateOnly? Date(this ModelStateDictionary modelState, string field, Forms.DateInput? input, string label)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (input is null || input.IsEmpty)
        {
            return null;
        }

        if (input.TryGetDate(out var date))
        {
            return date;
        }

        modelState.AddModelError(field, $"{label} must be a real date");
        return null;
    }
}
