using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Domain.Tests.Evaluation;

public sealed class OverallScoreTests
{
    private static readonly IndicatorId A = IndicatorId.New();
    private static readonly IndicatorId B = IndicatorId.New();
    private static readonly IndicatorId C = IndicatorId.New();
    private static readonly IndicatorId D = IndicatorId.New();

    private static string Name(IndicatorId id) => id == A ? "Assessments" : id == B ? "Re-referrals" : id == C ? "Plans" : "Turnover";

    private static Dictionary<IndicatorId, PerformanceRating?> Ratings(params PerformanceRating?[] ratings) =>
        ratings.Select((r, i) => (Id: new[] { A, B, C, D }[i], Rating: r)).ToDictionary(x => x.Id, x => x.Rating);

    private static Dictionary<IndicatorId, decimal> Weights(params decimal[] weights) =>
        weights.Select((w, i) => (Id: new[] { A, B, C, D }[i], Weight: w)).ToDictionary(x => x.Id, x => x.Weight);

    [Fact]
    public void Compute_SchemeWeights_WeighsEachRatingsPoints()
    {
        // (3×20 + 0×30 + 1×20 + 2×30) ÷ (3×100) × 100 = 140 ÷ 300 × 100 = 46.6667
        var ratings = Ratings(PerformanceRating.Good, PerformanceRating.Inadequate, PerformanceRating.RequiresImprovement, PerformanceRating.ApproachingTarget);

        var score = OverallScore.Compute(ratings, Weights(20, 30, 20, 30));

        Assert.Equal(46.6667m, score);
    }

    [Fact]
    public void Compute_NoWeights_WeighsEqually()
    {
        // (3 + 0 + 2) ÷ 9 × 100 = 55.5556
        var ratings = Ratings(PerformanceRating.Good, PerformanceRating.Inadequate, PerformanceRating.ApproachingTarget);

        Assert.Equal(55.5556m, OverallScore.Compute(ratings, null));
    }

    [Fact]
    public void Compute_EmptyWeights_WeighsEqually()
    {
        var ratings = Ratings(PerformanceRating.Good, PerformanceRating.Inadequate, PerformanceRating.ApproachingTarget);

        Assert.Equal(55.5556m, OverallScore.Compute(ratings, new Dictionary<IndicatorId, decimal>()));
    }

    [Fact]
    public void Compute_AllGood_Is100()
    {
        Assert.Equal(100m, OverallScore.Compute(Ratings(PerformanceRating.Good, PerformanceRating.Good), Weights(70, 30)));
    }

    [Fact]
    public void Compute_AllInadequateOrNotReported_Is0()
    {
        Assert.Equal(0m, OverallScore.Compute(Ratings(PerformanceRating.Inadequate, PerformanceRating.NotReported), null));
    }

    [Theory]
    [InlineData(PerformanceRating.Good, 100)]
    [InlineData(PerformanceRating.ApproachingTarget, 66.6667)]
    [InlineData(PerformanceRating.RequiresImprovement, 33.3333)]
    [InlineData(PerformanceRating.Inadequate, 0)]
    [InlineData(PerformanceRating.NotReported, 0)]
    public void Compute_OneIndicator_ScoresItsPoints(PerformanceRating rating, double expected)
    {
        Assert.Equal((decimal)expected, OverallScore.Compute(Ratings(rating), null));
    }

    [Fact]
    public void Compute_NotReported_CountsAsZeroPoints()
    {
        // (3 + 0) ÷ 6 × 100: a missing return pulls the score down rather than being ignored.
        Assert.Equal(50m, OverallScore.Compute(Ratings(PerformanceRating.Good, PerformanceRating.NotReported), null));
    }

    [Fact]
    public void Compute_Other_IsLeftOutNotScoredZero()
    {
        // Only the Good indicator counts: 30 × 3 ÷ (30 × 3) × 100.
        var score = OverallScore.Compute(Ratings(PerformanceRating.Good, PerformanceRating.Other), Weights(30, 70));

        Assert.Equal(100m, score);
    }

    [Fact]
    public void Compute_NoRating_IsLeftOut()
    {
        var score = OverallScore.Compute(Ratings(PerformanceRating.ApproachingTarget, null), null);

        Assert.Equal(66.6667m, score);
    }

