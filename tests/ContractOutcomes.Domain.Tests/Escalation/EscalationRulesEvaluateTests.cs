using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using static ContractOutcomes.Domain.Contracts.PerformanceRating;
using static ContractOutcomes.Domain.Tests.Escalation.EscalationData;

namespace ContractOutcomes.Domain.Tests.Escalation;

/// <summary>Which rules fire for which periods, at each rule's boundaries.</summary>
public sealed class EscalationRulesEvaluateTests
{
    private static readonly EscalationRule AssessmentsTwiceInadequate =
        EscalationRule.ConsecutivePeriods(1, Assessments, Inadequate, 2, EscalationStage.ImprovementPlan);

    private static readonly EscalationRule AnyThreeTimesRequiresImprovement =
        EscalationRule.ConsecutivePeriods(2, null, RequiresImprovement, 3, EscalationStage.EnhancedMonitoring);

    private static IReadOnlyList<ReportingPeriod> FiredFor(IReadOnlyList<EscalationTrigger> triggers) => [.. triggers.Select(t => t.Period)];

    // Consecutive periods

    [Fact]
    public void ConsecutivePeriods_ExactlyNConsecutivePeriods_FiresForTheLastOfThem()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q1, (Assessments, Inadequate)),
            Rated(Q2, (Assessments, Inadequate)));

        var trigger = Assert.Single(triggers);
        Assert.Equal(1, trigger.RuleNumber);
        Assert.Equal(Q2, trigger.Period);
        Assert.Equal(EscalationStage.ImprovementPlan, trigger.Stage);
    }

    [Fact]
    public void ConsecutivePeriods_OneFewerThanN_DoesNotFire()
    {
        var triggers = Evaluate(
            AnyThreeTimesRequiresImprovement,
            Rated(Q1, (Assessments, Inadequate)),
            Rated(Q2, (Assessments, RequiresImprovement)),
            Rated(Q3, (Assessments, Good)));

        Assert.Empty(triggers);
    }

    [Fact]
    public void ConsecutivePeriods_RunLongerThanN_FiresForEveryPeriodThatEndsALongEnoughRun()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q1, (Assessments, Inadequate)),
            Rated(Q2, (Assessments, Inadequate)),
            Rated(Q3, (Assessments, Inadequate)),
            Rated(Q4, (Assessments, Good)));

        Assert.Equal([Q2, Q3], FiredFor(triggers));
    }

    [Fact]
    public void ConsecutivePeriods_PeriodNotEvaluatedInTheMiddle_BreaksTheRun()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q1, (Assessments, Inadequate)),
            Rated(Q3, (Assessments, Inadequate)));

        Assert.Empty(triggers);
    }

    [Fact]
    public void ConsecutivePeriods_GapThenANewRun_CountsOnlyFromAfterTheGap()
    {
        var rule = EscalationRule.ConsecutivePeriods(1, Assessments, Inadequate, 3, EscalationStage.ImprovementPlan);

        var triggers = Evaluate(
            rule,
            Rated(Q1, (Assessments, Inadequate)),
            Rated(Q2, (Assessments, Inadequate)),
            Rated(Q4, (Assessments, Inadequate)),
            Rated(NextQ1, (Assessments, Inadequate)));

        Assert.Empty(triggers);
    }

    [Fact]
    public void ConsecutivePeriods_IndicatorUnratedInAnEvaluatedPeriod_BreaksTheRun()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q1, (Assessments, Inadequate)),
            Rated(Q2, (CarePlans, Inadequate)),
            Rated(Q3, (Assessments, Inadequate)));

        Assert.Empty(triggers);
    }

    [Fact]
    public void ConsecutivePeriods_BetterRatingInTheMiddle_BreaksTheRun()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q1, (Assessments, Inadequate)),
            Rated(Q2, (Assessments, RequiresImprovement)),
            Rated(Q3, (Assessments, Inadequate)));

        Assert.Empty(triggers);
    }

    [Fact]
    public void ConsecutivePeriods_AcrossTheFinancialYearEnd_CountsAsConsecutive()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q4, (Assessments, Inadequate)),
            Rated(NextQ1, (Assessments, Inadequate)));

        Assert.Equal([NextQ1], FiredFor(triggers));
    }

    [Fact]
    public void ConsecutivePeriods_NamedIndicator_IgnoresOtherIndicators()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q1, (Assessments, Good), (CarePlans, Inadequate)),
            Rated(Q2, (Assessments, Good), (CarePlans, Inadequate)));

        Assert.Empty(triggers);
    }

    [Fact]
    public void ConsecutivePeriods_AnyIndicator_FiresForWhicheverIndicatorHasTheRun()
    {
        var triggers = Evaluate(
            AnyThreeTimesRequiresImprovement,
            Rated(Q1, (Assessments, Good), (CarePlans, RequiresImprovement)),
            Rated(Q2, (Assessments, Good), (CarePlans, Inadequate)),
            Rated(Q3, (Assessments, Good), (CarePlans, NotReported)));

        var trigger = Assert.Single(triggers);
        Assert.Equal(Q3, trigger.Period);
        Assert.Equal(2, trigger.RuleNumber);
        Assert.Equal(EscalationStage.EnhancedMonitoring, trigger.Stage);
    }

    [Fact]
    public void ConsecutivePeriods_AnyIndicatorButDifferentOnesEachPeriod_DoesNotFire()
    {
        var rule = EscalationRule.ConsecutivePeriods(1, null, Inadequate, 2, EscalationStage.ImprovementPlan);

        var triggers = Evaluate(
            rule,
            Rated(Q1, (Assessments, Inadequate), (CarePlans, Good)),
            Rated(Q2, (Assessments, Good), (CarePlans, Inadequate)));

        Assert.Empty(triggers);
    }

    [Fact]
    public void ConsecutivePeriods_NotReported_MatchesAtOrBelowInadequate()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q1, (Assessments, NotReported)),
            Rated(Q2, (Assessments, Inadequate)));

        Assert.Equal([Q2], FiredFor(triggers));
    }

    [Fact]
    public void ConsecutivePeriods_Other_NeverMatchesEvenAtOrBelowGood()
    {
        var rule = EscalationRule.ConsecutivePeriods(1, Assessments, Good, 2, EscalationStage.EnhancedMonitoring);

        var triggers = Evaluate(
            rule,
            Rated(Q1, (Assessments, Other)),
            Rated(Q2, (Assessments, Other)));

        Assert.Empty(triggers);
    }

    [Theory]
    [InlineData(Good, false)]
    [InlineData(ApproachingTarget, false)]
    [InlineData(RequiresImprovement, true)]
    [InlineData(Inadequate, true)]
    [InlineData(NotReported, true)]
    [InlineData(Other, false)]
    public void ConsecutivePeriods_EachRatingAgainstRequiresImprovement_MatchesOnlyThatOrWorse(PerformanceRating rating, bool fires)
    {
        var rule = EscalationRule.ConsecutivePeriods(1, Assessments, RequiresImprovement, 2, EscalationStage.EnhancedMonitoring);

        var triggers = Evaluate(rule, Rated(Q1, (Assessments, rating)), Rated(Q2, (Assessments, rating)));

        Assert.Equal(fires, triggers.Count == 1);
    }

    [Fact]
    public void ConsecutivePeriods_PeriodsInAnyOrder_GiveTheSameTriggers()
    {
        PeriodRatings[] inOrder =
        [
            Rated(Q1, (Assessments, Inadequate)),
            Rated(Q2, (Assessments, Inadequate)),
            Rated(Q3, (Assessments, Inadequate)),
        ];

        var forwards = Evaluate(AssessmentsTwiceInadequate, inOrder);
        var backwards = Evaluate(AssessmentsTwiceInadequate, [.. inOrder.Reverse()]);

        Assert.Equal(forwards, backwards);
        Assert.Equal([Q2, Q3], FiredFor(forwards));
    }

    [Fact]
    public void ConsecutivePeriods_Reason_NamesTheIndicatorAndEachPeriodOfTheRun()
    {
        var triggers = Evaluate(
            AssessmentsTwiceInadequate,
            Rated(Q1, (Assessments, NotReported)),
            Rated(Q2, (Assessments, Inadequate)),
            Rated(Q3, (Assessments, Inadequate)));

        Assert.Equal(
            "Rated Inadequate or worse for 2 or more consecutive periods up to 2025-26 Q3: Single assessments completed within 45 working days (Not reported in 2025-26 Q1, Inadequate in 2025-26 Q2, Inadequate in 2025-26 Q3)",
            triggers[^1].Reason);
    }

    [Fact]
    public void ConsecutivePeriods_AnyIndicatorSeveralConcerned_NamesEachInNameOrder()
    {
        var rule = EscalationRule.ConsecutivePeriods(1, null, Inadequate, 2, EscalationStage.ImprovementPlan);

        var trigger = Assert.Single(Evaluate(
            rule,
            Rated(Q1, (Placements, Inadequate), (CarePlans, Inadequate), (Visits, Good)),
            Rated(Q2, (Placements, NotReported), (CarePlans, Inadequate), (Visits, Inadequate))));

        Assert.Equal(
            "Rated Inadequate or worse for 2 or more consecutive periods up to 2025-26 Q2: Care plans reviewed on time (Inadequate in 2025-26 Q1, Inadequate in 2025-26 Q2); Placement stability (Inadequate in 2025-26 Q1, Not reported in 2025-26 Q2)",
            trigger.Reason);
    }

    // Indicators in one period

    [Fact]
    public void IndicatorsInPeriod_ExactlyK_Fires()
    {
        var rule = EscalationRule.IndicatorsInPeriod(1, 2, RequiresImprovement, EscalationStage.EnhancedMonitoring);

        var trigger = Assert.Single(Evaluate(rule, Rated(Q2, (Assessments, RequiresImprovement), (CarePlans, Inadequate), (Placements, ApproachingTarget))));

        Assert.Equal(Q2, trigger.Period);
        Assert.Equal(EscalationStage.EnhancedMonitoring, trigger.Stage);
        Assert.Equal(
            "2 indicators rated Requires improvement or worse in 2025-26 Q2, where 2 or more trigger this rule: Care plans reviewed on time (Inadequate), Single assessments completed within 45 working days (Requires improvement)",
            trigger.Reason);
    }

    [Fact]
    public void IndicatorsInPeriod_OneFewerThanK_DoesNotFire()
    {
        var rule = EscalationRule.IndicatorsInPeriod(1, 3, RequiresImprovement, EscalationStage.EnhancedMonitoring);

        Assert.Empty(Evaluate(rule, Rated(Q2, (Assessments, RequiresImprovement), (CarePlans, Inadequate), (Placements, ApproachingTarget))));
    }

    [Fact]
    public void IndicatorsInPeriod_NotReportedCountsAndOtherDoesNot()
    {
        var rule = EscalationRule.IndicatorsInPeriod(1, 2, Inadequate, EscalationStage.EnhancedMonitoring);

        Assert.Single(Evaluate(rule, Rated(Q1, (Assessments, NotReported), (CarePlans, Inadequate))));
        Assert.Empty(Evaluate(rule, Rated(Q1, (Assessments, Other), (CarePlans, Inadequate))));
    }

    [Fact]
    public void IndicatorsInPeriod_OneIndicator_SaysIndicatorNotIndicators()
    {
        var rule = EscalationRule.IndicatorsInPeriod(1, 1, Inadequate, EscalationStage.EnhancedMonitoring);

        var trigger = Assert.Single(Evaluate(rule, Rated(Q1, (Visits, NotReported), (CarePlans, Good))));

        Assert.Equal(
            "1 indicator rated Inadequate or worse in 2025-26 Q1, where 1 or more trigger this rule: Statutory visits on time (Not reported)",
            trigger.Reason);
    }

    [Fact]
    public void IndicatorsInPeriod_EachPeriodJudgedOnItsOwn()
    {
        var rule = EscalationRule.IndicatorsInPeriod(1, 2, Inadequate, EscalationStage.EnhancedMonitoring);

        var triggers = Evaluate(
            rule,
            Rated(Q1, (Assessments, Inadequate), (CarePlans, Good)),
            Rated(Q2, (Assessments, Good), (CarePlans, Inadequate)),
            Rated(Q3, (Assessments, Inadequate), (CarePlans, Inadequate)));

        Assert.Equal([Q3], FiredFor(triggers));
    }

    // Late returns

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(0, 1, true)]
    [InlineData(5, 5, false)]
    [InlineData(5, 6, true)]
    [InlineData(365, 365, false)]
    [InlineData(365, 366, true)]
    public void LateReturn_DaysLateAgainstTheLimit_FiresOnlyWhenMoreThanTheLimit(int limit, int daysLate, bool fires)
    {
        var rule = EscalationRule.LateReturn(1, limit, EscalationStage.EnhancedMonitoring);

        var triggers = Evaluate(rule, Rated(Q1) with { DaysLate = daysLate });

        Assert.Equal(fires, triggers.Count == 1);
    }

    [Fact]
    public void LateReturn_Reason_GivesTheDueDateAndTheDaysLate()
    {
        var rule = EscalationRule.LateReturn(3, 5, EscalationStage.EnhancedMonitoring);

        var trigger = Assert.Single(Evaluate(rule, Rated(Q2) with { DaysLate = 12 }));

        Assert.Equal(3, trigger.RuleNumber);
        Assert.Equal("The return for 2025-26 Q2 (due 30 October 2025) was 12 days late, more than the 5 days this rule allows", trigger.Reason);
    }

    [Fact]
    public void LateReturn_AnyLatenessAllowedNone_SaysSoSimply()
    {
        var rule = EscalationRule.LateReturn(3, 0, EscalationStage.EnhancedMonitoring);

        var trigger = Assert.Single(Evaluate(rule, Rated(Q2) with { DaysLate = 1, DueOn = null }));

        Assert.Equal("The return for 2025-26 Q2 was 1 day late", trigger.Reason);
    }

    [Fact]
    public void LateReturn_LimitOfOneDay_SaysDay()
    {
        var rule = EscalationRule.LateReturn(3, 1, EscalationStage.EnhancedMonitoring);

        var trigger = Assert.Single(Evaluate(rule, Rated(Q2) with { DaysLate = 2 }));

        Assert.EndsWith("was 2 days late, more than the 1 day this rule allows", trigger.Reason, StringComparison.Ordinal);
    }

    // Weighted score

    [Theory]
    [InlineData("50", false)]
    [InlineData("50.0001", false)]
    [InlineData("49.9999", true)]
    [InlineData("0", true)]
    public void WeightedScoreBelow_ScoreAgainstTheLevel_FiresOnlyWhenBelow(string score, bool fires)
    {
        var rule = EscalationRule.WeightedScoreBelow(1, 50m, EscalationStage.ImprovementPlan);

        var triggers = Evaluate(rule, Rated(Q1) with { Score = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(fires, triggers.Count == 1);
    }

    [Fact]
    public void WeightedScoreBelow_NoScore_DoesNotFire()
    {
        var rule = EscalationRule.WeightedScoreBelow(1, 100m, EscalationStage.ImprovementPlan);

        Assert.Empty(Evaluate(rule, Rated(Q1) with { Score = null }));
    }

    [Theory]
    [InlineData("41.6667", "50", "The overall weighted score for 2025-26 Q1 was 41.7, below 50")]
    [InlineData("49.96", "50", "The overall weighted score for 2025-26 Q1 was 49.96, below 50")]
    [InlineData("49.99999", "50", "The overall weighted score for 2025-26 Q1 was 49.99999, below 50")]
    public void WeightedScoreBelow_Reason_NeverReadsAsIfTheScoreWereNotBelow(string score, string level, string expected)
    {
        var rule = EscalationRule.WeightedScoreBelow(1, decimal.Parse(level, System.Globalization.CultureInfo.InvariantCulture), EscalationStage.ImprovementPlan);

        var trigger = Assert.Single(Evaluate(rule, Rated(Q1) with { Score = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(expected, trigger.Reason);
    }

    // Several rules

    [Fact]
    public void Evaluate_SeveralRules_ListsTriggersByPeriodThenRule()
    {
        EscalationRule[] rules =
        [
            EscalationRule.WeightedScoreBelow(2, 50m, EscalationStage.ImprovementPlan),
            EscalationRule.LateReturn(1, 0, EscalationStage.EnhancedMonitoring),
        ];

        var triggers = Evaluate(
            rules,
            Rated(Q2) with { DaysLate = 3, Score = 20m },
            Rated(Q1) with { DaysLate = 3, Score = 20m });

        Assert.Equal([(1, Q1), (2, Q1), (1, Q2), (2, Q2)], triggers.Select(t => (t.RuleNumber, t.Period)));
        Assert.Equal(EscalationStage.EnhancedMonitoring, triggers[0].Stage);
        Assert.Equal(EscalationStage.ImprovementPlan, triggers[1].Stage);
    }

    [Fact]
    public void Evaluate_NoRulesOrNoPeriods_FiresNothing()
    {
        Assert.Empty(Evaluate([], Rated(Q1, (Assessments, Inadequate))));
        Assert.Empty(Evaluate(AssessmentsTwiceInadequate));
    }

    [Fact]
    public void Evaluate_SamePeriodTwice_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Evaluate(AssessmentsTwiceInadequate, Rated(Q1), Rated(Q1)));
    }

    [Fact]
    public void Evaluate_TwoRulesWithOneNumber_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => Evaluate([AssessmentsTwiceInadequate, AssessmentsTwiceInadequate], Rated(Q1)));
    }
}
