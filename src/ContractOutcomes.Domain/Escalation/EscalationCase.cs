using System.Globalization;
using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Escalation;

/// <summary>
/// Where one contract stands on the escalation ladder, and how it got there. Rules firing raise the
/// stage automatically and never lower it: only a commissioner de-escalates, with a reason. Every
/// change is an entry in <see cref="History"/>, which is only ever appended to.
/// </summary>
public sealed class EscalationCase : AggregateRoot<ContractId>
{
    public const int NoteMaxLength = EscalationEvent.NoteMaxLength;

    /// <summary>Procurement Act 2023 s71(4): a contract performance notice within 30 days of the failure.</summary>
    public const int PerformanceNoticeDays = 30;

    public const int LongestImprovementPlanYears = 2;

    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    private readonly List<EscalationEvent> _history = [];

    private EscalationCase()
    {
    }

    public EscalationStage Stage { get; private set; }

    /// <summary>The due date of the improvement plan agreed most recently, until the contract drops below improvement plan.</summary>
    public DateOnly? ImprovementPlanDueOn { get; private set; }

    /// <summary>Set while a formal performance notice is open.</summary>
    public DateOnly? FormalNoticeIssuedOn { get; private set; }

    /// <summary>The open formal notice's improvement deadline.</summary>
    public DateOnly? FormalNoticeDeadline { get; private set; }

    /// <summary>The day after the open notice's deadline, when rules were still firing at the deadline.</summary>
    public DateOnly? FailedToImproveOn { get; private set; }

    /// <summary>The last day to publish a contract performance notice (Procurement Act 2023 s71(4)).</summary>
    public DateOnly? PerformanceNoticeDueBy => FailedToImproveOn?.AddDays(PerformanceNoticeDays);

    public bool HasOpenFormalNotice => FormalNoticeDeadline is not null;

    public IReadOnlyList<EscalationEvent> History => _history;

    /// <summary>
    /// The Triggered entries that have not since been lifted, in the order they were recorded. A method
    /// rather than a property because it is worked out from <see cref="History"/> and is not stored.
    /// </summary>
    public IReadOnlyList<EscalationEvent> ActiveTriggers()
    {
        var active = new List<EscalationEvent>();
        foreach (var entry in _history)
        {
            if (entry.Kind == EscalationEventKind.Triggered)
            {
                active.Add(entry);
            }
            else if (entry.Kind == EscalationEventKind.TriggerLifted)
            {
                active.RemoveAll(t => t.RuleNumber == entry.RuleNumber && t.Period == entry.Period);
            }
        }

        return active;
    }

    /// <summary>Every contract starts at routine monitoring.</summary>
    public static EscalationCase Open(ContractId contractId) =>
        new() { Id = contractId, Stage = EscalationStage.RoutineMonitoring };

    /// <summary>
    /// Brings the case into line with the rules' latest evaluation: records each newly firing (rule, period)
    /// once, raising the stage to at least the rule's stage; lifts active triggers that no longer fire
    /// (after a restatement, say) without lowering the stage; and records once when an open formal notice's
    /// deadline has passed with rules still firing. Returns whether anything changed, so running it again
    /// on the same evaluation is harmless.
    /// </summary>
    public bool Synchronise(IReadOnlyList<EscalationTrigger> current, IReadOnlyList<PeriodRatings> periods, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(periods);
        var firing = current.OrderBy(t => t.Period).ThenBy(t => t.RuleNumber).DistinctBy(t => (t.RuleNumber, t.Period)).ToList();
        var firingKeys = firing.Select(t => (t.RuleNumber, t.Period)).ToHashSet();
        var changed = false;
        var active = ActiveTriggers();
        foreach (var lifted in active.Where(t => !firingKeys.Contains((t.RuleNumber!.Value, t.Period!.Value))))
        {
            var rule = lifted.RuleNumber!.Value;
            var period = lifted.Period!.Value;
            Record(
                EscalationEventKind.TriggerLifted,
                Stage,
                Actor.System,
                now,
                period,
                rule,
                $"Rule {rule} no longer fires for {period}. The stage stays at {Stage.InSentence()} until a commissioner de-escalates");
            Raise(new EscalationTriggerLifted(Id, rule, period));
            changed = true;
        }

        var stillActive = active.Select(t => (t.RuleNumber!.Value, t.Period!.Value)).ToHashSet();
        foreach (var trigger in firing.Where(t => !stillActive.Contains((t.RuleNumber, t.Period))))
        {
            var (rule, period) = (trigger.RuleNumber, trigger.Period);
            var before = Stage;
            var after = Max(before, trigger.Stage);
            Record(EscalationEventKind.Triggered, after, Actor.System, now, period, rule, trigger.Reason);
            Raise(new EscalationTriggered(Id, rule, period, trigger.Stage));
            RaiseIfStageChanged(before);
            changed = true;
        }

        changed |= DetectFailureToImprove(firing, periods, today, now);
        if (changed)
        {
            Touch();
        }

        return changed;
    }

