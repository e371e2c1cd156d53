using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;

namespace ContractOutcomes.Domain.Tests.Contracts;

/// <summary>Builds contracts for tests, defaulting to DOMAIN.md's worked example.</summary>
internal sealed class ContractBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private decimal _annualValue = 24_000_000m;
    private EligibilityRule _eligibility = EligibilityRule.NotForProfitOnly;
    private bool _lightTouch;
    private int _indicators = 3;
    private bool _targets = true;
    private bool _tolerance = true;

    public Organisation Commissioner { get; } = Organisation.CreateCommissioningBody("Wessex County Council");

    public Organisation Provider { get; private set; } = Organisation.CreateProvider("Wessex Children's Trust", OrganisationType.IndependentTrust, isNotForProfit: true);

    public ContractBuilder WithProvider(Organisation provider)
    {
        Provider = provider;
        return this;
    }

    public ContractBuilder WithAnnualValue(decimal value)
    {
        _annualValue = value;
        return this;
    }

    public ContractBuilder WithEligibility(EligibilityRule rule)
    {
        _eligibility = rule;
        return this;
    }

    public ContractBuilder LightTouch()
    {
        _lightTouch = true;
        return this;
    }

    public ContractBuilder WithIndicators(int count)
    {
        _indicators = count;
        return this;
    }

    public ContractBuilder WithoutTargets()
    {
        _targets = false;
        return this;
    }

    public ContractBuilder WithoutTolerance()
    {
        _tolerance = false;
        return this;
    }

    public static ContractDetails Details(decimal annualValue = 24_000_000m, EligibilityRule? eligibility = null, bool lightTouch = false) =>
        new("WCC-CSC-2024-001", "Children's social care services", "Children's social care",
            new DateOnly(2024, 4, 1), new DateOnly(2029, 3, 31), annualValue, eligibility ?? EligibilityRule.NotForProfitOnly, lightTouch);

    public static IndicatorDefinition Percentage(string name, Polarity polarity = Polarity.HigherIsBetter) =>
        new(name, $"Definition of {name}", IndicatorUnit.Percentage, polarity, RbaQuestion.IsAnyoneBetterOff,
            "Case management system", "Children meeting the measure", "All children", 22.1m, ReportingPeriod.Parse("2023-24 Q4"));

    public Contract BuildDraft()
    {
        var contract = Contract.CreateDraft(Details(_annualValue, _eligibility, _lightTouch), Commissioner, Provider);
        for (var i = 1; i <= _indicators; i++)
        {
            var indicator = contract.AddIndicator(Percentage($"Indicator {i}"));
            if (_targets)
            {
                contract.SetTargets(indicator.Id, contract.Term.Periods.ToDictionary(p => p, _ => 80m));
            }

            if (_tolerance)
            {
                contract.SetTolerance(indicator.Id, ToleranceBands.Of(ToleranceMode.Absolute, 0, 2, 5));
            }
        }

        return contract;
    }

    public Contract BuildActive()
    {
        var contract = BuildDraft();
        contract.Activate(Provider, fewerKpisConfirmed: false, Now);
        return contract;
    }
}
