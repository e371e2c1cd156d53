using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using FsCheck;
using FsCheck.Fluent;

namespace ContractOutcomes.Domain.Tests.Incentives;

/// <summary>
/// Properties that must hold for every scheme and every run of results, checked against schemes and
/// results built from random numbers (a failure prints the numbers, so it can be replayed).
/// </summary>
public class PaymentPropertyTests
{
    private const int Tests = 300;

    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(Tests);

    private static readonly Arbitrary<int[]> Seeds = Arb.From(Gen.ArrayOf(Gen.Choose(0, int.MaxValue - 1), 400));

    [Fact]
    public void Calculate_AnyScheme_OutcomePaymentsNeverExceedAnyCap()
    {
        Check.One(Quick, Prop.ForAll(Seeds, seeds =>
        {
            var scenario = Scenario.From(seeds);
            var statements = PaymentCalculator.Calculate(scenario.Scheme, scenario.Periods);
            var byYear = new Dictionary<int, Money>();
            var term = Money.Zero;
            foreach (var statement in statements)
            {
                foreach (var line in statement.Lines)
                {
                    var incentive = scenario.Scheme.IncentiveFor(line.IndicatorId)!;
                    Assert.True(line.Earned >= Money.Zero && line.Withheld >= Money.Zero && line.Bonus >= Money.Zero);
                    switch (incentive.Mechanism)
                    {
                        case IncentiveMechanism.RatingBands:
                            Assert.True(line.Earned <= line.AtRisk, $"Band line {line.Earned} above at risk {line.AtRisk}");
                            break;
                        case IncentiveMechanism.Graded:
                            Assert.True(line.Bonus <= (incentive.BonusCap ?? Money.Zero), $"Bonus {line.Bonus} above its cap");
                            break;
                        case IncentiveMechanism.RateCard:
                            Assert.True(line.Earned <= incentive.Cap!.Value || line.Rating == PerformanceRating.Other, $"Rate card {line.Earned} above its cap");
                            break;
                    }
                }

                Assert.True(statement.OutcomePayments >= Money.Zero);
                var year = statement.Period.FinancialYearStart;
                byYear[year] = byYear.GetValueOrDefault(year) + statement.OutcomePayments;
                term += statement.OutcomePayments;
                if (scenario.Scheme.AnnualCap is { } annualCap)
                {
                    Assert.True(byYear[year] <= annualCap, $"{statement.Period.FinancialYearLabel} paid {byYear[year]}, above the annual cap {annualCap}");
                }

                if (scenario.Scheme.TermCap is { } termCap)
                {
                    Assert.True(term <= termCap, $"The term paid {term}, above the term cap {termCap}");
                }
            }
        }));
    }

    [Fact]
    public void Calculate_AnyScheme_ServiceCreditsNeverExceedTheirCap()
    {
        Check.One(Quick, Prop.ForAll(Seeds, seeds =>
        {
            var scenario = Scenario.From(seeds);
            foreach (var statement in PaymentCalculator.Calculate(scenario.Scheme, scenario.Periods))
            {
                Assert.True(statement.ServiceCredits >= Money.Zero);
                if (scenario.Scheme.ServiceCreditCapPercent is { } percent)
                {
                    var cap = Money.FromPounds(statement.BaseFee.Amount * percent / 100);
                    Assert.True(statement.ServiceCredits <= cap, $"{statement.ServiceCredits} of credits above the cap {cap}");
                    Assert.True(statement.NetPayment >= statement.BaseFee + statement.OutcomePayments - cap);
                }
            }
        }));
    }

    [Fact]
    public void Calculate_BetterFigureForOneIndicator_NeverLowersTheYearsTotal()
    {
        Check.One(Quick, Prop.ForAll(Seeds, seeds =>
        {
            var scenario = Scenario.From(seeds);
            var improved = scenario.ImproveOneFigure();
            if (improved is null)
            {
                return;
            }

            var year = improved.Value.Period.FinancialYearStart;
            Money PaidInYear(IReadOnlyList<PeriodPerformance> periods) => PaymentCalculator.Calculate(scenario.Scheme, periods)
                .Where(s => s.Period.FinancialYearStart == year)
                .Aggregate(Money.Zero, (total, s) => total + s.NetPayment);

            var before = PaidInYear(scenario.Periods);
            var after = PaidInYear(improved.Value.Periods);
            Assert.True(after >= before, $"A better figure in {improved.Value.Period} lowered the year's total from {before} to {after}");
        }));
    }

