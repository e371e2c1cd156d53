using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using static ContractOutcomes.Domain.Tests.Incentives.IncentiveTestData;

namespace ContractOutcomes.Domain.Tests.Incentives;

/// <summary>
/// £1,200,000 a year with 20% at risk, all on one rate card: £60,000.00 at risk a quarter, £1,500 for each
/// outcome above 20, up to £75,000 a quarter.
/// </summary>
public class RateCardPaymentTests
{
    private const string AtRisk = "£1,200,000 a year × 20% at risk × 100% weight ÷ 4 quarters = £60,000.00 at risk.";

    private readonly IncentiveTestData _data = new(1_200_000);
    private readonly OutcomeIndicator _starts;
    private readonly IncentiveScheme _scheme;

    public RateCardPaymentTests()
    {
        _starts = _data.Add("Care leavers starting education, employment or training", IndicatorUnit.Count, Polarity.HigherIsBetter, 40);
        _scheme = _data.Scheme(20, IndicatorIncentive.RateCard(_starts.Id, 100, 1_500, 20, 75_000));
    }

    [Theory]
    [InlineData(0, 0, 60_000, 0)]
    [InlineData(19, 0, 60_000, 0)]
    [InlineData(20, 0, 60_000, 0)]
    [InlineData(21, 1_500, 58_500, 0)]
    [InlineData(60, 60_000, 0, 0)]
    [InlineData(61, 61_500, 0, 1_500)]
    [InlineData(70, 75_000, 0, 15_000)]
    [InlineData(71, 75_000, 0, 15_000)]
    [InlineData(500, 75_000, 0, 15_000)]
    public void Calculate_Outcomes_PaysPerOutcomeAboveThresholdUpToCap(int outcomes, int earned, int withheld, int bonus)
    {
        var line = LineFor(Reported(_starts, outcomes));

        Assert.Equal(Money.FromPounds(60_000), line.AtRisk);
        Assert.Equal(Money.FromPounds(earned), line.Earned);
        Assert.Equal(Money.FromPounds(withheld), line.Withheld);
        Assert.Equal(Money.FromPounds(bonus), line.Bonus);
    }

    [Fact]
    public void Calculate_ExactlyOnThreshold_ExplainsThatNothingIsAboveIt()
    {
        var line = LineFor(Reported(_starts, 20));

        Assert.Equal(
            $"{AtRisk} 20 outcomes achieved, which is not above the threshold of 20 outcomes, so nothing is earned: £0.00 earned, £60,000.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_BelowCap_ShowsOutcomesTimesPrice()
    {
        var line = LineFor(Reported(_starts, 48));

        Assert.Equal(
            $"{AtRisk} 48 outcomes achieved, 28 above the threshold of 20: 28 × £1,500.00 per outcome = £42,000.00. £42,000.00 earned, £18,000.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_AboveCap_ShowsTheCap()
    {
        var line = LineFor(Reported(_starts, 85));

        Assert.Equal(
            $"{AtRisk} 85 outcomes achieved, 65 above the threshold of 20: 65 × £1,500.00 per outcome = £97,500.00, capped at £75,000.00. £75,000.00 earned (£60,000.00 at risk + £15,000.00 bonus), £0.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_Percentage_CountsTheNumeratorAsOutcomes()
    {
        var data = new IncentiveTestData(1_200_000);
        var eet = data.Percentage("Care leavers in education, employment or training", Polarity.HigherIsBetter, 60);
        var scheme = data.Scheme(20, IndicatorIncentive.RateCard(eet.Id, 100, 500, 100, 80_000));

        var line = data.Statement(scheme, Q1, (eet, Ratio(eet, 130, 200))).Lines[0];

        Assert.Equal(Money.FromPounds(15_000), line.Earned);
        Assert.Equal(
            "£1,200,000 a year × 20% at risk × 100% weight ÷ 4 quarters = £60,000.00 at risk. 130 of 200 achieved (65.0%), 30 above the threshold of 100: 30 × £500.00 per outcome = £15,000.00. £15,000.00 earned, £45,000.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_RatePer10000_CountsTheNumeratorAsOutcomes()
    {
        var data = new IncentiveTestData(1_200_000);
        var rate = data.Add("Children supported to stay at home", IndicatorUnit.RatePer10000, Polarity.HigherIsBetter, 50);
        var scheme = data.Scheme(20, IndicatorIncentive.RateCard(rate.Id, 100, 100, 10, 80_000));

        var line = data.Statement(scheme, Q1, (rate, Ratio(rate, 110, 20_000))).Lines[0];

        Assert.Equal(Money.FromPounds(10_000), line.Earned);
    }

    [Fact]
    public void Calculate_NotReported_EarnsNothing()
    {
        var line = LineFor(Rated(PerformanceRating.NotReported));

        Assert.Equal(Money.Zero, line.Earned);
        Assert.Equal(Money.FromPounds(60_000), line.Withheld);
    }

    [Fact]
    public void Calculate_Other_EarnsTheAtRiskAmountNotTheCap()
    {
        var line = LineFor(Rated(PerformanceRating.Other));

        Assert.Equal(Money.FromPounds(60_000), line.Earned);
        Assert.Equal(Money.Zero, line.Bonus);
        Assert.Equal(
            $"{AtRisk} Rated Other (the commissioner recorded that it could not fairly be rated), so the at-risk amount is earned: £60,000.00 earned, £0.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_ZeroThreshold_PaysForEveryOutcome()
    {
        var scheme = _data.Scheme(20, IndicatorIncentive.RateCard(_starts.Id, 100, 1_500, 0, 75_000));

        var line = _data.Statement(scheme, Q1, (_starts, Reported(_starts, 1))).Lines[0];

        Assert.Equal(Money.FromPounds(1_500), line.Earned);
        Assert.Contains("1 outcome achieved, 1 above the threshold of 0", line.Explanation, StringComparison.Ordinal);
    }

    private PaymentLine LineFor(IndicatorOutcome outcome) => _data.Statement(_scheme, Q1, (_starts, outcome)).Lines.Single();
}
