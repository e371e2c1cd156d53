using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Incentives;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Tests.Incentives;

/// <summary>
/// A draft contract (2024-25 to 2028-29) whose real indicators give the figures, terms and scheme
/// indicators that payments are worked out from. Every indicator has the same target in every period
/// unless given a list, and absolute tolerance bands of 0, 2 and 5 unless given others.
/// </summary>
internal sealed class IncentiveTestData
{
    public static readonly ReportingPeriod Q1 = ReportingPeriod.Parse("2025-26 Q1");

    private readonly Contract _contract;

    public IncentiveTestData(decimal annualValue = 24_000_000m)
    {
        AnnualValue = annualValue;
        var commissioner = Organisation.CreateCommissioningBody("Wessex County Council");
        var provider = Organisation.CreateProvider("Wessex Children's Trust", OrganisationType.IndependentTrust, isNotForProfit: true);
        _contract = Contract.CreateDraft(
            new ContractDetails("WCC-CSC-2024-001", "Children's social care services", "Children's social care",
                new DateOnly(2024, 4, 1), new DateOnly(2029, 3, 31), annualValue, EligibilityRule.NotForProfitOnly, IsLightTouch: false),
            commissioner,
            provider);
    }

    public decimal AnnualValue { get; }

    public static ToleranceBands DefaultTolerance { get; } = ToleranceBands.Of(ToleranceMode.Absolute, 0, 2, 5);

    public OutcomeIndicator Percentage(string name, Polarity polarity, decimal target, ToleranceBands? tolerance = null) =>
        Add(name, IndicatorUnit.Percentage, polarity, target, tolerance);

    public OutcomeIndicator Add(string name, IndicatorUnit unit, Polarity polarity, decimal target, ToleranceBands? tolerance = null)
    {
        var ratio = unit.IsRatio();
        var indicator = _contract.AddIndicator(new IndicatorDefinition(
            name, $"Definition of {name}", unit, polarity, RbaQuestion.IsAnyoneBetterOff, "Case management system",
            ratio ? "Meeting the measure" : null, ratio ? "All in scope" : null, null, null));
        _contract.SetTargets(indicator.Id, _contract.Term.Periods.ToDictionary(p => p, _ => target));
        _contract.SetTolerance(indicator.Id, tolerance ?? DefaultTolerance);
        return indicator;
    }

    public void SetTargets(OutcomeIndicator indicator, IReadOnlyDictionary<ReportingPeriod, decimal> targets) =>
        _contract.SetTargets(indicator.Id, targets);

    public IReadOnlyList<SchemeIndicator> SchemeIndicators => _contract.Indicators
        .Select(i => new SchemeIndicator(i.Id, i.Name, i.Unit, i.Polarity, i.Targets.Select(t => t.Value).ToArray()))
        .ToArray();

    public IncentiveScheme Scheme(decimal share, params IndicatorIncentive[] incentives) =>
        IncentiveScheme.Define(share, null, null, null, incentives, SchemeIndicators);

    public PeriodTerms Terms(ReportingPeriod period, decimal? annualValue = null, int version = 0) =>
        new(period, version, Money.FromPounds(annualValue ?? AnnualValue), _contract.Indicators
            .Select(i => new IndicatorTerms(i.Id, i.Name, i.Unit, i.Polarity, i.TargetFor(period), i.Tolerance, i.BaselineValue, i.DisplayOrder))
            .ToArray());

    /// <summary>The accepted figure rated as the contract's tolerance bands rate it.</summary>
    public static IndicatorOutcome Reported(OutcomeIndicator indicator, decimal value, ReportingPeriod? period = null, bool restated = false)
    {
        var figure = indicator.Unit.IsRatio()
            ? throw new ArgumentException("Use Ratio for percentages and rates.", nameof(indicator))
            : Figure.For(indicator, value, null, null);
        return Rate(indicator, figure, period ?? Q1, restated);
    }

    public static IndicatorOutcome Ratio(OutcomeIndicator indicator, decimal numerator, decimal denominator, ReportingPeriod? period = null, bool restated = false) =>
        Rate(indicator, Figure.For(indicator, null, numerator, denominator), period ?? Q1, restated);

    public static IndicatorOutcome Rated(PerformanceRating rating, bool restated = false) => new(rating, null, restated);

    public PeriodPerformance Performance(ReportingPeriod period, params (OutcomeIndicator Indicator, IndicatorOutcome Outcome)[] outcomes) =>
        new(Terms(period), outcomes.ToDictionary(o => o.Indicator.Id, o => o.Outcome));

    public PaymentStatement Statement(IncentiveScheme scheme, ReportingPeriod period, params (OutcomeIndicator Indicator, IndicatorOutcome Outcome)[] outcomes) =>
        PaymentCalculator.Calculate(scheme, [Performance(period, outcomes)]).Single();

    private static IndicatorOutcome Rate(OutcomeIndicator indicator, Figure figure, ReportingPeriod period, bool restated)
    {
        var target = indicator.TargetFor(period) ?? throw new InvalidOperationException("No target");
        return new IndicatorOutcome(indicator.Tolerance!.Rate(target, figure.Value, indicator.Polarity), figure, restated);
    }
}
