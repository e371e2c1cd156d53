using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Escalation.GetEscalation;
using ContractOutcomes.Application.Escalation.GetEscalationRules;
using ContractOutcomes.Application.Escalation.RecordEscalationDecision;
using ContractOutcomes.Application.Escalation.SetEscalationRules;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContractOutcomes.Application.Tests.Escalation;

/// <summary>A demo database of its own: these tests record escalation decisions on demo contracts.</summary>
[CollectionDefinition(Name)]
public sealed class EscalationTestGroup : ICollectionFixture<ApplicationFixture>
{
    public const string Name = "escalation";
}

/// <summary>
/// Reading and deciding on escalations through the real mediator. The Trust and Halden cases are only read (and
/// the Trust's acknowledged, which changes neither its stage nor its triggers); decisions that move a stage are
/// taken on Tidewell and Lantern, so the order the tests run in does not matter.
/// </summary>
[Collection(EscalationTestGroup.Name)]
public sealed class EscalationUseCaseTests(ApplicationFixture app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string Tidewell = "WCC-CLS-2023-002";
    private const string FamilyHelp = "WCC-FHS-2025-003";
    private const string Halden = "WCC-ASC-2023-004";
    private const string ShortBreaks = "WCC-SBD-2024-005";
    private const string Lantern = "WCC-ADV-2025-006";
    private const string Assessments = "Single assessments completed within 45 working days";
    private const string Rule1 = "Any indicator rated Inadequate or worse for 2 consecutive periods: improvement plan";
    private const string Grace = ApplicationFixture.TrustProvider;
    private const string Joanna = ApplicationFixture.PrivateProvider;
    private const string Priya = ApplicationFixture.Commissioner;

    [Fact]
    public async Task GetEscalation_Trust_IsAtImprovementPlanWithRule1FiringFor2026_27Q1()
    {
        var view = await app.SendAs(Priya, new GetEscalation(await ContractId(Trust)));

        Assert.True(view.HasCase);
        Assert.Equal(EscalationStage.ImprovementPlan, view.Stage);
        Assert.Equal("Improvement plan", view.StageName);
        Assert.StartsWith("Improvement plan — ", view.Summary, StringComparison.Ordinal);
        Assert.Equal(
            ["Routine monitoring", "Enhanced monitoring", "Improvement plan", "Formal performance notice", "Step-in or termination review"],
            view.Ladder.Select(s => s.Name));
        Assert.Equal(EscalationStage.ImprovementPlan, Assert.Single(view.Ladder, s => s.IsCurrent).Stage);
        Assert.Equal(new DateOnly(2027, 2, 26), view.ImprovementPlanDueOn);
        Assert.Null(view.FormalNoticeDeadline);
        Assert.Null(view.PerformanceNotice);

        var trigger = Assert.Single(view.ActiveTriggers, t => t.RuleNumber == 1 && t.Period == "2026-27 Q1");
        Assert.Equal(Rule1, trigger.RuleDescription);
        Assert.Contains(Assessments, trigger.Reason, StringComparison.Ordinal);
        Assert.Contains("Inadequate in 2025-26 Q4, Inadequate in 2026-27 Q1", trigger.Reason, StringComparison.Ordinal);

        Assert.Equal(view.History.Select(e => e.Number).OrderByDescending(n => n), view.History.Select(e => e.Number));
        var plan = Assert.Single(view.History, e => e.Kind == EscalationEventKind.ImprovementPlanAgreed);
        Assert.Equal("Improvement plan agreed", plan.KindName);
        Assert.Equal("Priya Shah", plan.ActorName);
        Assert.Equal(new DateOnly(2027, 2, 26), plan.DueOn);
        Assert.Equal(new DateOnly(2026, 8, 20), DateOnly.FromDateTime(plan.At.DateTime));
        Assert.Equal(TimeSpan.FromHours(1), plan.At.Offset);
        Assert.Contains(view.History, e => e.Kind == EscalationEventKind.Triggered && e.RuleNumber == 1 && e.RuleDescription == Rule1);

        Assert.True(view.Can.Acknowledge);
        Assert.True(view.Can.AgreeImprovementPlan);
        Assert.True(view.Can.IssueFormalNotice);
        Assert.True(view.Can.Deescalate);
        Assert.Equal([EscalationStage.RoutineMonitoring, EscalationStage.EnhancedMonitoring], view.Can.DeescalateTo);
        Assert.Equal(await CaseVersion(Trust), view.Version);
    }

    [Fact]
    public async Task GetEscalation_Halden_FailedToImproveWithTheNoticeDueOn14December2026()
    {
        var today = await Today();

        var view = await app.SendAs(Priya, new GetEscalation(await ContractId(Halden)));

        Assert.Equal(EscalationStage.FormalPerformanceNotice, view.Stage);
        Assert.Equal(new DateOnly(2026, 9, 15), view.FormalNoticeIssuedOn);
        Assert.Equal(new DateOnly(2026, 11, 13), view.FormalNoticeDeadline);
        Assert.Equal(new DateOnly(2026, 11, 14), view.FailedToImproveOn);
        Assert.Contains("failed to improve", view.Summary, StringComparison.Ordinal);
        var clock = Assert.IsType<PerformanceNoticeClock>(view.PerformanceNotice);
        Assert.Equal(new DateOnly(2026, 12, 14), clock.DueBy);
        var left = clock.DueBy.DayNumber - today.DayNumber;
        Assert.Equal(Math.Max(0, left), clock.DaysLeft);
        Assert.Equal(Math.Max(0, -left), clock.DaysOverdue);
        Assert.Equal(today, view.Today);
        var failed = Assert.Single(view.History, e => e.Kind == EscalationEventKind.FailedToImprove);
        Assert.Equal(new DateOnly(2026, 12, 14), failed.DueOn);
        Assert.Contains("section 71(4)", failed.Note, StringComparison.Ordinal);
        Assert.False(view.Can.IssueFormalNotice);
        Assert.True(view.Can.Deescalate);
        Assert.Equal(3, view.Can.DeescalateTo.Count);
    }

    [Fact]
    public void PerformanceNoticeClock_InWords_CountsDaysLeftAndOverdue()
    {
        var due = new DateOnly(2026, 12, 14);

        Assert.Equal("22 days left", Clock(due, new DateOnly(2026, 11, 22)).InWords);
        Assert.Equal("1 day left", Clock(due, new DateOnly(2026, 12, 13)).InWords);
        Assert.Equal("due today", Clock(due, due).InWords);
        var overdue = Clock(due, new DateOnly(2026, 12, 17));
        Assert.Equal("3 days overdue", overdue.InWords);
        Assert.Equal(3, overdue.DaysOverdue);
        Assert.Equal(0, overdue.DaysLeft);
        Assert.True(overdue.IsOverdue);
    }

    [Fact]
    public async Task GetEscalation_ProviderOfTheContract_SeesThePositionButMayDecideNothing()
    {
        var view = await app.SendAs(Grace, new GetEscalation(await ContractId(Trust)));

        Assert.Equal(EscalationStage.ImprovementPlan, view.Stage);
        Assert.NotEmpty(view.ActiveTriggers);
        Assert.False(view.Can.Any);
        Assert.Empty(view.Can.DeescalateTo);
    }

    [Fact]
    public async Task GetEscalation_ProviderOfAnotherOrganisation_IsNotFound()
    {
        var trust = await ContractId(Trust);

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Joanna, new GetEscalation(trust)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Joanna, new GetEscalationRules(trust)));
    }

    [Fact]
    public async Task GetEscalation_RoutineContractWithNothingFiring_OffersNoAcknowledgement()
    {
        var view = await app.SendAs(Priya, new GetEscalation(await ContractId(ShortBreaks)));

        Assert.Equal(EscalationStage.RoutineMonitoring, view.Stage);
        Assert.Empty(view.ActiveTriggers);
        Assert.False(view.Can.Acknowledge);
        Assert.False(view.Can.Deescalate);
        Assert.True(view.Can.AgreeImprovementPlan);
        Assert.True(view.Can.IssueFormalNotice);
        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(Priya, Decision(view, EscalationDecision.Acknowledge, "Seen")));
        Assert.Contains("nothing to acknowledge", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetEscalation_DraftContract_SaysNothingHasBeenEscalated()
    {
        var draft = await NewDraftAsync();

        var view = await app.SendAs(Priya, new GetEscalation(draft.ContractId));

        Assert.False(view.HasCase);
        Assert.Equal(EscalationStage.RoutineMonitoring, view.Stage);
        Assert.Equal("Routine monitoring — nothing has been escalated", view.Summary);
        Assert.Empty(view.History);
        Assert.Empty(view.ActiveTriggers);
        Assert.Equal(0, view.Version);
        Assert.False(view.Can.Any);
        Assert.Equal(EscalationStage.RoutineMonitoring, Assert.Single(view.Ladder, s => s.IsCurrent).Stage);
    }

    [Fact]
    public async Task RecordEscalationDecision_Acknowledge_AddsANoteWithoutChangingTheStage()
    {
        var before = await app.SendAs(Priya, new GetEscalation(await ContractId(Trust)));

        var version = await app.SendAs(Priya, Decision(before, EscalationDecision.Acknowledge, "Discussed the Q1 figures at the monthly meeting."));

        var after = await app.SendAs(Priya, new GetEscalation(before.ContractId));
        Assert.Equal(version, after.Version);
        Assert.True(after.Version > before.Version);
        Assert.Equal(EscalationStage.ImprovementPlan, after.Stage);
        var entry = after.History[0];
        Assert.Equal(EscalationEventKind.Acknowledged, entry.Kind);
        Assert.Equal("Discussed the Q1 figures at the monthly meeting.", entry.Note);
        Assert.Equal("Priya Shah", entry.ActorName);
        Assert.False(entry.ChangedStage);
    }

    [Fact]
    public async Task RecordEscalationDecision_ImprovementPlanDueInThePast_IsRefusedOnTheDueDate()
    {
        var view = await app.SendAs(Priya, new GetEscalation(await ContractId(FamilyHelp)));
        var today = await Today();

        var past = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(
            Priya, Decision(view, EscalationDecision.AgreeImprovementPlan, "Plan agreed", dueOn: today.AddDays(-1))));
        var missing = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(
            Priya, Decision(view, EscalationDecision.AgreeImprovementPlan, "Plan agreed")));

        Assert.Equal("DueOn", Assert.Single(past.Violations).PropertyName);
        Assert.Equal("The improvement plan's due date must be in the future", past.Violations[0].Message);
        Assert.Equal(["Enter the date the improvement plan is due"], missing.Errors["DueOn"]);
        Assert.Equal(view.Version, (await app.SendAs(Priya, new GetEscalation(view.ContractId))).Version);
    }

    [Fact]
    public async Task RecordEscalationDecision_FormalNoticeThenDeescalation_MovesTheStageAndKeepsTheHistory()
    {
        var contractId = await ContractId(Tidewell);
        var today = await Today();
        var start = await app.SendAs(Priya, new GetEscalation(contractId));

        await app.SendAs(Priya, Decision(start, EscalationDecision.IssueFormalNotice, "Clause 31.2 notice", dueOn: today.AddDays(60)));
        var noticed = await app.SendAs(Priya, new GetEscalation(contractId));

        Assert.Equal(EscalationStage.FormalPerformanceNotice, noticed.Stage);
        Assert.Equal(today, noticed.FormalNoticeIssuedOn);
        Assert.Equal(today.AddDays(60), noticed.FormalNoticeDeadline);
        Assert.False(noticed.Can.IssueFormalNotice);
        Assert.Equal(
            [EscalationStage.RoutineMonitoring, EscalationStage.EnhancedMonitoring, EscalationStage.ImprovementPlan],
            noticed.Can.DeescalateTo);
        var second = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(
            Priya, Decision(noticed, EscalationDecision.IssueFormalNotice, "Another", dueOn: today.AddDays(90))));
        Assert.Contains("already open", second.Message, StringComparison.Ordinal);

        var noReason = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(
            Priya, Decision(noticed, EscalationDecision.Deescalate, "  ", toStage: EscalationStage.EnhancedMonitoring)));
        Assert.Equal(["Enter the reason for de-escalating"], noReason.Errors["Note"]);
        var noStage = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(
            Priya, Decision(noticed, EscalationDecision.Deescalate, "Improved")));
        Assert.Equal(["Select the stage to move the contract down to"], noStage.Errors["ToStage"]);
        var notLower = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(
            Priya, Decision(noticed, EscalationDecision.Deescalate, "Improved", toStage: EscalationStage.StepInOrTerminationReview)));
        Assert.Equal("Select a stage below formal performance notice", Assert.Single(notLower.Violations).Message);

        await app.SendAs(Priya, Decision(noticed, EscalationDecision.Deescalate, "The provider met the notice's conditions early.", toStage: EscalationStage.RoutineMonitoring));
        var after = await app.SendAs(Priya, new GetEscalation(contractId));

        Assert.Equal(EscalationStage.RoutineMonitoring, after.Stage);
        Assert.Null(after.FormalNoticeDeadline);
        Assert.Equal("Routine monitoring — no rule is firing", after.Summary);
        Assert.Equal(EscalationEventKind.Deescalated, after.History[0].Kind);
        Assert.Equal("Formal performance notice", after.History[0].StageBeforeName);
        Assert.Equal("Routine monitoring", after.History[0].StageAfterName);
        Assert.Equal(EscalationEventKind.FormalNoticeIssued, after.History[1].Kind);
        Assert.Equal(today.AddDays(60), after.History[1].DueOn);
    }

    [Fact]
    public async Task RecordEscalationDecision_Provider_IsForbidden()
    {
        var view = await app.SendAs(Grace, new GetEscalation(await ContractId(Trust)));

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(Grace, Decision(view, EscalationDecision.Acknowledge, "Seen")));
    }

    [Fact]
    public async Task RecordEscalationDecision_StaleVersion_IsAConflictAndChangesNothing()
    {
        var view = await app.SendAs(Priya, new GetEscalation(await ContractId(Lantern)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.SendAs(
            Priya, Decision(view, EscalationDecision.AgreeImprovementPlan, "Plan", dueOn: view.Today.AddDays(30)) with { ExpectedVersion = view.Version + 1 }));

        var after = await app.SendAs(Priya, new GetEscalation(view.ContractId));
        Assert.Equal(view.Version, after.Version);
        Assert.Equal(view.History.Count, after.History.Count);
    }

    [Fact]
    public async Task GetEscalationRules_ActiveContract_DescribesEachRuleAndIsNotEditable()
    {
        var commissioner = await app.SendAs(Priya, new GetEscalationRules(await ContractId(Trust)));
        var provider = await app.SendAs(Grace, new GetEscalationRules(commissioner.ContractId));

        Assert.False(commissioner.CanEdit);
        Assert.False(provider.CanEdit);
        Assert.Equal(ContractStatus.Active, commissioner.ContractStatus);
        Assert.Equal(
            [
                Rule1,
                "3 or more indicators rated Requires improvement or worse in one period: enhanced monitoring",
                "A return more than 10 days late: enhanced monitoring",
                "An overall weighted score below 50: enhanced monitoring",
            ],
            commissioner.Rules.Select(r => r.Description));
        Assert.Equal([1, 2, 3, 4], commissioner.Rules.Select(r => r.Number));
        Assert.Equal("Improvement plan", commissioner.Rules[0].StageName);
        Assert.Equal(commissioner.Rules.Select(r => r.Description), provider.Rules.Select(r => r.Description));
    }

    [Fact]
    public async Task SetEscalationRules_NewDraft_SavesTheRulesNumberedInOrder()
    {
        var draft = await NewDraftAsync();
        var before = await app.SendAs(Priya, new GetEscalationRules(draft.ContractId));
        Assert.True(before.CanEdit);
        Assert.Empty(before.Rules);
        Assert.Equal("Families supported to their goals", Assert.Single(before.Indicators).Name);

        var version = await app.SendAs(Priya, new SetEscalationRules(draft.ContractId, before.ContractVersion,
        [
            new EscalationRuleInput(EscalationRuleKind.ConsecutivePeriods, EscalationStage.ImprovementPlan, draft.IndicatorId, PerformanceRating.Inadequate, Periods: 2),
            new EscalationRuleInput(EscalationRuleKind.LateReturn, EscalationStage.EnhancedMonitoring, DaysLate: 10),
            new EscalationRuleInput(EscalationRuleKind.WeightedScoreBelow, EscalationStage.FormalPerformanceNotice, ScoreBelow: 40.5m),
        ]));

        var after = await app.SendAs(Priya, new GetEscalationRules(draft.ContractId));
        Assert.Equal(version, after.ContractVersion);
        Assert.Equal(
            [
                "Families supported to their goals rated Inadequate or worse for 2 consecutive periods: improvement plan",
                "A return more than 10 days late: enhanced monitoring",
                "An overall weighted score below 40.5: formal performance notice",
            ],
            after.Rules.Select(r => r.Description));
        Assert.Equal(draft.IndicatorId, after.Rules[0].IndicatorId);
        Assert.Equal("Families supported to their goals", after.Rules[0].IndicatorName);
        Assert.Equal(40.5m, after.Rules[2].ScoreBelow);
    }

    [Fact]
    public async Task SetEscalationRules_BadInput_IsRefusedBesideEachRulesField()
    {
        var draft = await NewDraftAsync();
        var version = (await app.SendAs(Priya, new GetEscalationRules(draft.ContractId))).ContractVersion;

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(Priya, new SetEscalationRules(draft.ContractId, version,
        [
            new EscalationRuleInput(null, EscalationStage.EnhancedMonitoring),
            new EscalationRuleInput(EscalationRuleKind.ConsecutivePeriods, EscalationStage.ImprovementPlan, null, PerformanceRating.Inadequate, Periods: 1),
            new EscalationRuleInput(EscalationRuleKind.WeightedScoreBelow, EscalationStage.EnhancedMonitoring, ScoreBelow: 0m),
            new EscalationRuleInput(EscalationRuleKind.LateReturn, EscalationStage.RoutineMonitoring, DaysLate: 5),
            new EscalationRuleInput(EscalationRuleKind.ConsecutivePeriods, EscalationStage.ImprovementPlan, Guid.NewGuid(), PerformanceRating.Inadequate, Periods: 2),
            new EscalationRuleInput(EscalationRuleKind.IndicatorsInPeriod, null, AtOrBelow: PerformanceRating.RequiresImprovement),
        ])));

        var byField = refused.Violations.ToDictionary(v => v.PropertyName!, v => v.Message);
        Assert.Equal("Select the kind of rule (rule 1)", byField["Rules[0].Kind"]);
        Assert.Equal("The number of consecutive periods must be between 2 and 12 (rule 2)", byField["Rules[1].Periods"]);
        Assert.Equal("The score must be more than 0 (rule 3)", byField["Rules[2].ScoreBelow"]);
        Assert.Equal("Select a stage above routine monitoring (rule 4)", byField["Rules[3].Stage"]);
        Assert.Equal("Select an indicator of this contract (rule 5)", byField["Rules[4].IndicatorId"]);
        Assert.Equal("Select the stage the rule raises (rule 6)", byField["Rules[5].Stage"]);
        Assert.Equal("Enter the number of indicators (rule 6)", byField["Rules[5].IndicatorCount"]);
        Assert.Empty((await app.SendAs(Priya, new GetEscalationRules(draft.ContractId))).Rules);
    }

    [Fact]
    public async Task SetEscalationRules_StaleContractVersion_IsAConflict()
    {
        var draft = await NewDraftAsync();
        var version = (await app.SendAs(Priya, new GetEscalationRules(draft.ContractId))).ContractVersion;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.SendAs(Priya, new SetEscalationRules(draft.ContractId, version - 1,
            [new EscalationRuleInput(EscalationRuleKind.LateReturn, EscalationStage.EnhancedMonitoring, DaysLate: 10)])));
    }

    [Fact]
    public async Task SetEscalationRules_ActiveContract_IsRefused()
    {
        var trust = await app.SendAs(Priya, new GetEscalationRules(await ContractId(Trust)));

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(Priya, new SetEscalationRules(trust.ContractId, trust.ContractVersion,
            [new EscalationRuleInput(EscalationRuleKind.LateReturn, EscalationStage.EnhancedMonitoring, DaysLate: 10)])));

        Assert.StartsWith("This contract is active", refused.Message, StringComparison.Ordinal);
        Assert.Equal(4, (await app.SendAs(Priya, new GetEscalationRules(trust.ContractId))).Rules.Count);
    }

    [Fact]
    public async Task SetEscalationRules_Provider_IsForbidden()
    {
        var trust = await ContractId(Trust);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(Grace, new SetEscalationRules(trust, null, [])));
    }

    private static PerformanceNoticeClock Clock(DateOnly dueBy, DateOnly today) => PerformanceNoticeClock.For(dueBy.AddDays(-30), dueBy, today);

    private static RecordEscalationDecision Decision(
        EscalationView view, EscalationDecision decision, string? note, DateOnly? dueOn = null, EscalationStage? toStage = null) =>
        new(view.ContractId, view.Version, decision, note, dueOn, toStage);

    private Task<Guid> ContractId(string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    private Task<int> CaseVersion(string reference) =>
        app.Db(async db =>
        {
            var id = await db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id).SingleAsync();
            return await db.EscalationCases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
        });

    private async Task<DateOnly> Today()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<IClock>().Today;
    }

    private async Task<(Guid ContractId, Guid IndicatorId)> NewDraftAsync()
    {
        var provider = await app.OrganisationId("Fernleigh Family Partnership CIC");
        var contractId = await app.SendAs(Priya, ContractRequests.Draft(provider, ContractRequests.NewReference()));
        var indicatorId = await app.SendAs(Priya, ContractRequests.Indicator(contractId, "Families supported to their goals"));
        return (contractId, indicatorId);
    }
}
