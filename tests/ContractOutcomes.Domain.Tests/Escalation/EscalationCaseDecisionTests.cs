using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Escalation;
using static ContractOutcomes.Domain.Tests.Escalation.EscalationData;

namespace ContractOutcomes.Domain.Tests.Escalation;

/// <summary>A commissioner's decisions: acknowledge, agree an improvement plan, issue a formal notice, de-escalate.</summary>
public sealed class EscalationCaseDecisionTests
{
    private static readonly string LongestNote = new('a', 2000);
    private static readonly string TooLongNote = new('a', 2001);

    // Acknowledge

    [Fact]
    public void Acknowledge_ActiveTrigger_RecordsTheNoteAndWho()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        escalation.Acknowledge("  Discussed at the contract meeting on 9 February  ", Commissioner, Now);

        var entry = escalation.History[^1];
        Assert.Equal(EscalationEventKind.Acknowledged, entry.Kind);
        Assert.Equal("Discussed at the contract meeting on 9 February", entry.Note);
        Assert.Equal(Commissioner.UserId, entry.ActorUserId);
        Assert.Equal(Commissioner.Name, entry.ActorName);
        Assert.Equal(Now, entry.At);
        Assert.Equal(EscalationStage.EnhancedMonitoring, entry.StageBefore);
        Assert.Equal(EscalationStage.EnhancedMonitoring, entry.StageAfter);
        Assert.Null(entry.RuleNumber);
        Assert.Null(entry.Period);
        Assert.Equal(EscalationStage.EnhancedMonitoring, escalation.Stage);
        Assert.Equal([new EscalationAcknowledged(escalation.Id, EscalationStage.EnhancedMonitoring)], escalation.DomainEvents);
        Assert.Equal(2, escalation.Version);
    }

    [Fact]
    public void Acknowledge_RoutineMonitoringWithNothingFiring_IsRefused()
    {
        var escalation = EscalationCase.Open(ContractId.New());

        var error = Assert.Throws<BusinessRuleException>(() => escalation.Acknowledge("Noted", Commissioner, Now));

        Assert.Equal("There is nothing to acknowledge: the contract is at routine monitoring and no rule is firing", error.Message);
        Assert.Empty(escalation.History);
    }

    [Fact]
    public void Acknowledge_DeescalatedToRoutineButTriggerStillActive_IsAllowed()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);
        escalation.Deescalate(EscalationStage.RoutineMonitoring, "One-off staffing problem, now resolved", Commissioner, Now);

        escalation.Acknowledge("Noted", Commissioner, Now);

        Assert.Equal(EscalationEventKind.Acknowledged, escalation.History[^1].Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Acknowledge_NoNote_IsRefused(string? note)
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        var error = Assert.Throws<BusinessRuleException>(() => escalation.Acknowledge(note!, Commissioner, Now));

        Assert.Equal("Enter a note", error.Message);
        Assert.Equal("Note", error.PropertyName);
    }

    [Fact]
    public void Acknowledge_NoteOf2000Characters_IsAccepted()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        escalation.Acknowledge(LongestNote, Commissioner, Now);

        Assert.Equal(LongestNote, escalation.History[^1].Note);
    }

    [Fact]
    public void Acknowledge_NoteOver2000Characters_IsRefused()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        var error = Assert.Throws<BusinessRuleException>(() => escalation.Acknowledge(TooLongNote, Commissioner, Now));

        Assert.Equal("Note must be 2000 characters or fewer", error.Message);
        Assert.Equal("Note", error.PropertyName);
    }

    // Agree an improvement plan

    [Theory]
    [InlineData(EscalationStage.RoutineMonitoring)]
    [InlineData(EscalationStage.EnhancedMonitoring)]
    public void AgreeImprovementPlan_BelowImprovementPlan_RaisesTheStage(EscalationStage from)
    {
        var escalation = CaseAt(from);
        var dueOn = Today.AddMonths(3);

        escalation.AgreeImprovementPlan(dueOn, "Recovery plan for assessment timeliness", Commissioner, Now, Today);

        Assert.Equal(EscalationStage.ImprovementPlan, escalation.Stage);
        Assert.Equal(dueOn, escalation.ImprovementPlanDueOn);
        var entry = escalation.History[^1];
        Assert.Equal(EscalationEventKind.ImprovementPlanAgreed, entry.Kind);
        Assert.Equal(from, entry.StageBefore);
        Assert.Equal(EscalationStage.ImprovementPlan, entry.StageAfter);
        Assert.Equal(dueOn, entry.DueOn);
        Assert.Equal("Recovery plan for assessment timeliness", entry.Note);
        Assert.Equal(Commissioner.Name, entry.ActorName);
        Assert.Equal(
            [
                new ImprovementPlanAgreed(escalation.Id, dueOn),
                new EscalationStageChanged(escalation.Id, from, EscalationStage.ImprovementPlan),
            ],
            escalation.DomainEvents);
    }

    [Fact]
    public void AgreeImprovementPlan_AtFormalNotice_KeepsTheHigherStage()
    {
        var escalation = CaseAt(EscalationStage.FormalPerformanceNotice);

        escalation.AgreeImprovementPlan(Today.AddDays(1), "Plan alongside the notice", Commissioner, Now, Today);

        Assert.Equal(EscalationStage.FormalPerformanceNotice, escalation.Stage);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, escalation.History[^1].StageAfter);
        Assert.DoesNotContain(escalation.DomainEvents, e => e is EscalationStageChanged);
    }

    [Fact]
    public void AgreeImprovementPlan_SecondPlan_ReplacesTheDueDateAndKeepsTheFirstInHistory()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);
        escalation.AgreeImprovementPlan(Today.AddMonths(3), "First plan", Commissioner, Now, Today);

        escalation.AgreeImprovementPlan(Today.AddMonths(6), "Revised plan", Commissioner, Now, Today);

        Assert.Equal(Today.AddMonths(6), escalation.ImprovementPlanDueOn);
        Assert.Equal([Today.AddMonths(3), Today.AddMonths(6)], escalation.History.Where(e => e.Kind == EscalationEventKind.ImprovementPlanAgreed).Select(e => e.DueOn!.Value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AgreeImprovementPlan_DueTodayOrEarlier_IsRefused(int days)
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.AgreeImprovementPlan(Today.AddDays(days), "Plan", Commissioner, Now, Today));

        Assert.Equal("The improvement plan's due date must be in the future", error.Message);
        Assert.Equal("DueOn", error.PropertyName);
        Assert.Equal(EscalationStage.EnhancedMonitoring, escalation.Stage);
    }

    [Fact]
    public void AgreeImprovementPlan_DueTomorrowOrInExactlyTwoYears_IsAccepted()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        escalation.AgreeImprovementPlan(Today.AddDays(1), "Plan", Commissioner, Now, Today);
        escalation.AgreeImprovementPlan(Today.AddYears(2), "Plan", Commissioner, Now, Today);

        Assert.Equal(Today.AddYears(2), escalation.ImprovementPlanDueOn);
    }

    [Fact]
    public void AgreeImprovementPlan_DueMoreThanTwoYearsAway_IsRefused()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.AgreeImprovementPlan(Today.AddYears(2).AddDays(1), "Plan", Commissioner, Now, Today));

        Assert.Equal("The improvement plan's due date must be within 2 years of today", error.Message);
        Assert.Equal("DueOn", error.PropertyName);
    }

    [Fact]
    public void AgreeImprovementPlan_NoNoteAndPastDate_ReportsBoth()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.AgreeImprovementPlan(Today, " ", Commissioner, Now, Today));

        Assert.Equal(
            [
                new RuleViolation("The improvement plan's due date must be in the future", "DueOn"),
                new RuleViolation("Enter a note about the improvement plan", "Note"),
            ],
            error.Violations);
        Assert.Null(escalation.ImprovementPlanDueOn);
    }

    [Fact]
    public void AgreeImprovementPlan_NoteTooLong_IsRefused()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.AgreeImprovementPlan(Today.AddDays(30), TooLongNote, Commissioner, Now, Today));

        Assert.Equal("Note about the improvement plan must be 2000 characters or fewer", error.Message);
    }

    // Issue a formal notice

    [Theory]
    [InlineData(EscalationStage.RoutineMonitoring)]
    [InlineData(EscalationStage.ImprovementPlan)]
    public void IssueFormalNotice_BelowFormalNotice_RaisesTheStageAndStartsTheDeadline(EscalationStage from)
    {
        var escalation = CaseAt(from);
        var deadline = Today.AddMonths(3);

        escalation.IssueFormalNotice(deadline, "Assessments still late after the plan", Commissioner, Now, Today);

        Assert.Equal(EscalationStage.FormalPerformanceNotice, escalation.Stage);
        Assert.Equal(Today, escalation.FormalNoticeIssuedOn);
        Assert.Equal(deadline, escalation.FormalNoticeDeadline);
        Assert.True(escalation.HasOpenFormalNotice);
        Assert.Null(escalation.FailedToImproveOn);
        var entry = escalation.History[^1];
        Assert.Equal(EscalationEventKind.FormalNoticeIssued, entry.Kind);
        Assert.Equal(deadline, entry.DueOn);
        Assert.Equal(from, entry.StageBefore);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, entry.StageAfter);
        Assert.Equal("Assessments still late after the plan", entry.Note);
        Assert.Equal(
            [
                new FormalNoticeIssued(escalation.Id, deadline),
                new EscalationStageChanged(escalation.Id, from, EscalationStage.FormalPerformanceNotice),
            ],
            escalation.DomainEvents);
    }

    [Fact]
    public void IssueFormalNotice_AtStepInReview_KeepsTheHigherStage()
    {
        var escalation = CaseAt(EscalationStage.StepInOrTerminationReview);

        escalation.IssueFormalNotice(Today.AddDays(1), "Notice", Commissioner, Now, Today);

        Assert.Equal(EscalationStage.StepInOrTerminationReview, escalation.Stage);
        Assert.DoesNotContain(escalation.DomainEvents, e => e is EscalationStageChanged);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void IssueFormalNotice_DeadlineTodayOrEarlier_IsRefused(int days)
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.IssueFormalNotice(Today.AddDays(days), "Notice", Commissioner, Now, Today));

        Assert.Equal("The improvement deadline must be in the future", error.Message);
        Assert.Equal("ImprovementDeadline", error.PropertyName);
        Assert.False(escalation.HasOpenFormalNotice);
    }

    [Fact]
    public void IssueFormalNotice_NoNote_IsRefused()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.IssueFormalNotice(Today.AddDays(1), "", Commissioner, Now, Today));

        Assert.Equal("Enter a note about the formal notice", error.Message);
        Assert.Equal("Note", error.PropertyName);
    }

    [Fact]
    public void IssueFormalNotice_NoticeAlreadyOpen_IsRefused()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);
        escalation.IssueFormalNotice(new DateOnly(2026, 5, 31), "Notice", Commissioner, Now, Today);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.IssueFormalNotice(Today.AddMonths(6), "Another notice", Commissioner, Now, Today));

        Assert.Equal(
            "A formal performance notice is already open, with an improvement deadline of 31 May 2026. De-escalate below formal performance notice to close it before issuing another",
            error.Message);
        Assert.Equal(new DateOnly(2026, 5, 31), escalation.FormalNoticeDeadline);
    }

    [Fact]
    public void IssueFormalNotice_AfterTheLastNoticeWasClosed_IsAllowed()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);
        escalation.IssueFormalNotice(Today.AddMonths(1), "Notice", Commissioner, Now, Today);
        escalation.Deescalate(EscalationStage.ImprovementPlan, "Improved", Commissioner, Now);

        escalation.IssueFormalNotice(Today.AddMonths(2), "Second notice", Commissioner, Now, Today);

        Assert.Equal(Today.AddMonths(2), escalation.FormalNoticeDeadline);
        Assert.Equal(2, escalation.History.Count(e => e.Kind == EscalationEventKind.FormalNoticeIssued));
    }

    // De-escalate

    [Fact]
    public void Deescalate_ToALowerStage_RecordsTheReasonAndWho()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);

        escalation.Deescalate(EscalationStage.EnhancedMonitoring, "  Two quarters on target  ", Commissioner, Now);

        Assert.Equal(EscalationStage.EnhancedMonitoring, escalation.Stage);
        var entry = escalation.History[^1];
        Assert.Equal(EscalationEventKind.Deescalated, entry.Kind);
        Assert.Equal(EscalationStage.ImprovementPlan, entry.StageBefore);
        Assert.Equal(EscalationStage.EnhancedMonitoring, entry.StageAfter);
        Assert.Equal("Two quarters on target", entry.Note);
        Assert.Equal(Commissioner.UserId, entry.ActorUserId);
        Assert.Equal(Now, entry.At);
        Assert.Equal(
            [
                new EscalationDeescalated(escalation.Id, EscalationStage.ImprovementPlan, EscalationStage.EnhancedMonitoring),
                new EscalationStageChanged(escalation.Id, EscalationStage.ImprovementPlan, EscalationStage.EnhancedMonitoring),
            ],
            escalation.DomainEvents);
    }

    [Fact]
    public void Deescalate_AtRoutineMonitoring_IsRefused()
    {
        var escalation = EscalationCase.Open(ContractId.New());

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.Deescalate(EscalationStage.RoutineMonitoring, "Reason", Commissioner, Now));

        Assert.Equal("The contract is already at routine monitoring, the lowest stage", error.Message);
    }

    [Theory]
    [InlineData(EscalationStage.ImprovementPlan)]
    [InlineData(EscalationStage.FormalPerformanceNotice)]
    [InlineData((EscalationStage)0)]
    public void Deescalate_ToTheSameOrAHigherStage_IsRefused(EscalationStage to)
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);

        var error = Assert.Throws<BusinessRuleException>(() => escalation.Deescalate(to, "Reason", Commissioner, Now));

        Assert.Equal("Select a stage below improvement plan", error.Message);
        Assert.Equal("Stage", error.PropertyName);
        Assert.Equal(EscalationStage.ImprovementPlan, escalation.Stage);
    }

    [Fact]
    public void Deescalate_NoReason_IsRefused()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.Deescalate(EscalationStage.EnhancedMonitoring, "  ", Commissioner, Now));

        Assert.Equal("Enter the reason for de-escalating", error.Message);
        Assert.Equal("Reason", error.PropertyName);
    }

    [Fact]
    public void Deescalate_ReasonTooLong_IsRefused()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);

        var error = Assert.Throws<BusinessRuleException>(() =>
            escalation.Deescalate(EscalationStage.EnhancedMonitoring, TooLongNote, Commissioner, Now));

        Assert.Equal("Reason for de-escalating must be 2000 characters or fewer", error.Message);
        Assert.Equal("Reason", error.PropertyName);
    }

    [Fact]
    public void Deescalate_FromStepInToFormalNotice_KeepsTheNoticeOpen()
    {
        var escalation = CaseAt(EscalationStage.StepInOrTerminationReview);
        escalation.IssueFormalNotice(Today.AddMonths(1), "Notice", Commissioner, Now, Today);

        escalation.Deescalate(EscalationStage.FormalPerformanceNotice, "Step-in not needed", Commissioner, Now);

        Assert.True(escalation.HasOpenFormalNotice);
        Assert.Equal(Today, escalation.FormalNoticeIssuedOn);
        Assert.Equal(Today.AddMonths(1), escalation.FormalNoticeDeadline);
    }

    [Fact]
    public void Deescalate_BelowFormalNoticeToImprovementPlan_ClosesTheNoticeAndKeepsThePlan()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);
        escalation.AgreeImprovementPlan(Today.AddMonths(2), "Plan", Commissioner, Now, Today);
        escalation.IssueFormalNotice(Today.AddMonths(1), "Notice", Commissioner, Now, Today);

        escalation.Deescalate(EscalationStage.ImprovementPlan, "Notice met", Commissioner, Now);

        Assert.False(escalation.HasOpenFormalNotice);
        Assert.Null(escalation.FormalNoticeIssuedOn);
        Assert.Null(escalation.FormalNoticeDeadline);
        Assert.Equal(Today.AddMonths(2), escalation.ImprovementPlanDueOn);
        Assert.Contains(escalation.History, e => e.Kind == EscalationEventKind.FormalNoticeIssued);
    }

    [Fact]
    public void Deescalate_BelowImprovementPlan_ClosesThePlan()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);
        escalation.AgreeImprovementPlan(Today.AddMonths(2), "Plan", Commissioner, Now, Today);

        escalation.Deescalate(EscalationStage.EnhancedMonitoring, "Plan delivered", Commissioner, Now);

        Assert.Null(escalation.ImprovementPlanDueOn);
    }

    [Fact]
    public void RefusedDecision_ChangesNothing()
    {
        var escalation = CaseAt(EscalationStage.ImprovementPlan);
        var version = escalation.Version;

        Assert.Throws<BusinessRuleException>(() => escalation.Deescalate(EscalationStage.EnhancedMonitoring, "", Commissioner, Now));
        Assert.Throws<BusinessRuleException>(() => escalation.AgreeImprovementPlan(Today, "Plan", Commissioner, Now, Today));
        Assert.Throws<BusinessRuleException>(() => escalation.IssueFormalNotice(Today, "Notice", Commissioner, Now, Today));
        Assert.Throws<BusinessRuleException>(() => escalation.Acknowledge("", Commissioner, Now));

        Assert.Equal(version, escalation.Version);
        Assert.Single(escalation.History);
        Assert.Empty(escalation.DomainEvents);
        Assert.Equal(EscalationStage.ImprovementPlan, escalation.Stage);
    }
}
