using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Escalation;
using static ContractOutcomes.Domain.Tests.Escalation.EscalationData;

namespace ContractOutcomes.Domain.Tests.Escalation;

/// <summary>
/// "Failed to improve": a formal notice's deadline passed and a rule still fires for the latest evaluated
/// period whose return was due on or before the deadline.
/// </summary>
public sealed class EscalationCaseFailedToImproveTests
{
    private static readonly DateOnly IssuedOn = new(2025, 11, 3);

    // Q3's return is due on 31 January 2026, Q4's on 30 April 2026: Q3 is the last one due by the deadline.
    private static readonly DateOnly Deadline = new(2026, 2, 28);
    private static readonly DateOnly DayAfterDeadline = new(2026, 3, 1);

    private static readonly PeriodRatings[] Periods = [Rated(Q4), Rated(Q2), Rated(Q1), Rated(Q3)];

    private static EscalationCase UnderNotice()
    {
        var escalation = EscalationCase.Open(ContractId.New());
        escalation.IssueFormalNotice(Deadline, "Improve assessment timeliness by the end of February", Commissioner, Now, IssuedOn);
        escalation.ClearDomainEvents();
        return escalation;
    }

    private static IEnumerable<EscalationEvent> Failures(EscalationCase escalation) =>
        escalation.History.Where(e => e.Kind == EscalationEventKind.FailedToImprove);

