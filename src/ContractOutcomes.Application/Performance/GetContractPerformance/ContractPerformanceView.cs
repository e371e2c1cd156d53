using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Incentives;

namespace ContractOutcomes.Application.Performance.GetContractPerformance;

/// <summary>Where a reporting period stands on the way to being rated.</summary>
public enum PeriodEvaluationState
{
    /// <summary>Rated: the return was accepted, or its due date passed with nothing submitted (Not reported).</summary>
    Evaluated = 1,

    /// <summary>The return has been submitted or queried and waits for the commissioner to accept it.</summary>
    AwaitingReview = 2,

    /// <summary>The return's due date has not passed and nothing has been accepted.</summary>
    NotYetDue = 3,

    /// <summary>
    /// The due date has passed with nothing accepted but the results have not been worked out yet: time passing
    /// is caught up at start-up (and, in a later release, every night), not the moment the date turns.
    /// </summary>
    AwaitingEvaluation = 4,
}

/// <summary>How many indicators got one rating in a period.</summary>
public sealed record RatingCount(PerformanceRating Rating, string RatingName, int Count);

/// <summary>One period in the contract's list: where it stands and, once rated, its headline results.</summary>
/// <param name="StateName">The state in words: "Evaluated", "Awaiting review", "Not yet due", "Awaiting evaluation".</param>
/// <param name="Score">Overall weighted score, 0–100; null when not evaluated or nothing counts towards it.</param>
/// <param name="RatingCounts">Indicators by rating, in scale order; only ratings that occur.</param>
/// <param name="NetPayment">Null when not evaluated or the contract has no incentive scheme.</param>
public sealed record PerformancePeriodSummary(
    string Period,
    string PeriodSlug,
    PeriodEvaluationState State,
    string StateName,
    DateOnly? DueOn,
    decimal? Score,
    IReadOnlyList<RatingCount> RatingCounts,
    Money? NetPayment,
    Money? Withheld,
    Money? ServiceCredits,
    bool IsRestated,
    bool HasOtherRatings);

/// <summary>A commissioner's decision that none of the ratings fairly applies.</summary>
public sealed record OtherRatingView(string Reason, string RecordedByName, DateTimeOffset RecordedAt);

/// <summary>Which way the figure itself moved since the previous actual, whatever the polarity: the arrow on screen.</summary>
public enum FigureMovement
{
    None = 0,
    Up = 1,
    Down = 2,
    Same = 3,
}

/// <summary>
/// One indicator's result for the period, as stored when the period was last evaluated.
/// Calculated figures are kept to 4 decimal places (<see cref="Rounding.Stored"/>); show them with <see cref="Rounding.Shown"/>.
/// </summary>
/// <param name="Rating">Null only when the period's terms gave no target or tolerance to rate against.</param>
/// <param name="RatingName">"Good" … "Other", or "Not rated".</param>
/// <param name="RatingExplanation">How the rating was worked out, in words and numbers.</param>
/// <param name="TermsVersion">The version of the contract's terms the rating used (0: as activated).</param>
/// <param name="VarianceFromTargetPercent">(A − T) ÷ T × 100; positive is above target whatever the polarity.</param>
/// <param name="PercentOfTarget">A ÷ T × 100.</param>
/// <param name="Trend">Judged by polarity: improving, worsening or unchanged.</param>
/// <param name="TrendDescription">The trend in words, for example "Improving for 3 periods".</param>
/// <param name="Movement">Which way the figure moved (the arrow); <see cref="Trend"/> says whether that is better or worse.</param>
/// <param name="BaselineChangePercent">(A − B) ÷ B × 100.</param>
/// <param name="IsRestated">The figure was corrected by a restatement after the return was accepted.</param>
/// <param name="Other">Set when the commissioner recorded this indicator as Other, with the reason.</param>
public sealed record IndicatorPerformanceView(
    Guid IndicatorId,
    string Name,
    int DisplayOrder,
    IndicatorUnit Unit,
    Polarity Polarity,
    PerformanceRating? Rating,
    string RatingName,
    string RatingExplanation,
    int TermsVersion,
    decimal? Actual,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Target,
    decimal? VarianceFromTargetPercent,
    decimal? PercentOfTarget,
    decimal? PreviousActual,
    TrendDirection Trend,
    int TrendPeriods,
    string TrendDescription,
    FigureMovement Movement,
    decimal? BaselineChangePercent,
    bool IsRestated,
    OtherRatingView? Other);

