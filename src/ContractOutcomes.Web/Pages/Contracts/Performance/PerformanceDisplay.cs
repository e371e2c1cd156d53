using System.Globalization;
using ContractOutcomes.Application.Performance.GetContractPerformance;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Web.Pages.Contracts.Performance;

/// <summary>Words, figures, tags and addresses shared by the performance pages, so every page shows a result the same way.</summary>
public static class PerformanceDisplay
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>GOV.UK tag colour for a rating; the rating's name is always shown in the tag as well.</summary>
    public static string RatingColour(PerformanceRating? rating) => rating switch
    {
        PerformanceRating.Good => "green",
        PerformanceRating.ApproachingTarget => "yellow",
        PerformanceRating.RequiresImprovement => "orange",
        PerformanceRating.Inadequate => "red",
        PerformanceRating.Other => "purple",
        _ => "grey",
    };

    public static string StateColour(PeriodEvaluationState state) => state switch
    {
        PeriodEvaluationState.Evaluated => "green",
        PeriodEvaluationState.AwaitingReview => "teal",
        PeriodEvaluationState.AwaitingEvaluation => "orange",
        _ => "grey",
    };

    public static string StageColour(EscalationStage stage) => stage switch
    {
        EscalationStage.RoutineMonitoring => "green",
        EscalationStage.EnhancedMonitoring => "yellow",
        EscalationStage.ImprovementPlan => "orange",
        _ => "red",
    };

    /// <summary>The arrow for which way the figure moved: up, down or level. Whether that is better is said in words beside it.</summary>
    public static string Arrow(FigureMovement movement) => movement switch
    {
        FigureMovement.Up => "▲",
        FigureMovement.Down => "▼",
        FigureMovement.Same => "▶",
        _ => string.Empty,
    };

    /// <summary>What the arrow shows, for screen readers: "The figure rose since the previous period".</summary>
    public static string MovementWords(FigureMovement movement) => movement switch
    {
        FigureMovement.Up => "The figure rose since the previous period: ",
        FigureMovement.Down => "The figure fell since the previous period: ",
        FigureMovement.Same => "The figure was the same as the previous period: ",
        _ => string.Empty,
    };

    /// <summary>"Overall score 46.7 out of 100", or that nothing counted.</summary>
    public static string Score(decimal? score) =>
        score is { } s ? string.Create(EnglishUk, $"{Rounding.Shown(s):0.0} out of 100") : "No score";

    /// <summary>"46.7", or "None" when nothing counted.</summary>
    public static string ScoreNumber(decimal? score) =>
        score is { } s ? string.Create(EnglishUk, $"{Rounding.Shown(s):0.0}") : "None";

    /// <summary>"+2.6%" or "−3.5%" (shown to 1 decimal place), "Not available" without one.</summary>
    public static string SignedPercent(decimal? percent)
    {
        if (percent is not { } p)
        {
            return "Not available";
        }

        var shown = Rounding.Shown(p);
        var text = Math.Abs(shown).ToString("#,##0.0", EnglishUk) + "%";
        return shown > 0 ? "+" + text : shown < 0 ? "−" + text : text;
    }

    /// <summary>"96.5%" (shown to 1 decimal place), "Not available" without one.</summary>
    public static string Percent(decimal? percent) =>
        percent is { } p ? Rounding.Shown(p).ToString("#,##0.0", EnglishUk) + "%" : "Not available";

    /// <summary>"85.2% (426 of 500)" for a ratio, "37 days" for a single value, "Not reported" without one.</summary>
    public static string Actual(IndicatorPerformanceView line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Actual is not { } value)
        {
            return "No figure";
        }

        return line.Numerator is { } n && line.Denominator is { } d
            ? string.Create(EnglishUk, $"{line.Unit.Format(value)} ({n:#,##0.####} of {d:#,##0.####})")
            : line.Unit.Format(value);
    }

    public static string Value(IndicatorUnit unit, decimal? value, string none = "None") => value is { } v ? unit.Format(v) : none;

    /// <summary>"3 Good, 2 Approaching target, 1 Inadequate".</summary>
    public static string Counts(IReadOnlyList<RatingCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Count == 0 ? "None" : string.Join(", ", counts.Select(c => string.Create(EnglishUk, $"{c.Count} {c.RatingName}")));
    }

    /// <summary>The terms version in words: "as activated" or "variation 2".</summary>
    public static string TermsVersion(int version) =>
        version == 0 ? "The terms as activated" : string.Create(EnglishUk, $"The terms after variation {version}");

    // Addresses are app-relative ("~/…"): pass them through Url.Content.
    public static string PerformancePath(Guid contractId, string? periodSlug = null) =>
        periodSlug is null
            ? string.Create(CultureInfo.InvariantCulture, $"~/Contracts/{contractId}/Performance")
            : string.Create(CultureInfo.InvariantCulture, $"~/Contracts/{contractId}/Performance/{Uri.EscapeDataString(periodSlug)}");

    public static string ReturnPath(Guid contractId, string periodSlug) =>
        string.Create(CultureInfo.InvariantCulture, $"~/Contracts/{contractId}/Returns/{Uri.EscapeDataString(periodSlug)}");

    /// <summary>The indicator's trend page, which another part of the product serves.</summary>
    public static string TrendPath(Guid contractId, Guid indicatorId) =>
        string.Create(CultureInfo.InvariantCulture, $"~/Contracts/{contractId}/Performance/Indicators/{indicatorId}");

    public static string OtherPath(Guid contractId, string periodSlug, Guid indicatorId) =>
        string.Create(CultureInfo.InvariantCulture, $"~/Contracts/{contractId}/Performance/{Uri.EscapeDataString(periodSlug)}/Other/{indicatorId}");

    public static string EscalationPath(Guid contractId) =>
        string.Create(CultureInfo.InvariantCulture, $"~/Contracts/{contractId}/Escalation");
}
