using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ContractOutcomes.Domain.Common;

/// <summary>
/// A quarter of the UK financial year (Q1 = April–June … Q4 = January–March), labelled like
/// <c>2025-26 Q1</c>. Labels sort in time order, which lets storage and indexes use the label itself.
/// </summary>
public readonly partial record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private const int EarliestYear = 2000;
    private const int LatestYear = 2098;

    private ReportingPeriod(int financialYearStart, int quarter)
    {
        FinancialYearStart = financialYearStart;
        Quarter = quarter;
    }

    /// <summary>The calendar year in which the financial year starts (2025 for 2025-26).</summary>
    public int FinancialYearStart { get; }

    /// <summary>1 to 4.</summary>
    public int Quarter { get; }

    public DateOnly StartDate => Quarter == 4
        ? new DateOnly(FinancialYearStart + 1, 1, 1)
        : new DateOnly(FinancialYearStart, 1 + (3 * Quarter), 1);

    public DateOnly EndDate => StartDate.AddMonths(3).AddDays(-1);

    /// <summary>For example "2025-26".</summary>
    public string FinancialYearLabel =>
        string.Create(CultureInfo.InvariantCulture, $"{FinancialYearStart}-{(FinancialYearStart + 1) % 100:00}");

    public string Label => string.Create(CultureInfo.InvariantCulture, $"{FinancialYearLabel} Q{Quarter}");

    /// <summary>The label with a hyphen for the space, for addresses: "2025-26-Q1". <see cref="TryParse"/> reads both.</summary>
    public string Slug => string.Create(CultureInfo.InvariantCulture, $"{FinancialYearLabel}-Q{Quarter}");

    public static ReportingPeriod Of(int financialYearStart, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");
        }

        if (financialYearStart is < EarliestYear or > LatestYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(financialYearStart), financialYearStart, "The financial year is outside the supported range.");
        }

        return new ReportingPeriod(financialYearStart, quarter);
    }

    public static ReportingPeriod Containing(DateOnly date)
    {
        // April starts the financial year: Jan–Mar belong to the year that began the previous April.
        var yearStart = date.Month >= 4 ? date.Year : date.Year - 1;
        var quarter = date.Month >= 4 ? ((date.Month - 4) / 3) + 1 : 4;
        return Of(yearStart, quarter);
    }

    public static ReportingPeriod Parse(string label) =>
        TryParse(label, out var period)
            ? period
            : throw new FormatException($"'{label}' is not a reporting period; use the form 2025-26 Q1.");

    public static bool TryParse([NotNullWhen(true)] string? label, out ReportingPeriod period)
    {
        period = default;
        if (label is null)
        {
            return false;
        }

        var match = LabelPattern().Match(label.Trim());
        if (!match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups["start"].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups["end"].Value, CultureInfo.InvariantCulture);
        var quarter = int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end || start is < EarliestYear or > LatestYear)
        {
            return false;
        }

        period = new ReportingPeriod(start, quarter);
        return true;
    }

    /// <summary>Every period from <paramref name="first"/> to <paramref name="last"/> inclusive.</summary>
    public static IReadOnlyList<ReportingPeriod> Range(ReportingPeriod first, ReportingPeriod last)
    {
        var periods = new List<ReportingPeriod>();
        for (var p = first; p.CompareTo(last) <= 0; p = p.Next())
        {
            periods.Add(p);
        }

        return periods;
    }

    public ReportingPeriod Next() => Quarter == 4 ? Of(FinancialYearStart + 1, 1) : Of(FinancialYearStart, Quarter + 1);

    public ReportingPeriod Previous() => Quarter == 1 ? Of(FinancialYearStart - 1, 4) : Of(FinancialYearStart, Quarter - 1);

    public int CompareTo(ReportingPeriod other) =>
        FinancialYearStart != other.FinancialYearStart
            ? FinancialYearStart.CompareTo(other.FinancialYearStart)
            : Quarter.CompareTo(other.Quarter);

    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    public override string ToString() => Label;

    [GeneratedRegex(@"^(?<start>\d{4})-(?<end>\d{2})(\s+|-)Q(?<q>[1-4])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();
}
