using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Contracts.ActivateContract;
using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Application.Contracts.GetContractHistory;
using ContractOutcomes.Application.Contracts.ListContracts;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Application.Contracts.UpdateDraftContract;
using ContractOutcomes.Application.Contracts.VaryContract;
using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContractOutcomes.Application.Tests;

[Collection(ApplicationTestGroup.Name)]
public sealed class ContractUseCaseTests(ApplicationFixture app)
{
    private Task<Guid> Provider(string name = "Fernleigh Family Partnership CIC") => app.OrganisationId(name);

    [Fact]
    public async Task CreateDraftContract_AsCommissioner_SavesDraftAndRecordsWhoDidIt()
    {
        var reference = ContractRequests.NewReference();

        var id = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(await Provider(), reference));

        var view = await app.SendAs(ApplicationFixture.Commissioner, new GetContract(id));
        Assert.Equal(ContractStatus.Draft, view.Status);
        Assert.Equal(reference, view.Reference);
        Assert.Equal("Wessex County Council", view.CommissionerName);
        Assert.Equal(12, view.Periods.Count);
        var audit = await app.SendAs(ApplicationFixture.Commissioner, new GetContractHistory(id));
        var created = Assert.Single(audit);
        Assert.Equal("CreateDraftContract", created.Action);
        Assert.Equal("Priya Shah", created.UserName);
        Assert.Equal(AuditChangeKind.Added, created.Change);
        Assert.Contains(reference, created.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateDraftContract_BlankFields_ListsEveryMessageAndSavesNothing()
    {
        var before = await app.Db(db => db.Contracts.CountAsync());
        var request = ContractRequests.Draft(await Provider(), "") with { Title = " ", TermStart = null, AnnualValue = -1m, ProviderId = null };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(ApplicationFixture.Commissioner, request));

        Assert.Equal("Enter a reference", error.Errors["Reference"][0]);
        Assert.Equal("Enter a title", error.Errors["Title"][0]);
        Assert.Equal("Enter the start date", error.Errors["TermStart"][0]);
        Assert.Equal("The annual value must be more than £0", error.Errors["AnnualValue"][0]);
        Assert.Equal("Select the provider", error.Errors["ProviderId"][0]);
        Assert.Equal(before, await app.Db(db => db.Contracts.CountAsync()));
    }

    [Fact]
    public async Task CreateDraftContract_EndBeforeStart_IsRefusedOnTheEndDate()
    {
        var request = ContractRequests.Draft(await Provider(), ContractRequests.NewReference()) with { TermEnd = new DateOnly(2026, 1, 1) };

        var error = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(ApplicationFixture.Commissioner, request));

