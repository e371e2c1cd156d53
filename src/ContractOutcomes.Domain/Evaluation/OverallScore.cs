using System.Globalization;
using System.Text;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Evaluation;

/// <summary>
/// A period's overall weighted score, 0–100: each counted indicator earns points for its rating
/// (Good 3, Approaching target 2, Requires improvement 1, Inadequate 0, Not reported 0) and the score
/// is Σ(weight × points) ÷ Σ(weight × 3) × 100, stored with <see cref="Rounding.Stored"/>.
/// Counted: indicators with a rating other than Other (Other says the scale did not fairly apply, so
/// it neither helps nor hurts). Weights: the incentive scheme's, when it has weighted indicators —
/// then an indicator without a weight (for example a service-credit one) is left out; otherwise every
/// indicator counts equally. An empty weight map means the scheme has no weighted indicators.
/// </summary>
public static class OverallScore
{
    public const int MaximumPoints = 3;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The score, or null when no indicator counts.</summary>
    public static decimal? Compute(IReadOnlyDictionary<IndicatorId, PerformanceRating?> ratings, IReadOnlyDictionary<IndicatorId, decimal>? weightPercents)
    {
        var counted = Counted(ratings, weightPercents);
        var possible = counted.Items.Sum(i => i.Weight * MaximumPoints);
        return possible == 0 ? null : Rounding.Stored(counted.Items.Sum(i => i.Weight * i.Points) / possible * 100m);
    }

    /// <summary>
    /// The arithmetic in words, for example "Good (3 points) × 20% + Inadequate (0 points) × 30% + …
    /// = 140 out of a possible 300 (3 points × 100%). 140 ÷ 300 × 100 = 46.7 out of 100.", followed by
    /// what was left out and why. Indicators are named by <paramref name="names"/> when given.
    /// </summary>
    public static string Explain(
        IReadOnlyDictionary<IndicatorId, PerformanceRating?> ratings,
        IReadOnlyDictionary<IndicatorId, decimal>? weightPercents,
        Func<IndicatorId, string>? names = null)
    {
        var counted = Counted(ratings, weightPercents);
        var text = new StringBuilder();
        string Label(Item item) =>
            names is null
                ? $"{item.Rating.DisplayName()} ({Points(item.Points)})"
                : $"{names(item.Id)}: {item.Rating.DisplayName()} ({Points(item.Points)})";

        var possible = counted.Items.Sum(i => i.Weight * MaximumPoints);
        if (possible == 0)
        {
            text.Append("No indicator has a rating that counts towards the score, so there is no overall score.");
        }
        else if (counted.Weighted)
        {
            var earned = counted.Items.Sum(i => i.Weight * i.Points);
            var totalWeight = counted.Items.Sum(i => i.Weight);
            text.Append(string.Join(" + ", counted.Items.Select(i => $"{Label(i)} × {N(i.Weight)}%")))
                .Append(CultureInfo.InvariantCulture, $" = {N(earned)} out of a possible {N(possible)} ({MaximumPoints} points × {N(totalWeight)}% of weight counted). ")
                .Append(CultureInfo.InvariantCulture, $"{N(earned)} ÷ {N(possible)} × 100 = {Shown(earned, possible)} out of 100.");
        }
        else
        {
            var earned = counted.Items.Sum(i => i.Points);
            text.Append("Each indicator counts equally: ")
                .Append(string.Join(" + ", counted.Items.Select(Label)))
                .Append(CultureInfo.InvariantCulture, $" = {N(earned)} out of a possible {N(possible)} ({MaximumPoints} points × {counted.Items.Count} {(counted.Items.Count == 1 ? "indicator" : "indicators")}). ")
                .Append(CultureInfo.InvariantCulture, $"{N(earned)} ÷ {N(possible)} × 100 = {Shown(earned, possible)} out of 100.");
        }

        AppendLeftOut(text, counted.Other, "rated Other", names);
        AppendLeftOut(text, counted.Unrated, "with no rating", names);
        AppendLeftOut(text, counted.Unweighted, "with no weight in the incentive scheme", names);
        return text.ToString();
    }

    /// <summary>Points a rating earns; null for Other, which is outside the scale.</summary>
    public static int? PointsFor(PerformanceRating rating) => rating switch
    {
        PerformanceRating.Good => 3,
        PerformanceRating.ApproachingTarget => 2,
        PerformanceRating.RequiresImprovement => 1,
        PerformanceRating.Inadequate or PerformanceRating.NotReported => 0,
        _ => null,
    };

    private static Counting Counted(IReadOnlyDictionary<IndicatorId, PerformanceRating?> ratings, IReadOnlyDictionary<IndicatorId, decimal>? weightPercents)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var weighted = weightPercents is { Count: > 0 };
        var counting = new Counting(weighted);
        foreach (var (id, rating) in ratings)
        {
            if (rating is not { } r)
            {
                counting.Unrated.Add(id);
                continue;
            }

            if (PointsFor(r) is not { } points)
            {
                counting.Other.Add(id);
                continue;
            }

            var weight = 1m;
            if (weighted && (!weightPercents!.TryGetValue(id, out weight) || weight <= 0))
            {
                counting.Unweighted.Add(id);
                continue;
            }

            counting.Items.Add(new Item(id, r, points, weight));
        }

        return counting;
    }

    private static void AppendLeftOut(StringBuilder text, List<IndicatorId> ids, string why, Func<IndicatorId, string>? names)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var which = names is null ? string.Empty : " (" + string.Join(", ", ids.Select(names)) + ")";
        text.Append(CultureInfo.InvariantCulture, $" Left out: {ids.Count} {(ids.Count == 1 ? "indicator" : "indicators")} {why}{which}.");
    }

    private static string Shown(decimal earned, decimal possible) =>
        N(Rounding.Shown(Rounding.Stored(earned / possible * 100m)));

    private static string Points(int points) => points == 1 ? "1 point" : $"{points} points";

    private static string N(decimal value) => value.ToString("#,##0.####", EnGb);

    private sealed record Item(IndicatorId Id, PerformanceRating Rating, int Points, decimal Weight);

    private sealed class Counting(bool weighted)
    {
        public bool Weighted { get; } = weighted;

        public List<Item> Items { get; } = [];

        public List<IndicatorId> Other { get; } = [];

        public List<IndicatorId> Unrated { get; } = [];

        public List<IndicatorId> Unweighted { get; } = [];
    }
}
