using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Escalation;

/// <summary>
/// One entry in a contract's escalation history: a rule firing or being lifted, a commissioner's
/// decision, or the contract failing to improve. Entries are never changed or removed, so the history
/// shows who decided what, when and why, for as long as the contract is kept.
/// </summary>
public sealed class EscalationEvent
{
    public const int NoteMaxLength = 2000;

    private EscalationEvent()
    {
        ActorUserId = string.Empty;
        ActorName = string.Empty;
    }

    internal EscalationEvent(
        int number,
        EscalationEventKind kind,
        EscalationStage stageBefore,
        EscalationStage stageAfter,
        Actor actor,
        DateTimeOffset at,
        ReportingPeriod? period = null,
        int? ruleNumber = null,
        string? note = null,
        DateOnly? dueOn = null)
    {
        Number = number;
        Kind = kind;
        Period = period;
        RuleNumber = ruleNumber;
        StageBefore = stageBefore;
        StageAfter = stageAfter;

        // System-written notes quote trigger reasons, which can name many indicators; keep them storable.
        Note = note is { Length: > NoteMaxLength } ? string.Concat(note.AsSpan(0, NoteMaxLength - 1), "…") : note;
        DueOn = dueOn;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        At = at;
    }

    /// <summary>The entry's place in the history, from 1.</summary>
    public int Number { get; private init; }

    public EscalationEventKind Kind { get; private init; }

    /// <summary>Triggered and TriggerLifted: the period the rule fired for. FailedToImprove: the period judged.</summary>
    public ReportingPeriod? Period { get; private init; }

    /// <summary>Triggered and TriggerLifted: the rule concerned.</summary>
    public int? RuleNumber { get; private init; }

    public EscalationStage StageBefore { get; private init; }

    public EscalationStage StageAfter { get; private init; }

    /// <summary>The commissioner's note or reason, or for system entries the reason in words.</summary>
    public string? Note { get; private init; }

    /// <summary>
    /// ImprovementPlanAgreed: the plan's due date. FormalNoticeIssued: the improvement deadline.
    /// FailedToImprove: the date a contract performance notice must be published by.
    /// </summary>
    public DateOnly? DueOn { get; private init; }

    public string ActorUserId { get; private init; }

    public string ActorName { get; private init; }

    public DateTimeOffset At { get; private init; }

    public bool ChangedStage => StageAfter != StageBefore;
}
