using System.Globalization;
using System.Text;
using System.Text.Json;
using ContractOutcomes.Application.Contracts.GetContractHistory;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>Words, dates and option lists shared by the contract pages, so every page says things the same way.</summary>
public static class ContractDisplay
{
    private const int LongestAuditValue = 120;

    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Lazy<TimeZoneInfo> UkTime = new(() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc);

    /// <summary>For example "1 April 2025".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnglishUk);

    /// <summary>For example "1 April 2025 to 31 March 2030".</summary>
    public static string Term(DateOnly start, DateOnly end) => $"{Date(start)} to {Date(end)}";

    /// <summary>UK local time, for example "3 Mar 2026, 2:05pm".</summary>
    public static string When(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, UkTime.Value);
        return local.ToString("d MMM yyyy, h:mm", EnglishUk)
            + local.ToString("tt", CultureInfo.InvariantCulture).ToLowerInvariant();
    }

    /// <summary>For example "20 quarters, 2024-25 Q1 to 2028-29 Q4".</summary>
    public static string Periods(IReadOnlyList<ReportingPeriod> periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.Count switch
        {
            0 => "None",
            1 => $"1 quarter, {periods[0]}",
            _ => string.Create(EnglishUk, $"{periods.Count} quarters, {periods[0]} to {periods[^1]}"),
        };
    }

    public static string Count(int count, string singular, string plural) =>
        string.Create(EnglishUk, $"{count:#,##0} {(count == 1 ? singular : plural)}");

    public static string StatusColour(ContractStatus status) => status switch
    {
        ContractStatus.Draft => "grey",
        ContractStatus.Active => "green",
        _ => "blue",
    };

    public static string RatingColour(PerformanceRating rating) => rating switch
    {
        PerformanceRating.Good => "green",
        PerformanceRating.ApproachingTarget => "yellow",
        PerformanceRating.RequiresImprovement => "orange",
        PerformanceRating.Inadequate => "red",
        PerformanceRating.Other => "purple",
        _ => "grey",
    };

    /// <summary>"Independent trust, not for profit", or what is known of it.</summary>
    public static string ProviderKind(OrganisationType? type, bool isNotForProfit)
    {
        var kind = type?.DisplayName() ?? "Organisation type not recorded";
        return isNotForProfit ? kind + ", not for profit" : kind;
    }

    public static string YesNo(bool value) => value ? "Yes" : "No";

    /// <summary>The tolerance in words, for example "Absolute: Good within 2, …", or "Not set".</summary>
    public static string Tolerance(ToleranceBands? tolerance) => tolerance?.Summary() ?? "Not set";

    /// <summary>A figure typed by a person, shown back in a form field: "85", "1250.5".</summary>
    public static string? Editable(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    public static IReadOnlyList<SelectListItem> Options<TEnum>(Func<TEnum, string> text)
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new SelectListItem(text(v), v.ToString()))];

    public static IReadOnlyList<SelectListItem> ProviderOptions(IEnumerable<OrganisationSummary> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var options = new List<SelectListItem> { new("Select a provider", string.Empty) };
        options.AddRange(providers.Select(p => new SelectListItem(
            $"{p.Name} ({ProviderKind(p.OrganisationType, p.IsNotForProfit).ToLowerInvariant()})",
            p.Id.ToString())));
        return options;
    }

    /// <summary>A select of reporting periods with an empty first option.</summary>
    public static IReadOnlyList<SelectListItem> PeriodOptions(IEnumerable<ReportingPeriod> periods, string emptyText)
    {
        ArgumentNullException.ThrowIfNull(periods);
        var options = new List<SelectListItem> { new(emptyText, string.Empty) };
        options.AddRange(periods.Select(p => new SelectListItem(p.Label, p.Label)));
        return options;
    }

    /// <summary>"Added", "Changed" or "Removed".</summary>
    public static string ChangeKind(AuditChangeKind change) => change switch
    {
        AuditChangeKind.Added => "added",
        AuditChangeKind.Removed => "removed",
        _ => "changed",
    };

    /// <summary>"Outcome indicator" from "OutcomeIndicator".</summary>
    public static string Words(string pascalCase)
    {
        ArgumentNullException.ThrowIfNull(pascalCase);
        var builder = new StringBuilder(pascalCase.Length + 8);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(pascalCase[i - 1]))
            {
                builder.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The values an audit entry records, one line each: "Field: old → new" for a change, "Field: value" for an
    /// addition or removal. Identifiers are left out of additions and removals to keep the lines readable.
    /// </summary>
    public static IReadOnlyList<string> AuditLines(AuditEntryView entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var before = Values(entry.Before);
        var after = Values(entry.After);
        var keys = after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k))).ToList();
        var lines = new List<string>();
        foreach (var key in keys)
        {
            var label = Words(key);
            switch (entry.Change)
            {
                case AuditChangeKind.Modified:
                    lines.Add($"{label}: {before.GetValueOrDefault(key, "none")} → {after.GetValueOrDefault(key, "none")}");
                    break;
                case AuditChangeKind.Added when !IsIdentifier(key):
                    lines.Add($"{label}: {after.GetValueOrDefault(key, "none")}");
                    break;
                case AuditChangeKind.Removed when !IsIdentifier(key):
                    lines.Add($"{label}: {before.GetValueOrDefault(key, "none")}");
                    break;
                default:
                    break;
            }
        }

        return lines;
    }

    private static bool IsIdentifier(string key) =>
        key.Equals("Id", StringComparison.Ordinal) || key.EndsWith("Id", StringComparison.Ordinal);

    private static Dictionary<string, string> Values(string? json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                values["Value"] = Shorten(document.RootElement.ToString());
                return values;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = Shorten(property.Value.ValueKind switch
                {
                    JsonValueKind.Null or JsonValueKind.Undefined => "none",
                    JsonValueKind.String when property.Value.GetString() is { Length: 0 } => "blank",
                    JsonValueKind.String => Readable(property.Value.GetString()!),
                    JsonValueKind.True => "yes",
                    JsonValueKind.False => "no",
                    _ => property.Value.GetRawText(),
                });
            }
        }
        catch (JsonException)
        {
            values["Value"] = Shorten(json);
        }

        return values;
    }

    /// <summary>Times in UK local time, and enum names ("HigherIsBetter") as words.</summary>
    private static string Readable(string value)
    {
        if (value.Length >= 19 && value[10] == 'T'
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
        {
            return When(moment);
        }

        return value.Length > 1 && value.All(char.IsAsciiLetter) && char.IsUpper(value[0]) && value.Skip(1).Any(char.IsUpper)
            ? Words(value)
            : value;
    }

    private static string Shorten(string text) =>
        text.Length <= LongestAuditValue ? text : string.Concat(text.AsSpan(0, LongestAuditValue - 1), "…");
}
