using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;

namespace ContractOutcomes.Domain.Tests.Incentives;

public class IndicatorIncentiveTests
{
    private static readonly IndicatorId Id = IndicatorId.New();

    [Fact]
    public void RatingBands_ValidBands_KeepsEveryPercentageAndNothingElse()
    {
        var incentive = IndicatorIncentive.RatingBands(Id, 20, 100, 75, 50, 0);

        Assert.Equal(IncentiveMechanism.RatingBands, incentive.Mechanism);
        Assert.Equal(Id, incentive.IndicatorId);
        Assert.Equal(20, incentive.WeightPercent);
        Assert.Equal((100m, 75m, 50m, 0m), (incentive.GoodPercent!.Value, incentive.ApproachingPercent!.Value, incentive.RequiresImprovementPercent!.Value, incentive.InadequatePercent!.Value));
        Assert.Null(incentive.Floor);
        Assert.Null(incentive.PricePerOutcome);
        Assert.Null(incentive.CreditAmount);
        Assert.True(incentive.IsWeighted);
    }

    [Fact]
    public void RatingBands_EqualBands_AreAllowed()
    {
        var incentive = IndicatorIncentive.RatingBands(Id, 100, 50, 50, 50, 50);

        Assert.Equal(50, incentive.InadequatePercent);
    }

