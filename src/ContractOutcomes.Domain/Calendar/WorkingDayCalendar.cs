using System.Globalization;
using System.Text.Json;

namespace ContractOutcomes.Domain.Calendar;

/// <summary>A bank holiday: the day it is taken (a substitute day when the holiday falls at a weekend).</summary>
public sealed record BankHoliday(DateOnly Date, string Title);

/// <summary>
/// Working days (Monday to Friday, not a bank holiday) over a fixed range of dates. Outside that range
/// the calendar refuses to answer rather than guess, because a guessed bank holiday gives a wrong due date.
/// </summary>
public sealed class WorkingDayCalendar
{
    private const string EnglandAndWalesResource = "ContractOutcomes.Domain.Calendar.bank-holidays-england-and-wales.json";
    private const string EnglandAndWalesDivision = "england-and-wales";
    private const string UntitledHoliday = "Bank holiday";

    private static readonly Lazy<WorkingDayCalendar> _englandAndWales = new(LoadEnglandAndWales);

    private readonly HashSet<DateOnly> _bankHolidayDates;

    public WorkingDayCalendar(IEnumerable<DateOnly> bankHolidays, DateOnly coveredFrom, DateOnly coveredUntil)
        : this(ToUntitled(bankHolidays), coveredFrom, coveredUntil)
    {
    }

    public WorkingDayCalendar(IEnumerable<BankHoliday> bankHolidays, DateOnly coveredFrom, DateOnly coveredUntil)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        if (coveredUntil < coveredFrom)
        {
            throw new ArgumentOutOfRangeException(
                nameof(coveredUntil), coveredUntil, "The calendar must end on or after the day it starts.");
        }

        CoveredFrom = coveredFrom;
        CoveredUntil = coveredUntil;

        var holidays = bankHolidays.OrderBy(h => h.Date).ToList();
        _bankHolidayDates = [];
        foreach (var holiday in holidays)
        {
            if (!Covers(holiday.Date))
            {
                throw new ArgumentException(
                    $"The bank holiday on {Format(holiday.Date)} is outside the range the calendar covers ({RangeText}).",
                    nameof(bankHolidays));
            }

            if (!_bankHolidayDates.Add(holiday.Date))
            {
                throw new ArgumentException(
                    $"{Format(holiday.Date)} is listed as a bank holiday more than once.", nameof(bankHolidays));
            }
        }

        BankHolidays = holidays.AsReadOnly();
    }

    /// <summary>
    /// England and Wales, from the list embedded in this assembly. The list has an end: extend it from the
    /// dates published on GOV.UK before the calendar runs out (a test fails when it gets close).
    /// </summary>
    public static WorkingDayCalendar EnglandAndWales => _englandAndWales.Value;

    /// <summary>The first day whose working status is known.</summary>
    public DateOnly CoveredFrom { get; }

    /// <summary>The last day whose working status is known.</summary>
    public DateOnly CoveredUntil { get; }

    /// <summary>Bank holidays in date order.</summary>
    public IReadOnlyList<BankHoliday> BankHolidays { get; }

    private string RangeText => $"{Format(CoveredFrom)} to {Format(CoveredUntil)}";

    public bool Covers(DateOnly date) => date >= CoveredFrom && date <= CoveredUntil;

    /// <exception cref="InvalidOperationException">The date is outside the range the calendar covers.</exception>
    public bool IsBankHoliday(DateOnly date)
    {
        EnsureCovered(date);
        return _bankHolidayDates.Contains(date);
    }

    /// <summary>Monday to Friday and not a bank holiday.</summary>
    /// <exception cref="InvalidOperationException">The date is outside the range the calendar covers.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date);
        return IsWorkingDayWithinRange(date);
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="from"/>; <paramref name="from"/>
    /// itself never counts, so one working day after a Friday is the next Monday (if that is not a bank holiday).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The count runs past the range the calendar covers.</exception>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays) =>
        TryAddWorkingDays(from, workingDays, out var result)
            ? result
            : throw new InvalidOperationException(
                $"Counting {workingDays} working days from {Format(from)} goes outside the working-day calendar, " +
                $"which covers {RangeText}. Extend the bank holiday list before relying on dates outside that range.");

    /// <summary>
    /// As <see cref="AddWorkingDays"/>, but returns false (and the default date) when the count runs past the
    /// range the calendar covers, for callers that can show "not yet known" instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1.</exception>
    public bool TryAddWorkingDays(DateOnly from, int workingDays, out DateOnly result)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);

        var date = from;
        var counted = 0;
        while (counted < workingDays)
        {
            // Checked before stepping so the walk can never step past DateOnly.MaxValue.
            if (date >= CoveredUntil)
            {
                result = default;
                return false;
            }

            date = date.AddDays(1);
            if (date < CoveredFrom)
            {
                result = default;
                return false;
            }

            if (IsWorkingDayWithinRange(date))
            {
                counted++;
            }
        }

        result = date;
        return true;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>. Zero when the dates are the same.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="InvalidOperationException">A day counted is outside the range the calendar covers.</exception>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The end date must be on or after the start date.");
        }

        var count = 0;
        for (var date = from; date < to;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    private bool IsWorkingDayWithinRange(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_bankHolidayDates.Contains(date);

    private void EnsureCovered(DateOnly date)
    {
        if (!Covers(date))
        {
            throw new InvalidOperationException(
                $"The working-day calendar covers {RangeText}, so it cannot say whether {Format(date)} is a working day. " +
                "Extend the bank holiday list before relying on dates outside that range.");
        }
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<BankHoliday> ToUntitled(IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return dates.Select(d => new BankHoliday(d, UntitledHoliday));
    }

    private static WorkingDayCalendar LoadEnglandAndWales()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(EnglandAndWalesResource)
            ?? throw new InvalidOperationException($"The embedded resource {EnglandAndWalesResource} is missing.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;

        var division = root.GetProperty("division").GetString();
        if (division != EnglandAndWalesDivision)
        {
            throw new InvalidOperationException(
                $"{EnglandAndWalesResource} is for '{division}', not '{EnglandAndWalesDivision}'.");
        }

        var holidays = root.GetProperty("events")
            .EnumerateArray()
            .Select(e => new BankHoliday(
                ReadDate(e, "date"),
                e.GetProperty("title").GetString() ?? UntitledHoliday))
            .ToList();

        return new WorkingDayCalendar(holidays, ReadDate(root, "coveredFrom"), ReadDate(root, "coveredUntil"));
    }

    private static DateOnly ReadDate(JsonElement element, string property) =>
        DateOnly.ParseExact(element.GetProperty(property).GetString() ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
