using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using FsCheck;
using FsCheck.Fluent;
using static ContractOutcomes.Domain.Tests.Evaluation.EvaluationFixture;

namespace ContractOutcomes.Domain.Tests.Evaluation;

/// <summary>Properties that must hold for any terms and figures, checked on generated cases.</summary>
public sealed class EvaluationPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    /// <summary>A value in hundredths from 0 to 100.00 — every percentage a figure can hold at two places.</summary>
    private static readonly Gen<decimal> Hundredths = Gen.Choose(0, 10_000).Select(n => n / 100m);

    private static readonly Gen<Polarity> Polarities = Gen.Elements(Polarity.HigherIsBetter, Polarity.LowerIsBetter);

    private static readonly Gen<ToleranceBands> Tolerances =
        from mode in Gen.Elements(ToleranceMode.Absolute, ToleranceMode.Relative)
        from a in Gen.Choose(0, 5_000)
        from b in Gen.Choose(0, 5_000)
        from c in Gen.Choose(0, 5_000)
        let sorted = new[] { a, b, c }.Order().Select(n => n / 100m).ToArray()
        select ToleranceBands.Of(mode, sorted[0], sorted[1], sorted[2]);

    private static readonly Gen<PerformanceRating?> Ratings = Gen.Elements<PerformanceRating?>(
        PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement,
        PerformanceRating.Inadequate, PerformanceRating.NotReported, PerformanceRating.Other, null);

    private static readonly Gen<(int Numerator, int Denominator)> Ratios =
        from denominator in Gen.Choose(1, 5_000)
        from numerator in Gen.Choose(0, denominator)
        select (numerator, denominator);

    [Fact]
    public void Rate_BetterFigure_NeverGetsAWorseRating()
    {
        var cases =
            from tolerance in Tolerances
            from polarity in Polarities
            from target in Hundredths
            from x in Hundredths
            from y in Hundredths
            select (tolerance, polarity, target, x, y);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var indicator = c.polarity == Polarity.HigherIsBetter ? Assessments : ReReferrals;
            var terms = Terms(indicator, c.target, c.tolerance);
            var better = c.polarity == Polarity.HigherIsBetter ? Math.Max(c.x, c.y) : Math.Min(c.x, c.y);
            var worse = c.polarity == Polarity.HigherIsBetter ? Math.Min(c.x, c.y) : Math.Max(c.x, c.y);

            var betterRating = RatingRule.Rate(terms, Percent(indicator, better), true, null)!.Rating;
            var worseRating = RatingRule.Rate(terms, Percent(indicator, worse), true, null)!.Rating;

            return betterRating <= worseRating;
        }));
    }

    [Fact]
    public void Rate_MeetingTheTarget_IsAlwaysGood()
    {
        var cases =
            from tolerance in Tolerances
            from polarity in Polarities
            from target in Hundredths
            from x in Hundredths
            select (tolerance, polarity, target, x);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var indicator = c.polarity == Polarity.HigherIsBetter ? Assessments : ReReferrals;
            var meets = c.polarity == Polarity.HigherIsBetter ? c.x >= c.target : c.x <= c.target;
            var result = RatingRule.Rate(Terms(indicator, c.target, c.tolerance), Percent(indicator, c.x), true, null)!;

            return !meets || result.Rating == PerformanceRating.Good;
        }));
    }

    [Fact]
    public void Rate_AnyFigure_IsOnTheScaleAndTheExplanationNamesIt()
    {
        var cases =
            from tolerance in Tolerances
            from polarity in Polarities
            from target in Hundredths
            from x in Hundredths
            select (tolerance, polarity, target, x);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var indicator = c.polarity == Polarity.HigherIsBetter ? Assessments : ReReferrals;
            var result = RatingRule.Rate(Terms(indicator, c.target, c.tolerance), Percent(indicator, c.x), true, null)!;

            return result.Rating is >= PerformanceRating.Good and <= PerformanceRating.Inadequate
                && result.Explanation.Contains(result.Rating.DisplayName(), StringComparison.Ordinal);
        }));
    }

    [Fact]
    public void Compute_AnyRatingsAndWeights_ScoreIsBetween0And100()
    {
        var cases =
            from ratings in Gen.ListOf(Ratings)
            from weights in Gen.ListOf(Gen.Choose(0, 100))
            from weighted in Gen.Elements(true, false)
            select (ratings, weights, weighted);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var ids = c.ratings.Select(_ => IndicatorId.New()).ToList();
            var ratings = ids.Zip(c.ratings).ToDictionary(p => p.First, p => p.Second);
            var weights = ids.Zip(c.weights).ToDictionary(p => p.First, p => (decimal)p.Second);

            var score = OverallScore.Compute(ratings, c.weighted ? weights : null);

            return score is null or (>= 0m and <= 100m);
        }));
    }

    [Fact]
    public void Compute_OneRatingImproves_ScoreNeverFalls()
    {
        var scale = new[]
        {
            PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement, PerformanceRating.Inadequate,
        };
        var cases =
            from ratings in Gen.NonEmptyListOf(Gen.Elements(scale))
            from weights in Gen.ListOf(Gen.Choose(1, 100))
            from index in Gen.Choose(0, 1_000)
            from weighted in Gen.Elements(true, false)
            select (ratings, weights, index, weighted);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var ids = c.ratings.Select(_ => IndicatorId.New()).ToList();
            var before = ids.Zip(c.ratings).ToDictionary(p => p.First, p => (PerformanceRating?)p.Second);
            var weights = ids.Zip(c.weights).ToDictionary(p => p.First, p => (decimal)p.Second);
            var changed = ids[c.index % ids.Count];
            var after = new Dictionary<IndicatorId, PerformanceRating?>(before)
            {
                [changed] = before[changed] == PerformanceRating.Good ? PerformanceRating.Good : before[changed] - 1,
            };

            var scoreBefore = OverallScore.Compute(before, c.weighted ? weights : null);
            var scoreAfter = OverallScore.Compute(after, c.weighted ? weights : null);

            return scoreBefore is null ? scoreAfter is null : scoreAfter >= scoreBefore;
        }));
    }

    [Fact]
    public void Sum_RatioFigures_TotalLiesBetweenTheSmallestAndLargestPart()
    {
        Check.One(Runs, Prop.ForAll(Gen.NonEmptyListOf(Ratios).ToArbitrary(), parts =>
        {
            var figures = parts.Select(p => Ratio(Assessments, p.Numerator, p.Denominator)).ToList();

            var total = FigureTotals.Sum(IndicatorUnit.Percentage, figures);

            return total.Value >= figures.Min(f => f.Value) && total.Value <= figures.Max(f => f.Value);
        }));
    }

    [Fact]
    public void Combine_AnyGrouping_GivesTheSameTotal()
    {
        var cases =
            from parts in Gen.NonEmptyListOf(Ratios)
            from split in Gen.Choose(0, 1_000)
            select (parts, split);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var figures = c.parts.Select(p => Ratio(LookedAfterRate, p.Numerator, p.Denominator)).ToList();
            var at = c.split % (figures.Count + 1);

            var grouped = FigureTotals.Combine(
                IndicatorUnit.RatePer10000,
                [FigureTotals.Sum(IndicatorUnit.RatePer10000, figures.Take(at)), FigureTotals.Sum(IndicatorUnit.RatePer10000, figures.Skip(at))]);

            return grouped == FigureTotals.Sum(IndicatorUnit.RatePer10000, figures);
        }));
    }

    [Fact]
    public void Series_AnyActuals_TrendMatchesTheRunOfReportedPeriods()
    {
        var cases =
            from actuals in Gen.ListOf(Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(0, 20).Select(n => (decimal?)(n * 5m))))
            from polarity in Polarities
            select (actuals, polarity);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var indicator = c.polarity == Polarity.HigherIsBetter ? Assessments : ReReferrals;
            var inputs = c.actuals.Select((a, i) => new ScorecardInput(Period(i), a is { } v ? Percent(indicator, v) : null, 50m)).ToList();

            var series = Scorecard.Series(c.polarity, null, inputs);

            // Recount each run from scratch: step back over reported periods while the direction holds.
            var reported = series.Where(f => f.Actual is not null).ToList();
            for (var i = 0; i < reported.Count; i++)
            {
                var expected = i == 0 ? TrendDirection.None : Scorecard.Direction(c.polarity, reported[i - 1].Actual!.Value, reported[i].Actual!.Value);
                var run = 0;
                for (var j = i; expected != TrendDirection.None && j > 0 && Scorecard.Direction(c.polarity, reported[j - 1].Actual!.Value, reported[j].Actual!.Value) == expected; j--)
                {
                    run++;
                }

                if (reported[i].Trend != expected || reported[i].TrendPeriods != run || reported[i].PreviousActual != (i == 0 ? null : reported[i - 1].Actual))
                {
                    return false;
                }
            }

            return series.Count == inputs.Count && series.Where(f => f.Actual is null).All(f => f.Trend == TrendDirection.None && f.TrendPeriods == 0);
        }));
    }
}
