using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using static ContractOutcomes.Domain.Tests.Incentives.IncentiveTestData;

namespace ContractOutcomes.Domain.Tests.Incentives;

public class RatingBandsPaymentTests
{
    private const string AtRisk = "£24,000,000 a year × 8% at risk × 20% weight ÷ 4 quarters = £96,000.00 at risk.";

    private readonly IncentiveTestData _data = new();
    private readonly OutcomeIndicator _reReferrals;
    private readonly OutcomeIndicator _others;
    private readonly IncentiveScheme _scheme;

    public RatingBandsPaymentTests()
    {
        _reReferrals = _data.Percentage("Re-referrals within 12 months", Polarity.LowerIsBetter, 20);
        _others = _data.Percentage("Everything else", Polarity.HigherIsBetter, 80);
        _scheme = _data.Scheme(8,
            IndicatorIncentive.RatingBands(_reReferrals.Id, 20, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(_others.Id, 80, 100, 75, 50, 0));
    }

    [Theory]
    [InlineData(PerformanceRating.Good, 96_000, 0, "Rated Good, which earns 100%: £96,000.00 earned, £0.00 withheld.")]
    [InlineData(PerformanceRating.ApproachingTarget, 72_000, 24_000, "Rated Approaching target, which earns 75%: £72,000.00 earned, £24,000.00 withheld.")]
    [InlineData(PerformanceRating.RequiresImprovement, 48_000, 48_000, "Rated Requires improvement, which earns 50%: £48,000.00 earned, £48,000.00 withheld.")]
    [InlineData(PerformanceRating.Inadequate, 0, 96_000, "Rated Inadequate, which earns 0%: £0.00 earned, £96,000.00 withheld.")]
    [InlineData(PerformanceRating.NotReported, 0, 96_000, "Not reported, which earns 0%: £0.00 earned, £96,000.00 withheld.")]
    [InlineData(PerformanceRating.Other, 96_000, 0, "Rated Other (the commissioner recorded that it could not fairly be rated), which earns 100%: £96,000.00 earned, £0.00 withheld.")]
    public void Calculate_EachRating_EarnsItsBand(PerformanceRating rating, int earned, int withheld, string explanation)
    {
        var line = LineFor(Rated(rating));

        Assert.Equal(rating, line.Rating);
        Assert.Equal(Money.FromPounds(96_000), line.AtRisk);
        Assert.Equal(Money.FromPounds(earned), line.Earned);
        Assert.Equal(Money.FromPounds(withheld), line.Withheld);
        Assert.Equal(Money.Zero, line.Bonus);
        Assert.Equal(Money.Zero, line.ServiceCredit);
        Assert.Equal($"{AtRisk} {explanation}", line.Explanation);
    }

    [Theory]
    [InlineData(200, 1000, PerformanceRating.Good)]
    [InlineData(220, 1000, PerformanceRating.ApproachingTarget)]
    [InlineData(221, 1000, PerformanceRating.RequiresImprovement)]
    [InlineData(250, 1000, PerformanceRating.RequiresImprovement)]
    [InlineData(251, 1000, PerformanceRating.Inadequate)]
    public void Calculate_FigureExactlyOnABandEdge_EarnsTheBetterBand(int numerator, int denominator, PerformanceRating expected)
    {
        var line = LineFor(Ratio(_reReferrals, numerator, denominator));

        Assert.Equal(expected, line.Rating);
        Assert.Equal(Money.FromPounds(96_000m * _scheme.Incentives[0].BandPercent(expected) / 100), line.Earned);
    }

    [Fact]
    public void Calculate_NoOutcome_IsNotYetRatedAndWithholdsNothing()
    {
        var statement = _data.Statement(_scheme, Q1);
        var line = statement.Lines[0];

        Assert.Null(line.Rating);
        Assert.Equal(Money.FromPounds(96_000), line.AtRisk);
        Assert.Equal(Money.Zero, line.Earned);
        Assert.Equal(Money.Zero, line.Withheld);
        Assert.Equal($"{AtRisk} Not yet rated, so nothing is earned or withheld yet.", line.Explanation);
        Assert.Equal(Money.Zero, statement.Withheld);
    }

    [Fact]
    public void Calculate_OutcomeWithoutRating_IsNotYetRated()
    {
        var line = LineFor(new IndicatorOutcome(null, null, IsRestated: false));

        Assert.Null(line.Rating);
        Assert.Equal(Money.Zero, line.Earned);
        Assert.Equal(Money.Zero, line.Withheld);
    }

    [Fact]
    public void Calculate_OddAtRisk_RoundsEarnedHalfAwayFromZero()
    {
        // £10,002 × 10% × 50% ÷ 4 = £125.025 at risk, so £125.03; 50% of that is £62.515, so £62.52.
        var data = new IncentiveTestData(10_002);
        var indicator = data.Percentage("Only indicator", Polarity.HigherIsBetter, 80);
        var other = data.Percentage("Second indicator", Polarity.HigherIsBetter, 80);
        var scheme = data.Scheme(10,
            IndicatorIncentive.RatingBands(indicator.Id, 50, 100, 50, 25, 0),
            IndicatorIncentive.RatingBands(other.Id, 50, 100, 50, 25, 0));

        var statement = data.Statement(scheme, Q1, (indicator, Rated(PerformanceRating.ApproachingTarget)), (other, Rated(PerformanceRating.ApproachingTarget)));

        Assert.All(statement.Lines, l => Assert.Equal(Money.FromPounds(125.03m), l.AtRisk));
        Assert.All(statement.Lines, l => Assert.Equal(Money.FromPounds(62.52m), l.Earned));
        Assert.All(statement.Lines, l => Assert.Equal(Money.FromPounds(62.51m), l.Withheld));
        Assert.Equal(Money.FromPounds(250.06m), statement.AtRisk);
        Assert.Equal(Money.FromPounds(125.04m), statement.OutcomePayments);
        Assert.Equal(Money.FromPounds(125.02m), statement.Withheld);
    }

    private PaymentLine LineFor(IndicatorOutcome outcome) =>
        _data.Statement(_scheme, Q1, (_reReferrals, outcome)).Lines.Single(l => l.IndicatorId == _reReferrals.Id);
}
