using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using static ContractOutcomes.Domain.Tests.Incentives.IncentiveTestData;

namespace ContractOutcomes.Domain.Tests.Incentives;

/// <summary>
/// £24,000,000 a year, 8% at risk: rating bands (40%), graded (30%) and a rate card (30%), and two service
/// credits capped at 0.5% of the £5,520,000.00 base fee (£27,600.00).
/// </summary>
public class SchemePreviewTests
{
    private readonly IncentiveTestData _data = new();
    private readonly OutcomeIndicator _reReferrals;
    private readonly OutcomeIndicator _assessments;
    private readonly OutcomeIndicator _starts;
    private readonly OutcomeIndicator _carePlans;
    private readonly OutcomeIndicator _visits;
    private readonly IncentiveScheme _scheme;
    private readonly SchemePreviewResult _preview;

    public SchemePreviewTests()
    {
        _reReferrals = _data.Percentage("Re-referrals within 12 months", Polarity.LowerIsBetter, 20);
        _assessments = _data.Percentage("Single assessments within 45 working days", Polarity.HigherIsBetter, 85);
        _starts = _data.Add("Care leavers starting education, employment or training", IndicatorUnit.Count, Polarity.HigherIsBetter, 40);
        _carePlans = _data.Percentage("Care plans up to date", Polarity.HigherIsBetter, 95);
        _visits = _data.Percentage("Statutory visits on time", Polarity.HigherIsBetter, 95);
        _scheme = IncentiveScheme.Define(8, null, null, 0.5m, [
            IndicatorIncentive.RatingBands(_reReferrals.Id, 40, 100, 75, 50, 0),
            IndicatorIncentive.Graded(_assessments.Id, 30, 70, 95, 20_000),
            IndicatorIncentive.RateCard(_starts.Id, 30, 1_500, 20, 75_000),
            IndicatorIncentive.ServiceCredit(_carePlans.Id, 15_000),
            IndicatorIncentive.ServiceCredit(_visits.Id, 15_000),
        ], _data.SchemeIndicators);
        _preview = SchemePreview.For(_scheme, _data.Terms(Q1));
    }

    [Fact]
    public void For_Totals_ShowBaseFeeAtRiskAndMaximumLoss()
    {
        Assert.Equal(Q1, _preview.Period);
        Assert.Equal(Money.FromPounds(5_520_000), _preview.BaseFeePerPeriod);
        Assert.Equal("£24,000,000 a year × 92% not at risk ÷ 4 quarters = £5,520,000.00 base fee.", _preview.BaseFeeExplanation);
        Assert.Equal(Money.FromPounds(480_000), _preview.AtRiskPerPeriod);
        Assert.Equal("£192,000.00 + £144,000.00 + £144,000.00 = £480,000.00 at risk a quarter.", _preview.AtRiskExplanation);
        Assert.Equal(Money.FromPounds(27_600), _preview.MaximumServiceCreditsPerPeriod);
        Assert.Equal(
            "Service credits of up to £15,000.00 + £15,000.00 = £30,000.00 a quarter. Service credits are capped at 0.5% of the base fee: £5,520,000.00 × 0.5% = £27,600.00. So at most £27,600.00 can be deducted.",
            _preview.MaximumServiceCreditsExplanation);
        Assert.Equal(Money.FromPounds(507_600), _preview.MaximumLossPerPeriod);
        Assert.Equal("£480,000.00 at risk + £27,600.00 in service credits = £507,600.00 a quarter, if every indicator is not reported.", _preview.MaximumLossPerPeriodExplanation);
        Assert.Equal(Money.FromPounds(2_030_400), _preview.MaximumLossPerYear);
        Assert.Equal("4 quarters × £507,600.00 = £2,030,400.00 a year.", _preview.MaximumLossPerYearExplanation);
    }

    [Fact]
    public void For_RatingBands_ShowsEveryRating()
    {
        var bands = _preview.Incentives.Single(i => i.IndicatorId == _reReferrals.Id);

        Assert.Equal(IncentiveMechanism.RatingBands, bands.Mechanism);
        Assert.Equal("Re-referrals within 12 months", bands.IndicatorName);
        Assert.Equal(Money.FromPounds(192_000), bands.AtRisk);
        Assert.Equal(
            ["Good", "Approaching target", "Requires improvement", "Inadequate", "Not reported", "Other"],
            bands.Samples.Select(s => s.Label));
        Assert.Equal([192_000m, 144_000m, 96_000m, 0m, 0m, 192_000m], bands.Samples.Select(s => s.Earned.Amount));
        Assert.Equal(
            "Earns 100% of the at-risk amount at Good, 75% at Approaching target, 50% at Requires improvement and 0% at Inadequate; nothing when not reported, and everything when rated Other.",
            bands.Summary);
    }

    [Fact]
    public void For_Graded_ShowsFloorHalfwayTargetAndStretch()
    {
        var graded = _preview.Incentives.Single(i => i.IndicatorId == _assessments.Id);

        Assert.Equal(
            ["At the floor (70.0%)", "Halfway between the floor and the target (77.5%)", "At the target (85.0%)", "At the stretch target (95.0%)", "Not reported", "Other"],
            graded.Samples.Select(s => s.Label));
        Assert.Equal([0m, 72_000m, 144_000m, 164_000m, 0m, 144_000m], graded.Samples.Select(s => s.Earned.Amount));
        Assert.Equal(20_000m, graded.Samples[3].Bonus.Amount);
        Assert.Equal([70m, 77.5m, 85m, 95m], graded.Samples.Take(4).Select(s => s.Value!.Value));
        Assert.Equal(
            "£24,000,000 a year × 8% at risk × 30% weight ÷ 4 quarters = £144,000.00 at risk. The result, 77.5%, is between the floor of 70.0% and the target of 85.0%, so it earns in proportion: £144,000.00 × (77.5 − 70) ÷ (85 − 70) = £72,000.00. £72,000.00 earned, £72,000.00 withheld.",
            graded.Samples[1].Explanation);
        Assert.Equal(
            "Earns nothing at or below the floor of 70.0%, the whole at-risk amount at the target, and in proportion between. Beyond the target a bonus rises in proportion up to £20,000.00 at the stretch target of 95.0%.",
            graded.Summary);
    }