    [Fact]
    public void Synchronise_DeadlinePassedAndARuleStillFiring_RecordsTheFailureWithTheThirtyDayDate()
    {
        var escalation = UnderNotice();

        var changed = escalation.Synchronise([Trigger(2, Q3, EscalationStage.ImprovementPlan)], Periods, DayAfterDeadline, Now);

        Assert.True(changed);
        Assert.Equal(DayAfterDeadline, escalation.FailedToImproveOn);
        Assert.Equal(new DateOnly(2026, 3, 31), escalation.PerformanceNoticeDueBy);
        var failure = Assert.Single(Failures(escalation));
        Assert.Equal(Q3, failure.Period);
        Assert.Equal(new DateOnly(2026, 3, 31), failure.DueOn);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, failure.StageBefore);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, failure.StageAfter);
        Assert.Equal(Actor.System.Name, failure.ActorName);
        Assert.Equal(Now, failure.At);
        Assert.Equal(
            "The improvement deadline of 28 February 2026 passed with rule 2 still firing for 2025-26 Q3. Publish a contract performance notice by 31 March 2026 (Procurement Act 2023, section 71(4))",
            failure.Note);
        Assert.Contains(new ContractFailedToImprove(escalation.Id, Q3, DayAfterDeadline, new DateOnly(2026, 3, 31)), escalation.DomainEvents);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, escalation.Stage);
    }

    [Fact]
    public void Synchronise_SeveralRulesStillFiring_NamesEachRule()
    {
        var escalation = UnderNotice();

        escalation.Synchronise(
            [Trigger(3, Q3, EscalationStage.EnhancedMonitoring), Trigger(1, Q3, EscalationStage.ImprovementPlan), Trigger(2, Q3, EscalationStage.ImprovementPlan)],
            Periods,
            DayAfterDeadline,
            Now);

        Assert.StartsWith("The improvement deadline of 28 February 2026 passed with rules 1, 2 and 3 still firing for 2025-26 Q3.", Assert.Single(Failures(escalation)).Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Synchronise_AlreadyFailed_RecordsTheFailureOnlyOnce()
    {
        var escalation = UnderNotice();
        EscalationTrigger[] firing = [Trigger(2, Q3, EscalationStage.ImprovementPlan)];
        escalation.Synchronise(firing, Periods, DayAfterDeadline, Now);

        var changed = escalation.Synchronise(firing, Periods, DayAfterDeadline.AddDays(20), Now.AddDays(20));

        Assert.False(changed);
        Assert.Single(Failures(escalation));
        Assert.Equal(DayAfterDeadline, escalation.FailedToImproveOn);
    }

    [Fact]
    public void Synchronise_OnTheDeadlineItself_DoesNotYetJudge()
    {
        var escalation = UnderNotice();

        escalation.Synchronise([Trigger(2, Q3, EscalationStage.ImprovementPlan)], Periods, Deadline, Now);

        Assert.Null(escalation.FailedToImproveOn);
        Assert.Null(escalation.PerformanceNoticeDueBy);
        Assert.Empty(Failures(escalation));
    }

    [Fact]
    public void Synchronise_ImprovedByTheLastPeriodDueByTheDeadline_DoesNotRecordAFailure()
    {
        var escalation = UnderNotice();

        var changed = escalation.Synchronise(
            [Trigger(1, Q1, EscalationStage.ImprovementPlan), Trigger(1, Q2, EscalationStage.ImprovementPlan)],
            Periods,
            DayAfterDeadline,
            Now);

        Assert.True(changed);
        Assert.Null(escalation.FailedToImproveOn);
        Assert.Empty(Failures(escalation));
    }

    [Fact]
    public void Synchronise_RuleFiringOnlyForAPeriodDueAfterTheDeadline_DoesNotCount()
    {
        var escalation = UnderNotice();

        escalation.Synchronise([Trigger(1, Q4, EscalationStage.ImprovementPlan)], Periods, new DateOnly(2026, 5, 10), Now);

        Assert.Null(escalation.FailedToImproveOn);
    }

    [Fact]
    public void Synchronise_ReturnDueExactlyOnTheDeadline_IsTheOneJudged()
    {
        var escalation = UnderNotice();
        PeriodRatings[] periods = [Rated(Q3), Rated(Q4) with { DueOn = Deadline }];

        escalation.Synchronise([Trigger(1, Q4, EscalationStage.ImprovementPlan)], periods, DayAfterDeadline, Now);

        Assert.Equal(Q4, Assert.Single(Failures(escalation)).Period);
    }

    [Fact]
    public void Synchronise_NoEvaluatedPeriodDueByTheDeadline_DoesNotRecordAFailure()
    {
        var escalation = UnderNotice();

        escalation.Synchronise([Trigger(1, Q4, EscalationStage.ImprovementPlan)], [Rated(Q4), Rated(NextQ1) with { DueOn = null }], DayAfterDeadline, Now);

        Assert.Null(escalation.FailedToImproveOn);
    }

    [Fact]
    public void Synchronise_NoFormalNotice_NeverRecordsAFailure()
    {
        var escalation = CaseAt(EscalationStage.StepInOrTerminationReview);

        escalation.Synchronise([Trigger(1, Q1, EscalationStage.StepInOrTerminationReview), Trigger(1, Q3, EscalationStage.StepInOrTerminationReview)], Periods, new DateOnly(2027, 1, 1), Now);

        Assert.Null(escalation.FailedToImproveOn);
        Assert.Empty(Failures(escalation));
    }

    [Fact]
    public void Synchronise_ImprovedThenARestatementMakesTheRuleFireAgain_RecordsTheFailureThen()
    {
        var escalation = UnderNotice();
        escalation.Synchronise([], Periods, DayAfterDeadline, Now);

        escalation.Synchronise([Trigger(2, Q3, EscalationStage.ImprovementPlan)], Periods, DayAfterDeadline.AddDays(5), Now.AddDays(5));

        // Dated from the deadline, not from when the restatement came to light.
        Assert.Equal(DayAfterDeadline, escalation.FailedToImproveOn);
    }

    [Fact]
    public void Deescalate_BelowFormalNoticeAfterFailing_ClearsTheFailureButKeepsItInHistory()
    {
        var escalation = UnderNotice();
        escalation.Synchronise([Trigger(2, Q3, EscalationStage.ImprovementPlan)], Periods, DayAfterDeadline, Now);

        escalation.Deescalate(EscalationStage.ImprovementPlan, "Contract performance notice published; new plan agreed", Commissioner, Now);

        Assert.Null(escalation.FailedToImproveOn);
        Assert.Null(escalation.PerformanceNoticeDueBy);
        Assert.False(escalation.HasOpenFormalNotice);
        Assert.Single(Failures(escalation));
        Assert.False(escalation.Synchronise([Trigger(2, Q3, EscalationStage.ImprovementPlan)], Periods, DayAfterDeadline.AddDays(1), Now));
    }

    [Fact]
    public void Synchronise_SecondNoticeAlsoMissed_RecordsASecondFailure()
    {
        var escalation = UnderNotice();
        escalation.Synchronise([Trigger(2, Q3, EscalationStage.ImprovementPlan)], Periods, DayAfterDeadline, Now);
        escalation.Deescalate(EscalationStage.ImprovementPlan, "Fresh start", Commissioner, Now);
        var secondDeadline = new DateOnly(2026, 5, 31);
        escalation.IssueFormalNotice(secondDeadline, "Second notice", Commissioner, Now, DayAfterDeadline);

        escalation.Synchronise([Trigger(2, Q3, EscalationStage.ImprovementPlan), Trigger(2, Q4, EscalationStage.ImprovementPlan)], Periods, new DateOnly(2026, 6, 1), Now);

        Assert.Equal(2, Failures(escalation).Count());
        Assert.Equal(Q4, Failures(escalation).Last().Period);
        Assert.Equal(new DateOnly(2026, 6, 1), escalation.FailedToImproveOn);
        Assert.Equal(new DateOnly(2026, 7, 1), escalation.PerformanceNoticeDueBy);
    }
}
