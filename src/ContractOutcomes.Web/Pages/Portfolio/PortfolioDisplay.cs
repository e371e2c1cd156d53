using System.Globalization;
using ContractOutcomes.Application.Performance.GetPortfolio;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Web.Pages.Portfolio;

/// <summary>Words and tag colours for the portfolio dashboard. Colour is never the only signal: every tag carries its words.</summary>
public static class PortfolioDisplay
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public static string RatingColour(PerformanceRating rating) => rating switch
    {
        PerformanceRating.Good => "green",
        PerformanceRating.ApproachingTarget => "yellow",
        PerformanceRating.RequiresImprovement => "orange",
        PerformanceRating.Inadequate => "red",
        PerformanceRating.Other => "purple",
        _ => "grey",
    };

    public static string StageColour(EscalationStage stage) => stage switch
    {
        EscalationStage.RoutineMonitoring => "green",
        EscalationStage.EnhancedMonitoring => "yellow",
        EscalationStage.ImprovementPlan => "orange",
        EscalationStage.FormalPerformanceNotice => "red",
        _ => "magenta",
    };

    /// <summary>A stored score shown to one decimal place, for example "46.7 out of 100".</summary>
    public static string Score(decimal? score) =>
        score is { } value ? Rounding.Shown(value).ToString("0.0", EnglishUk) + " out of 100" : "No score";

    /// <summary>"1 outstanding, 1 overdue", "1 outstanding, none overdue" or "None outstanding".</summary>
    public static string Outstanding(OutstandingReturns? returns) => returns switch
    {
        null or { Count: 0 } => "None outstanding",
        { Overdue: 0 } => $"{returns.Count} outstanding, none overdue",
        _ => $"{returns.Count} outstanding, {returns.Overdue} overdue",
    };

    public static string Money(Domain.Common.Money amount) => amount.ToString();

    public static string Number(int count) => count.ToString("#,##0", EnglishUk);

    /// <summary>"2026-27" or "2025-26 and 2026-27".</summary>
    public static string Years(IReadOnlyList<string> years) => years.Count switch
    {
        0 => "the year to date",
        1 => years[0] + " to date",
        _ => string.Join(", ", years.Take(years.Count - 1)) + " and " + years[^1] + " to date",
    };

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnglishUk);
}
