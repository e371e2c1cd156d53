using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Application.Performance.GetPortfolio;

/// <summary>The few rules the portfolio adds on top of stored evaluations, stated once so the page, API and guide agree.</summary>
public static class PortfolioRules
{
    public const string NoScore = "No overall score";

    /// <summary>
    /// Bands of the overall weighted score (0–100), best first. Bands of the number rather than rating words,
    /// because the Procurement Act scale rates indicators, not whole contracts.
    /// </summary>
    public static IReadOnlyList<string> Bands { get; } = ["75 or more", "50 to under 75", "25 to under 50", "Under 25", NoScore];

    public static string BandOf(decimal? score) => score switch
    {
        null => NoScore,
        >= 75m => Bands[0],
        >= 50m => Bands[1],
        >= 25m => Bands[2],
        _ => Bands[3],
    };

    /// <summary>
    /// A period is outstanding once it has ended (its return is open) and its return is not accepted: not
    /// started, a draft, submitted awaiting review, or queried. It is overdue when its due date has passed
    /// and it was not submitted on or before it (days late as the return pages count them, to the first
    /// submission that still stands, or to today). So a return submitted on time and awaiting review or
    /// answering a query is outstanding but not overdue; a late one stays overdue until it is accepted.
    /// </summary>
    public static OutstandingReturn? Outstanding(
        ReportingPeriod period, ReturnStatus? status, DateOnly? dueOn, DateTimeOffset? firstSubmittedAt, DateOnly today)
    {
        if (!ReportingSchedule.IsOpen(period, today) || status == ReturnStatus.Accepted)
        {
            return null;
        }

        var daysLate = ReportingSchedule.DaysLate(dueOn, firstSubmittedAt, today);
        var state = status is { } s ? ReturnViews.StateOf(s) : ReturnState.NotStarted;
        return new OutstandingReturn(period.Label, period.Slug, state, dueOn, daysLate > 0, daysLate);
    }

    /// <summary>The quarters of the period's financial year up to and including the period.</summary>
    public static IReadOnlyList<ReportingPeriod> YearToDate(ReportingPeriod period) =>
        ReportingPeriod.Range(ReportingPeriod.Of(period.FinancialYearStart, 1), period);
}