        Assert.Equal("The end date must be after the start date", Assert.Single(error.Errors["TermEnd"]));
    }

    [Fact]
    public async Task CreateDraftContract_DuplicateReferenceInAnyCase_IsRefused()
    {
        var reference = ContractRequests.NewReference();
        await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(await Provider(), reference));

        var provider = await Provider();
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(provider, reference.ToLowerInvariant())));

        Assert.Equal("Reference", error.PropertyName);
        Assert.Equal(1, await app.Db(db => db.Contracts.CountAsync(c => c.Reference == reference)));
    }

    [Fact]
    public async Task CreateDraftContract_UnknownProvider_IsAnInputError()
    {
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(Guid.NewGuid(), ContractRequests.NewReference())));

        Assert.Equal("Select a provider from the list", error.Errors["ProviderId"][0]);
    }

    [Fact]
    public async Task CreateDraftContract_IneligibleProvider_IsRefusedWithTheReason()
    {
        var request = ContractRequests.Draft(await Provider("Halden Home Care Ltd"), ContractRequests.NewReference()) with { Eligibility = EligibilityKind.NotForProfitOnly };

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(ApplicationFixture.Commissioner, request));

        Assert.Equal("ProviderId", error.PropertyName);
        Assert.Contains("Halden Home Care Ltd is not a not-for-profit organisation", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationFixture.TrustProvider)]
    [InlineData(ApplicationFixture.Administrator)]
    public async Task CreateDraftContract_NotACommissioner_IsForbidden(string email)
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await app.SendAs(email, ContractRequests.Draft(await Provider(), ContractRequests.NewReference())));
    }

    [Fact]
    public async Task DefineAndActivate_ThreeIndicatorsWithTargetsAndThresholds_BecomesActive()
    {
        var id = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(await Provider(), ContractRequests.NewReference()));
        foreach (var name in new[] { "Families whose needs were met", "Families re-referred within 12 months", "Families engaged within 10 days" })
        {
            var indicatorId = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Indicator(id, name));
            await app.SendAs(ApplicationFixture.Commissioner, new SetTargets(id, indicatorId, null, 75m, null));
            await app.SendAs(ApplicationFixture.Commissioner, new SetTolerance(id, indicatorId, null, ToleranceMode.Absolute, 0m, 3m, 8m));
        }

        var draft = await app.SendAs(ApplicationFixture.Commissioner, new GetContract(id));
        Assert.Empty(draft.ActivationProblems);
        await app.SendAs(ApplicationFixture.Commissioner, new ActivateContract(id, draft.Version, false));

        var active = await app.SendAs(ApplicationFixture.Commissioner, new GetContract(id));
        Assert.Equal(ContractStatus.Active, active.Status);
        Assert.NotNull(active.ActivatedAt);
        Assert.All(active.Indicators, i => Assert.Equal(12, i.Targets.Count));
        Assert.Equal(["Good", "ApproachingTarget", "RequiresImprovement", "Inadequate"], active.Indicators[0].BandsAtFirstTarget.Select(b => b.Rating.ToString()).ToArray());
    }

    [Fact]
    public async Task SetTargets_GridWithABlankAndAnOverHundred_ReportsEachCellAndSavesNothing()
    {
        var id = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(await Provider(), ContractRequests.NewReference()));
        var indicatorId = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Indicator(id, "Families whose needs were met"));
        var periods = ReportingPeriod.Range(ReportingPeriod.Parse("2026-27 Q1"), ReportingPeriod.Parse("2028-29 Q4"));
        var grid = periods.Select((p, i) => new PeriodTarget(p.Label, i switch { 1 => null, 2 => 101m, _ => 70m })).ToList();

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new SetTargets(id, indicatorId, null, null, grid)));
        Assert.Equal("Enter a target for 2026-27 Q2", error.Errors["Targets[1].Value"][0]);

        grid[1] = grid[1] with { Value = 70m };
        var overHundred = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new SetTargets(id, indicatorId, null, null, grid)));
        Assert.Equal("The target for 2026-27 Q3 must be 100% or less", overHundred.Errors["Targets[2].Value"][0]);

        var view = await app.SendAs(ApplicationFixture.Commissioner, new GetContract(id));
        Assert.Empty(view.Indicators[0].Targets);
    }

    [Fact]
    public async Task UpdateDraftContract_StaleVersion_IsAConflictAndChangesNothing()
    {
        var id = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(await Provider(), ContractRequests.NewReference()));
        var seen = await app.SendAs(ApplicationFixture.Commissioner, new GetContract(id));
        await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Indicator(id, "Someone else's change"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.SendAs(ApplicationFixture.Commissioner, new UpdateDraftContract(
            id, seen.Version, seen.Reference, "A new title", seen.ServiceArea, seen.ProviderId, seen.TermStart, seen.TermEnd,
            seen.AnnualValue.Amount, seen.Eligibility, seen.EligibleOrganisationTypes, seen.IsLightTouch)));

        Assert.Equal(seen.Title, (await app.SendAs(ApplicationFixture.Commissioner, new GetContract(id))).Title);
    }

    [Fact]
    public async Task SaveChanges_TwoWritersOfTheSameContract_SecondIsRefusedByTheStoredVersion()
    {
        var id = new ContractId(await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(await Provider(), ContractRequests.NewReference())));
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var a = await firstDb.Contracts.SingleAsync(c => c.Id == id);
        var b = await secondDb.Contracts.SingleAsync(c => c.Id == id);

        a.AddIndicator(CountIndicator("First writer"));
        b.AddIndicator(CountIndicator("Second writer"));
        await firstDb.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
    }

    [Fact]
    public async Task VaryContract_TargetOfActiveContract_RecordsVariationAndAuditsTheTargetChanges()
    {
        var contract = (await app.SendAs(ApplicationFixture.Commissioner, new ListContracts("WCC-CSC-2024-001"))).Items.Single();
        var view = await app.SendAs(ApplicationFixture.Commissioner, new GetContract(contract.Id));
        var indicator = view.Indicators.First(i => i.Name.StartsWith("Single assessments", StringComparison.Ordinal));

        var number = await app.SendAs(ApplicationFixture.Commissioner, new VaryContract(
            view.Id, view.Version, VariationKind.Target, "Agreed improvement trajectory after the 2026 inspection", "2027-28 Q1", NewTarget: 88m, IndicatorId: indicator.Id));

        var after = await app.SendAs(ApplicationFixture.Commissioner, new GetContract(view.Id));
        var variation = after.Variations.Single(v => v.Number == number);
        Assert.Equal("Priya Shah", variation.RecordedBy);
        Assert.Contains("to 88.0% from 2027-28 Q1", variation.Description, StringComparison.Ordinal);
        Assert.Equal(88m, after.Indicators.Single(i => i.Id == indicator.Id).Targets.Single(t => t.Period.Label == "2028-29 Q4").Value);
        var history = await app.SendAs(ApplicationFixture.Commissioner, new GetContractHistory(view.Id));
        Assert.Contains(history, h => h is { Action: "VaryContract", EntityType: "IndicatorTarget", Change: AuditChangeKind.Modified });
        Assert.Contains(history, h => h is { Action: "VaryContract", EntityType: "ContractVariation", Change: AuditChangeKind.Added });
    }

    [Fact]
    public async Task VaryContract_Draft_IsRefused()
    {
        var id = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(await Provider(), ContractRequests.NewReference()));

        await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(ApplicationFixture.Commissioner,
            new VaryContract(id, null, VariationKind.AnnualValue, "More capacity", "2026-27 Q2", NewAnnualValue: 1_500_000m)));
    }

    private static IndicatorDefinition CountIndicator(string name) =>
        new(name, "Families supported in the quarter", IndicatorUnit.Count, Polarity.HigherIsBetter, RbaQuestion.HowMuchDidWeDo, "Provider records", null, null, null, null);
}
