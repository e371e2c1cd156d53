using ContractOutcomes.Domain.Calendar;
using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Returns;

/// <summary>
/// Which periods a contract owes a return for and how late a return is: the one statement of these rules,
/// used by the return itself and by every list that works out periods nobody has started yet.
/// </summary>
public static class ReportingSchedule
{
    /// <summary>Every period of the term, except those that begin after the contract ended.</summary>
    public static IEnumerable<ReportingPeriod> PeriodsOwed(ContractTerm term, DateOnly? endedOn)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Periods.TakeWhile(p => endedOn is not { } ended || p.StartDate <= ended);
    }

    /// <summary>A period's return opens the day after the period ends.</summary>
    public static bool IsOpen(ReportingPeriod period, DateOnly today) => period.EndDate < today;

    /// <summary>
    /// Calendar days past the due date to the first submission (UK date) that still stands, or to today
    /// while the return has not been submitted; 0 when on time or without a known due date.
    /// </summary>
    public static int DaysLate(DateOnly? dueOn, DateTimeOffset? firstSubmittedAt, DateOnly today) =>
        dueOn is { } due ? ReturnDueDates.DaysLate(due, firstSubmittedAt is { } first ? UkTime.DateOf(first) : today) : 0;
}
