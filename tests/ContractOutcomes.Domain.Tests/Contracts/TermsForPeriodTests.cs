using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Tests.Contracts;

public class TermsForPeriodTests
{
    private static readonly ToleranceBands Agreed = ToleranceBands.Of(ToleranceMode.Absolute, 0, 2, 5);
    private static readonly ToleranceBands Wider = ToleranceBands.Of(ToleranceMode.Absolute, 1, 4, 8);
    private static readonly ToleranceBands Widest = ToleranceBands.Of(ToleranceMode.Relative, 5, 10, 20);

    private static VariationContext From(string period) =>
        new("Agreed at the contract review meeting", ReportingPeriod.Parse(period), new Actor("u1", "Priya Shah"), ContractBuilder.Now);

    private static ReportingPeriod P(string label) => ReportingPeriod.Parse(label);

    [Fact]
    public void TermsFor_NoVariations_IsVersionZeroWithTheAgreedTerms()
    {
        var contract = new ContractBuilder().BuildActive();

        var terms = contract.TermsFor(P("2025-26 Q2"));

        Assert.Equal(0, terms.TermsVersion);
        Assert.Equal(Money.FromPounds(24_000_000m), terms.AnnualValue);
        Assert.Equal(3, terms.Indicators.Count);
        Assert.All(terms.Indicators, i => Assert.Equal(80m, i.Target));
        Assert.All(terms.Indicators, i => Assert.Equal(Agreed, i.Tolerance));
        Assert.Equal(22.1m, terms.Indicators[0].Baseline);
    }

    [Fact]
    public void ToleranceFor_AfterAVariation_EarlierPeriodsKeepTheAgreedThresholds()
    {
        var contract = new ContractBuilder().BuildActive();
        var indicator = contract.Indicators[0];

        contract.VaryTolerance(indicator.Id, Wider, From("2026-27 Q1"));

        Assert.Equal(Agreed, indicator.ToleranceFor(P("2024-25 Q1")));
        Assert.Equal(Agreed, indicator.ToleranceFor(P("2025-26 Q4")));
        Assert.Equal(Wider, indicator.ToleranceFor(P("2026-27 Q1")));
        Assert.Equal(Wider, indicator.ToleranceFor(P("2028-29 Q4")));
        Assert.Equal(Wider, indicator.Tolerance);
    }

    [Fact]
    public void ToleranceFor_ABackdatedVariation_ReplacesLaterChangesFromItsPeriod()
    {
        var contract = new ContractBuilder().BuildActive();
        var indicator = contract.Indicators[0];

        contract.VaryTolerance(indicator.Id, Wider, From("2026-27 Q1"));
        contract.VaryTolerance(indicator.Id, Widest, From("2025-26 Q3"));

        Assert.Equal(Agreed, indicator.ToleranceFor(P("2025-26 Q2")));
        Assert.Equal(Widest, indicator.ToleranceFor(P("2025-26 Q3")));
        Assert.Equal(Widest, indicator.ToleranceFor(P("2026-27 Q2")));
    }

    [Fact]
    public void AnnualValueFor_AfterAVariation_AppliesFromItsEffectivePeriodOnly()
    {
        var contract = new ContractBuilder().BuildActive();

        contract.VaryAnnualValue(25_500_000m, From("2026-27 Q1"));

        Assert.Equal(Money.FromPounds(24_000_000m), contract.AnnualValueFor(P("2025-26 Q4")));
        Assert.Equal(Money.FromPounds(25_500_000m), contract.AnnualValueFor(P("2026-27 Q1")));
        Assert.Equal(Money.FromPounds(25_500_000m), contract.AnnualValue);
    }

    [Fact]
    public void TermsVersionFor_CountsOnlyVariationsEffectiveByThePeriod()
    {
        var contract = new ContractBuilder().BuildActive();
        var indicator = contract.Indicators[1];

        contract.VaryTarget(indicator.Id, 85m, From("2026-27 Q1"));
        contract.VaryAnnualValue(25_000_000m, From("2025-26 Q1"));

        Assert.Equal(0, contract.TermsVersionFor(P("2024-25 Q4")));
        Assert.Equal(2, contract.TermsVersionFor(P("2025-26 Q1")));
        Assert.Equal(2, contract.TermsVersionFor(P("2026-27 Q1")));
        var terms = contract.TermsFor(P("2026-27 Q1"));
        Assert.Equal(85m, terms.Indicator(indicator.Id)!.Target);
        Assert.Equal(80m, contract.TermsFor(P("2025-26 Q4")).Indicator(indicator.Id)!.Target);
    }

    [Fact]
    public void SetTolerance_OnADraft_AppliesToEveryPeriod()
    {
        var contract = new ContractBuilder().BuildDraft();
        var indicator = contract.Indicators[0];

        contract.SetTolerance(indicator.Id, Wider);

        Assert.Empty(indicator.ToleranceChanges);
        Assert.Equal(Wider, indicator.ToleranceFor(P("2024-25 Q1")));
        Assert.Equal(Wider, indicator.ToleranceFor(P("2028-29 Q4")));
    }
}