/// <summary>One indicator's part of the period's payment, with its arithmetic.</summary>
/// <param name="EarnedBeforeRestatement">What the line earned before a restatement changed it; null when it did not change.</param>
public sealed record PaymentLineView(
    Guid IndicatorId,
    string IndicatorName,
    IncentiveMechanism Mechanism,
    string MechanismName,
    PerformanceRating? Rating,
    Money AtRisk,
    Money Earned,
    Money Withheld,
    Money Bonus,
    Money ServiceCredit,
    string Explanation,
    bool IsRestated,
    Money? EarnedBeforeRestatement);

/// <summary>A cap applied after the lines; <see cref="Amount"/> is the amount taken off.</summary>
public sealed record PaymentAdjustmentView(int Number, PaymentAdjustmentKind Kind, string KindName, Money Amount, string Explanation);

/// <summary>
/// The period's payment statement: base fee, a line per indicator incentive, cap adjustments and totals.
/// Every total is a sum of the rounded lines, and each carries its arithmetic in words.
/// </summary>
/// <param name="NetPaymentBeforeRestatement">The net payment as first calculated, when a restatement changed it.</param>
public sealed record PaymentStatementView(
    Money BaseFee,
    string BaseFeeExplanation,
    IReadOnlyList<PaymentLineView> Lines,
    IReadOnlyList<PaymentAdjustmentView> Adjustments,
    Money AtRisk,
    string AtRiskExplanation,
    Money OutcomePayments,
    string OutcomePaymentsExplanation,
    Money Withheld,
    string WithheldExplanation,
    Money Bonus,
    Money ServiceCredits,
    string ServiceCreditsExplanation,
    Money NetPayment,
    string NetPaymentExplanation,
    bool IsRestated,
    Money? NetPaymentBeforeRestatement);

/// <summary>The results of an evaluated period.</summary>
/// <param name="Version">The stored evaluation's version: send it back as ExpectedVersion (If-Match) with an Other rating decision.</param>
/// <param name="ScoreExplanation">How the overall weighted score was worked out from the ratings and the scheme's weights.</param>
/// <param name="Payment">Null when the contract has no incentive scheme.</param>
public sealed record EvaluatedPeriodView(
    int Version,
    DateTimeOffset EvaluatedAt,
    int TermsVersion,
    decimal? Score,
    string ScoreExplanation,
    IReadOnlyList<RatingCount> RatingCounts,
    IReadOnlyList<IndicatorPerformanceView> Indicators,
    PaymentStatementView? Payment);

/// <summary>The selected period: its state and, once evaluated, every result with its explanation.</summary>
/// <param name="NotEvaluatedReason">Why there are no results yet; null once evaluated.</param>
public sealed record PerformancePeriodView(
    string Period,
    string PeriodSlug,
    PeriodEvaluationState State,
    string StateName,
    DateOnly? DueOn,
    string? NotEvaluatedReason,
    EvaluatedPeriodView? Evaluation);

/// <summary>An escalation rule that fired for the selected period and has not been lifted.</summary>
/// <param name="Reason">Why it fired, in words, as recorded in the escalation history.</param>
public sealed record EscalationTriggerView(int RuleNumber, string? RuleDescription, EscalationStage RuleStage, string RuleStageName, string? Reason, DateTimeOffset TriggeredAt);

/// <summary>Where the contract stands on the escalation ladder, and what fired for the selected period.</summary>
/// <param name="FailedToImprove">An open formal notice's deadline passed with rules still firing.</param>
/// <param name="PerformanceNoticeDueBy">The last day to publish a contract performance notice (Procurement Act 2023 s71(4)).</param>
/// <param name="ActiveTriggerCount">Triggers not lifted, over every period.</param>
/// <param name="TriggersThisPeriod">Active triggers for the selected period.</param>
public sealed record EscalationPanelView(
    EscalationStage Stage,
    string StageName,
    DateOnly? ImprovementPlanDueOn,
    DateOnly? FormalNoticeDeadline,
    bool FailedToImprove,
    DateOnly? FailedToImproveOn,
    DateOnly? PerformanceNoticeDueBy,
    int ActiveTriggerCount,
    IReadOnlyList<EscalationTriggerView> TriggersThisPeriod);

/// <summary>A contract's performance: its periods, the selected period's results and its escalation.</summary>
/// <param name="Periods">Every period whose return has opened, oldest first.</param>
/// <param name="Selected">The period asked for, else the latest evaluated one, else the latest one; null when no period has opened.</param>
/// <param name="CanRecordOther">Whether the user may record or withdraw Other ratings (the contract's commissioner), on evaluated periods.</param>
public sealed record ContractPerformanceView(
    Guid ContractId,
    string Reference,
    string Title,
    string ProviderName,
    ContractStatus Status,
    IReadOnlyList<PerformancePeriodSummary> Periods,
    PerformancePeriodView? Selected,
    EscalationPanelView Escalation,
    bool CanRecordOther);
