using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;

namespace ContractOutcomes.Domain.Tests.Incentives;

public class IncentiveSchemeTests
{
    private readonly IncentiveTestData _data = new();
    private readonly OutcomeIndicator _assessments;
    private readonly OutcomeIndicator _reReferrals;
    private readonly OutcomeIndicator _families;
    private readonly OutcomeIndicator _daysToVisit;

    public IncentiveSchemeTests()
    {
        _assessments = _data.Percentage("Assessments within 45 working days", Polarity.HigherIsBetter, 85);
        _reReferrals = _data.Percentage("Re-referrals within 12 months", Polarity.LowerIsBetter, 20);
        _families = _data.Add("Families supported", IndicatorUnit.Count, Polarity.HigherIsBetter, 400);
        _daysToVisit = _data.Add("Days to first visit", IndicatorUnit.Days, Polarity.LowerIsBetter, 10);
    }

    [Fact]
    public void Define_ValidScheme_KeepsEveryPartInOrder()
    {
        var incentives = new[]
        {
            IndicatorIncentive.RatingBands(_assessments.Id, 40, 100, 75, 50, 0),
            IndicatorIncentive.Graded(_reReferrals.Id, 30, 30, 15, 10_000),
            IndicatorIncentive.RateCard(_families.Id, 30, 250, 300, 40_000),
            IndicatorIncentive.ServiceCredit(_daysToVisit.Id, 5_000),
        };

        var scheme = IncentiveScheme.Define(8, 1_500_000, 7_000_000, 5, incentives, _data.SchemeIndicators);

        Assert.Equal(8, scheme.ShareAtRiskPercent);
        Assert.Equal(Money.FromPounds(1_500_000), scheme.AnnualCap);
        Assert.Equal(Money.FromPounds(7_000_000), scheme.TermCap);
        Assert.Equal(5, scheme.ServiceCreditCapPercent);
        Assert.Equal(incentives, scheme.Incentives);
        Assert.Same(incentives[2], scheme.IncentiveFor(_families.Id));
    }

    [Fact]
    public void Define_NothingAtRiskAndNoIncentives_IsAllowed()
    {
        var scheme = IncentiveScheme.Define(0, null, null, null, [], _data.SchemeIndicators);

        Assert.Empty(scheme.Incentives);
        Assert.Null(scheme.AnnualCap);
    }

    [Fact]
    public void Define_OnlyServiceCreditsWithNothingAtRisk_IsAllowed()
    {
        var scheme = IncentiveScheme.Define(0, null, null, 10, [IndicatorIncentive.ServiceCredit(_daysToVisit.Id, 5_000)], _data.SchemeIndicators);

        Assert.Single(scheme.Incentives);
    }

    [Fact]
    public void None_PaysEverythingAsBaseFee()
    {
        Assert.Equal(0, IncentiveScheme.None.ShareAtRiskPercent);
        Assert.Empty(IncentiveScheme.None.Incentives);
    }

