using System.Globalization;

namespace ContractOutcomes.Web.Forms;

/// <summary>
/// The three text boxes of a GOV.UK date input (day, month, year), bound as entered so that what the user
/// typed can be shown again when it is not a valid date. Render it with <c>&lt;govuk-date-input asp-for="..."&gt;</c>.
/// </summary>
public sealed class DateInput
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    /// <summary>True when none of day, month or year has been entered.</summary>
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The parts of <paramref name="date"/> as they would be typed, or an empty input for null.</summary>
    public static DateInput From(DateOnly? date) =>
        date is { } d
            ? new DateInput
            {
                Day = d.Day.ToString(CultureInfo.InvariantCulture),
                Month = d.Month.ToString(CultureInfo.InvariantCulture),
                Year = d.Year.ToString(CultureInfo.InvariantCulture),
            }
            : new DateInput();

    /// <summary>
    /// Reads a real calendar date: day and month as numbers (the month may also be an English month name or its
    /// first three letters, as GOV.UK recommends accepting), and the year as four digits.
    /// Surrounding spaces are ignored.
    /// </summary>
    public bool TryGetDate(out DateOnly date)
    {
        date = default;
        if (!TryParseNumber(Day, maxDigits: 2, out var day)
            || !TryParseMonth(Month, out var month)
            || !TryParseYear(Year, out var year)
            || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    public override string ToString() => $"{Day}/{Month}/{Year}";

    private static bool TryParseMonth(string? text, out int month)
    {
        if (TryParseNumber(text, maxDigits: 2, out month))
        {
            return month is >= 1 and <= 12;
        }

        var name = text?.Trim();
        if (name is null || name.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < MonthNames.Length; i++)
        {
            var full = MonthNames[i];
            if (string.Equals(name, full, StringComparison.OrdinalIgnoreCase)
                || (name.Length == 3 && full.StartsWith(name, StringComparison.OrdinalIgnoreCase)))
            {
                month = i + 1;
                return true;
            }
        }

        return false;
    }

    private static bool TryParseYear(string? text, out int year)
    {
        var trimmed = text?.Trim();
        return TryParseNumber(trimmed, maxDigits: 4, out year) && trimmed!.Length == 4 && year >= 1;
    }

    private static bool TryParseNumber(string? text, int maxDigits, out int value)
    {
        value = 0;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > maxDigits)
        {
            return false;
        }

        foreach (var c in trimmed)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        value = int.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }
}
