using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Domain.Calendar;
using ContractOutcomes.Domain.Common;
using Microsoft.Extensions.Options;

namespace ContractOutcomes.Infrastructure.Calendar;

public sealed class ReturnOptions
{
    public const string Section = "Returns";

    /// <summary>Working days after a period ends that its return is due (England and Wales bank holidays excluded).</summary>
    public int DueWorkingDays { get; set; } = ReturnDueDates.DefaultWorkingDays;
}

internal sealed class ReportingCalendar(IOptions<ReturnOptions> options) : IReportingCalendar
{
    public int DueWorkingDays { get; } = options.Value.DueWorkingDays is >= 1 and <= ReturnDueDates.MaxWorkingDays
        ? options.Value.DueWorkingDays
        : throw new InvalidOperationException(
            $"Returns:DueWorkingDays must be between 1 and {ReturnDueDates.MaxWorkingDays}; it is {options.Value.DueWorkingDays}.");

    public DateOnly? DueDate(ReportingPeriod period) => ReturnDueDates.DueDate(period, DueWorkingDays, WorkingDayCalendar.EnglandAndWales);
}
