using System.Globalization;
using System.Text.RegularExpressions;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>Words, figures and tags shared by the return pages, so every page describes a return the same way.</summary>
public static partial class ReturnDisplay
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public static string StateText(ReturnState state) => state switch
    {
        ReturnState.NotYetOpen => "Not yet open",
        ReturnState.NotStarted => "Not started",
        ReturnState.Draft => "Draft",
        ReturnState.Submitted => "Submitted",
        ReturnState.Queried => "Queried",
        ReturnState.Accepted => "Accepted",
        _ => state.ToString(),
    };

    public static string StateColour(ReturnState state) => state switch
    {
        ReturnState.NotYetOpen => "grey",
        ReturnState.NotStarted => "blue",
        ReturnState.Draft => "yellow",
        ReturnState.Submitted => "teal",
        ReturnState.Queried => "orange",
        ReturnState.Accepted => "green",
        _ => "grey",
    };

    public static string RestatementText(RestatementStatus status) => status switch
    {
        RestatementStatus.Proposed => "Waiting for a decision",
        RestatementStatus.Approved => "Approved",
        RestatementStatus.Rejected => "Rejected",
        _ => status.ToString(),
    };

    public static string RestatementColour(RestatementStatus status) => status switch
    {
        RestatementStatus.Proposed => "magenta",
        RestatementStatus.Approved => "green",
        _ => "red",
    };

    /// <summary>"3 days late", "1 day late", or empty when on time.</summary>
    public static string DaysLate(int days) => days switch
    {
        <= 0 => string.Empty,
        1 => "1 day late",
        _ => string.Create(EnglishUk, $"{days:#,##0} days late"),
    };

    /// <summary>"Not known yet" when the bank holiday list does not reach far enough to fix the date.</summary>
    public static string DueDate(DateOnly? due) => due is { } date ? ContractDisplay.Date(date) : "Not known yet";

    public static string Target(IndicatorUnit unit, decimal? target) => target is { } value ? unit.Format(value) : "No target";

    /// <summary>"85.2% (426 of 500)" for a ratio, "37 days" for a single value, "Not entered" when blank.</summary>
    public static string Figure(IndicatorUnit unit, decimal? value, decimal? numerator, decimal? denominator)
    {
        if (value is not { } v)
        {
            return "Not entered";
        }

        return numerator is { } n && denominator is { } d
            ? string.Create(EnglishUk, $"{unit.Format(v)} ({n:#,##0.####} of {d:#,##0.####})")
            : unit.Format(v);
    }

    public static string Figure(ReturnLineView line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Figure(line.Unit, line.Value, line.Numerator, line.Denominator);
    }

    /// <summary>The accepted figure a restatement would replace.</summary>
    public static string Previous(RestatementView restatement)
    {
        ArgumentNullException.ThrowIfNull(restatement);
        return Figure(restatement.Unit, restatement.PreviousValue, restatement.PreviousNumerator, restatement.PreviousDenominator);
    }

    public static string Proposed(RestatementView restatement)
    {
        ArgumentNullException.ThrowIfNull(restatement);
        return Figure(restatement.Unit, restatement.ProposedValue, restatement.ProposedNumerator, restatement.ProposedDenominator);
    }

    /// <summary>What to type in a single-value box, by unit: "A whole number", "In pounds, up to 2 decimal places".</summary>
    public static string ValueHint(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "A whole number",
        IndicatorUnit.Days => "A number of days, up to 2 decimal places",
        IndicatorUnit.Money => "In pounds, up to 2 decimal places",
        _ => "Up to 2 decimal places",
    };

    public static string RatingText(PerformanceRating? rating) => rating?.DisplayName() ?? string.Empty;

    /// <summary>"2.4 MB", "830 KB", "512 bytes".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(EnglishUk, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(EnglishUk, $"{Math.Max(1, Math.Round(bytes / 1024m)):#,##0} KB"),
        _ => string.Create(EnglishUk, $"{bytes / (1024m * 1024m):#,##0.#} MB"),
    };

    /// <summary>"1 April 2026 to 30 June 2026".</summary>
    public static string PeriodDates(ReturnView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return ContractDisplay.Term(view.PeriodStart, view.PeriodEnd);
    }

    /// <summary>"3 Mar 2026, 2:05pm by Priya Shah".</summary>
    public static string WhenBy(DateTimeOffset? when, string? who) => when is { } moment
        ? (string.IsNullOrWhiteSpace(who) ? ContractDisplay.When(moment) : $"{ContractDisplay.When(moment)} by {who}")
        : string.Empty;

    /// <summary>Paragraphs of text a person typed, split on blank or single line breaks.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. LineBreak().Split(text.Trim()).Where(l => l.Length > 0)];

    /// <summary>How the due dates are worked out, in words.</summary>
    public static string DueDateRule(int workingDays) =>
        $"Each return is due {ContractDisplay.Count(workingDays, "working day", "working days")} after its period ends. " +
        "Bank holidays in England and Wales are not working days.";

    [GeneratedRegex(@"\r?\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();
}
