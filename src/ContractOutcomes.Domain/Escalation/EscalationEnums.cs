namespace ContractOutcomes.Domain.Escalation;

/// <summary>
/// How closely a contract is being watched, from routine monitoring to a step-in or termination
/// review. The numbers give the order: a higher stage is more serious.
/// </summary>
public enum EscalationStage
{
    RoutineMonitoring = 1,
    EnhancedMonitoring = 2,
    ImprovementPlan = 3,
    FormalPerformanceNotice = 4,
    StepInOrTerminationReview = 5,
}

public enum EscalationRuleKind
{
    /// <summary>An indicator (a named one, or any) at or below a rating for N consecutive evaluated periods.</summary>
    ConsecutivePeriods = 1,

    /// <summary>K or more indicators at or below a rating in one period.</summary>
    IndicatorsInPeriod = 2,

    /// <summary>A return late by more than D days.</summary>
    LateReturn = 3,

    /// <summary>The overall weighted score of a period below S.</summary>
    WeightedScoreBelow = 4,
}

public enum EscalationEventKind
{
    Triggered = 1,
    TriggerLifted = 2,
    Acknowledged = 3,
    ImprovementPlanAgreed = 4,
    FormalNoticeIssued = 5,
    Deescalated = 6,
    FailedToImprove = 7,
}

public static class EscalationDisplayNames
{
    public static string DisplayName(this EscalationStage stage) => stage switch
    {
        EscalationStage.RoutineMonitoring => "Routine monitoring",
        EscalationStage.EnhancedMonitoring => "Enhanced monitoring",
        EscalationStage.ImprovementPlan => "Improvement plan",
        EscalationStage.FormalPerformanceNotice => "Formal performance notice",
        EscalationStage.StepInOrTerminationReview => "Step-in or termination review",
        _ => stage.ToString(),
    };

    /// <summary>The display name as it reads inside a sentence: "improvement plan".</summary>
    public static string InSentence(this EscalationStage stage)
    {
        var name = stage.DisplayName();
        return string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
    }

    public static string DisplayName(this EscalationRuleKind kind) => kind switch
    {
        EscalationRuleKind.ConsecutivePeriods => "Consecutive periods at or below a rating",
        EscalationRuleKind.IndicatorsInPeriod => "Indicators at or below a rating in one period",
        EscalationRuleKind.LateReturn => "Late return",
        EscalationRuleKind.WeightedScoreBelow => "Overall weighted score below a level",
        _ => kind.ToString(),
    };

    public static string DisplayName(this EscalationEventKind kind) => kind switch
    {
        EscalationEventKind.Triggered => "Rule triggered",
        EscalationEventKind.TriggerLifted => "Trigger lifted",
        EscalationEventKind.Acknowledged => "Acknowledged",
        EscalationEventKind.ImprovementPlanAgreed => "Improvement plan agreed",
        EscalationEventKind.FormalNoticeIssued => "Formal performance notice issued",
        EscalationEventKind.Deescalated => "De-escalated",
        EscalationEventKind.FailedToImprove => "Failed to improve",
        _ => kind.ToString(),
    };
}