    /// <summary>Records that a commissioner has seen the current position.</summary>
    public void Acknowledge(string note, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Stage == EscalationStage.RoutineMonitoring && ActiveTriggers().Count == 0)
        {
            throw new BusinessRuleException("There is nothing to acknowledge: the contract is at routine monitoring and no rule is firing");
        }

        var text = Guard.Text(note, "a note", NoteMaxLength, "Note");
        Record(EscalationEventKind.Acknowledged, Stage, actor, now, note: text);
        Raise(new EscalationAcknowledged(Id, Stage));
        Touch();
    }

    /// <summary>Records an improvement plan agreed with the provider; the stage becomes at least improvement plan.</summary>
    public void AgreeImprovementPlan(DateOnly dueOn, string note, Actor actor, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var violations = new List<RuleViolation>();
        if (dueOn <= today)
        {
            violations.Add(new RuleViolation("The improvement plan's due date must be in the future", "DueOn"));
        }
        else if (dueOn > today.AddYears(LongestImprovementPlanYears))
        {
            violations.Add(new RuleViolation(
                $"The improvement plan's due date must be within {LongestImprovementPlanYears} years of today", "DueOn"));
        }

        var text = CheckText(note, "a note about the improvement plan", "Note", violations);
        ThrowIfAny(violations);

        var before = Stage;
        ImprovementPlanDueOn = dueOn;
        Record(EscalationEventKind.ImprovementPlanAgreed, Max(before, EscalationStage.ImprovementPlan), actor, now, note: text, dueOn: dueOn);
        Raise(new ImprovementPlanAgreed(Id, dueOn));
        RaiseIfStageChanged(before);
        Touch();
    }

    /// <summary>
    /// Records a formal performance notice with an improvement deadline; the stage becomes at least formal
    /// performance notice. Only one notice is open at a time: de-escalating below formal performance
    /// notice closes it.
    /// </summary>
    public void IssueFormalNotice(DateOnly improvementDeadline, string note, Actor actor, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (FormalNoticeDeadline is { } open)
        {
            throw new BusinessRuleException(string.Create(
                EnglishUk,
                $"A formal performance notice is already open, with an improvement deadline of {open:d MMMM yyyy}. De-escalate below formal performance notice to close it before issuing another"));
        }

        var violations = new List<RuleViolation>();
        if (improvementDeadline <= today)
        {
            violations.Add(new RuleViolation("The improvement deadline must be in the future", "ImprovementDeadline"));
        }

        var text = CheckText(note, "a note about the formal notice", "Note", violations);
        ThrowIfAny(violations);

        var before = Stage;
        FormalNoticeIssuedOn = today;
        FormalNoticeDeadline = improvementDeadline;
        Record(EscalationEventKind.FormalNoticeIssued, Max(before, EscalationStage.FormalPerformanceNotice), actor, now, note: text, dueOn: improvementDeadline);
        Raise(new FormalNoticeIssued(Id, improvementDeadline));
        RaiseIfStageChanged(before);
        Touch();
    }

    /// <summary>
    /// Moves the contract down to a lower stage, with a reason. Going below improvement plan closes the
    /// plan; going below formal performance notice closes the notice, so its deadline and any failure to
    /// improve no longer apply from now on (the history keeps them).
    /// </summary>
    public void Deescalate(EscalationStage to, string reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Stage == EscalationStage.RoutineMonitoring)
        {
            throw new BusinessRuleException("The contract is already at routine monitoring, the lowest stage");
        }

        var violations = new List<RuleViolation>();
        if (to < EscalationStage.RoutineMonitoring || to >= Stage)
        {
            violations.Add(new RuleViolation($"Select a stage below {Stage.InSentence()}", "Stage"));
        }

        var text = CheckText(reason, "the reason for de-escalating", "Reason", violations);
        ThrowIfAny(violations);

        var before = Stage;
        if (to < EscalationStage.ImprovementPlan)
        {
            ImprovementPlanDueOn = null;
        }

        if (to < EscalationStage.FormalPerformanceNotice)
        {
            FormalNoticeIssuedOn = null;
            FormalNoticeDeadline = null;
            FailedToImproveOn = null;
        }

        Record(EscalationEventKind.Deescalated, to, actor, now, note: text);
        Raise(new EscalationDeescalated(Id, before, to));
        RaiseIfStageChanged(before);
        Touch();
    }

    /// <summary>
    /// The contract failed to improve when the open notice's deadline has passed and any rule still fires
    /// for the latest evaluated period whose return was due on or before the deadline.
    /// </summary>
    private bool DetectFailureToImprove(IEnumerable<EscalationTrigger> firing, IReadOnlyList<PeriodRatings> periods, DateOnly today, DateTimeOffset now)
    {
        if (FormalNoticeDeadline is not { } deadline || FailedToImproveOn is not null || today <= deadline)
        {
            return false;
        }

        var judged = periods.Where(p => p.DueOn is { } due && due <= deadline).MaxBy(p => p.Period);
        if (judged is null)
        {
            return false;
        }

        var rules = firing.Where(t => t.Period == judged.Period).Select(t => t.RuleNumber).Distinct().Order().ToList();
        if (rules.Count == 0)
        {
            return false;
        }

        FailedToImproveOn = deadline.AddDays(1);
        var dueBy = PerformanceNoticeDueBy!.Value;
        var which = rules.Count == 1
            ? string.Create(EnglishUk, $"rule {rules[0]}")
            : string.Create(EnglishUk, $"rules {string.Join(", ", rules.Take(rules.Count - 1))} and {rules[^1]}");
        var note = string.Create(
            EnglishUk,
            $"The improvement deadline of {deadline:d MMMM yyyy} passed with {which} still firing for {judged.Period}. Publish a contract performance notice by {dueBy:d MMMM yyyy} (Procurement Act 2023, section 71(4))");
        Record(EscalationEventKind.FailedToImprove, Stage, Actor.System, now, judged.Period, note: note, dueOn: dueBy);
        Raise(new ContractFailedToImprove(Id, judged.Period, FailedToImproveOn.Value, dueBy));
        return true;
    }

    private void Record(
        EscalationEventKind kind,
        EscalationStage stageAfter,
        Actor actor,
        DateTimeOffset now,
        ReportingPeriod? period = null,
        int? ruleNumber = null,
        string? note = null,
        DateOnly? dueOn = null)
    {
        _history.Add(new EscalationEvent(_history.Count + 1, kind, Stage, stageAfter, actor, now, period, ruleNumber, note, dueOn));
        Stage = stageAfter;
    }

    private void RaiseIfStageChanged(EscalationStage before)
    {
        if (Stage != before)
        {
            Raise(new EscalationStageChanged(Id, before, Stage));
        }
    }

    private static EscalationStage Max(EscalationStage a, EscalationStage b) => a >= b ? a : b;

    private static string? CheckText(string? value, string description, string propertyName, List<RuleViolation> violations)
    {
        try
        {
            return Guard.Text(value, description, NoteMaxLength, propertyName);
        }
        catch (BusinessRuleException e)
        {
            violations.AddRange(e.Violations);
            return null;
        }
    }

    private static void ThrowIfAny(List<RuleViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new BusinessRuleException(violations);
        }
    }
}
