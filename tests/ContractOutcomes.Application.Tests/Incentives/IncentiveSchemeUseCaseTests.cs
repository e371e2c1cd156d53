using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Application.Incentives.Common;
using ContractOutcomes.Application.Incentives.DefineIncentiveScheme;
using ContractOutcomes.Application.Incentives.GetIncentiveScheme;
using ContractOutcomes.Application.Incentives.PreviewIncentiveScheme;
using ContractOutcomes.Application.Incentives.RemoveIncentiveScheme;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Application.Tests.Incentives;

/// <summary>
/// Defining, previewing, reading and removing an incentive scheme through the real mediator. Each test that changes a
/// scheme works on a draft contract of its own: two indicators, "Needs met" (target 80%) and "Stayed safe" (target
/// 60%), both percentages where higher is better, on a £1,200,000 a year contract from 2026-27 Q1.
/// </summary>
[Collection(ApplicationTestGroup.Name)]
public sealed class IncentiveSchemeUseCaseTests(ApplicationFixture app)
{
    private const string Commissioner = ApplicationFixture.Commissioner;
    private const string NeedsMet = "Needs met";
    private const string StayedSafe = "Stayed safe";

    private sealed record Draft(Guid Id, Guid NeedsMet, Guid StayedSafe);

    private async Task<Draft> NewDraft()
    {
        var provider = await app.OrganisationId("Fernleigh Family Partnership CIC");
        var id = await app.SendAs(Commissioner, ContractRequests.Draft(provider, ContractRequests.NewReference()));
        var needsMet = await AddIndicator(id, NeedsMet, 80m);
        var stayedSafe = await AddIndicator(id, StayedSafe, 60m);
        return new Draft(id, needsMet, stayedSafe);
    }

    private async Task<Guid> AddIndicator(Guid contractId, string name, decimal target)
    {
        var id = await app.SendAs(Commissioner, ContractRequests.Indicator(contractId, name));
        await app.SendAs(Commissioner, new SetTargets(contractId, id, null, target, null));
        await app.SendAs(Commissioner, new SetTolerance(contractId, id, null, ToleranceMode.Absolute, 0m, 5m, 10m));
        return id;
    }

    private static IncentiveInput Bands(Guid indicatorId, decimal weight) =>
        new(indicatorId, IncentiveMechanism.RatingBands, weight, 100m, 75m, 40m, 0m);

    private static DefineIncentiveScheme Define(Guid contractId, decimal? share, params IncentiveInput[] incentives) =>
        new(contractId, null, share, null, null, null, incentives);

    private static PreviewIncentiveScheme Preview(Guid contractId, decimal? share, params IncentiveInput[] incentives) =>
        new(contractId, share, null, null, null, incentives);

