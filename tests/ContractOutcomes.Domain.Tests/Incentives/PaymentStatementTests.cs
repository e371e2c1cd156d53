using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using static ContractOutcomes.Domain.Tests.Incentives.IncentiveTestData;

namespace ContractOutcomes.Domain.Tests.Incentives;

public class PaymentStatementTests
{
    private readonly IncentiveTestData _data = new();
    private readonly OutcomeIndicator _first;
    private readonly OutcomeIndicator _second;
    private readonly OutcomeIndicator _third;

    public PaymentStatementTests()
    {
        _first = _data.Percentage("First indicator", Polarity.HigherIsBetter, 80);
        _second = _data.Percentage("Second indicator", Polarity.HigherIsBetter, 80);
        _third = _data.Percentage("Third indicator", Polarity.HigherIsBetter, 80);
    }

    [Fact]
    public void Calculate_BaseFee_IsTheShareNotAtRiskOfAQuarter()
    {
        var statement = _data.Statement(Bands(8), Q1);

        Assert.Equal(Money.FromPounds(5_520_000), statement.BaseFee);
        Assert.Equal("£24,000,000 a year × 92% not at risk ÷ 4 quarters = £5,520,000.00 base fee.", statement.BaseFeeExplanation);
    }

    [Fact]
    public void Calculate_NoScheme_PaysAQuarterOfTheAnnualValue()
    {
        var statement = _data.Statement(IncentiveScheme.None, Q1);

        Assert.Equal(Money.FromPounds(6_000_000), statement.BaseFee);
        Assert.Empty(statement.Lines);
        Assert.Equal(Money.FromPounds(6_000_000), statement.NetPayment);
    }