    [Fact]
    public void For_GradedSamples_CarryTheRatingTheToleranceGives()
    {
        var graded = _preview.Incentives.Single(i => i.IndicatorId == _assessments.Id);

        Assert.Equal(PerformanceRating.Inadequate, graded.Samples[0].Rating);
        Assert.Equal(PerformanceRating.Good, graded.Samples[2].Rating);
    }

    [Fact]
    public void For_RateCard_ShowsThresholdAndTheWayToTheCap()
    {
        var rateCard = _preview.Incentives.Single(i => i.IndicatorId == _starts.Id);

        Assert.Equal(
            [
                "At the threshold (20 outcomes)",
                "20 + a quarter of the 50 outcomes needed to reach the cap (33 outcomes)",
                "20 + half of the 50 outcomes needed to reach the cap (45 outcomes)",
                "20 + all of the 50 outcomes needed to reach the cap (70 outcomes)",
                "Not reported",
                "Other",
            ],
            rateCard.Samples.Select(s => s.Label));
        Assert.Equal([0m, 19_500m, 37_500m, 75_000m, 0m, 144_000m], rateCard.Samples.Select(s => s.Earned.Amount));
        Assert.Equal("Pays £1,500.00 for each outcome above 20 outcomes, up to £75,000.00 a quarter.", rateCard.Summary);
    }

    [Fact]
    public void For_ServiceCredit_ShowsTheCreditAtEachRating()
    {
        var credit = _preview.Incentives.Single(i => i.IndicatorId == _carePlans.Id);

        Assert.Equal(Money.FromPounds(15_000), credit.ServiceCredit);
        Assert.Equal(Money.Zero, credit.AtRisk);
        Assert.Equal([0m, 0m, 0m, 15_000m, 15_000m, 0m], credit.Samples.Select(s => s.ServiceCredit.Amount));
        Assert.Equal("Deducts £15,000.00 from the base fee when rated Inadequate or not reported.", credit.Summary);
    }

    [Fact]
    public void For_EverySample_MatchesThePaymentStatementForTheSameResult()
    {
        var bands = _preview.Incentives.Single(i => i.IndicatorId == _reReferrals.Id);
        var statement = _data.Statement(_scheme, Q1, (_reReferrals, Rated(PerformanceRating.ApproachingTarget)));

        var line = statement.Lines.Single(l => l.IndicatorId == _reReferrals.Id);
        Assert.Equal(line.Earned, bands.Samples[1].Earned);
        Assert.Equal(line.Explanation, bands.Samples[1].Explanation);
    }

    [Fact]
    public void For_GradedWithoutATarget_ExplainsWhySamplesAreMissing()
    {
        var data = new IncentiveTestData();
        var indicator = data.Percentage("Assessments", Polarity.HigherIsBetter, 85);
        var scheme = data.Scheme(8, IndicatorIncentive.Graded(indicator.Id, 100, 70, null, null));
        var terms = data.Terms(ReportingPeriod.Parse("2030-31 Q1"));

        var graded = SchemePreview.For(scheme, terms).Incentives.Single();

        Assert.Equal("There is no target for 2030-31 Q1 yet, so sample results cannot be shown.", graded.Note);
        Assert.Equal(["Not reported", "Other"], graded.Samples.Select(s => s.Label));
    }

    [Fact]
    public void For_CreditsUnderTheCap_LoseEveryCredit()
    {
        var data = new IncentiveTestData();
        var indicator = data.Percentage("Assessments", Polarity.HigherIsBetter, 85);
        var scheme = IncentiveScheme.Define(0, null, null, 5, [IndicatorIncentive.ServiceCredit(indicator.Id, 10_000)], data.SchemeIndicators);

        var preview = SchemePreview.For(scheme, data.Terms(Q1));

        Assert.Equal(Money.FromPounds(6_000_000), preview.BaseFeePerPeriod);
        Assert.Equal(Money.Zero, preview.AtRiskPerPeriod);
        Assert.Equal("Nothing is at risk.", preview.AtRiskExplanation);
        Assert.Equal(Money.FromPounds(10_000), preview.MaximumLossPerPeriod);
        Assert.Equal(
            "Service credits of up to £10,000.00 a quarter. Service credits are capped at 5% of the base fee: £6,000,000.00 × 5% = £300,000.00. The cap is not reached.",
            preview.MaximumServiceCreditsExplanation);
        Assert.Equal(Money.FromPounds(40_000), preview.MaximumLossPerYear);
    }

    [Fact]
    public void For_NoScheme_HasNothingToLose()
    {
        var preview = SchemePreview.For(IncentiveScheme.None, _data.Terms(Q1));

        Assert.Empty(preview.Incentives);
        Assert.Equal(Money.Zero, preview.MaximumLossPerYear);
        Assert.Equal("No indicator has a service credit.", preview.MaximumServiceCreditsExplanation);
    }
}
