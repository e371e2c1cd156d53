using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using static ContractOutcomes.Domain.Tests.Escalation.EscalationData;

namespace ContractOutcomes.Domain.Tests.Escalation;

/// <summary>Bringing a case into line with the rules' latest evaluation: triggers recorded once, the stage only rising.</summary>
public sealed class EscalationCaseSynchroniseTests
{
    private static readonly DateTimeOffset Later = Now.AddDays(7);

    [Fact]
    public void Open_NewContract_StartsAtRoutineMonitoringWithNoHistory()
    {
        var contractId = ContractId.New();

        var escalation = EscalationCase.Open(contractId);

        Assert.Equal(contractId, escalation.Id);
        Assert.Equal(EscalationStage.RoutineMonitoring, escalation.Stage);
        Assert.Empty(escalation.History);
        Assert.Empty(escalation.ActiveTriggers());
        Assert.Null(escalation.ImprovementPlanDueOn);
        Assert.Null(escalation.FormalNoticeIssuedOn);
        Assert.Null(escalation.FormalNoticeDeadline);
        Assert.Null(escalation.FailedToImproveOn);
        Assert.Null(escalation.PerformanceNoticeDueBy);
        Assert.False(escalation.HasOpenFormalNotice);
        Assert.Empty(escalation.DomainEvents);
    }

    [Fact]
    public void Synchronise_NewTrigger_RecordsItAndRaisesTheStage()
    {
        var escalation = EscalationCase.Open(ContractId.New());
        var trigger = new EscalationTrigger(2, Q3, EscalationStage.ImprovementPlan, "Two indicators rated Inadequate");

        var changed = escalation.Synchronise([trigger], [], Today, Now);

        Assert.True(changed);
        Assert.Equal(EscalationStage.ImprovementPlan, escalation.Stage);
        Assert.Equal(1, escalation.Version);
        var entry = Assert.Single(escalation.History);
        Assert.Equal(1, entry.Number);
        Assert.Equal(EscalationEventKind.Triggered, entry.Kind);
        Assert.Equal(2, entry.RuleNumber);
        Assert.Equal(Q3, entry.Period);
        Assert.Equal(EscalationStage.RoutineMonitoring, entry.StageBefore);
        Assert.Equal(EscalationStage.ImprovementPlan, entry.StageAfter);
        Assert.True(entry.ChangedStage);
        Assert.Equal("Two indicators rated Inadequate", entry.Note);
        Assert.Null(entry.DueOn);
        Assert.Equal(Actor.System.UserId, entry.ActorUserId);
        Assert.Equal(Actor.System.Name, entry.ActorName);
        Assert.Equal(Now, entry.At);
        Assert.Same(entry, Assert.Single(escalation.ActiveTriggers()));
        Assert.Equal(
            [
                new EscalationTriggered(escalation.Id, 2, Q3, EscalationStage.ImprovementPlan),
                new EscalationStageChanged(escalation.Id, EscalationStage.RoutineMonitoring, EscalationStage.ImprovementPlan),
            ],
            escalation.DomainEvents);
    }

    [Fact]
    public void Synchronise_SameTriggersTwice_SecondTimeChangesNothing()
    {
        var escalation = EscalationCase.Open(ContractId.New());
        EscalationTrigger[] triggers = [Trigger(1, Q1, EscalationStage.EnhancedMonitoring), Trigger(2, Q2, EscalationStage.ImprovementPlan)];
        escalation.Synchronise(triggers, [], Today, Now);
        escalation.ClearDomainEvents();

        var changed = escalation.Synchronise(triggers, [], Today, Later);

        Assert.False(changed);
        Assert.Equal(2, escalation.History.Count);
        Assert.Equal(1, escalation.Version);
        Assert.Empty(escalation.DomainEvents);
        Assert.Equal(EscalationStage.ImprovementPlan, escalation.Stage);
    }

