using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using FsCheck;
using FsCheck.Fluent;
using static ContractOutcomes.Domain.Tests.Escalation.EscalationData;

namespace ContractOutcomes.Domain.Tests.Escalation;

/// <summary>What must hold for any ratings and any sequence of evaluations, checked on generated examples.</summary>
public sealed class EscalationPropertyTests
{
    private static readonly ReportingPeriod[] Calendar = [.. ReportingPeriod.Range(ReportingPeriod.Of(2024, 1), ReportingPeriod.Of(2025, 4))];
    private static readonly IndicatorId[] Indicators = [Assessments, CarePlans, Placements];
    private static readonly PerformanceRating?[] RatingOrNone = [null, .. Enum.GetValues<PerformanceRating>().Cast<PerformanceRating?>()];

    private static readonly EscalationRule[] Rules =
    [
        EscalationRule.ConsecutivePeriods(1, Assessments, PerformanceRating.Inadequate, 2, EscalationStage.ImprovementPlan),
        EscalationRule.ConsecutivePeriods(2, null, PerformanceRating.RequiresImprovement, 3, EscalationStage.EnhancedMonitoring),
        EscalationRule.IndicatorsInPeriod(3, 2, PerformanceRating.ApproachingTarget, EscalationStage.EnhancedMonitoring),
        EscalationRule.LateReturn(4, 5, EscalationStage.EnhancedMonitoring),
        EscalationRule.WeightedScoreBelow(5, 50m, EscalationStage.FormalPerformanceNotice),
    ];

    private static Gen<PeriodRatings> PeriodGen(ReportingPeriod period) =>
        from ratings in Gen.CollectToList(Indicators, id => Gen.Elements(RatingOrNone).Select(r => (Id: id, Rating: r)))
        from daysLate in Gen.Choose(0, 10)
        from score in Gen.Elements<decimal?>(null, 0m, 25m, 49.99m, 50m, 75m, 100m)
        select new PeriodRatings(
            period,
            DueOn(period),
            ratings.Where(r => r.Rating is not null).ToDictionary(r => r.Id, r => r.Rating!.Value),
            daysLate,
            score);

    /// <summary>Some of eight consecutive periods, so runs, gaps and year ends all occur.</summary>
    private static Gen<List<PeriodRatings>> EvaluatedPeriods =>
        from periods in Gen.SubListOf(Calendar)
        from rated in Gen.CollectToList(periods, PeriodGen)
        select rated;

    /// <summary>Successive evaluations of one contract: each a set of (rule, period) triggers; each rule always raises the same stage.</summary>
    private static Gen<List<List<EscalationTrigger>>> Evaluations =>
        Gen.ListOf(Gen.ListOf(
            from rule in Gen.Choose(1, 4)
            from period in Gen.Elements(Calendar)
            select new EscalationTrigger(rule, period, (EscalationStage)(rule + 1), $"Rule {rule} fired for {period}")));

    [Fact]
    public void Evaluate_PeriodsInAnyOrder_GiveTheSameTriggers()
    {
        var gen = from periods in EvaluatedPeriods
                  from shuffled in Gen.Shuffle<PeriodRatings>(periods)
                  select (periods, shuffled);

        Prop.ForAll(Arb.From(gen), x =>
            EscalationRules.Evaluate(Rules, x.periods, Name).SequenceEqual(EscalationRules.Evaluate(Rules, x.shuffled, Name)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Evaluate_OneRatingWorse_NeverStopsARuleFiring()
    {
        var gen = from periods in EvaluatedPeriods.Where(p => p.Count > 0)
                  from index in Gen.Choose(0, periods.Count - 1)
                  from id in Gen.Elements(Indicators)
                  from worse in Gen.Elements(PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement, PerformanceRating.Inadequate, PerformanceRating.NotReported)
                  select (periods, index, id, worse);

        Prop.ForAll(Arb.From(gen), x =>
        {
            var period = x.periods[x.index];
            var ratings = new Dictionary<IndicatorId, PerformanceRating>(period.Ratings);

            // Worse than now on the scale; from unrated or Other, any rating on the scale is no better for the rules.
            ratings[x.id] = ratings.TryGetValue(x.id, out var now) && now != PerformanceRating.Other && now > x.worse ? now : x.worse;
            var worsened = x.periods.Select(p => p == period ? p with { Ratings = ratings } : p).ToList();

            var before = EscalationRules.Evaluate(Rules, x.periods, Name).Select(t => (t.RuleNumber, t.Period));
            var after = EscalationRules.Evaluate(Rules, worsened, Name).Select(t => (t.RuleNumber, t.Period)).ToHashSet();
            return before.All(after.Contains);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Synchronise_AnySequenceOfEvaluations_NeverLowersTheStageAndEndsAtTheHighestStageFired()
    {
        Prop.ForAll(Arb.From(Evaluations), evaluations =>
        {
            var escalation = EscalationCase.Open(ContractId.New());
            foreach (var current in evaluations)
            {
                var before = escalation.Stage;
                escalation.Synchronise(current, [], Today, Now);
                if (escalation.Stage < before)
                {
                    return false;
                }
            }

            var highest = evaluations.SelectMany(e => e).Select(t => t.Stage).DefaultIfEmpty(EscalationStage.RoutineMonitoring).Max();
            return escalation.Stage == highest
                && escalation.History.All(e => e.StageAfter >= e.StageBefore);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Synchronise_SameEvaluationTwice_SecondTimeChangesNothing()
    {
        Prop.ForAll(Arb.From(Evaluations), evaluations =>
        {
            var escalation = EscalationCase.Open(ContractId.New());
            foreach (var current in evaluations)
            {
                escalation.Synchronise(current, [], Today, Now);
                var (stage, version, entries) = (escalation.Stage, escalation.Version, escalation.History.Count);
                escalation.ClearDomainEvents();

                if (escalation.Synchronise(current, [], Today, Now.AddHours(1))
                    || escalation.Stage != stage
                    || escalation.Version != version
                    || escalation.History.Count != entries
                    || escalation.DomainEvents.Count != 0)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Synchronise_AnySequenceOfEvaluations_ActiveTriggersAreExactlyTheLatestEvaluation()
    {
        Prop.ForAll(Arb.From(Evaluations.Where(e => e.Count > 0)), evaluations =>
        {
            var escalation = EscalationCase.Open(ContractId.New());
            foreach (var current in evaluations)
            {
                escalation.Synchronise(current, [], Today, Now);
            }

            var active = escalation.ActiveTriggers().Select(t => (t.RuleNumber!.Value, t.Period!.Value)).ToHashSet();
            return active.SetEquals(evaluations[^1].Select(t => (t.RuleNumber, t.Period)));
        }).QuickCheckThrowOnFailure();
    }
}
