using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using static ContractOutcomes.Domain.Tests.Incentives.IncentiveTestData;

namespace ContractOutcomes.Domain.Tests.Incentives;

/// <summary>
/// Each test reproduces one example in docs/worked-examples.md: every amount, and the explanation text
/// wherever the document shows it. If a test here changes, change the document with it.
/// </summary>
public class WorkedExampleTests
{
    [Fact]
    public void Example1_RatingBandsOnTheCountyCouncilContract_Quarter1PaysAsWorked()
    {
        var data = new IncentiveTestData(24_000_000);
        var reReferrals = data.Percentage("Re-referrals within 12 months", Polarity.LowerIsBetter, 20);
        var assessments = data.Percentage("Single assessments within 45 working days", Polarity.HigherIsBetter, 85);
        var repeatPlans = data.Percentage("Second or subsequent child protection plans", Polarity.LowerIsBetter, 18);
        var turnover = data.Percentage("Social worker turnover", Polarity.LowerIsBetter, 15);
        var agency = data.Percentage("Agency social workers", Polarity.LowerIsBetter, 12);
        var careLeavers = data.Percentage("Care leavers aged 19 to 21 in education, employment or training", Polarity.HigherIsBetter, 60);
        var scheme = data.Scheme(8,
            IndicatorIncentive.RatingBands(reReferrals.Id, 20, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(assessments.Id, 20, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(repeatPlans.Id, 20, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(turnover.Id, 10, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(agency.Id, 10, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(careLeavers.Id, 20, 100, 75, 50, 0));

        var statement = data.Statement(scheme, Q1,
            (reReferrals, Ratio(reReferrals, 210, 1_000)),
            (assessments, Ratio(assessments, 410, 500)),
            (repeatPlans, Ratio(repeatPlans, 35, 200)),
            (turnover, Ratio(turnover, 44, 200)),
            (agency, Ratio(agency, 30, 250)),
            (careLeavers, Ratio(careLeavers, 58, 100)));

        Assert.Equal("£24,000,000 a year × 92% not at risk ÷ 4 quarters = £5,520,000.00 base fee.", statement.BaseFeeExplanation);
        const string Weight20 = "£24,000,000 a year × 8% at risk × 20% weight ÷ 4 quarters = £96,000.00 at risk.";
        const string Weight10 = "£24,000,000 a year × 8% at risk × 10% weight ÷ 4 quarters = £48,000.00 at risk.";
        AssertLines(statement,
            (PerformanceRating.ApproachingTarget, 96_000, 72_000, 24_000, 0, $"{Weight20} Rated Approaching target, which earns 75%: £72,000.00 earned, £24,000.00 withheld."),
            (PerformanceRating.RequiresImprovement, 96_000, 48_000, 48_000, 0, $"{Weight20} Rated Requires improvement, which earns 50%: £48,000.00 earned, £48,000.00 withheld."),
            (PerformanceRating.Good, 96_000, 96_000, 0, 0, $"{Weight20} Rated Good, which earns 100%: £96,000.00 earned, £0.00 withheld."),
            (PerformanceRating.Inadequate, 48_000, 0, 48_000, 0, $"{Weight10} Rated Inadequate, which earns 0%: £0.00 earned, £48,000.00 withheld."),
            (PerformanceRating.Good, 48_000, 48_000, 0, 0, $"{Weight10} Rated Good, which earns 100%: £48,000.00 earned, £0.00 withheld."),
            (PerformanceRating.ApproachingTarget, 96_000, 72_000, 24_000, 0, $"{Weight20} Rated Approaching target, which earns 75%: £72,000.00 earned, £24,000.00 withheld."));
        AssertTotals(statement, baseFee: 5_520_000, atRisk: 480_000, outcomePayments: 336_000, withheld: 144_000, bonus: 0, serviceCredits: 0, net: 5_856_000);
        Assert.Equal("£5,520,000.00 base fee + £336,000.00 outcome payments − £0.00 service credits = £5,856,000.00 net payment.", statement.NetPaymentExplanation);
    }

    [Fact]
    public void Example2_RateCardWithThresholdAndCap_ThreeQuartersPayAsWorked()
    {
        var data = new IncentiveTestData(1_200_000);
        var starts = data.Add("Care leavers starting education, employment or training", IndicatorUnit.Count, Polarity.HigherIsBetter, 40);
        var scheme = data.Scheme(20, IndicatorIncentive.RateCard(starts.Id, 100, 1_500, 20, 75_000));
        var (q1, q2, q3) = (Q1, Q1.Next(), Q1.Next().Next());

        var statements = PaymentCalculator.Calculate(scheme, [
            data.Performance(q1, (starts, Reported(starts, 48, q1))),
            data.Performance(q2, (starts, Reported(starts, 85, q2))),
            data.Performance(q3, (starts, Reported(starts, 18, q3))),
        ]);

        const string AtRisk = "£1,200,000 a year × 20% at risk × 100% weight ÷ 4 quarters = £60,000.00 at risk.";
        Assert.Equal("£1,200,000 a year × 80% not at risk ÷ 4 quarters = £240,000.00 base fee.", statements[0].BaseFeeExplanation);
        AssertLine(statements[0].Lines[0], 60_000, 42_000, 18_000, 0,
            $"{AtRisk} 48 outcomes achieved, 28 above the threshold of 20: 28 × £1,500.00 per outcome = £42,000.00. £42,000.00 earned, £18,000.00 withheld.");
        AssertTotals(statements[0], baseFee: 240_000, atRisk: 60_000, outcomePayments: 42_000, withheld: 18_000, bonus: 0, serviceCredits: 0, net: 282_000);
        AssertLine(statements[1].Lines[0], 60_000, 75_000, 0, 15_000,
            $"{AtRisk} 85 outcomes achieved, 65 above the threshold of 20: 65 × £1,500.00 per outcome = £97,500.00, capped at £75,000.00. £75,000.00 earned (£60,000.00 at risk + £15,000.00 bonus), £0.00 withheld.");
        AssertTotals(statements[1], baseFee: 240_000, atRisk: 60_000, outcomePayments: 75_000, withheld: 0, bonus: 15_000, serviceCredits: 0, net: 315_000);
        AssertLine(statements[2].Lines[0], 60_000, 0, 60_000, 0,
            $"{AtRisk} 18 outcomes achieved, which is not above the threshold of 20 outcomes, so nothing is earned: £0.00 earned, £60,000.00 withheld.");
        AssertTotals(statements[2], baseFee: 240_000, atRisk: 60_000, outcomePayments: 0, withheld: 60_000, bonus: 0, serviceCredits: 0, net: 240_000);
    }

    [Fact]
    public void Example3_GradedWithStretchBonus_ThreeQuartersPayAsWorked()
    {
        var data = new IncentiveTestData(8_000_000);
        var assessments = data.Percentage("Single assessments within 45 working days", Polarity.HigherIsBetter, 85);
        var reReferrals = data.Percentage("Re-referrals within 12 months", Polarity.LowerIsBetter, 20);
        var scheme = data.Scheme(5,
            IndicatorIncentive.Graded(assessments.Id, 50, 70, 95, 20_000),
            IndicatorIncentive.Graded(reReferrals.Id, 50, 30, null, null));
        var (q1, q2, q3) = (Q1, Q1.Next(), Q1.Next().Next());

        var statements = PaymentCalculator.Calculate(scheme, [
            data.Performance(q1, (assessments, Ratio(assessments, 157, 200, q1)), (reReferrals, Ratio(reReferrals, 120, 500, q1))),
            data.Performance(q2, (assessments, Ratio(assessments, 182, 200, q2)), (reReferrals, Ratio(reReferrals, 90, 500, q2))),
            data.Performance(q3, (assessments, Ratio(assessments, 193, 200, q3)), (reReferrals, Ratio(reReferrals, 160, 500, q3))),
        ]);

        const string AtRisk = "£8,000,000 a year × 5% at risk × 50% weight ÷ 4 quarters = £50,000.00 at risk.";
        Assert.Equal("£8,000,000 a year × 95% not at risk ÷ 4 quarters = £1,900,000.00 base fee.", statements[0].BaseFeeExplanation);

        AssertLine(statements[0].Lines[0], 50_000, 28_333.33m, 21_666.67m, 0,
            $"{AtRisk} The result, 78.5% (157 of 200), is between the floor of 70.0% and the target of 85.0%, so it earns in proportion: £50,000.00 × (78.5 − 70) ÷ (85 − 70) = £28,333.33. £28,333.33 earned, £21,666.67 withheld.");
        AssertLine(statements[0].Lines[1], 50_000, 30_000, 20_000, 0,
            $"{AtRisk} The result, 24.0% (120 of 500), is between the floor of 30.0% and the target of 20.0%, so it earns in proportion: £50,000.00 × (30 − 24) ÷ (30 − 20) = £30,000.00. £30,000.00 earned, £20,000.00 withheld.");
        AssertTotals(statements[0], baseFee: 1_900_000, atRisk: 100_000, outcomePayments: 58_333.33m, withheld: 41_666.67m, bonus: 0, serviceCredits: 0, net: 1_958_333.33m);

        AssertLine(statements[1].Lines[0], 50_000, 62_000, 0, 12_000,
            $"{AtRisk} The result, 91.0% (182 of 200), beats the target of 85.0%, so the at-risk amount is earned, and a bonus in proportion to the way from the target to the stretch target of 95.0%: £20,000.00 bonus cap × (91 − 85) ÷ (95 − 85) = £12,000.00. £62,000.00 earned (£50,000.00 at risk + £12,000.00 bonus), £0.00 withheld.");
        AssertLine(statements[1].Lines[1], 50_000, 50_000, 0, 0,
            $"{AtRisk} The result, 18.0% (90 of 500), beats the target of 20.0%, so the at-risk amount is earned: £50,000.00 earned, £0.00 withheld.");
        AssertTotals(statements[1], baseFee: 1_900_000, atRisk: 100_000, outcomePayments: 112_000, withheld: 0, bonus: 12_000, serviceCredits: 0, net: 2_012_000);

        AssertLine(statements[2].Lines[0], 50_000, 70_000, 0, 20_000,
            $"{AtRisk} The result, 96.5% (193 of 200), beats the target of 85.0% and reaches the stretch target of 95.0%, so the at-risk amount is earned and the whole bonus cap of £20,000.00: £70,000.00 earned (£50,000.00 at risk + £20,000.00 bonus), £0.00 withheld.");
        AssertLine(statements[2].Lines[1], 50_000, 0, 50_000, 0,
            $"{AtRisk} The result, 32.0% (160 of 500), is at or above the floor of 30.0%, so nothing is earned: £0.00 earned, £50,000.00 withheld.");
        AssertTotals(statements[2], baseFee: 1_900_000, atRisk: 100_000, outcomePayments: 70_000, withheld: 50_000, bonus: 20_000, serviceCredits: 0, net: 1_970_000);
    }

    [Fact]
    public void Example4_ServiceCreditsWithCap_TwoQuartersPayAsWorked()
    {
        var (data, scheme, seen, carePlans, complaints) = ServiceCreditContract();
        var (q1, q2) = (Q1, Q1.Next());

        var statements = PaymentCalculator.Calculate(scheme, [
            data.Performance(q1, (seen, Ratio(seen, 184, 200, q1)), (carePlans, Ratio(carePlans, 172, 200, q1)), (complaints, Ratio(complaints, 91, 100, q1))),
            data.Performance(q2, (seen, Ratio(seen, 177, 200, q2)), (carePlans, Ratio(carePlans, 176, 200, q2)), (complaints, Rated(PerformanceRating.NotReported))),
        ]);

        const string AtRisk = "£3,000,000 a year × 10% at risk × 100% weight ÷ 4 quarters = £75,000.00 at risk.";
        Assert.Equal("£3,000,000 a year × 90% not at risk ÷ 4 quarters = £675,000.00 base fee.", statements[0].BaseFeeExplanation);

        AssertLines(statements[0],
            (PerformanceRating.Good, 75_000, 75_000, 0, 0, $"{AtRisk} Rated Good, which earns 100%: £75,000.00 earned, £0.00 withheld."),
            (PerformanceRating.Inadequate, 0, 0, 0, 15_000, "Rated Inadequate, so a service credit of £15,000.00 is deducted from the base fee."),
            (PerformanceRating.Good, 0, 0, 0, 0, "Rated Good, so no service credit is due."));
        Assert.Empty(statements[0].Adjustments);
        AssertTotals(statements[0], baseFee: 675_000, atRisk: 75_000, outcomePayments: 75_000, withheld: 0, bonus: 0, serviceCredits: 15_000, net: 735_000);

        AssertLines(statements[1],
            (PerformanceRating.ApproachingTarget, 75_000, 56_250, 18_750, 0, $"{AtRisk} Rated Approaching target, which earns 75%: £56,250.00 earned, £18,750.00 withheld."),
            (PerformanceRating.Inadequate, 0, 0, 0, 15_000, "Rated Inadequate, so a service credit of £15,000.00 is deducted from the base fee."),
            (PerformanceRating.NotReported, 0, 0, 0, 10_000, "Not reported, so a service credit of £10,000.00 is deducted from the base fee."));
        var adjustment = Assert.Single(statements[1].Adjustments);
        Assert.Equal(PaymentAdjustmentKind.ServiceCreditCap, adjustment.Kind);
        Assert.Equal(Money.FromPounds(4_750), adjustment.Amount);
        Assert.Equal(
            "Service credits are capped at 3% of the base fee: £675,000.00 × 3% = £20,250.00. £25,000.00 of service credits this quarter, so £4,750.00 is not deducted.",
            adjustment.Explanation);
        AssertTotals(statements[1], baseFee: 675_000, atRisk: 75_000, outcomePayments: 56_250, withheld: 18_750, bonus: 0, serviceCredits: 20_250, net: 711_000);
        Assert.Equal("£675,000.00 base fee + £56,250.00 outcome payments − £20,250.00 service credits = £711,000.00 net payment.", statements[1].NetPaymentExplanation);
    }

    [Fact]
    public void Example5_AnnualCapBiting_FiveQuartersPayAsWorked()
    {
        var data = new IncentiveTestData(4_000_000);
        var families = data.Add("Families completing the parenting programme", IndicatorUnit.Count, Polarity.HigherIsBetter, 50);
        var scheme = IncentiveScheme.Define(10, 420_000, null, null, [IndicatorIncentive.RateCard(families.Id, 100, 2_000, 10, 130_000)], data.SchemeIndicators);
        var quarters = new[] { ("2025-26 Q1", 70), ("2025-26 Q2", 80), ("2025-26 Q3", 65), ("2025-26 Q4", 50), ("2026-27 Q1", 40) };

        var statements = PaymentCalculator.Calculate(scheme, quarters
            .Select(q => (Period: ReportingPeriod.Parse(q.Item1), Outcomes: q.Item2))
            .Select(q => data.Performance(q.Period, (families, Reported(families, q.Outcomes, q.Period))))
            .ToList());

        const string AtRisk = "£4,000,000 a year × 10% at risk × 100% weight ÷ 4 quarters = £100,000.00 at risk.";
        Assert.Equal("£4,000,000 a year × 90% not at risk ÷ 4 quarters = £900,000.00 base fee.", statements[0].BaseFeeExplanation);
        AssertLine(statements[0].Lines[0], 100_000, 120_000, 0, 20_000,
            $"{AtRisk} 70 outcomes achieved, 60 above the threshold of 10: 60 × £2,000.00 per outcome = £120,000.00. £120,000.00 earned (£100,000.00 at risk + £20,000.00 bonus), £0.00 withheld.");
        AssertLine(statements[1].Lines[0], 100_000, 130_000, 0, 30_000,
            $"{AtRisk} 80 outcomes achieved, 70 above the threshold of 10: 70 × £2,000.00 per outcome = £140,000.00, capped at £130,000.00. £130,000.00 earned (£100,000.00 at risk + £30,000.00 bonus), £0.00 withheld.");
        AssertLine(statements[2].Lines[0], 100_000, 110_000, 0, 10_000,
            $"{AtRisk} 65 outcomes achieved, 55 above the threshold of 10: 55 × £2,000.00 per outcome = £110,000.00. £110,000.00 earned (£100,000.00 at risk + £10,000.00 bonus), £0.00 withheld.");
        AssertLine(statements[3].Lines[0], 100_000, 80_000, 20_000, 0,
            $"{AtRisk} 50 outcomes achieved, 40 above the threshold of 10: 40 × £2,000.00 per outcome = £80,000.00. £80,000.00 earned, £20,000.00 withheld.");
        AssertLine(statements[4].Lines[0], 100_000, 60_000, 40_000, 0,
            $"{AtRisk} 40 outcomes achieved, 30 above the threshold of 10: 30 × £2,000.00 per outcome = £60,000.00. £60,000.00 earned, £40,000.00 withheld.");

        Assert.All(statements.Take(3).Concat(statements.Skip(4)), s => Assert.Empty(s.Adjustments));
        var cap = Assert.Single(statements[3].Adjustments);
        Assert.Equal(PaymentAdjustmentKind.AnnualCap, cap.Kind);
        Assert.Equal(Money.FromPounds(20_000), cap.Amount);
        Assert.Equal(
            "Outcome payments for 2025-26 are capped at £420,000.00. £360,000.00 already paid this financial year + £80,000.00 earned this quarter = £440,000.00, so £20,000.00 is withheld to keep within the cap.",
            cap.Explanation);

        Assert.Equal([120_000m, 130_000m, 110_000m, 60_000m, 60_000m], statements.Select(s => s.OutcomePayments.Amount));
        Assert.Equal([0m, 0m, 0m, 40_000m, 40_000m], statements.Select(s => s.Withheld.Amount));
        Assert.Equal([1_020_000m, 1_030_000m, 1_010_000m, 960_000m, 960_000m], statements.Select(s => s.NetPayment.Amount));
        Assert.Equal(420_000m, statements.Take(4).Sum(s => s.OutcomePayments.Amount));
    }

    [Fact]
    public void Example6_SchemePreviewForTheServiceCreditContract_ShowsMaximumLossAsWorked()
    {
        var (data, scheme, seen, carePlans, _) = ServiceCreditContract();

        var preview = SchemePreview.For(scheme, data.Terms(Q1));

        Assert.Equal(Money.FromPounds(675_000), preview.BaseFeePerPeriod);
        Assert.Equal(Money.FromPounds(75_000), preview.AtRiskPerPeriod);
        Assert.Equal(Money.FromPounds(20_250), preview.MaximumServiceCreditsPerPeriod);
        Assert.Equal(
            "Service credits of up to £15,000.00 + £10,000.00 = £25,000.00 a quarter. Service credits are capped at 3% of the base fee: £675,000.00 × 3% = £20,250.00. So at most £20,250.00 can be deducted.",
            preview.MaximumServiceCreditsExplanation);
        Assert.Equal(Money.FromPounds(95_250), preview.MaximumLossPerPeriod);
        Assert.Equal("£75,000.00 at risk + £20,250.00 in service credits = £95,250.00 a quarter, if every indicator is not reported.", preview.MaximumLossPerPeriodExplanation);
        Assert.Equal(Money.FromPounds(381_000), preview.MaximumLossPerYear);
        Assert.Equal("4 quarters × £95,250.00 = £381,000.00 a year.", preview.MaximumLossPerYearExplanation);

        var bands = preview.Incentives.Single(i => i.IndicatorId == seen.Id);
        Assert.Equal([75_000m, 56_250m, 37_500m, 0m, 0m, 75_000m], bands.Samples.Select(s => s.Earned.Amount));
        var credit = preview.Incentives.Single(i => i.IndicatorId == carePlans.Id);
        Assert.Equal([0m, 0m, 0m, 15_000m, 15_000m, 0m], credit.Samples.Select(s => s.ServiceCredit.Amount));
    }

    private static (IncentiveTestData Data, IncentiveScheme Scheme, OutcomeIndicator Seen, OutcomeIndicator CarePlans, OutcomeIndicator Complaints) ServiceCreditContract()
    {
        var data = new IncentiveTestData(3_000_000);
        var seen = data.Percentage("Children seen within timescale", Polarity.HigherIsBetter, 90);
        var carePlans = data.Percentage("Care plans up to date", Polarity.HigherIsBetter, 95);
        var complaints = data.Percentage("Complaints answered within 20 working days", Polarity.HigherIsBetter, 90);
        var scheme = IncentiveScheme.Define(10, null, null, 3, [
            IndicatorIncentive.RatingBands(seen.Id, 100, 100, 75, 50, 0),
            IndicatorIncentive.ServiceCredit(carePlans.Id, 15_000),
            IndicatorIncentive.ServiceCredit(complaints.Id, 10_000),
        ], data.SchemeIndicators);
        return (data, scheme, seen, carePlans, complaints);
    }

    private static void AssertLines(PaymentStatement statement, params (PerformanceRating Rating, decimal AtRisk, decimal Earned, decimal Withheld, decimal ServiceCredit, string Explanation)[] expected)
    {
        Assert.Equal(expected.Length, statement.Lines.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (rating, atRisk, earned, withheld, credit, explanation) = expected[i];
            var line = statement.Lines[i];
            Assert.Equal(rating, line.Rating);
            Assert.Equal(Money.FromPounds(atRisk), line.AtRisk);
            Assert.Equal(Money.FromPounds(earned), line.Earned);
            Assert.Equal(Money.FromPounds(withheld), line.Withheld);
            Assert.Equal(Money.FromPounds(credit), line.ServiceCredit);
            Assert.Equal(explanation, line.Explanation);
        }
    }

    private static void AssertLine(PaymentLine line, decimal atRisk, decimal earned, decimal withheld, decimal bonus, string explanation)
    {
        Assert.Equal(Money.FromPounds(atRisk), line.AtRisk);
        Assert.Equal(Money.FromPounds(earned), line.Earned);
        Assert.Equal(Money.FromPounds(withheld), line.Withheld);
        Assert.Equal(Money.FromPounds(bonus), line.Bonus);
        Assert.Equal(explanation, line.Explanation);
    }

    private static void AssertTotals(
        PaymentStatement statement, decimal baseFee, decimal atRisk, decimal outcomePayments, decimal withheld, decimal bonus, decimal serviceCredits, decimal net)
    {
        Assert.Equal(
            (baseFee, atRisk, outcomePayments, withheld, bonus, serviceCredits, net),
            (statement.BaseFee.Amount, statement.AtRisk.Amount, statement.OutcomePayments.Amount, statement.Withheld.Amount,
                statement.Bonus.Amount, statement.ServiceCredits.Amount, statement.NetPayment.Amount));
    }
}