    [Theory]
    [InlineData(101, 75, 50, 0, "The percentage earned at Good must be between 0% and 100%", "GoodPercent")]
    [InlineData(100, -1, -1, -1, "The percentage earned at Approaching target must be between 0% and 100%", "ApproachingPercent")]
    [InlineData(100, 75, 120, 0, "The percentage earned at Requires improvement must be between 0% and 100%", "RequiresImprovementPercent")]
    [InlineData(100, 75, 50, -5, "The percentage earned at Inadequate must be between 0% and 100%", "InadequatePercent")]
    [InlineData(75, 80, 50, 0, "The percentage earned at Approaching target must be the same as or less than at Good, so that better performance never pays less", "ApproachingPercent")]
    [InlineData(100, 50, 60, 0, "The percentage earned at Requires improvement must be the same as or less than at Approaching target, so that better performance never pays less", "RequiresImprovementPercent")]
    [InlineData(100, 75, 50, 50.01, "The percentage earned at Inadequate must be the same as or less than at Requires improvement, so that better performance never pays less", "InadequatePercent")]
    public void RatingBands_BadBand_IsRefusedBesideThatBand(double good, double approaching, double requiresImprovement, double inadequate, string message, string property)
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            IndicatorIncentive.RatingBands(Id, 20, (decimal)good, (decimal)approaching, (decimal)requiresImprovement, (decimal)inadequate));

        Assert.Equal(message, error.Violations[0].Message);
        Assert.Equal(property, error.Violations[0].PropertyName);
    }

    [Fact]
    public void RatingBands_SeveralProblems_ReportsEachOnce()
    {
        var error = Assert.Throws<BusinessRuleException>(() => IndicatorIncentive.RatingBands(Id, 0, 150, 75, 80, 0));

        Assert.Equal(
            ["WeightPercent", "GoodPercent", "RequiresImprovementPercent"],
            error.Violations.Select(v => v.PropertyName));
    }

    [Theory]
    [InlineData(0, "The weight must be more than 0%")]
    [InlineData(-10, "The weight must be more than 0%")]
    [InlineData(100.5, "The weight must be 100% or less")]
    public void Factories_BadWeight_AreRefusedBesideTheWeight(double weight, string message)
    {
        var attempts = new Action[]
        {
            () => IndicatorIncentive.RatingBands(Id, (decimal)weight, 100, 75, 50, 0),
            () => IndicatorIncentive.Graded(Id, (decimal)weight, 70, null, null),
            () => IndicatorIncentive.RateCard(Id, (decimal)weight, 100, 0, 1000),
        };

        foreach (var attempt in attempts)
        {
            var error = Assert.Throws<BusinessRuleException>(attempt);
            Assert.Equal(new RuleViolation(message, "WeightPercent"), Assert.Single(error.Violations));
        }
    }

    [Fact]
    public void Factories_NoIndicator_AskForOne()
    {
        var error = Assert.Throws<BusinessRuleException>(() => IndicatorIncentive.ServiceCredit(default, 100));

        Assert.Equal(new RuleViolation("Select the indicator", "IndicatorId"), Assert.Single(error.Violations));
    }

    [Fact]
    public void Graded_WithStretchAndBonus_KeepsThemAsMoneyAndNumbers()
    {
        var incentive = IndicatorIncentive.Graded(Id, 50, 70, 95, 20_000);

        Assert.Equal(IncentiveMechanism.Graded, incentive.Mechanism);
        Assert.Equal(70, incentive.Floor);
        Assert.Equal(95, incentive.Stretch);
        Assert.Equal(Money.FromPounds(20_000), incentive.BonusCap);
    }

    [Fact]
    public void Graded_WithoutStretch_HasNoBonus()
    {
        var incentive = IndicatorIncentive.Graded(Id, 50, 30, null, null);

        Assert.Null(incentive.Stretch);
        Assert.Null(incentive.BonusCap);
    }

    [Theory]
    [InlineData("-1", null, null, "The floor must be 0 or more", "Floor")]
    [InlineData("70", "-5", "100", "The stretch target must be 0 or more", "Stretch")]
    [InlineData("70", "95", null, "Enter a bonus cap for the stretch target, or remove the stretch target", "BonusCap")]
    [InlineData("70", null, "100", "Enter a stretch target for the bonus, or remove the bonus cap", "Stretch")]
    [InlineData("70", "95", "-100", "The bonus cap cannot be below £0", "BonusCap")]
    [InlineData("70", "95", "0", "The bonus cap must be more than £0", "BonusCap")]
    [InlineData("70", "95", "10.005", "The bonus cap must be in pounds and pence, with no more than 2 decimal places", "BonusCap")]
    public void Graded_BadNumbers_AreRefusedBesideTheirField(string floor, string? stretch, string? bonusCap, string message, string property)
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            IndicatorIncentive.Graded(Id, 50, Number(floor), NumberOrNull(stretch), NumberOrNull(bonusCap)));

        Assert.Equal(new RuleViolation(message, property), Assert.Single(error.Violations));
    }

    [Fact]
    public void RateCard_ValidNumbers_KeepsPriceThresholdAndCap()
    {
        var incentive = IndicatorIncentive.RateCard(Id, 100, 1_500, 20, 75_000);

        Assert.Equal(Money.FromPounds(1_500), incentive.PricePerOutcome);
        Assert.Equal(20, incentive.Threshold);
        Assert.Equal(Money.FromPounds(75_000), incentive.Cap);
    }

    [Fact]
    public void RateCard_ZeroThreshold_IsAllowed()
    {
        Assert.Equal(0, IndicatorIncentive.RateCard(Id, 100, 10, 0, 100).Threshold);
    }

    [Theory]
    [InlineData(-1, 20, 1000, "The price per outcome cannot be negative", "PricePerOutcome")]
    [InlineData(0, 20, 1000, "The price per outcome must be more than £0", "PricePerOutcome")]
    [InlineData(0.001, 20, 1000, "The price per outcome must be in pounds and pence, with no more than 2 decimal places", "PricePerOutcome")]
    [InlineData(100, -1, 1000, "The threshold cannot be negative", "Threshold")]
    [InlineData(100, 2.5, 1000, "The threshold must be a whole number of outcomes", "Threshold")]
    [InlineData(100, 20, -1, "The cap cannot be below £0", "Cap")]
    [InlineData(100, 20, 0, "The cap must be more than £0", "Cap")]
    public void RateCard_BadNumbers_AreRefusedBesideTheirField(double price, double threshold, double cap, string message, string property)
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            IndicatorIncentive.RateCard(Id, 100, (decimal)price, (decimal)threshold, (decimal)cap));

        Assert.Equal(new RuleViolation(message, property), Assert.Single(error.Violations));
    }

    [Fact]
    public void ServiceCredit_CarriesNoWeight()
    {
        var incentive = IndicatorIncentive.ServiceCredit(Id, 10_000);

        Assert.Equal(IncentiveMechanism.ServiceCredit, incentive.Mechanism);
        Assert.Equal(Money.FromPounds(10_000), incentive.CreditAmount);
        Assert.Null(incentive.WeightPercent);
        Assert.False(incentive.IsWeighted);
    }

    [Theory]
    [InlineData(-50, "The service credit cannot be negative")]
    [InlineData(0, "The service credit must be more than £0")]
    [InlineData(99.999, "The service credit must be in pounds and pence, with no more than 2 decimal places")]
    public void ServiceCredit_BadAmount_IsRefused(double amount, string message)
    {
        var error = Assert.Throws<BusinessRuleException>(() => IndicatorIncentive.ServiceCredit(Id, (decimal)amount));

        Assert.Equal(new RuleViolation(message, "CreditAmount"), Assert.Single(error.Violations));
    }

    [Theory]
    [InlineData(PerformanceRating.Good, 90)]
    [InlineData(PerformanceRating.ApproachingTarget, 60)]
    [InlineData(PerformanceRating.RequiresImprovement, 30)]
    [InlineData(PerformanceRating.Inadequate, 10)]
    [InlineData(PerformanceRating.NotReported, 0)]
    [InlineData(PerformanceRating.Other, 100)]
    public void BandPercent_EachRating_IsItsBandNotReportedNothingOtherEverything(PerformanceRating rating, int expected)
    {
        var incentive = IndicatorIncentive.RatingBands(Id, 100, 90, 60, 30, 10);

        Assert.Equal(expected, incentive.BandPercent(rating));
    }

    [Theory]
    [InlineData(IncentiveMechanism.RatingBands, "Payment by rating band")]
    [InlineData(IncentiveMechanism.Graded, "Graded payment")]
    [InlineData(IncentiveMechanism.RateCard, "Rate card")]
    [InlineData(IncentiveMechanism.ServiceCredit, "Service credit")]
    public void DisplayName_EachMechanism_IsItsName(IncentiveMechanism mechanism, string expected)
    {
        Assert.Equal(expected, mechanism.DisplayName());
    }

    private static decimal Number(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static decimal? NumberOrNull(string? text) => text is null ? null : Number(text);
}