    [Fact]
    public void Calculate_ZeroAnnualValue_PutsNothingAtRisk()
    {
        var statement = PaymentCalculator.Calculate(Bands(8), [new PeriodPerformance(_data.Terms(Q1, annualValue: 0), new Dictionary<IndicatorId, IndicatorOutcome>
        {
            [_first.Id] = Rated(PerformanceRating.Inadequate),
        })]).Single();

        Assert.All(statement.Lines, l => Assert.Equal(Money.Zero, l.AtRisk));
        Assert.Equal(Money.Zero, statement.Withheld);
        Assert.Equal(Money.Zero, statement.NetPayment);
        Assert.StartsWith("£0 a year × 8% at risk × 50% weight ÷ 4 quarters = £0.00 at risk.", statement.Lines[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_UsesTheAnnualValueAndTermsVersionOfEachPeriod()
    {
        var q2 = Q1.Next();
        var statements = PaymentCalculator.Calculate(Bands(8), [
            new PeriodPerformance(_data.Terms(Q1), new Dictionary<IndicatorId, IndicatorOutcome>()),
            new PeriodPerformance(_data.Terms(q2, annualValue: 20_000_000, version: 2), new Dictionary<IndicatorId, IndicatorOutcome>()),
        ]);

        Assert.Equal([0, 2], statements.Select(s => s.TermsVersion));
        Assert.Equal(Money.FromPounds(240_000), statements[0].Lines[0].AtRisk);
        Assert.Equal(Money.FromPounds(200_000), statements[1].Lines[0].AtRisk);
        Assert.Equal(Money.FromPounds(4_600_000), statements[1].BaseFee);
    }

    [Fact]
    public void Calculate_Lines_FollowTheContractsIndicatorOrder()
    {
        var scheme = _data.Scheme(8,
            IndicatorIncentive.RatingBands(_third.Id, 50, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(_first.Id, 50, 100, 75, 50, 0));

        var statement = _data.Statement(scheme, Q1);

        Assert.Equal(["First indicator", "Third indicator"], statement.Lines.Select(l => l.IndicatorName));
    }

    [Fact]
    public void Calculate_Totals_AreSumsOfTheRoundedLines()
    {
        // £1,000,000.01 × 9% × a third ÷ 4 leaves a fraction of a penny on each line; totals add the rounded lines.
        var data = new IncentiveTestData(1_000_000.01m);
        var a = data.Percentage("A", Polarity.HigherIsBetter, 80);
        var b = data.Percentage("B", Polarity.HigherIsBetter, 80);
        var c = data.Percentage("C", Polarity.HigherIsBetter, 80);
        var weight = 100m / 3;
        var scheme = IncentiveScheme.Define(9, null, null, null, [
            IndicatorIncentive.RatingBands(a.Id, weight, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(b.Id, weight, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(c.Id, 100 - weight - weight, 100, 75, 50, 0),
        ], data.SchemeIndicators);

        var statement = data.Statement(scheme, Q1,
            (a, Rated(PerformanceRating.ApproachingTarget)),
            (b, Rated(PerformanceRating.ApproachingTarget)),
            (c, Rated(PerformanceRating.ApproachingTarget)));

        Assert.All(statement.Lines, l => Assert.Equal(Money.FromPounds(7_500), l.AtRisk));
        Assert.Equal(statement.Lines.Sum(l => l.AtRisk.Amount), statement.AtRisk.Amount);
        Assert.Equal(statement.Lines.Sum(l => l.Earned.Amount), statement.OutcomePayments.Amount);
        Assert.Equal(statement.Lines.Sum(l => l.Withheld.Amount), statement.Withheld.Amount);
        Assert.Equal(statement.BaseFee + statement.OutcomePayments - statement.ServiceCredits, statement.NetPayment);
        Assert.Equal(Money.FromPounds(227_500.00m), statement.BaseFee);
    }

    [Fact]
    public void Calculate_AtRiskAndBaseFee_EachRoundHalfAwayFromZero()
    {
        // £10,002 × 90% ÷ 4 = £2,250.45; £10,002 × 10% × 50% ÷ 4 = £125.025, so £125.03 (not £125.02).
        var data = new IncentiveTestData(10_002);
        var a = data.Percentage("A", Polarity.HigherIsBetter, 80);
        var b = data.Percentage("B", Polarity.HigherIsBetter, 80);
        var scheme = IncentiveScheme.Define(10, null, null, null, [
            IndicatorIncentive.RatingBands(a.Id, 50, 100, 75, 50, 0),
            IndicatorIncentive.RatingBands(b.Id, 50, 100, 75, 50, 0),
        ], data.SchemeIndicators);

        var statement = data.Statement(scheme, Q1);

        Assert.Equal(Money.FromPounds(2_250.45m), statement.BaseFee);
        Assert.Equal(Money.FromPounds(125.03m), statement.Lines[0].AtRisk);
    }

    [Fact]
    public void Calculate_RestatedFigure_MarksTheLineAndStatement()
    {
        var statement = _data.Statement(Bands(8), Q1,
            (_first, Ratio(_first, 80, 100, restated: true)),
            (_second, Ratio(_second, 80, 100)));

        Assert.True(statement.Lines.Single(l => l.IndicatorId == _first.Id).IsRestated);
        Assert.False(statement.Lines.Single(l => l.IndicatorId == _second.Id).IsRestated);
        Assert.True(statement.IsRestated);
    }

    [Fact]
    public void Calculate_NothingRestated_StatementIsNotRestated()
    {
        var statement = _data.Statement(Bands(8), Q1, (_first, Ratio(_first, 80, 100)));

        Assert.False(statement.IsRestated);
    }

    [Fact]
    public void Calculate_NoPeriods_GivesNoStatements()
    {
        Assert.Empty(PaymentCalculator.Calculate(Bands(8), []));
    }

    [Fact]
    public void Calculate_WithheldPlusOutcomePayments_EqualsAtRiskPlusBonus()
    {
        var data = new IncentiveTestData(1_200_000);
        var starts = data.Add("Starts", IndicatorUnit.Count, Polarity.HigherIsBetter, 40);
        var other = data.Percentage("Other", Polarity.HigherIsBetter, 80);
        var scheme = IncentiveScheme.Define(20, 80_000, null, null, [
            IndicatorIncentive.RateCard(starts.Id, 50, 1_000, 0, 60_000),
            IndicatorIncentive.RatingBands(other.Id, 50, 100, 75, 50, 0),
        ], data.SchemeIndicators);

        var statement = data.Statement(scheme, Q1, (starts, Reported(starts, 80)), (other, Rated(PerformanceRating.ApproachingTarget)));

        Assert.Equal(Money.FromPounds(30_000), statement.Bonus);
        Assert.Equal(Money.FromPounds(80_000), statement.OutcomePayments);
        Assert.Equal(Money.FromPounds(10_000), statement.Withheld);
        Assert.Equal(statement.AtRisk + statement.Bonus, statement.OutcomePayments + statement.Withheld);
    }

    private IncentiveScheme Bands(decimal share) => _data.Scheme(share,
        IndicatorIncentive.RatingBands(_first.Id, 50, 100, 75, 50, 0),
        IndicatorIncentive.RatingBands(_second.Id, 50, 100, 75, 50, 0));
}
