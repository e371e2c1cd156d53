using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using static ContractOutcomes.Domain.Tests.Incentives.IncentiveTestData;

namespace ContractOutcomes.Domain.Tests.Incentives;

/// <summary>
/// £8,000,000 a year with 5% at risk: each graded indicator (50% weight) has £50,000.00 at risk a quarter.
/// Assessments: higher is better, floor 70%, target 85%, stretch 95% with a £20,000 bonus cap.
/// Re-referrals: lower is better, floor 30%, target 20%, stretch 15% with a £10,000 bonus cap.
/// </summary>
public class GradedPaymentTests
{
    private const string AtRisk = "£8,000,000 a year × 5% at risk × 50% weight ÷ 4 quarters = £50,000.00 at risk.";

    private readonly IncentiveTestData _data = new(8_000_000);
    private readonly OutcomeIndicator _assessments;
    private readonly OutcomeIndicator _reReferrals;
    private readonly IncentiveScheme _scheme;

    public GradedPaymentTests()
    {
        _assessments = _data.Percentage("Assessments within 45 working days", Polarity.HigherIsBetter, 85);
        _reReferrals = _data.Percentage("Re-referrals within 12 months", Polarity.LowerIsBetter, 20);
        _scheme = _data.Scheme(5,
            IndicatorIncentive.Graded(_assessments.Id, 50, 70, 95, 20_000),
            IndicatorIncentive.Graded(_reReferrals.Id, 50, 30, 15, 10_000));
    }

    [Theory]
    [InlineData(0, 0, 50_000, 0)]
    [InlineData(139, 0, 50_000, 0)]
    [InlineData(140, 0, 50_000, 0)]
    [InlineData(141, 1_666.67, 48_333.33, 0)]
    [InlineData(155, 25_000, 25_000, 0)]
    [InlineData(169, 48_333.33, 1_666.67, 0)]
    [InlineData(170, 50_000, 0, 0)]
    [InlineData(171, 51_000, 0, 1_000)]
    [InlineData(180, 60_000, 0, 10_000)]
    [InlineData(190, 70_000, 0, 20_000)]
    [InlineData(200, 70_000, 0, 20_000)]
    public void Calculate_HigherIsBetter_EarnsInProportionFromFloorToTargetThenBonusToStretch(int ofTwoHundred, double earned, double withheld, double bonus)
    {
        var line = LineFor(_assessments, Ratio(_assessments, ofTwoHundred, 200));

        Assert.Equal(Money.FromPounds(50_000), line.AtRisk);
        Assert.Equal(Money.FromPounds((decimal)earned), line.Earned);
        Assert.Equal(Money.FromPounds((decimal)withheld), line.Withheld);
        Assert.Equal(Money.FromPounds((decimal)bonus), line.Bonus);
    }

    [Theory]
    [InlineData(100, 0, 50_000, 0)]
    [InlineData(31, 0, 50_000, 0)]
    [InlineData(30, 0, 50_000, 0)]
    [InlineData(24, 30_000, 20_000, 0)]
    [InlineData(20, 50_000, 0, 0)]
    [InlineData(18, 54_000, 0, 4_000)]
    [InlineData(15, 60_000, 0, 10_000)]
    [InlineData(0, 60_000, 0, 10_000)]
    public void Calculate_LowerIsBetter_MirrorsTheScale(int ofHundred, int earned, int withheld, int bonus)
    {
        var line = LineFor(_reReferrals, Ratio(_reReferrals, ofHundred, 100));

        Assert.Equal(Money.FromPounds(earned), line.Earned);
        Assert.Equal(Money.FromPounds(withheld), line.Withheld);
        Assert.Equal(Money.FromPounds(bonus), line.Bonus);
    }

