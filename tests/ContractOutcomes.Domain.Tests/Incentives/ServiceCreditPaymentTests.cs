using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using static ContractOutcomes.Domain.Tests.Incentives.IncentiveTestData;

namespace ContractOutcomes.Domain.Tests.Incentives;

/// <summary>
/// £3,000,000 a year, 10% at risk on one rating-band indicator; two service credits (£15,000 and £10,000)
/// capped at 3% of the £675,000.00 base fee, which is £20,250.00.
/// </summary>
public class ServiceCreditPaymentTests
{
    private readonly IncentiveTestData _data = new(3_000_000);
    private readonly OutcomeIndicator _seen;
    private readonly OutcomeIndicator _carePlans;
    private readonly OutcomeIndicator _complaints;
    private readonly IncentiveScheme _scheme;

    public ServiceCreditPaymentTests()
    {
        _seen = _data.Percentage("Children seen within timescale", Polarity.HigherIsBetter, 90);
        _carePlans = _data.Percentage("Care plans up to date", Polarity.HigherIsBetter, 95);
        _complaints = _data.Percentage("Complaints answered within 20 working days", Polarity.HigherIsBetter, 90);
        _scheme = IncentiveScheme.Define(10, null, null, 3, [
            IndicatorIncentive.RatingBands(_seen.Id, 100, 100, 75, 50, 0),
            IndicatorIncentive.ServiceCredit(_carePlans.Id, 15_000),
            IndicatorIncentive.ServiceCredit(_complaints.Id, 10_000),
        ], _data.SchemeIndicators);
    }

    [Theory]
    [InlineData(PerformanceRating.Good, 0, "Rated Good, so no service credit is due.")]
    [InlineData(PerformanceRating.ApproachingTarget, 0, "Rated Approaching target, so no service credit is due.")]
    [InlineData(PerformanceRating.RequiresImprovement, 0, "Rated Requires improvement, so no service credit is due.")]
    [InlineData(PerformanceRating.Inadequate, 15_000, "Rated Inadequate, so a service credit of £15,000.00 is deducted from the base fee.")]
    [InlineData(PerformanceRating.NotReported, 15_000, "Not reported, so a service credit of £15,000.00 is deducted from the base fee.")]
    [InlineData(PerformanceRating.Other, 0, "Rated Other (the commissioner recorded that it could not fairly be rated), so no service credit is due.")]
    public void Calculate_EachRating_DeductsTheCreditOnlyWhenInadequateOrNotReported(PerformanceRating rating, int credit, string explanation)
    {
        var statement = _data.Statement(_scheme, Q1, (_carePlans, Rated(rating)));
        var line = statement.Lines.Single(l => l.IndicatorId == _carePlans.Id);

        Assert.Equal(Money.FromPounds(credit), line.ServiceCredit);
        Assert.Equal(Money.Zero, line.AtRisk);
        Assert.Equal(Money.Zero, line.Earned);
        Assert.Equal(Money.Zero, line.Withheld);
        Assert.Equal(explanation, line.Explanation);
        Assert.Equal(Money.FromPounds(credit), statement.ServiceCredits);
        Assert.Equal(Money.FromPounds(675_000 - credit), statement.NetPayment);
    }

    [Fact]
    public void Calculate_NotYetRated_DeductsNothing()
    {
        var line = _data.Statement(_scheme, Q1).Lines.Single(l => l.IndicatorId == _carePlans.Id);

        Assert.Equal(Money.Zero, line.ServiceCredit);
        Assert.Equal("Not yet rated, so no service credit is due yet.", line.Explanation);
    }

    [Fact]
    public void Calculate_CreditsAboveCap_AreReducedToTheCap()
    {
        var statement = _data.Statement(_scheme, Q1,
            (_seen, Rated(PerformanceRating.Good)),
            (_carePlans, Rated(PerformanceRating.Inadequate)),
            (_complaints, Rated(PerformanceRating.NotReported)));

        var adjustment = Assert.Single(statement.Adjustments);
        Assert.Equal(PaymentAdjustmentKind.ServiceCreditCap, adjustment.Kind);
        Assert.Equal(Money.FromPounds(4_750), adjustment.Amount);
        Assert.Equal(
            "Service credits are capped at 3% of the base fee: £675,000.00 × 3% = £20,250.00. £25,000.00 of service credits this quarter, so £4,750.00 is not deducted.",
            adjustment.Explanation);
        Assert.Equal(Money.FromPounds(20_250), statement.ServiceCredits);
        Assert.Equal(Money.FromPounds(675_000 + 75_000 - 20_250), statement.NetPayment);
        Assert.Equal("£675,000.00 base fee + £75,000.00 outcome payments − £20,250.00 service credits = £729,750.00 net payment.", statement.NetPaymentExplanation);
    }

    [Fact]
    public void Calculate_CreditsExactlyAtCap_AreNotAdjusted()
    {
        var scheme = IncentiveScheme.Define(10, null, null, 3, [
            IndicatorIncentive.RatingBands(_seen.Id, 100, 100, 75, 50, 0),
            IndicatorIncentive.ServiceCredit(_carePlans.Id, 20_250),
        ], _data.SchemeIndicators);

        var statement = _data.Statement(scheme, Q1, (_carePlans, Rated(PerformanceRating.Inadequate)));

        Assert.Empty(statement.Adjustments);
        Assert.Equal(Money.FromPounds(20_250), statement.ServiceCredits);
    }

    [Fact]
    public void Calculate_ZeroCap_DeductsNothing()
    {
        var scheme = IncentiveScheme.Define(0, null, null, 0, [IndicatorIncentive.ServiceCredit(_carePlans.Id, 15_000)], _data.SchemeIndicators);

        var statement = _data.Statement(scheme, Q1, (_carePlans, Rated(PerformanceRating.Inadequate)));

        Assert.Equal(Money.Zero, statement.ServiceCredits);
        Assert.Equal(Money.FromPounds(750_000), statement.NetPayment);
    }
}