    [Fact]
    public void Define_WeightsAddUpTo95_SaysWhatTheyAddUpTo()
    {
        var error = Refused(8, null, null, null,
            IndicatorIncentive.RatingBands(_assessments.Id, 50, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(_reReferrals.Id, 45, 100, 75, 50, 0));

        Assert.Equal(new RuleViolation("The weights must add up to 100%; they add up to 95%", "Weights"), Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_WeightsAddUpToMoreThan100_SaysWhatTheyAddUpTo()
    {
        var error = Refused(8, null, null, null,
            IndicatorIncentive.RatingBands(_assessments.Id, 60.5m, 100, 75, 50, 0),
            IndicatorIncentive.Graded(_reReferrals.Id, 40, 30, null, null));

        Assert.Equal("The weights must add up to 100%; they add up to 100.5%", Assert.Single(error.Violations).Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void Define_ShareOutsideRange_IsRefused(double share)
    {
        var error = Refused((decimal)share, null, null, null, IndicatorIncentive.RatingBands(_assessments.Id, 100, 100, 75, 50, 0));

        Assert.Equal(new RuleViolation("The share at risk must be between 0% and 100%", "ShareAtRiskPercent"), Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_ShareAtRiskWithoutWeightedIndicator_AsksForOne()
    {
        var error = Refused(8, null, null, 5, IndicatorIncentive.ServiceCredit(_daysToVisit.Id, 5_000));

        Assert.Equal(
            new RuleViolation("With 8% at risk, at least one indicator must be paid by rating band, graded payment or rate card; add one or set the share at risk to 0%", "ShareAtRiskPercent"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_WeightedIndicatorsWithNothingAtRisk_AsksForAShare()
    {
        var error = Refused(0, null, null, null, IndicatorIncentive.RatingBands(_assessments.Id, 100, 100, 75, 50, 0));

        Assert.Equal(
            new RuleViolation("Enter a share at risk more than 0%: with nothing at risk, the weighted indicators cannot earn anything", "ShareAtRiskPercent"),
            Assert.Single(error.Violations));
    }

    [Theory]
    [InlineData("-0.01", null, "The annual cap cannot be below £0", "AnnualCap")]
    [InlineData("1000.001", null, "The annual cap must be in pounds and pence, with no more than 2 decimal places", "AnnualCap")]
    [InlineData(null, "-5", "The term cap cannot be below £0", "TermCap")]
    public void Define_BadCap_IsRefusedBesideIt(string? annualCap, string? termCap, string message, string property)
    {
        var error = Refused(8, Parse(annualCap), Parse(termCap), null, IndicatorIncentive.RatingBands(_assessments.Id, 100, 100, 75, 50, 0));

        Assert.Equal(new RuleViolation(message, property), Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_ZeroCaps_AreAllowed()
    {
        var scheme = IncentiveScheme.Define(8, 0, 0, 0, [IndicatorIncentive.RatingBands(_assessments.Id, 100, 100, 75, 50, 0)], _data.SchemeIndicators);

        Assert.Equal(Money.Zero, scheme.AnnualCap);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Define_ServiceCreditCapOutsideRange_IsRefused(int cap)
    {
        var error = Refused(0, null, null, cap, IndicatorIncentive.ServiceCredit(_daysToVisit.Id, 5_000));

        Assert.Equal(
            new RuleViolation("The service credit cap must be between 0% and 100% of the base fee", "ServiceCreditCapPercent"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_ServiceCreditWithoutCap_AsksForTheCap()
    {
        var error = Refused(0, null, null, null, IndicatorIncentive.ServiceCredit(_daysToVisit.Id, 5_000));

        Assert.Equal(
            new RuleViolation("Enter a service credit cap, as a percentage of the base fee, because Days to first visit has a service credit", "ServiceCreditCapPercent"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_IndicatorNotOnContract_NamesTheIncentiveByPosition()
    {
        var error = Refused(8, null, null, null,
            IndicatorIncentive.RatingBands(_assessments.Id, 50, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(IndicatorId.New(), 50, 100, 75, 50, 0));

        Assert.Equal(
            new RuleViolation("Incentive 2 is for an indicator that is not on this contract", "Incentives[1].IndicatorId"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_TwoIncentivesForOneIndicator_RefusesTheSecond()
    {
        var error = Refused(8, null, null, 5,
            IndicatorIncentive.RatingBands(_assessments.Id, 100, 100, 75, 50, 0),
            IndicatorIncentive.ServiceCredit(_assessments.Id, 1_000));

        Assert.Equal(
            new RuleViolation("Assessments within 45 working days has more than one incentive; give each indicator only one", "Incentives[1].IndicatorId"),
            Assert.Single(error.Violations));
    }

    [Theory]
    [InlineData(85)]
    [InlineData(90)]
    public void Define_FloorAtOrAboveTargetWhenHigherIsBetter_NamesIndicatorAndTarget(int floor)
    {
        var error = Refused(8, null, null, null,
            IndicatorIncentive.RatingBands(_reReferrals.Id, 50, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(_families.Id, 25, 100, 75, 50, 0),
            IndicatorIncentive.Graded(_assessments.Id, 25, floor, null, null));

        Assert.Equal(
            new RuleViolation($"The floor for Assessments within 45 working days must be below its target of 85.0%; it is {floor}.0%", "Incentives[2].Floor"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_FloorAboveLowestOfSeveralTargets_NamesTheLowestTarget()
    {
        _data.SetTargets(_assessments, TargetsRisingFrom(80));

        var error = Refused(8, null, null, null, IndicatorIncentive.Graded(_assessments.Id, 100, 80.5m, null, null));

        Assert.Equal(
            "The floor for Assessments within 45 working days must be below every target, and its lowest target is 80.0%; it is 80.5%",
            Assert.Single(error.Violations).Message);
    }

    [Fact]
    public void Define_FloorBelowTargetWhenLowerIsBetter_SaysItMustBeAbove()
    {
        var error = Refused(8, null, null, null, IndicatorIncentive.Graded(_reReferrals.Id, 100, 15, null, null));

        Assert.Equal(
            new RuleViolation("The floor for Re-referrals within 12 months must be above its target of 20.0%, because lower is better; it is 15.0%", "Incentives[0].Floor"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_StretchBelowTargetWhenHigherIsBetter_NamesIndicatorAndTarget()
    {
        var error = Refused(8, null, null, null, IndicatorIncentive.Graded(_assessments.Id, 100, 70, 80, 5_000));

        Assert.Equal(
            new RuleViolation("The stretch target for Assessments within 45 working days must be above its target of 85.0%; it is 80.0%", "Incentives[0].Stretch"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_StretchEqualToTarget_IsRefused()
    {
        var error = Refused(8, null, null, null, IndicatorIncentive.Graded(_assessments.Id, 100, 70, 85, 5_000));

        Assert.Equal("Incentives[0].Stretch", Assert.Single(error.Violations).PropertyName);
    }

    [Fact]
    public void Define_StretchBelowHighestOfSeveralTargets_NamesTheHighestTarget()
    {
        _data.SetTargets(_assessments, TargetsRisingFrom(80));

        var error = Refused(8, null, null, null, IndicatorIncentive.Graded(_assessments.Id, 100, 70, 85, 5_000));

        Assert.Equal(
            "The stretch target for Assessments within 45 working days must be above every target, and its highest target is 89.5%; it is 85.0%",
            Assert.Single(error.Violations).Message);
    }

    [Fact]
    public void Define_StretchAboveTargetWhenLowerIsBetter_SaysItMustBeBelow()
    {
        var error = Refused(8, null, null, null, IndicatorIncentive.Graded(_reReferrals.Id, 100, 30, 22, 5_000));

        Assert.Equal(
            new RuleViolation("The stretch target for Re-referrals within 12 months must be below its target of 20.0%, because lower is better; it is 22.0%", "Incentives[0].Stretch"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_GradedLowerIsBetterWithFloorAboveAndStretchBelow_IsAllowed()
    {
        var scheme = IncentiveScheme.Define(8, null, null, null, [IndicatorIncentive.Graded(_reReferrals.Id, 100, 30, 15, 5_000)], _data.SchemeIndicators);

        Assert.Equal(30, scheme.Incentives[0].Floor);
    }

    [Fact]
    public void Define_FloorAbove100Percent_UsesTheUnitsOwnLimit()
    {
        var error = Refused(8, null, null, null, IndicatorIncentive.Graded(_reReferrals.Id, 100, 120, null, null));

        Assert.Equal(
            new RuleViolation("The floor for Re-referrals within 12 months must be 100% or less", "Incentives[0].Floor"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_RateCardOnDays_IsRefusedBecauseItPaysPerOutcome()
    {
        var error = Refused(8, null, null, null, IndicatorIncentive.RateCard(_daysToVisit.Id, 100, 100, 0, 1_000));

        Assert.Equal(
            new RuleViolation("A rate card pays for each outcome achieved, so it cannot be used for Days to first visit, which is measured in days; choose another mechanism", "Incentives[0].Mechanism"),
            Assert.Single(error.Violations));
    }

    [Fact]
    public void Define_RateCardOnMoney_IsRefused()
    {
        var cost = _data.Add("Cost per case", IndicatorUnit.Money, Polarity.HigherIsBetter, 2_500);

        var error = Refused(8, null, null, null, IndicatorIncentive.RateCard(cost.Id, 100, 100, 0, 1_000));

        Assert.Equal("A rate card pays for each outcome achieved, so it cannot be used for Cost per case, which is measured in pounds; choose another mechanism", Assert.Single(error.Violations).Message);
    }

    [Fact]
    public void Define_RateCardWhereLowerIsBetter_IsRefused()
    {
        var error = Refused(8, null, null, null, IndicatorIncentive.RateCard(_reReferrals.Id, 100, 100, 0, 1_000));

        Assert.Equal(
            new RuleViolation("A rate card pays for each outcome achieved, so it cannot be used for Re-referrals within 12 months, where lower is better; choose another mechanism", "Incentives[0].Mechanism"),
            Assert.Single(error.Violations));
    }

    [Theory]
    [InlineData(IndicatorUnit.Count)]
    [InlineData(IndicatorUnit.Percentage)]
    [InlineData(IndicatorUnit.RatePer10000)]
    public void Define_RateCardOnHigherIsBetterCountPercentageOrRate_IsAllowed(IndicatorUnit unit)
    {
        var indicator = _data.Add("Outcomes achieved", unit, Polarity.HigherIsBetter, 50);

        var scheme = IncentiveScheme.Define(8, null, null, null, [IndicatorIncentive.RateCard(indicator.Id, 100, 100, 0, 1_000)], _data.SchemeIndicators);

        Assert.Equal(IncentiveMechanism.RateCard, scheme.Incentives[0].Mechanism);
    }

    [Fact]
    public void Define_ManyProblems_ReportsAllOfThemTogether()
    {
        var error = Refused(101, -1, -2, null,
            IndicatorIncentive.Graded(_assessments.Id, 30, 90, null, null),
            IndicatorIncentive.RateCard(_daysToVisit.Id, 30, 100, 0, 1_000),
            IndicatorIncentive.ServiceCredit(_families.Id, 100));

        Assert.Equal(
            ["ShareAtRiskPercent", "AnnualCap", "TermCap", "Incentives[0].Floor", "Incentives[1].Mechanism", "Weights", "ServiceCreditCapPercent"],
            error.Violations.Select(v => v.PropertyName));
    }

    private BusinessRuleException Refused(decimal share, decimal? annualCap, decimal? termCap, decimal? serviceCreditCap, params IndicatorIncentive[] incentives) =>
        Assert.Throws<BusinessRuleException>(() => IncentiveScheme.Define(share, annualCap, termCap, serviceCreditCap, incentives, _data.SchemeIndicators));

    private static decimal? Parse(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<ReportingPeriod, decimal> TargetsRisingFrom(decimal first)
    {
        var periods = ReportingPeriod.Range(ReportingPeriod.Parse("2024-25 Q1"), ReportingPeriod.Parse("2028-29 Q4"));
        return periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => first + (x.i * 0.5m));
    }
}