    [Fact]
    public void Synchronise_SameRuleAndPeriodTwiceInOneEvaluation_RecordsItOnce()
    {
        var escalation = EscalationCase.Open(ContractId.New());

        escalation.Synchronise([Trigger(1, Q1, EscalationStage.EnhancedMonitoring), Trigger(1, Q1, EscalationStage.EnhancedMonitoring)], [], Today, Now);

        Assert.Single(escalation.History);
    }

    [Fact]
    public void Synchronise_SameRuleForANewPeriod_RecordsTheNewPeriod()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        var changed = escalation.Synchronise([Trigger(1, Q1, EscalationStage.EnhancedMonitoring), Trigger(1, Q2, EscalationStage.EnhancedMonitoring)], [], Today, Later);

        Assert.True(changed);
        Assert.Equal([(1, Q1), (1, Q2)], escalation.ActiveTriggers().Select(t => (t.RuleNumber!.Value, t.Period!.Value)));
        Assert.False(escalation.History[^1].ChangedStage);
    }

    [Fact]
    public void Synchronise_TriggerForALowerStage_RecordsItButKeepsTheStage()
    {
        var escalation = CaseAt(EscalationStage.FormalPerformanceNotice);

        escalation.Synchronise([Trigger(1, Q1, EscalationStage.FormalPerformanceNotice), Trigger(2, Q2, EscalationStage.EnhancedMonitoring)], [], Today, Later);

        Assert.Equal(EscalationStage.FormalPerformanceNotice, escalation.Stage);
        var entry = escalation.History[^1];
        Assert.Equal(EscalationEventKind.Triggered, entry.Kind);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, entry.StageBefore);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, entry.StageAfter);
        Assert.DoesNotContain(escalation.DomainEvents, e => e is EscalationStageChanged);
        Assert.Contains(new EscalationTriggered(escalation.Id, 2, Q2, EscalationStage.EnhancedMonitoring), escalation.DomainEvents);
    }

    [Fact]
    public void Synchronise_SeveralNewTriggers_RecordsThemInPeriodThenRuleOrderAndEndsAtTheHighestStage()
    {
        var escalation = EscalationCase.Open(ContractId.New());

        escalation.Synchronise(
            [
                Trigger(3, Q2, EscalationStage.ImprovementPlan),
                Trigger(1, Q2, EscalationStage.EnhancedMonitoring),
                Trigger(2, Q1, EscalationStage.StepInOrTerminationReview),
            ],
            [],
            Today,
            Now);

        Assert.Equal([(2, Q1), (1, Q2), (3, Q2)], escalation.History.Select(e => (e.RuleNumber!.Value, e.Period!.Value)));
        Assert.Equal([1, 2, 3], escalation.History.Select(e => e.Number));
        Assert.Equal(EscalationStage.StepInOrTerminationReview, escalation.Stage);
        Assert.All(escalation.History.Skip(1), e => Assert.Equal(EscalationStage.StepInOrTerminationReview, e.StageAfter));
        Assert.Equal(1, escalation.Version);
    }

    [Fact]
    public void Synchronise_ActiveTriggerNoLongerFiring_LiftsItAndKeepsTheStage()
    {
        var escalation = EscalationCase.Open(ContractId.New());
        escalation.Synchronise([Trigger(1, Q1, EscalationStage.ImprovementPlan), Trigger(2, Q1, EscalationStage.EnhancedMonitoring)], [], Today, Now);
        escalation.ClearDomainEvents();

        var changed = escalation.Synchronise([Trigger(2, Q1, EscalationStage.EnhancedMonitoring)], [], Today, Later);

        Assert.True(changed);
        Assert.Equal(EscalationStage.ImprovementPlan, escalation.Stage);
        var lifted = escalation.History[^1];
        Assert.Equal(EscalationEventKind.TriggerLifted, lifted.Kind);
        Assert.Equal(1, lifted.RuleNumber);
        Assert.Equal(Q1, lifted.Period);
        Assert.Equal(EscalationStage.ImprovementPlan, lifted.StageBefore);
        Assert.Equal(EscalationStage.ImprovementPlan, lifted.StageAfter);
        Assert.Equal("Rule 1 no longer fires for 2025-26 Q1. The stage stays at improvement plan until a commissioner de-escalates", lifted.Note);
        Assert.Equal(Actor.System.Name, lifted.ActorName);
        Assert.Equal(Later, lifted.At);
        Assert.Equal((2, Q1), Assert.Single(escalation.ActiveTriggers().Select(t => (t.RuleNumber!.Value, t.Period!.Value))));
        Assert.Equal([new EscalationTriggerLifted(escalation.Id, 1, Q1)], escalation.DomainEvents);
        Assert.Equal(2, escalation.Version);
    }

    [Fact]
    public void Synchronise_AfterLifting_SameEvaluationAgainChangesNothing()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);
        escalation.Synchronise([], [], Today, Now);

        var changed = escalation.Synchronise([], [], Today, Later);

        Assert.False(changed);
        Assert.Equal(2, escalation.History.Count);
    }

    [Fact]
    public void Synchronise_LiftedTriggerFiresAgain_RecordsItAgain()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);
        escalation.Synchronise([], [], Today, Now);

        escalation.Synchronise([Trigger(1, Q1, EscalationStage.ImprovementPlan)], [], Today, Later);

        Assert.Equal(
            [EscalationEventKind.Triggered, EscalationEventKind.TriggerLifted, EscalationEventKind.Triggered],
            escalation.History.Select(e => e.Kind));
        Assert.Single(escalation.ActiveTriggers());
    }

    [Fact]
    public void Synchronise_AfterDeescalation_StillActiveTriggerDoesNotRaiseTheStageAgain()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);
        escalation.Deescalate(EscalationStage.EnhancedMonitoring, "The provider has a credible recovery plan", Commissioner, Now);

        var changed = escalation.Synchronise([Trigger(1, Q1, EscalationStage.ImprovementPlan)], [], Today, Later);

        Assert.False(changed);
        Assert.Equal(EscalationStage.EnhancedMonitoring, escalation.Stage);
    }

    [Fact]
    public void Synchronise_AfterDeescalation_NewPeriodRaisesTheStageAgain()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);
        escalation.Deescalate(EscalationStage.EnhancedMonitoring, "The provider has a credible recovery plan", Commissioner, Now);

        escalation.Synchronise([Trigger(1, Q1, EscalationStage.ImprovementPlan), Trigger(1, Q2, EscalationStage.ImprovementPlan)], [], Today, Later);

        Assert.Equal(EscalationStage.ImprovementPlan, escalation.Stage);
    }

    [Fact]
    public void Synchronise_NothingFiringOnAFreshCase_ChangesNothing()
    {
        var escalation = EscalationCase.Open(ContractId.New());

        Assert.False(escalation.Synchronise([], [Rated(Q1)], Today, Now));
        Assert.Equal(0, escalation.Version);
        Assert.Empty(escalation.History);
    }

    [Fact]
    public void Synchronise_WithEvaluatedTriggers_RecordsTheReasonsInWords()
    {
        var rule = EscalationRule.ConsecutivePeriods(1, Assessments, PerformanceRating.Inadequate, 2, EscalationStage.ImprovementPlan);
        PeriodRatings[] periods =
        [
            Rated(Q1, (Assessments, PerformanceRating.Inadequate)),
            Rated(Q2, (Assessments, PerformanceRating.Inadequate)),
        ];
        var escalation = EscalationCase.Open(ContractId.New());

        escalation.Synchronise(EscalationRules.Evaluate([rule], periods, Name), periods, Today, Now);

        Assert.Equal(EscalationStage.ImprovementPlan, escalation.Stage);
        Assert.StartsWith("Rated Inadequate or worse for 2 or more consecutive periods up to 2025-26 Q2: Single assessments", escalation.History[0].Note, StringComparison.Ordinal);
    }
}
