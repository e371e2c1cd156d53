using System.Globalization;
using System.Text;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Application.Performance.GetIndicatorTrend;

/// <summary>
/// The chart in one sentence, for its alternative text: the span of periods, how the actual moved (from
/// the first figure through the highest and lowest to the latest), any gaps, the target, the baseline and
/// where the indicator stands now. For example: "Single assessments … over 8 quarters from 2024-25 Q3 to
/// 2026-27 Q2: rose from 81.4% to 83.1% in 2025-26 Q1, fell to 73.6% in 2025-26 Q4 and recovered to
/// 75.8%; target 85.0%; currently Inadequate and worsening for 2 periods."
/// </summary>
public static class TrendDescription
{
    private const int GapsNamed = 3;

    public static string Describe(TrendSubject subject, IReadOnlyList<TrendPeriodView> periods)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(periods);
        if (periods.Count == 0)
        {
            return $"{subject.Name}: no period has been evaluated yet.";
        }

        var unit = subject.Unit;
        var text = new StringBuilder(subject.Name);
        text.Append(periods.Count == 1
            ? $" in {periods[0].Period}: "
            : $" over {TrendFormat.Quarters(periods.Count)} from {periods[0].Period} to {periods[^1].Period}: ");
        text.Append(Movement(unit, subject.Polarity, periods));

        var gaps = periods.Where(p => p.Actual is null).ToList();
        if (gaps.Count > 0 && gaps.Count < periods.Count)
        {
            text.Append("; no figure for ").Append(gaps.Count <= GapsNamed
                ? Join(gaps.Select(g => g.Period.Label).ToList())
                : string.Create(CultureInfo.InvariantCulture, $"{gaps.Count} of the quarters"));
        }

        text.Append("; ").Append(Target(unit, periods));
        if (subject.BaselineValue is { } baseline)
        {
            text.Append("; baseline ").Append(TrendFormat.Value(unit, baseline));
            if (subject.BaselinePeriod is { } baselinePeriod)
            {
                text.Append(" in ").Append(baselinePeriod.Label);
            }
        }

        text.Append("; ").Append(Current(periods[^1])).Append('.');
        return text.ToString();
    }

    private static string Movement(IndicatorUnit unit, Polarity polarity, IReadOnlyList<TrendPeriodView> periods)
    {
        var points = periods.Select((p, i) => (Index: i, p.Period, p.Actual))
            .Where(p => p.Actual is not null)
            .Select(p => new Key(p.Index, p.Period.Label, p.Actual!.Value))
            .ToList();
        string V(Key key) => TrendFormat.Value(unit, key.Value);
        if (points.Count == 0)
        {
            return "no figure was reported";
        }

        var last = periods.Count - 1;
        string When(Key key, bool isEnd) =>
            (isEnd && key.Index == 0) || (isEnd && key.Index == last) ? string.Empty : " in " + key.Period;

        if (points.Count == 1)
        {
            var only = points[0];
            return periods.Count == 1 ? V(only) : $"one figure, {V(only)} in {only.Period}";
        }

        // The turning points worth naming: the first and latest figures, and the highest and lowest between
        // them when they go beyond both ends. More detail belongs in the data table.
        var first = points[0];
        var latest = points[^1];
        var keys = new List<Key> { first };
        var highest = points.MaxBy(p => p.Value)!;
        var lowest = points.MinBy(p => p.Value)!;
        var interior = new List<Key>();
        if (highest.Value > Math.Max(first.Value, latest.Value))
        {
            interior.Add(highest);
        }

        if (lowest.Value < Math.Min(first.Value, latest.Value))
        {
            interior.Add(lowest);
        }

        keys.AddRange(interior.OrderBy(k => k.Index));
        keys.Add(latest);

        var phrases = new List<string>();
        var previousDirection = 0;
        for (var i = 1; i < keys.Count; i++)
        {
            var from = keys[i - 1];
            var to = keys[i];
            var isEnd = i == keys.Count - 1;
            var direction = Math.Sign(to.Value - from.Value);
            var at = V(to) + When(to, isEnd);
            if (i == 1)
            {
                var start = V(from) + When(from, isEnd: true);
                phrases.Add(direction switch
                {
                    > 0 => $"rose from {start} to {at}",
                    < 0 => $"fell from {start} to {at}",
                    _ => $"stayed at {start}",
                });
            }
            else
            {
                phrases.Add(Reversal(polarity, direction, previousDirection, before: keys[i - 2].Value, to.Value) + at);
            }

            previousDirection = direction;
        }

        return Join(phrases);
    }

    /// <summary>
    /// The verb for a later move. A move back the other way, staying within where the figure was before the
    /// last move, is a recovery when it is better performance by the indicator's polarity, and a fall back
    /// (or a rise again) when it is worse; "recovered" never describes a worsening.
    /// </summary>
    private static string Reversal(Polarity polarity, int direction, int previousDirection, decimal before, decimal to)
    {
        if (direction == 0)
        {
            return "held at ";
        }

        if (direction == previousDirection)
        {
            return direction > 0 ? "rose further to " : "fell further to ";
        }

        var within = direction > 0 ? to <= before : to >= before;
        var improving = polarity == Polarity.HigherIsBetter ? direction > 0 : direction < 0;
        return (within, improving, direction > 0) switch
        {
            (true, true, _) => "recovered to ",
            (true, false, true) => "rose again to ",
            (true, false, false) => "fell back to ",
            (false, _, true) => "rose to ",
            _ => "fell to ",
        };
    }

    private static string Target(IndicatorUnit unit, IReadOnlyList<TrendPeriodView> periods)
    {
        var targets = periods.Where(p => p.Target is not null).Select(p => p.Target!.Value).ToList();
        if (targets.Count == 0)
        {
            return "no target";
        }

        if (targets.Distinct().Count() == 1)
        {
            return "target " + TrendFormat.Value(unit, targets[0]);
        }

        var first = TrendFormat.Value(unit, targets[0]);
        var latest = TrendFormat.Value(unit, targets[^1]);
        return targets[^1] > targets[0] ? $"target rose from {first} to {latest}"
            : targets[^1] < targets[0] ? $"target fell from {first} to {latest}"
            : $"target between {TrendFormat.Value(unit, targets.Min())} and {TrendFormat.Value(unit, targets.Max())}, now {latest}";
    }

    private static string Current(TrendPeriodView latest)
    {
        if (latest.Rating is not { } rating)
        {
            return "currently not rated";
        }

        var text = "currently " + rating.DisplayName();
        return latest.Trend == TrendDirection.None
            ? text
            : text + " and " + TrendFormat.Continuing(latest.Trend.Describe(latest.TrendPeriods));
    }

    private static string Join(List<string> parts) => parts.Count switch
    {
        0 => string.Empty,
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    private sealed record Key(int Index, string Period, decimal Value);
}