    [Fact]
    public void Calculate_AnyScheme_StatementsAddUp()
    {
        Check.One(Quick, Prop.ForAll(Seeds, seeds =>
        {
            var scenario = Scenario.From(seeds);
            foreach (var statement in PaymentCalculator.Calculate(scenario.Scheme, scenario.Periods))
            {
                // A line not yet rated earns and withholds nothing; every other line splits its at-risk amount.
                Assert.All(statement.Lines, l => Assert.True(
                    l.Earned + l.Withheld - l.Bonus == l.AtRisk || (l.Earned == Money.Zero && l.Withheld == Money.Zero && l.Bonus == Money.Zero)));
                Assert.Equal(Sum(statement.Lines.Select(l => l.Earned + l.Withheld)), statement.OutcomePayments + statement.Withheld);
                Assert.Equal(statement.BaseFee + statement.OutcomePayments - statement.ServiceCredits, statement.NetPayment);
                Assert.All(statement.Lines, l => Assert.Equal(decimal.Round(l.Earned.Amount, 2), l.Earned.Amount));
                Assert.All(statement.Lines, l => Assert.False(string.IsNullOrWhiteSpace(l.Explanation)));
            }
        }));
    }

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (total, amount) => total + amount);

    /// <summary>
    /// A scheme over six indicators of different units and polarities, and a run of consecutive quarters
    /// of results, all read from a list of random numbers.
    /// </summary>
    private sealed class Scenario
    {
        private static readonly Universe World = new();

        private readonly int[] _seeds;
        private readonly Dictionary<(int Period, int Indicator), Reading> _readings = [];
        private List<ReportingPeriod> _quarters = [];
        private int _next;

        private Scenario(int[] seeds) => _seeds = seeds;

        public IncentiveScheme Scheme { get; private set; } = IncentiveScheme.None;

        public IReadOnlyList<PeriodPerformance> Periods { get; private set; } = [];


        public static Scenario From(int[] seeds)
        {
            var scenario = new Scenario(seeds);
            scenario.Build();
            return scenario;
        }

        /// <summary>The same results with one accepted figure made better, or null when none can be.</summary>
        public (ReportingPeriod Period, IReadOnlyList<PeriodPerformance> Periods)? ImproveOneFigure()
        {
            var candidates = _readings.Where(r => r.Value.CanImprove).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            var ((period, index), reading) = candidates[Next(candidates.Count)];
            var better = reading.Improve(Next(1_000_000));
            var periods = Periods.ToList();
            var outcomes = new Dictionary<IndicatorId, IndicatorOutcome>(periods[period].Outcomes)
            {
                [World.Indicators[index].Indicator.Id] = better.Outcome(World.Indicators[index].Indicator),
            };
            periods[period] = periods[period] with { Outcomes = outcomes };
            return (_quarters[period], periods);
        }

        private void Build()
        {
            var drafts = new List<(int Index, IncentiveMechanism Mechanism)>();
            for (var i = 0; i < World.Indicators.Count; i++)
            {
                // 0 leaves the indicator out; 1 to 4 are the mechanisms, with no rate card where it cannot apply.
                var allowsRateCard = World.Indicators[i].AllowsRateCard;
                var choice = Next(allowsRateCard ? 5 : 4);
                if (choice > 0)
                {
                    drafts.Add((i, choice == 3 && !allowsRateCard ? IncentiveMechanism.ServiceCredit : (IncentiveMechanism)choice));
                }
            }

            var weighted = drafts.Where(d => d.Mechanism.IsWeighted()).ToList();
            var raw = weighted.Select(_ => 1 + Next(10)).ToList();
            var weights = new List<decimal>();
            for (var i = 0; i < weighted.Count; i++)
            {
                weights.Add(i < weighted.Count - 1 ? raw[i] * 100m / raw.Sum() : 100 - weights.Sum());
            }

            var incentives = new List<IndicatorIncentive>();
            foreach (var (index, mechanism) in drafts)
            {
                var weight = mechanism.IsWeighted() ? weights[weighted.FindIndex(w => w.Index == index)] : 0;
                incentives.Add(Incentive(World.Indicators[index], mechanism, weight));
            }

            var share = weighted.Count > 0 ? 1 + Next(30) : 0;
            decimal? annualCap = Next(3) == 0 ? Next(100_000_001) / 100m : null;
            decimal? termCap = Next(3) == 0 ? Next(300_000_001) / 100m : null;
            decimal? creditCap = drafts.Exists(d => d.Mechanism == IncentiveMechanism.ServiceCredit) || Next(2) == 0 ? Next(501) / 100m : null;
            Scheme = IncentiveScheme.Define(share, annualCap, termCap, creditCap, incentives, World.Data.SchemeIndicators);

            var annualValue = Next(1_000_000_001) / 100m;
            var first = Enumerable.Range(0, Next(12)).Aggregate(ReportingPeriod.Parse("2024-25 Q1"), (p, _) => p.Next());
            _quarters = Enumerable.Range(0, 1 + Next(8)).Select(i => Enumerable.Range(0, i).Aggregate(first, (p, _) => p.Next())).ToList();
            Periods = _quarters.Select((quarter, p) => new PeriodPerformance(
                World.Data.Terms(quarter, annualValue),
                Enumerable.Range(0, World.Indicators.Count)
                    .Select(i => (Indicator: World.Indicators[i], Outcome: OutcomeFor(p, i)))
                    .Where(o => o.Outcome is not null)
                    .ToDictionary(o => o.Indicator.Indicator.Id, o => o.Outcome!))).ToList();
        }

        private IndicatorOutcome? OutcomeFor(int period, int index)
        {
            var kind = Next(10);
            if (kind == 0)
            {
                return null;
            }

            if (kind is 1 or 2)
            {
                return new IndicatorOutcome(kind == 1 ? PerformanceRating.NotReported : PerformanceRating.Other, null, IsRestated: Next(5) == 0);
            }

            var subject = World.Indicators[index];
            var reading = subject.Indicator.Unit switch
            {
                IndicatorUnit.Percentage => Ratio(subject, 1 + Next(400), 1),
                IndicatorUnit.RatePer10000 => Ratio(subject, 1_000 + Next(20_000), 300),
                _ => new Reading(subject, Next((int)subject.High + 1), null),
            };
            _readings[(period, index)] = reading;
            return reading.Outcome(subject.Indicator);
        }

        private Reading Ratio(Subject subject, int denominator, int limit) =>
            new(subject, Next(Math.Min(denominator, limit == 1 ? denominator : limit) + 1), denominator);

        private IndicatorIncentive Incentive(Subject subject, IncentiveMechanism mechanism, decimal weight)
        {
            var id = subject.Indicator.Id;
            switch (mechanism)
            {
                case IncentiveMechanism.RatingBands:
                    var bands = Enumerable.Range(0, 4).Select(_ => (decimal)Next(101)).OrderDescending().ToArray();
                    return IndicatorIncentive.RatingBands(id, weight, bands[0], bands[1], bands[2], bands[3]);
                case IncentiveMechanism.Graded:
                    var span = subject.Higher ? subject.High - subject.Target : subject.Target;
                    var room = subject.Higher ? subject.Target : subject.High - subject.Target;
                    var floor = subject.Higher ? Next((int)(room * 10)) / 10m : subject.Target + ((1 + Next((int)(room * 10))) / 10m);
                    decimal? stretch = Next(2) == 0
                        ? null
                        : subject.Higher ? subject.Target + ((1 + Next((int)(span * 10))) / 10m) : Next((int)(span * 10)) / 10m;
                    decimal? bonusCap = stretch is null ? null : (1 + Next(10_000_000)) / 100m;
                    return IndicatorIncentive.Graded(id, weight, floor, stretch, bonusCap);
                case IncentiveMechanism.RateCard:
                    return IndicatorIncentive.RateCard(id, weight, (1 + Next(500_000)) / 100m, Next(100), (1 + Next(30_000_000)) / 100m);
                default:
                    return IndicatorIncentive.ServiceCredit(id, (1 + Next(50_000_000)) / 100m);
            }
        }

        private int Next(int bound) => bound <= 1 ? 0 : _seeds[_next++ % _seeds.Length] % bound;
    }

    /// <summary>One of the scenario's indicators, with the range its results and graded terms are drawn from.</summary>
    private sealed record Subject(OutcomeIndicator Indicator, decimal Target, decimal High)
    {
        public bool Higher => Indicator.Polarity == Polarity.HigherIsBetter;

        public bool AllowsRateCard => Higher && Indicator.Unit is IndicatorUnit.Count or IndicatorUnit.Percentage or IndicatorUnit.RatePer10000;
    }

    /// <summary>A reported result: a numerator over a denominator, or a single value.</summary>
    private sealed record Reading(Subject Subject, int Value, int? Denominator)
    {
        public bool CanImprove => Subject.Higher ? Denominator is null || Value < Denominator : Value > 0;

        public Reading Improve(int random)
        {
            var room = Subject.Higher ? (Denominator ?? Value + 50) - Value : Value;
            var step = 1 + (random % room);
            return this with { Value = Subject.Higher ? Value + step : Value - step };
        }

        public IndicatorOutcome Outcome(OutcomeIndicator indicator) => Denominator is { } denominator
            ? IncentiveTestData.Ratio(indicator, Value, denominator)
            : IncentiveTestData.Reported(indicator, Value);
    }

    private sealed class Universe
    {
        public Universe()
        {
            Indicators =
            [
                new(Data.Percentage("Assessments on time", Polarity.HigherIsBetter, 85), 85, 100),
                new(Data.Percentage("Re-referrals", Polarity.LowerIsBetter, 20), 20, 100),
                new(Data.Add("Families supported", IndicatorUnit.Count, Polarity.HigherIsBetter, 40), 40, 300),
                new(Data.Add("Children helped to stay at home", IndicatorUnit.RatePer10000, Polarity.HigherIsBetter, 50), 50, 500),
                new(Data.Add("Days to first visit", IndicatorUnit.Days, Polarity.LowerIsBetter, 10), 10, 40),
                new(Data.Percentage("Care plans up to date", Polarity.HigherIsBetter, 95), 95, 100),
            ];
        }

        public IncentiveTestData Data { get; } = new();

        public IReadOnlyList<Subject> Indicators { get; }
    }
}
