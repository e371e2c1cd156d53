using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Escalation;
using static ContractOutcomes.Domain.Tests.Escalation.EscalationData;

namespace ContractOutcomes.Domain.Tests.Escalation;

/// <summary>The escalation history is only ever appended to, and tells the whole story in order.</summary>
public sealed class EscalationCaseHistoryTests
{
    private static object Snapshot(EscalationEvent e) =>
        (e.Number, e.Kind, e.Period, e.RuleNumber, e.StageBefore, e.StageAfter, e.Note, e.DueOn, e.ActorUserId, e.ActorName, e.At);

    [Fact]
    public void History_ThroughAWholeEscalation_OnlyEverGrowsAndNeverChangesAnEntry()
    {
        var escalation = EscalationCase.Open(ContractId.New());
        var seen = new List<(EscalationEvent Entry, object Values)>();
        void CheckAppendedOnly()
        {
            Assert.True(escalation.History.Count >= seen.Count);
            for (var i = 0; i < seen.Count; i++)
            {
                Assert.Same(seen[i].Entry, escalation.History[i]);
                Assert.Equal(seen[i].Values, Snapshot(escalation.History[i]));
            }

            seen.Clear();
            seen.AddRange(escalation.History.Select(e => (e, Snapshot(e))));
        }

        escalation.Synchronise([Trigger(1, Q1, EscalationStage.EnhancedMonitoring)], [], Today, Now);
        CheckAppendedOnly();
        escalation.Acknowledge("Seen", Commissioner, Now);
        CheckAppendedOnly();
        escalation.Synchronise([Trigger(1, Q1, EscalationStage.EnhancedMonitoring), Trigger(2, Q2, EscalationStage.ImprovementPlan)], [], Today, Now);
        CheckAppendedOnly();
        escalation.AgreeImprovementPlan(Today.AddMonths(3), "Plan", Commissioner, Now, Today);
        CheckAppendedOnly();
        escalation.IssueFormalNotice(Today.AddMonths(4), "Notice", Commissioner, Now, Today);
        CheckAppendedOnly();
        escalation.Synchronise([Trigger(2, Q2, EscalationStage.ImprovementPlan)], [Rated(Q2)], Today.AddMonths(5), Now);
        CheckAppendedOnly();
        escalation.Deescalate(EscalationStage.RoutineMonitoring, "Recovered", Commissioner, Now);
        CheckAppendedOnly();

        Assert.Equal(
            [
                EscalationEventKind.Triggered,
                EscalationEventKind.Acknowledged,
                EscalationEventKind.Triggered,
                EscalationEventKind.ImprovementPlanAgreed,
                EscalationEventKind.FormalNoticeIssued,
                EscalationEventKind.TriggerLifted,
                EscalationEventKind.FailedToImprove,
                EscalationEventKind.Deescalated,
            ],
            escalation.History.Select(e => e.Kind));
        Assert.Equal(Enumerable.Range(1, 8), escalation.History.Select(e => e.Number));

        // Each entry starts where the one before it ended.
        for (var i = 1; i < escalation.History.Count; i++)
        {
            Assert.Equal(escalation.History[i - 1].StageAfter, escalation.History[i].StageBefore);
        }

        Assert.Equal(escalation.History[^1].StageAfter, escalation.Stage);
    }

    [Fact]
    public void History_FromOutside_CannotBeChanged()
    {
        var escalation = CaseAt(EscalationStage.EnhancedMonitoring);

        Assert.DoesNotContain(typeof(EscalationCase).GetProperties(), p => p.SetMethod?.IsPublic == true);
        Assert.DoesNotContain(typeof(EscalationEvent).GetProperties(), p => p.SetMethod?.IsPublic == true);
        Assert.DoesNotContain(typeof(EscalationRule).GetProperties(), p => p.SetMethod?.IsPublic == true);
        Assert.IsAssignableFrom<IReadOnlyList<EscalationEvent>>(escalation.History);
    }

    [Fact]
    public void Notes_LongerThanTheLimit_AreShortenedForStorageRatherThanLost()
    {
        var escalation = EscalationCase.Open(ContractId.New());
        var reason = new string('x', 2500);

        escalation.Synchronise([new EscalationTrigger(1, Q1, EscalationStage.EnhancedMonitoring, reason)], [], Today, Now);

        var note = escalation.History[0].Note!;
        Assert.Equal(2000, note.Length);
        Assert.EndsWith("…", note, StringComparison.Ordinal);
    }
}