    [Fact]
    public void Compute_IndicatorWithoutAWeight_IsLeftOutWhenTheSchemeHasWeights()
    {
        // D is a service-credit indicator: no weight, so its Inadequate rating does not count.
        var ratings = Ratings(PerformanceRating.Good, PerformanceRating.RequiresImprovement, PerformanceRating.Good, PerformanceRating.Inadequate);

        var score = OverallScore.Compute(ratings, Weights(50, 25, 25));

        Assert.Equal(83.3333m, score); // (150 + 25 + 75) ÷ 300 × 100
    }

    [Fact]
    public void Compute_ZeroWeight_IsLeftOut()
    {
        var score = OverallScore.Compute(Ratings(PerformanceRating.Good, PerformanceRating.Inadequate), Weights(100, 0));

        Assert.Equal(100m, score);
    }

    [Fact]
    public void Compute_WeightsForIndicatorsWithoutRatings_AreIgnored()
    {
        var weights = Weights(40, 60);

        var score = OverallScore.Compute(Ratings(PerformanceRating.RequiresImprovement), weights);

        Assert.Equal(33.3333m, score);
    }

    [Fact]
    public void Compute_NothingCounts_IsNull()
    {
        Assert.Null(OverallScore.Compute(Ratings(PerformanceRating.Other, null), null));
        Assert.Null(OverallScore.Compute(Ratings(), null));
        Assert.Null(OverallScore.Compute(Ratings(PerformanceRating.Good), Weights(0, 100)));
    }

    [Fact]
    public void Explain_SchemeWeights_GivesTheArithmetic()
    {
        var ratings = Ratings(PerformanceRating.Good, PerformanceRating.Inadequate, PerformanceRating.RequiresImprovement, PerformanceRating.ApproachingTarget);

        var text = OverallScore.Explain(ratings, Weights(20, 30, 20, 30));

        Assert.Equal(
            "Good (3 points) × 20% + Inadequate (0 points) × 30% + Requires improvement (1 point) × 20% + Approaching target (2 points) × 30% = 140 out of a possible 300 (3 points × 100% of weight counted). 140 ÷ 300 × 100 = 46.7 out of 100.",
            text);
    }

    [Fact]
    public void Explain_EqualWeightsWithNames_NamesEachIndicator()
    {
        var ratings = Ratings(PerformanceRating.Good, PerformanceRating.Inadequate, PerformanceRating.ApproachingTarget);

        var text = OverallScore.Explain(ratings, null, Name);

        Assert.Equal(
            "Each indicator counts equally: Assessments: Good (3 points) + Re-referrals: Inadequate (0 points) + Plans: Approaching target (2 points) = 5 out of a possible 9 (3 points × 3 indicators). 5 ÷ 9 × 100 = 55.6 out of 100.",
            text);
    }

    [Fact]
    public void Explain_Exclusions_SaysWhatWasLeftOutAndWhy()
    {
        var ratings = Ratings(PerformanceRating.Good, PerformanceRating.Other, null, PerformanceRating.Inadequate);

        var text = OverallScore.Explain(ratings, Weights(50, 25, 25), Name);

        Assert.Equal(
            "Assessments: Good (3 points) × 50% = 150 out of a possible 150 (3 points × 50% of weight counted). 150 ÷ 150 × 100 = 100 out of 100." +
            " Left out: 1 indicator rated Other (Re-referrals). Left out: 1 indicator with no rating (Plans)." +
            " Left out: 1 indicator with no weight in the incentive scheme (Turnover).",
            text);
    }

    [Fact]
    public void Explain_NothingCounts_SaysThereIsNoScore()
    {
        var text = OverallScore.Explain(Ratings(PerformanceRating.Other, PerformanceRating.Other), null);

        Assert.Equal(
            "No indicator has a rating that counts towards the score, so there is no overall score. Left out: 2 indicators rated Other.",
            text);
    }

    [Theory]
    [InlineData(PerformanceRating.Good, 3)]
    [InlineData(PerformanceRating.ApproachingTarget, 2)]
    [InlineData(PerformanceRating.RequiresImprovement, 1)]
    [InlineData(PerformanceRating.Inadequate, 0)]
    [InlineData(PerformanceRating.NotReported, 0)]
    [InlineData(PerformanceRating.Other, null)]
    public void PointsFor_GivesEachRatingsPoints(PerformanceRating rating, int? expected)
    {
        Assert.Equal(expected, OverallScore.PointsFor(rating));
    }
}
