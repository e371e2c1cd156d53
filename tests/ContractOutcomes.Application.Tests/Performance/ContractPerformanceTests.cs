using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Performance.GetContractPerformance;
using ContractOutcomes.Application.Performance.RecordOtherRating;
using ContractOutcomes.Application.Performance.WithdrawOtherRating;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Incentives;
using ContractOutcomes.Domain.Performance;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Application.Tests.Performance;

/// <summary>A demo database of its own: these tests record and withdraw Other ratings.</summary>
[CollectionDefinition(Name)]
public sealed class PerformanceTestGroup : ICollectionFixture<ApplicationFixture>
{
    public const string Name = "performance";
}

/// <summary>
/// The contract performance query on the demo portfolio, and the commissioner's Other rating decisions. Each
/// decision test works on its own indicator, so the order the tests run in does not matter.
/// </summary>
[Collection(PerformanceTestGroup.Name)]
public sealed class ContractPerformanceTests(ApplicationFixture app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string Halden = "WCC-ASC-2023-004";
    private const string Lantern = "WCC-ADV-2025-006";
    private const string Recovery = "WCC-SMR-2025-007";
    private const string Assessments = "Single assessments completed within 45 working days";
    private const string Advocacy = "Young people receiving advocacy";
    private const string Allocated = "Requests allocated to an advocate within 5 working days";
    private const string Resolved = "Advocacy issues resolved to the young person's satisfaction";

    // Lantern Voice's 2026-27 Q1: three indicators rated Approaching target, paid 80% of £890.63 at risk each.
    private const string DecisionPeriod = "2026-27-Q1";
    private static readonly Money AtRiskPerIndicator = Money.FromPounds(890.63m);
    private static readonly Money ApproachingEarns = Money.FromPounds(712.50m);

    [Fact]
    public async Task GetContractPerformance_NoPeriodGiven_ShowsTheLatestEvaluatedPeriodWithEveryExplanation()
    {
        var view = await Performance(Trust, null);

        var selected = Assert.IsType<PerformancePeriodView>(view.Selected);
        Assert.Equal("2026-27 Q1", selected.Period);
        Assert.Equal(PeriodEvaluationState.Evaluated, selected.State);
        var evaluation = Assert.IsType<EvaluatedPeriodView>(selected.Evaluation);
        var line = Assert.Single(evaluation.Indicators, i => i.Name == Assessments);
        Assert.Equal(PerformanceRating.Inadequate, line.Rating);
        Assert.Equal("Inadequate", line.RatingName);
        Assert.Contains("short of target", line.RatingExplanation, StringComparison.Ordinal);
        Assert.Contains("Inadequate", line.RatingExplanation, StringComparison.Ordinal);
        Assert.Equal(85m, line.Target);
        Assert.NotNull(line.Numerator);
        Assert.NotNull(line.Denominator);
        Assert.Equal(0, line.TermsVersion);
        Assert.False(string.IsNullOrWhiteSpace(line.TrendDescription));
        Assert.Contains($"{Assessments}: Inadequate (0 points) × 20%", evaluation.ScoreExplanation, StringComparison.Ordinal);
        Assert.Contains("58.3 out of 100", evaluation.ScoreExplanation, StringComparison.Ordinal);
        var payment = Assert.IsType<PaymentStatementView>(evaluation.Payment);
        var paymentLine = Assert.Single(payment.Lines, l => l.IndicatorName == Assessments);
        Assert.Equal(IncentiveMechanism.Graded, paymentLine.Mechanism);
        Assert.Contains("floor", paymentLine.Explanation, StringComparison.Ordinal);
        Assert.Equal("£24,000,000 a year × 92% not at risk ÷ 4 quarters = £5,520,000.00 base fee.", payment.BaseFeeExplanation);
        Assert.Equal(payment.BaseFee + payment.OutcomePayments - payment.ServiceCredits, payment.NetPayment);
        Assert.Contains($"= {payment.NetPayment} net payment", payment.NetPaymentExplanation, StringComparison.Ordinal);
        Assert.All(payment.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Explanation)));
    }

    [Fact]
    public async Task GetContractPerformance_Trust_ListsEveryEndedPeriodWithItsState()
    {
        var view = await Performance(Trust, null);

        Assert.Equal("2024-25 Q1", view.Periods[0].Period);
        Assert.Equal("2026-27 Q2", view.Periods[^1].Period);
        var awaiting = view.Periods[^1];
        Assert.Equal(PeriodEvaluationState.AwaitingReview, awaiting.State);
        Assert.Equal("Awaiting review", awaiting.StateName);
        Assert.Null(awaiting.Score);
        Assert.Empty(awaiting.RatingCounts);
        Assert.All(view.Periods.Take(view.Periods.Count - 1), p => Assert.Equal(PeriodEvaluationState.Evaluated, p.State));
        var q1 = Assert.Single(view.Periods, p => p.Period == "2026-27 Q1");
        Assert.Equal(7, q1.RatingCounts.Sum(c => c.Count));
        Assert.Equal(1, Assert.Single(q1.RatingCounts, c => c.Rating == PerformanceRating.Inadequate).Count);
        Assert.NotNull(q1.NetPayment);
    }

    [Fact]
    public async Task GetContractPerformance_Trust_ShowsTheImprovementPlanAndTheRulesFiringForThePeriod()
    {
        var view = await Performance(Trust, "2026-27-Q1");

        Assert.Equal(EscalationStage.ImprovementPlan, view.Escalation.Stage);
        Assert.Equal("Improvement plan", view.Escalation.StageName);
        Assert.Equal(new DateOnly(2027, 2, 26), view.Escalation.ImprovementPlanDueOn);
        Assert.False(view.Escalation.FailedToImprove);
        var rule = Assert.Single(view.Escalation.TriggersThisPeriod, t => t.RuleNumber == 1);
        Assert.Equal(EscalationStage.ImprovementPlan, rule.RuleStage);
        Assert.Contains(Assessments, rule.Reason, StringComparison.Ordinal);
        Assert.NotNull(rule.RuleDescription);
    }

    [Fact]
    public async Task GetContractPerformance_PeriodAwaitingReview_SaysWhyThereAreNoResults()
    {
        var view = await Performance(Trust, "2026-27-Q2");

        var selected = Assert.IsType<PerformancePeriodView>(view.Selected);
        Assert.Equal(PeriodEvaluationState.AwaitingReview, selected.State);
        Assert.Null(selected.Evaluation);
        Assert.Contains("accepted", selected.NotEvaluatedReason, StringComparison.Ordinal);
        Assert.Empty(view.Escalation.TriggersThisPeriod);
    }

    [Fact]
    public async Task GetContractPerformance_NothingSubmittedByTheDueDate_IsNotReportedWithServiceCredits()
    {
        var view = await Performance(Halden, "2026-27-Q2");

        var evaluation = Assert.IsType<EvaluatedPeriodView>(view.Selected?.Evaluation);
        Assert.All(evaluation.Indicators, i => Assert.Equal(PerformanceRating.NotReported, i.Rating));
        Assert.All(evaluation.Indicators, i => Assert.Null(i.Actual));
        Assert.Equal(0m, evaluation.Score);
        var rating = Assert.Single(evaluation.RatingCounts);
        Assert.Equal(PerformanceRating.NotReported, rating.Rating);
        Assert.Equal(7, rating.Count);
        var payment = Assert.IsType<PaymentStatementView>(evaluation.Payment);
        Assert.Equal(Money.FromPounds(25_000m), payment.ServiceCredits);
        Assert.Equal(Money.Zero, payment.OutcomePayments);
        Assert.Equal(payment.AtRisk, payment.Withheld);
        var credits = payment.Lines.Where(l => l.Mechanism == IncentiveMechanism.ServiceCredit).ToList();
        Assert.Equal(2, credits.Count);
        Assert.All(credits, l => Assert.Contains("service credit", l.Explanation, StringComparison.Ordinal));
        Assert.Equal("Service credits on the indicator lines: £15,000.00 + £10,000.00 = £25,000.00 service credits.", payment.ServiceCreditsExplanation);
        Assert.Equal(payment.BaseFee - payment.ServiceCredits, payment.NetPayment);
        Assert.Contains("Left out: 2 indicators with no weight", evaluation.ScoreExplanation, StringComparison.Ordinal);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, view.Escalation.Stage);
        Assert.True(view.Escalation.FailedToImprove);
        Assert.Equal(new DateOnly(2026, 12, 14), view.Escalation.PerformanceNoticeDueBy);
    }

    [Fact]
    public async Task GetContractPerformance_RestatedPeriod_ShowsWhatWasPaidBefore()
    {
        var view = await Performance(Lantern, "2025-26-Q3");

        var evaluation = Assert.IsType<EvaluatedPeriodView>(view.Selected?.Evaluation);
        var restated = Assert.Single(evaluation.Indicators, i => i.IsRestated);
        Assert.Equal(Advocacy, restated.Name);
        var payment = Assert.IsType<PaymentStatementView>(evaluation.Payment);
        Assert.True(payment.IsRestated);
        Assert.Equal(Money.FromPounds(70_893.76m), payment.NetPaymentBeforeRestatement);
        Assert.Equal(Money.FromPounds(71_071.89m), payment.NetPayment);
        var line = Assert.Single(payment.Lines, l => l.IsRestated);
        Assert.Equal(ApproachingEarns, line.EarnedBeforeRestatement);
        Assert.Equal(AtRiskPerIndicator, line.Earned);
        Assert.True(Assert.Single(view.Periods, p => p.Period == "2025-26 Q3").IsRestated);
    }

    [Theory]
    [InlineData("2026-27-Q1")]
    [InlineData("2026-27 Q1")]
    public async Task GetContractPerformance_SlugOrLabel_SelectsThePeriod(string period)
    {
        var view = await Performance(Trust, period);

        Assert.Equal("2026-27-Q1", view.Selected?.PeriodSlug);
    }

    [Theory]
    [InlineData("not-a-period")]
    [InlineData("2026-28-Q1")]
    [InlineData("2023-24-Q1")]
    [InlineData("2027-28-Q1")]
    [InlineData("2030-31-Q1")]
    public async Task GetContractPerformance_UnknownOrUnendedPeriod_IsNotFound(string period)
    {
        var id = await ContractId(Trust);

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(ApplicationFixture.Commissioner, new GetContractPerformance(id, period)));
    }

    [Fact]
    public async Task GetContractPerformance_TheContractsProvider_SeesItButMayNotRecordOther()
    {
        var id = await ContractId(Trust);

        var view = await app.SendAs(ApplicationFixture.TrustProvider, new GetContractPerformance(id));

        Assert.Equal(Trust, view.Reference);
        Assert.NotNull(view.Selected?.Evaluation);
        Assert.False(view.CanRecordOther);
    }

    [Fact]
    public async Task GetContractPerformance_ProviderOfAnotherOrganisation_IsNotFound()
    {
        var id = await ContractId(Trust);

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(ApplicationFixture.PrivateProvider, new GetContractPerformance(id)));
    }

    [Fact]
    public async Task GetContractPerformance_Draft_HasNoPeriods()
    {
        var view = await Performance(Recovery, null);

        Assert.Equal(ContractStatus.Draft, view.Status);
        Assert.Empty(view.Periods);
        Assert.Null(view.Selected);
        Assert.True(view.CanRecordOther);
    }

    [Fact]
    public async Task RecordOtherRating_Commissioner_RatesItOtherAndPaysTheAtRiskAmount()
    {
        var (id, indicatorId, version) = await DecisionTarget(Advocacy);

        var newVersion = await app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(
            id, DecisionPeriod, indicatorId, version, "  The advocacy referral system was offline for six weeks after a council IT migration.  "));

        var stored = await Stored(id);
        Assert.Equal(newVersion, stored.Version);
        var line = Assert.Single(stored.Indicators, i => i.IndicatorName == Advocacy);
        Assert.Equal(PerformanceRating.Other, line.Rating);
        Assert.Equal(AtRiskPerIndicator, line.Earned);
        Assert.Equal(Money.Zero, line.Withheld);
        var other = Assert.Single(stored.OtherRatings);
        Assert.Equal("The advocacy referral system was offline for six weeks after a council IT migration.", other.Reason);
        Assert.Equal("Priya Shah", other.RecordedByName);

        var view = await Performance(Lantern, DecisionPeriod);
        var shown = Assert.Single(view.Selected!.Evaluation!.Indicators, i => i.Name == Advocacy);
        Assert.Equal("Other", shown.RatingName);
        Assert.Equal(other.Reason, shown.Other?.Reason);
        Assert.Contains("Left out: 1 indicator rated Other", view.Selected.Evaluation.ScoreExplanation, StringComparison.Ordinal);
        Assert.Equal(newVersion, view.Selected.Evaluation.Version);

        await app.SendAs(ApplicationFixture.Commissioner, new WithdrawOtherRating(id, DecisionPeriod, indicatorId, newVersion));
    }

    [Fact]
    public async Task WithdrawOtherRating_AfterOther_RestoresTheCalculatedRatingAndPayment()
    {
        var (id, indicatorId, version) = await DecisionTarget(Allocated);
        var recorded = await app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(
            id, DecisionPeriod, indicatorId, version, "The allocation figures were lost when the case system was replaced."));
        Assert.Equal(PerformanceRating.Other, (await Stored(id)).Indicators.Single(i => i.IndicatorName == Allocated).Rating);

        var withdrawn = await app.SendAs(ApplicationFixture.Commissioner, new WithdrawOtherRating(id, "2026-27 Q1", indicatorId, recorded));

        var stored = await Stored(id);
        Assert.Equal(withdrawn, stored.Version);
        var line = Assert.Single(stored.Indicators, i => i.IndicatorName == Allocated);
        Assert.Equal(PerformanceRating.ApproachingTarget, line.Rating);
        Assert.Equal(ApproachingEarns, line.Earned);
        Assert.DoesNotContain(stored.OtherRatings, o => o.IndicatorId.Value == indicatorId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task RecordOtherRating_WithoutAReason_IsRefused(string? reason)
    {
        var (id, indicatorId, version) = await DecisionTarget(Resolved);

        var refused = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(id, DecisionPeriod, indicatorId, version, reason)));

        Assert.Equal(["Enter why none of the ratings applies"], refused.Errors["Reason"]);
        Assert.Equal(PerformanceRating.ApproachingTarget, (await Stored(id)).Indicators.Single(i => i.IndicatorName == Resolved).Rating);
    }

    [Fact]
    public async Task RecordOtherRating_ReasonTooLong_IsRefused()
    {
        var (id, indicatorId, version) = await DecisionTarget(Resolved);

        var refused = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(id, DecisionPeriod, indicatorId, version, new string('x', OtherRating.ReasonMaxLength + 1))));

        Assert.Equal(["The reason must be 2000 characters or fewer"], refused.Errors["Reason"]);
    }

    [Theory]
    [InlineData("jess.morgan@example.com")]
    [InlineData(ApplicationFixture.TrustProvider)]
    [InlineData(ApplicationFixture.Administrator)]
    public async Task RecordOtherRating_NotACommissioner_IsForbidden(string email)
    {
        var (id, indicatorId, version) = await DecisionTarget(Resolved);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.SendAs(email, new RecordOtherRating(id, DecisionPeriod, indicatorId, version, "The provider thinks so.")));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.SendAs(email, new WithdrawOtherRating(id, DecisionPeriod, indicatorId, version)));
        Assert.DoesNotContain((await Stored(id)).OtherRatings, o => o.IndicatorId.Value == indicatorId);
    }

    [Fact]
    public async Task RecordOtherRating_StaleVersion_IsAConflict()
    {
        var (id, indicatorId, version) = await DecisionTarget(Resolved);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(id, DecisionPeriod, indicatorId, version - 1, "A reason.")));
    }

    [Fact]
    public async Task RecordOtherRating_PeriodNotYetRated_IsRefusedWithTheReason()
    {
        var id = await ContractId(Trust);
        var indicatorId = (await Performance(Trust, "2026-27-Q1")).Selected!.Evaluation!.Indicators[0].IndicatorId;

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(id, "2026-27-Q2", indicatorId, null, "A reason.")));

        Assert.Contains("has not been rated yet", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordOtherRating_UnknownIndicatorOrPeriod_IsNotFound()
    {
        var (id, indicatorId, _) = await DecisionTarget(Resolved);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(id, DecisionPeriod, Guid.NewGuid(), null, "A reason.")));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(id, "2040-41-Q1", indicatorId, null, "A reason.")));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new RecordOtherRating(Guid.NewGuid(), DecisionPeriod, indicatorId, null, "A reason.")));
    }

    [Fact]
    public async Task WithdrawOtherRating_NotRatedOther_IsRefused()
    {
        var (id, indicatorId, version) = await DecisionTarget(Resolved);

        var refused = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new WithdrawOtherRating(id, DecisionPeriod, indicatorId, version)));

        Assert.Equal("The indicator is not rated Other in this period", refused.Message);
    }

    private async Task<ContractPerformanceView> Performance(string reference, string? period) =>
        await app.SendAs(ApplicationFixture.Commissioner, new GetContractPerformance(await ContractId(reference), period));

    private Task<Guid> ContractId(string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    /// <summary>Lantern Voice, the decision period, the named indicator and the evaluation's current version.</summary>
    private async Task<(Guid ContractId, Guid IndicatorId, int Version)> DecisionTarget(string indicator)
    {
        var id = await ContractId(Lantern);
        var stored = await Stored(id);
        return (id, stored.Indicators.Single(i => i.IndicatorName == indicator).IndicatorId.Value, stored.Version);
    }

    private Task<PeriodEvaluation> Stored(Guid contractId) =>
        app.Db(db => db.PeriodEvaluations.AsNoTracking()
            .SingleAsync(e => e.ContractId == new ContractId(contractId) && e.Period == ReportingPeriod.Parse(DecisionPeriod)));
}
