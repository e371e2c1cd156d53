using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Calendar;

/// <summary>
/// When a quarterly return is due: a number of working days after the reporting period ends, counted on a
/// <see cref="WorkingDayCalendar"/> so that weekends and bank holidays do not count.
/// </summary>
public static class ReturnDueDates
{
    /// <summary>Four working weeks after the period ends.</summary>
    public const int DefaultWorkingDays = 20;

    /// <summary>Twelve working weeks; a longer allowance would let a return run into the next quarter's.</summary>
    public const int MaxWorkingDays = 60;

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="period"/> ends, or null when the
    /// calendar does not reach that far (the due date is not yet known, and is not guessed).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is not 1 to <see cref="MaxWorkingDays"/>.</exception>
    public static DateOnly? DueDate(ReportingPeriod period, int workingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (workingDays is < 1 or > MaxWorkingDays)
        {
            throw new ArgumentOutOfRangeException(
                nameof(workingDays), workingDays, $"A return is due 1 to {MaxWorkingDays} working days after the period ends.");
        }

        return calendar.TryAddWorkingDays(period.EndDate, workingDays, out var dueOn) ? dueOn : null;
    }

    /// <summary>Calendar days after the due date; 0 when submitted (or checked) on or before it.</summary>
    public static int DaysLate(DateOnly dueOn, DateOnly submittedOrToday) =>
        Math.Max(0, submittedOrToday.DayNumber - dueOn.DayNumber);
}