    private async Task<RuleViolation> Refused(DefineIncentiveScheme request)
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(Commissioner, request));
        return Assert.Single(error.Violations);
    }

    private Task<Guid> ActiveContract(string reference = "WCC-CSC-2024-001") =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    [Fact]
    public async Task DefineIncentiveScheme_ValidScheme_SavesItAndGetShowsItWithItsPreview()
    {
        var draft = await NewDraft();

        var version = await app.SendAs(Commissioner, Define(draft.Id, 8m, Bands(draft.NeedsMet, 60m), Bands(draft.StayedSafe, 40m)));

        var view = await app.SendAs(Commissioner, new GetIncentiveScheme(draft.Id));
        Assert.Equal(version, view.Version);
        Assert.True(view.CanEdit);
        Assert.Equal([NeedsMet, StayedSafe], view.Indicators.Select(i => i.Name));
        Assert.Equal("80.0%", view.Indicators[0].TargetsSummary);
        var scheme = Assert.IsType<SchemeTermsView>(view.Scheme);
        Assert.Equal(8m, scheme.ShareAtRiskPercent);
        Assert.Equal([60m, 40m], scheme.Incentives.Select(i => i.WeightPercent!.Value));
        var preview = Assert.IsType<SchemePreviewView>(view.Preview);

        // A draft previews its first period: £1,200,000 × 8% ÷ 4 = £24,000 at risk a quarter, £276,000 base fee.
        Assert.Equal(ReportingPeriod.Parse("2026-27 Q1"), preview.Period);
        Assert.Equal(Money.FromPounds(24_000m), preview.AtRiskPerPeriod);
        Assert.Equal(Money.FromPounds(276_000m), preview.BaseFeePerPeriod);
        Assert.Equal(Money.FromPounds(96_000m), preview.MaximumLossPerYear);
        var needsMet = preview.Incentives[0];
        Assert.Equal(draft.NeedsMet, needsMet.IndicatorId);
        Assert.Equal(Money.FromPounds(14_400m), needsMet.AtRisk);
        var approaching = Assert.Single(needsMet.Samples, s => s.Rating == PerformanceRating.ApproachingTarget);
        Assert.Equal(Money.FromPounds(10_800m), approaching.Earned);
        Assert.Contains("75%", approaching.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefineIncentiveScheme_WeightsNotHundred_RefusedWithTheTotal()
    {
        var draft = await NewDraft();

        var problem = await Refused(Define(draft.Id, 8m, Bands(draft.NeedsMet, 60m), Bands(draft.StayedSafe, 35m)));

        Assert.Equal("The weights must add up to 100%; they add up to 95%", problem.Message);
        Assert.Equal("Weights", problem.PropertyName);
    }

    [Fact]
    public async Task DefineIncentiveScheme_FloorAboveTarget_RefusedBesideTheFloorOfThatRow()
    {
        var draft = await NewDraft();

        // The first row is left out of the scheme, so the problem must still name the second row of the form.
        var problem = await Refused(Define(
            draft.Id, 8m, new IncentiveInput(draft.NeedsMet, null), new IncentiveInput(draft.StayedSafe, IncentiveMechanism.Graded, 100m, Floor: 65m)));

        Assert.Equal("The floor for Stayed safe must be below its target of 60.0%; it is 65.0%", problem.Message);
        Assert.Equal("Incentives[1].Floor", problem.PropertyName);
    }

    [Fact]
    public async Task DefineIncentiveScheme_StretchBelowTarget_Refused()
    {
        var draft = await NewDraft();

        var problem = await Refused(Define(
            draft.Id, 8m, new IncentiveInput(draft.NeedsMet, IncentiveMechanism.Graded, 100m, Floor: 50m, Stretch: 70m, BonusCap: 1_000m)));

        Assert.Equal("The stretch target for Needs met must be above its target of 80.0%; it is 70.0%", problem.Message);
        Assert.Equal("Incentives[0].Stretch", problem.PropertyName);
    }

    [Fact]
    public async Task DefineIncentiveScheme_NegativePricePerOutcome_Refused()
    {
        var draft = await NewDraft();

        var problem = await Refused(Define(
            draft.Id, 8m, new IncentiveInput(draft.NeedsMet, IncentiveMechanism.RateCard, 100m, PricePerOutcome: -5m, Threshold: 0m, Cap: 1_000m)));

        Assert.Equal("The price per outcome cannot be negative", problem.Message);
        Assert.Equal("Incentives[0].PricePerOutcome", problem.PropertyName);
    }

    [Fact]
    public async Task DefineIncentiveScheme_NegativeCaps_EachRefusedBesideItsField()
    {
        var draft = await NewDraft();
        var request = Define(draft.Id, 8m, Bands(draft.NeedsMet, 100m)) with { AnnualCap = -1m, TermCap = -0.01m, ServiceCreditCapPercent = -5m };

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(Commissioner, request));

        var problems = error.Violations.ToDictionary(v => v.PropertyName!, v => v.Message);
        Assert.Equal("The annual cap cannot be below £0", problems["AnnualCap"]);
        Assert.Equal("The term cap cannot be below £0", problems["TermCap"]);
        Assert.Equal("The service credit cap must be between 0% and 100% of the base fee", problems["ServiceCreditCapPercent"]);
    }

    [Fact]
    public async Task DefineIncentiveScheme_NegativeRateCardAndBonusCaps_Refused()
    {
        var draft = await NewDraft();
        var request = Define(
            draft.Id,
            8m,
            new IncentiveInput(draft.NeedsMet, IncentiveMechanism.Graded, 50m, Floor: 50m, Stretch: 90m, BonusCap: -100m),
            new IncentiveInput(draft.StayedSafe, IncentiveMechanism.RateCard, 50m, PricePerOutcome: 100m, Threshold: 0m, Cap: -1m));

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(Commissioner, request));

        var problems = error.Violations.ToDictionary(v => v.PropertyName!, v => v.Message);
        Assert.Equal("The bonus cap cannot be below £0", problems["Incentives[0].BonusCap"]);
        Assert.Equal("The cap cannot be below £0", problems["Incentives[1].Cap"]);
    }

    [Fact]
    public async Task DefineIncentiveScheme_ActiveContract_RefusedAndNothingChanges()
    {
        var id = await ActiveContract();
        var before = await app.SendAs(Commissioner, new GetIncentiveScheme(id));

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(Commissioner, Define(id, 0m)));

        Assert.StartsWith("This contract is active", error.Message, StringComparison.Ordinal);
        var after = await app.SendAs(Commissioner, new GetIncentiveScheme(id));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Scheme!.ShareAtRiskPercent, after.Scheme!.ShareAtRiskPercent);
        Assert.Equal(before.Scheme.Incentives, after.Scheme.Incentives);
        Assert.False(after.CanEdit);
    }

    [Fact]
    public async Task DefineIncentiveScheme_Provider_IsForbidden()
    {
        var id = await ActiveContract();

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(ApplicationFixture.TrustProvider, Define(id, 0m)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(ApplicationFixture.TrustProvider, new RemoveIncentiveScheme(id, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(ApplicationFixture.TrustProvider, Preview(id, 0m)));
    }

    [Fact]
    public async Task DefineIncentiveScheme_StaleVersion_IsAConflict()
    {
        var draft = await NewDraft();
        var seen = (await app.SendAs(Commissioner, new GetIncentiveScheme(draft.Id))).Version;
        await app.SendAs(Commissioner, Define(draft.Id, 8m, Bands(draft.NeedsMet, 100m)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.SendAs(Commissioner, Define(draft.Id, 10m, Bands(draft.NeedsMet, 100m)) with { ExpectedVersion = seen }));

        Assert.Equal(8m, (await app.SendAs(Commissioner, new GetIncentiveScheme(draft.Id))).Scheme!.ShareAtRiskPercent);
    }

    [Fact]
    public async Task PreviewIncentiveScheme_ShareAtRiskChanges_PreviewChangesAndNothingIsSaved()
    {
        var draft = await NewDraft();
        var version = (await app.SendAs(Commissioner, new GetIncentiveScheme(draft.Id))).Version;

        var five = await app.SendAs(Commissioner, Preview(draft.Id, 5m, Bands(draft.NeedsMet, 100m)));
        var ten = await app.SendAs(Commissioner, Preview(draft.Id, 10m, Bands(draft.NeedsMet, 100m)));

        Assert.Equal(Money.FromPounds(15_000m), five.AtRiskPerPeriod);
        Assert.Equal(Money.FromPounds(30_000m), ten.AtRiskPerPeriod);
        Assert.Equal(Money.FromPounds(285_000m), five.BaseFeePerPeriod);
        Assert.Equal(Money.FromPounds(270_000m), ten.BaseFeePerPeriod);
        Assert.Equal(Money.FromPounds(120_000m), ten.MaximumLossPerYear);
        var after = await app.SendAs(Commissioner, new GetIncentiveScheme(draft.Id));
        Assert.Equal(version, after.Version);
        Assert.Null(after.Scheme);
        Assert.Null(after.Preview);
    }

    [Fact]
    public async Task PreviewIncentiveScheme_InvalidScheme_RefusedWithTheSameProblems()
    {
        var draft = await NewDraft();

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.SendAs(Commissioner, Preview(draft.Id, 8m, Bands(draft.NeedsMet, 60m), Bands(draft.StayedSafe, 35m))));

        var problem = Assert.Single(error.Violations);
        Assert.Equal("Weights", problem.PropertyName);
    }

    [Fact]
    public async Task RemoveIncentiveScheme_Draft_RemovesItAndASecondRemoveIsRefused()
    {
        var draft = await NewDraft();
        var version = await app.SendAs(Commissioner, Define(draft.Id, 8m, Bands(draft.NeedsMet, 100m)));

        await app.SendAs(Commissioner, new RemoveIncentiveScheme(draft.Id, version));

        var view = await app.SendAs(Commissioner, new GetIncentiveScheme(draft.Id));
        Assert.Null(view.Scheme);
        Assert.Null(view.Preview);
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(Commissioner, new RemoveIncentiveScheme(draft.Id, null)));
        Assert.Equal("This contract has no incentive scheme to remove", error.Message);
    }

    [Fact]
    public async Task GetIncentiveScheme_ProviderOfActiveContract_SeesTheSchemeButMayNotEdit()
    {
        var id = await ActiveContract();

        var view = await app.SendAs(ApplicationFixture.TrustProvider, new GetIncentiveScheme(id));

        Assert.Equal(ContractStatus.Active, view.Status);
        Assert.False(view.CanEdit);
        Assert.NotNull(view.Scheme);
        var preview = Assert.IsType<SchemePreviewView>(view.Preview);
        Assert.NotEmpty(preview.Incentives);
        Assert.All(preview.Incentives, i => Assert.All(i.Samples, s => Assert.False(string.IsNullOrWhiteSpace(s.Explanation))));
    }

    [Fact]
    public async Task GetIncentiveScheme_AnotherOrganisationsProvider_IsNotFound()
    {
        var id = await ActiveContract();

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(ApplicationFixture.PrivateProvider, new GetIncentiveScheme(id)));
    }

    [Fact]
    public async Task GetIncentiveScheme_ProviderOfADraft_IsNotFound()
    {
        var id = await ActiveContract("WCC-SMR-2025-007");

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs("owen.pritchard@example.com", new GetIncentiveScheme(id)));
    }
}