    [Fact]
    public void Calculate_ExactlyOnTheFloor_ExplainsThatNothingIsEarned()
    {
        var line = LineFor(_assessments, Ratio(_assessments, 140, 200));

        Assert.Equal(
            $"{AtRisk} The result, 70.0% (140 of 200), is at or below the floor of 70.0%, so nothing is earned: £0.00 earned, £50,000.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_BetweenFloorAndTarget_ShowsTheProportion()
    {
        var line = LineFor(_assessments, Ratio(_assessments, 157, 200));

        Assert.Equal(Money.FromPounds(28_333.33m), line.Earned);
        Assert.Equal(
            $"{AtRisk} The result, 78.5% (157 of 200), is between the floor of 70.0% and the target of 85.0%, so it earns in proportion: £50,000.00 × (78.5 − 70) ÷ (85 − 70) = £28,333.33. £28,333.33 earned, £21,666.67 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_LowerIsBetterBetweenFloorAndTarget_ShowsTheMirroredProportion()
    {
        var line = LineFor(_reReferrals, Ratio(_reReferrals, 24, 100));

        Assert.Equal(
            $"{AtRisk} The result, 24.0% (24 of 100), is between the floor of 30.0% and the target of 20.0%, so it earns in proportion: £50,000.00 × (30 − 24) ÷ (30 − 20) = £30,000.00. £30,000.00 earned, £20,000.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_LowerIsBetterAtFloor_SaysAtOrAbove()
    {
        var line = LineFor(_reReferrals, Ratio(_reReferrals, 30, 100));

        Assert.Contains("is at or above the floor of 30.0%, so nothing is earned", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_ExactlyOnTarget_EarnsTheAtRiskAmountAndNoBonus()
    {
        var line = LineFor(_assessments, Ratio(_assessments, 170, 200));

        Assert.Equal(
            $"{AtRisk} The result, 85.0% (170 of 200), meets the target of 85.0%, so the at-risk amount is earned: £50,000.00 earned, £0.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_BetweenTargetAndStretch_ShowsTheBonusProportion()
    {
        var line = LineFor(_assessments, Ratio(_assessments, 182, 200));

        Assert.Equal(Money.FromPounds(12_000), line.Bonus);
        Assert.Equal(
            $"{AtRisk} The result, 91.0% (182 of 200), beats the target of 85.0%, so the at-risk amount is earned, and a bonus in proportion to the way from the target to the stretch target of 95.0%: £20,000.00 bonus cap × (91 − 85) ÷ (95 − 85) = £12,000.00. £62,000.00 earned (£50,000.00 at risk + £12,000.00 bonus), £0.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_ExactlyOnStretch_EarnsTheWholeBonusCap()
    {
        var line = LineFor(_assessments, Ratio(_assessments, 190, 200));

        Assert.Equal(
            $"{AtRisk} The result, 95.0% (190 of 200), beats the target of 85.0% and reaches the stretch target of 95.0%, so the at-risk amount is earned and the whole bonus cap of £20,000.00: £70,000.00 earned (£50,000.00 at risk + £20,000.00 bonus), £0.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_BeyondTargetWithoutStretch_EarnsNoBonus()
    {
        var scheme = _data.Scheme(5,
            IndicatorIncentive.Graded(_assessments.Id, 50, 70, null, null),
            IndicatorIncentive.Graded(_reReferrals.Id, 50, 30, null, null));

        var line = _data.Statement(scheme, Q1, (_assessments, Ratio(_assessments, 200, 200))).Lines[0];

        Assert.Equal(Money.FromPounds(50_000), line.Earned);
        Assert.Equal(Money.Zero, line.Bonus);
        Assert.EndsWith("beats the target of 85.0%, so the at-risk amount is earned: £50,000.00 earned, £0.00 withheld.", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_NotReported_EarnsNothing()
    {
        var line = LineFor(_assessments, Rated(PerformanceRating.NotReported));

        Assert.Equal(Money.Zero, line.Earned);
        Assert.Equal(Money.FromPounds(50_000), line.Withheld);
        Assert.Equal($"{AtRisk} Not reported, so nothing is earned: £0.00 earned, £50,000.00 withheld.", line.Explanation);
    }

    [Fact]
    public void Calculate_Other_EarnsTheAtRiskAmountWithNoBonus()
    {
        var line = LineFor(_assessments, Rated(PerformanceRating.Other));

        Assert.Equal(Money.FromPounds(50_000), line.Earned);
        Assert.Equal(Money.Zero, line.Bonus);
        Assert.Equal(
            $"{AtRisk} Rated Other (the commissioner recorded that it could not fairly be rated), so the at-risk amount is earned, with no bonus: £50,000.00 earned, £0.00 withheld.",
            line.Explanation);
    }

    [Fact]
    public void Calculate_OtherRecordedOverAFigure_StillEarnsTheAtRiskAmount()
    {
        var figure = Ratio(_assessments, 100, 200).Figure;

        var line = LineFor(_assessments, new IndicatorOutcome(PerformanceRating.Other, figure, IsRestated: false));

        Assert.Equal(Money.FromPounds(50_000), line.Earned);
    }

    [Fact]
    public void Calculate_RatedWithoutFigure_EarnsAndWithholdsNothingYet()
    {
        var line = LineFor(_assessments, Rated(PerformanceRating.Good));

        Assert.Equal(Money.Zero, line.Earned);
        Assert.Equal(Money.Zero, line.Withheld);
        Assert.EndsWith("There is no accepted figure, so nothing is earned or withheld yet.", line.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_TargetsVaryByPeriod_UsesThePeriodsTarget()
    {
        var q2 = Q1.Next();
        _data.SetTargets(_assessments, ReportingPeriod.Range(ReportingPeriod.Parse("2024-25 Q1"), ReportingPeriod.Parse("2028-29 Q4"))
            .ToDictionary(p => p, p => p == q2 ? 80m : 85m));
        var scheme = _data.Scheme(5,
            IndicatorIncentive.Graded(_assessments.Id, 50, 70, null, null),
            IndicatorIncentive.Graded(_reReferrals.Id, 50, 30, null, null));

        var statements = PaymentCalculator.Calculate(scheme, [
            _data.Performance(Q1, (_assessments, Ratio(_assessments, 160, 200, Q1))),
            _data.Performance(q2, (_assessments, Ratio(_assessments, 160, 200, q2))),
        ]);

        Assert.Equal(Money.FromPounds(33_333.33m), statements[0].Lines[0].Earned);
        Assert.Equal(Money.FromPounds(50_000), statements[1].Lines[0].Earned);
    }

    private PaymentLine LineFor(OutcomeIndicator indicator, IndicatorOutcome outcome) =>
        _data.Statement(_scheme, Q1, (indicator, outcome)).Lines.Single(l => l.IndicatorId == indicator.Id);
}
