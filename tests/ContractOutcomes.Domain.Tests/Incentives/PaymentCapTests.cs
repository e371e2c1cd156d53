using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using static ContractOutcomes.Domain.Tests.Incentives.IncentiveTestData;

namespace ContractOutcomes.Domain.Tests.Incentives;

/// <summary>
/// £4,000,000 a year with 10% at risk on one rating-band indicator: £100,000.00 at risk a quarter, all
/// earned when rated Good.
/// </summary>
public class PaymentCapTests
{
    private readonly IncentiveTestData _data = new(4_000_000);
    private readonly OutcomeIndicator _families;

    public PaymentCapTests()
    {
        _families = _data.Add("Families completing the parenting programme", IndicatorUnit.Count, Polarity.HigherIsBetter, 50);
    }

    [Fact]
    public void Calculate_AnnualCap_BitesInTheQuarterThatCrossesIt()
    {
        var statements = Calculate(Scheme(annualCap: 250_000), Quarters("2025-26 Q1", 4));

        Assert.Equal([100_000m, 100_000m, 50_000m, 0m], statements.Select(s => s.OutcomePayments.Amount));
        Assert.Empty(statements[0].Adjustments);
        var third = Assert.Single(statements[2].Adjustments);
        Assert.Equal(PaymentAdjustmentKind.AnnualCap, third.Kind);
        Assert.Equal(Money.FromPounds(50_000), third.Amount);
        Assert.Equal(
            "Outcome payments for 2025-26 are capped at £250,000.00. £200,000.00 already paid this financial year + £100,000.00 earned this quarter = £300,000.00, so £50,000.00 is withheld to keep within the cap.",
            third.Explanation);
        Assert.Equal(Money.FromPounds(50_000), statements[2].Withheld);
        Assert.Equal(Money.FromPounds(100_000), statements[3].Withheld);
    }

    [Fact]
    public void Calculate_AnnualCap_StartsAgainEachFinancialYear()
    {
        var statements = Calculate(Scheme(annualCap: 250_000), Quarters("2025-26 Q3", 4));

        Assert.Equal(["2025-26 Q3", "2025-26 Q4", "2026-27 Q1", "2026-27 Q2"], statements.Select(s => s.Period.Label));
        Assert.Equal([100_000m, 100_000m, 100_000m, 100_000m], statements.Select(s => s.OutcomePayments.Amount));
    }

    [Fact]
    public void Calculate_AnnualCapSmallerThanOneQuarter_FirstQuarterExplanationHasNothingEarlier()
    {
        var statement = Calculate(Scheme(annualCap: 60_000), Quarters("2025-26 Q1", 1)).Single();

        Assert.Equal(
            "Outcome payments for 2025-26 are capped at £60,000.00. £100,000.00 earned this quarter = £100,000.00, so £40,000.00 is withheld to keep within the cap.",
            Assert.Single(statement.Adjustments).Explanation);
    }

    [Fact]
    public void Calculate_ZeroAnnualCap_WithholdsEverything()
    {
        var statements = Calculate(Scheme(annualCap: 0), Quarters("2025-26 Q1", 2));

        Assert.All(statements, s => Assert.Equal(Money.Zero, s.OutcomePayments));
        Assert.All(statements, s => Assert.Equal(Money.FromPounds(100_000), s.Withheld));
    }

    [Fact]
    public void Calculate_AnnualCapExactlyReached_IsNotAdjusted()
    {
        var statements = Calculate(Scheme(annualCap: 200_000), Quarters("2025-26 Q1", 2));

        Assert.All(statements, s => Assert.Empty(s.Adjustments));
    }

    [Fact]
    public void Calculate_TermCap_AccumulatesAcrossFinancialYears()
    {
        var statements = Calculate(Scheme(termCap: 550_000), Quarters("2025-26 Q3", 7));

        Assert.Equal([100_000m, 100_000m, 100_000m, 100_000m, 100_000m, 50_000m, 0m], statements.Select(s => s.OutcomePayments.Amount));
        var sixth = Assert.Single(statements[5].Adjustments);
        Assert.Equal(PaymentAdjustmentKind.TermCap, sixth.Kind);
        Assert.Equal(
            "Outcome payments over the contract term are capped at £550,000.00. £500,000.00 already paid during the term + £100,000.00 earned this quarter = £600,000.00, so £50,000.00 is withheld to keep within the cap.",
            sixth.Explanation);
    }

    [Fact]
    public void Calculate_AnnualAndTermCapInOneQuarter_TermCapCountsWhatIsLeftAfterTheAnnualCap()
    {
        var statements = Calculate(Scheme(annualCap: 250_000, termCap: 220_000), Quarters("2025-26 Q1", 3));

        Assert.Equal([100_000m, 100_000m, 20_000m], statements.Select(s => s.OutcomePayments.Amount));
        var adjustments = statements[2].Adjustments;
        Assert.Equal([PaymentAdjustmentKind.AnnualCap, PaymentAdjustmentKind.TermCap], adjustments.Select(a => a.Kind));
        Assert.Equal([50_000m, 30_000m], adjustments.Select(a => a.Amount.Amount));
        Assert.Equal(
            "Outcome payments over the contract term are capped at £220,000.00. £200,000.00 already paid during the term + £50,000.00 earned this quarter after the annual cap = £250,000.00, so £30,000.00 is withheld to keep within the cap.",
            adjustments[1].Explanation);
        Assert.Equal(Money.FromPounds(80_000), statements[2].Withheld);
    }

    [Fact]
    public void Calculate_PeriodsGivenOutOfOrder_AreCappedInTimeOrder()
    {
        var quarters = Quarters("2025-26 Q1", 3).Reverse().ToArray();

        var statements = Calculate(Scheme(annualCap: 250_000), quarters);

        Assert.Equal(["2025-26 Q1", "2025-26 Q2", "2025-26 Q3"], statements.Select(s => s.Period.Label));
        Assert.Equal(Money.FromPounds(50_000), statements[2].OutcomePayments);
    }

    [Fact]
    public void Calculate_SamePeriodTwice_IsRefused()
    {
        var quarter = Quarters("2025-26 Q1", 1)[0];

        Assert.Throws<ArgumentException>(() => PaymentCalculator.Calculate(Scheme(), [quarter, quarter]));
    }

    private IncentiveScheme Scheme(decimal? annualCap = null, decimal? termCap = null) =>
        IncentiveScheme.Define(10, annualCap, termCap, null, [IndicatorIncentive.RatingBands(_families.Id, 100, 100, 75, 50, 0)], _data.SchemeIndicators);

    private PeriodPerformance[] Quarters(string first, int count) =>
        Enumerable.Range(0, count)
            .Select(i => Enumerable.Range(0, i).Aggregate(ReportingPeriod.Parse(first), (p, _) => p.Next()))
            .Select(p => _data.Performance(p, (_families, Rated(PerformanceRating.Good))))
            .ToArray();

    private static IReadOnlyList<PaymentStatement> Calculate(IncentiveScheme scheme, IReadOnlyList<PeriodPerformance> periods) =>
        PaymentCalculator.Calculate(scheme, periods);
}
