using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;

namespace ContractOutcomes.Domain.Tests.Contracts;

public sealed class ContractTests
{
    private static VariationContext Variation(string from = "2026-27 Q1") =>
        new("Agreed at the contract review meeting", ReportingPeriod.Parse(from), new Actor("u1", "Priya Shah"), ContractBuilder.Now);

    [Fact]
    public void CreateDraft_ValidTerms_IsDraftWithTwentyQuarters()
    {
        var contract = new ContractBuilder().WithIndicators(0).BuildDraft();

        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Equal(20, contract.Term.Periods.Count);
        Assert.Equal(Money.FromPounds(24_000_000m), contract.AnnualValue);
        Assert.Contains(contract.DomainEvents, e => e is ContractDrafted);
    }

    [Fact]
    public void CreateDraft_ForProfitProviderOnNotForProfitContract_IsRefusedOnTheProviderField()
    {
        var builder = new ContractBuilder().WithProvider(Organisation.CreateProvider("Halden Home Care Ltd", OrganisationType.PrivateCompany, isNotForProfit: false));

        var error = Assert.Throws<BusinessRuleException>(() => builder.BuildDraft());

        Assert.Equal("ProviderId", error.PropertyName);
        Assert.Contains("not-for-profit providers only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateDraft_ProviderTypeNotInAllowedTypes_IsRefused()
    {
        var builder = new ContractBuilder()
            .WithEligibility(EligibilityRule.Of(EligibilityKind.SpecificOrganisationTypes, [OrganisationType.Charity, OrganisationType.UserLedOrganisation]));

        var error = Assert.Throws<BusinessRuleException>(() => builder.BuildDraft());

        Assert.Contains("independent trust", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateDraft_SeveralBadTerms_ReportsEveryProblemAtOnce()
    {
        var builder = new ContractBuilder();
        var details = ContractBuilder.Details() with { Reference = " ", TermEnd = new DateOnly(2024, 1, 1), AnnualValue = -5m };

        var error = Assert.Throws<BusinessRuleException>(() => Contract.CreateDraft(details, builder.Commissioner, builder.Provider));

        Assert.Equal(["Reference", "TermEnd", "AnnualValue"], error.Violations.Select(v => v.PropertyName ?? string.Empty).ToArray());
    }

    [Fact]
    public void AddIndicator_RatioWithoutDenominator_IsRefused()
    {
        var contract = new ContractBuilder().WithIndicators(0).BuildDraft();
        var definition = ContractBuilder.Percentage("Re-referrals") with { DenominatorLabel = null };

        var error = Assert.Throws<BusinessRuleException>(() => contract.AddIndicator(definition));

        Assert.Equal("DenominatorLabel", error.PropertyName);
    }

    [Fact]
    public void AddIndicator_DuplicateName_IsRefused()
    {
        var contract = new ContractBuilder().WithIndicators(1).BuildDraft();

        Assert.Throws<BusinessRuleException>(() => contract.AddIndicator(ContractBuilder.Percentage("indicator 1")));
    }

    [Fact]
    public void SetTargets_PercentageAbove100_IsRefusedAndChangesNothing()
    {
        var contract = new ContractBuilder().WithIndicators(1).BuildDraft();
        var indicator = contract.Indicators[0];
        var targets = contract.Term.Periods.ToDictionary(p => p, _ => 101m);

        var error = Assert.Throws<BusinessRuleException>(() => contract.SetTargets(indicator.Id, targets));

        Assert.Contains("100% or less", error.Message, StringComparison.Ordinal);
        Assert.All(indicator.Targets, t => Assert.Equal(80m, t.Value));
    }

    [Fact]
    public void MoveIndicator_Up_SwapsDisplayOrder()
    {
        var contract = new ContractBuilder().WithIndicators(3).BuildDraft();
        var third = contract.Indicators.Single(i => i.DisplayOrder == 3);

        contract.MoveIndicator(third.Id, up: true);

        Assert.Equal(2, third.DisplayOrder);
        Assert.Equal([1, 2, 3], contract.Indicators.Select(i => i.DisplayOrder).Order().ToArray());
    }

    [Fact]
    public void RemoveIndicator_Renumbers()
    {
        var contract = new ContractBuilder().WithIndicators(3).BuildDraft();

        contract.RemoveIndicator(contract.Indicators.Single(i => i.DisplayOrder == 1).Id);

        Assert.Equal([1, 2], contract.Indicators.Select(i => i.DisplayOrder).Order().ToArray());
    }

    [Fact]
    public void Activate_MissingTargetsAndTolerance_ListsEachProblem()
    {
        var builder = new ContractBuilder().WithAnnualValue(2_000_000m).WithIndicators(2).WithoutTargets().WithoutTolerance();
        var contract = builder.BuildDraft();

        var error = Assert.Throws<BusinessRuleException>(() => contract.Activate(builder.Provider, false, ContractBuilder.Now));

        Assert.Equal(4, error.Violations.Count);
        Assert.Contains(error.Violations, v => v.Message.StartsWith("Enter a target for Indicator 1 for 2024-25 Q1 and 19 other periods", StringComparison.Ordinal));
        Assert.Contains(error.Violations, v => v.Message == "Set the tolerance thresholds for Indicator 2");
        Assert.Equal(ContractStatus.Draft, contract.Status);
    }

    [Fact]
    public void Activate_NoIndicators_IsRefused()
    {
        var builder = new ContractBuilder().WithAnnualValue(2_000_000m).WithIndicators(0);

        var error = Assert.Throws<BusinessRuleException>(() => builder.BuildActive());

        Assert.Equal("Add at least one outcome indicator", error.Message);
    }

    [Theory]
    [InlineData(24_000_000, 2, false, false, true)]
    [InlineData(24_000_000, 2, true, false, false)]
    [InlineData(24_000_000, 2, false, true, false)]
    [InlineData(24_000_000, 3, false, false, false)]
    [InlineData(5_000_000, 1, false, false, false)]
    public void Activate_KpiDuty_NeedsConfirmationAboveFiveMillionWithFewerThanThreeKpis(
        int annualValue, int indicators, bool lightTouch, bool confirmed, bool refused)
    {
        var builder = new ContractBuilder().WithAnnualValue(annualValue).WithIndicators(indicators);
        if (lightTouch)
        {
            builder.LightTouch();
        }

        var contract = builder.BuildDraft();
        var error = Record.Exception(() => contract.Activate(builder.Provider, confirmed, ContractBuilder.Now));

        Assert.Equal(refused, error is BusinessRuleException { PropertyName: "FewerKpisConfirmed" });
        Assert.Equal(refused ? ContractStatus.Draft : ContractStatus.Active, contract.Status);
    }

    [Fact]
    public void Activate_ProviderNoLongerEligible_IsRefused()
    {
        var builder = new ContractBuilder();
        var contract = builder.BuildDraft();
        builder.Provider.Update(builder.Provider.Name, OrganisationType.PrivateCompany, isNotForProfit: false);

        Assert.Throws<BusinessRuleException>(() => contract.Activate(builder.Provider, false, ContractBuilder.Now));
    }

    [Fact]
    public void ActiveContract_DirectEdits_AreRefusedInFavourOfVariations()
    {
        var contract = new ContractBuilder().BuildActive();

        var error = Assert.Throws<BusinessRuleException>(() => contract.AddIndicator(ContractBuilder.Percentage("New one")));

        Assert.StartsWith("This contract is active: record a variation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VaryTarget_FromAPeriod_ChangesThatPeriodOnwardsAndRecordsTheVariation()
    {
        var contract = new ContractBuilder().BuildActive();
        var indicator = contract.Indicators[0];
        var versionBefore = contract.Version;

        var variation = contract.VaryTarget(indicator.Id, 85m, Variation("2026-27 Q1"));

        Assert.Equal(80m, indicator.TargetFor(ReportingPeriod.Parse("2025-26 Q4")));
        Assert.Equal(85m, indicator.TargetFor(ReportingPeriod.Parse("2026-27 Q1")));
        Assert.Equal(85m, indicator.TargetFor(ReportingPeriod.Parse("2028-29 Q4")));
        Assert.Equal(1, variation.Number);
        Assert.Equal("Target for Indicator 1 changed from 80.0% to 85.0% from 2026-27 Q1", variation.Description);
        Assert.Equal("Priya Shah", variation.RecordedByName);
        Assert.True(contract.Version > versionBefore);
    }

    [Fact]
    public void VaryTermEnd_Extension_CarriesLastTargetIntoNewPeriods()
    {
        var contract = new ContractBuilder().BuildActive();

        contract.VaryTermEnd(new DateOnly(2030, 3, 31), Variation());

        Assert.Equal(24, contract.Term.Periods.Count);
        Assert.All(contract.Indicators, i => Assert.Empty(i.PeriodsWithoutTarget(contract.Term)));
    }

    [Fact]
    public void VaryAnnualValue_EffectiveOutsideTerm_IsRefused()
    {
        var contract = new ContractBuilder().BuildActive();

        var error = Assert.Throws<BusinessRuleException>(() => contract.VaryAnnualValue(25_000_000m, Variation("2030-31 Q1")));

        Assert.Equal("EffectiveFrom", error.PropertyName);
        Assert.Empty(contract.Variations);
    }

    [Fact]
    public void VaryAnnualValue_OnDraft_IsRefused()
    {
        var contract = new ContractBuilder().BuildDraft();

        Assert.Throws<BusinessRuleException>(() => contract.VaryAnnualValue(25_000_000m, Variation()));
    }

    [Fact]
    public void End_ActiveContract_EndsAndThenRefusesVariations()
    {
        var contract = new ContractBuilder().BuildActive();

        contract.End(new DateOnly(2026, 12, 31), "Provider entered administration", ContractBuilder.Now);

        Assert.Equal(ContractStatus.Ended, contract.Status);
        Assert.Throws<BusinessRuleException>(() => contract.VaryAnnualValue(1m, Variation()));
    }

    [Fact]
    public void End_WithoutReason_IsRefused()
    {
        var contract = new ContractBuilder().BuildActive();

        var error = Assert.Throws<BusinessRuleException>(() => contract.End(new DateOnly(2026, 12, 31), " ", ContractBuilder.Now));

        Assert.Equal(ContractStatus.Active, contract.Status);
        Assert.Equal("Reason", error.PropertyName);
    }
}
