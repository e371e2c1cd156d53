using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using static ContractOutcomes.Domain.Tests.Escalation.EscalationData;

namespace ContractOutcomes.Domain.Tests.Escalation;

/// <summary>The rule factories: what each accepts and refuses, and how each rule reads in words.</summary>
public sealed class EscalationRuleTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    public void ConsecutivePeriods_PeriodsAtTheLimits_KeepsEveryParameter(int periods)
    {
        var rule = EscalationRule.ConsecutivePeriods(3, Assessments, PerformanceRating.Inadequate, periods, EscalationStage.ImprovementPlan);

        Assert.Equal(3, rule.Number);
        Assert.Equal(EscalationRuleKind.ConsecutivePeriods, rule.Kind);
        Assert.Equal(Assessments, rule.IndicatorId);
        Assert.Equal(PerformanceRating.Inadequate, rule.AtOrBelow);
        Assert.Equal(periods, rule.Periods);
        Assert.Equal(EscalationStage.ImprovementPlan, rule.Stage);
        Assert.Null(rule.IndicatorCount);
        Assert.Null(rule.DaysLate);
        Assert.Null(rule.ScoreBelow);
    }

    [Fact]
    public void ConsecutivePeriods_NoIndicator_WatchesAnyIndicator()
    {
        var rule = EscalationRule.ConsecutivePeriods(1, null, PerformanceRating.RequiresImprovement, 3, EscalationStage.EnhancedMonitoring);

        Assert.Null(rule.IndicatorId);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    public void ConsecutivePeriods_PeriodsOutsideTwoToTwelve_IsRefused(int periods)
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            EscalationRule.ConsecutivePeriods(1, null, PerformanceRating.Inadequate, periods, EscalationStage.ImprovementPlan));

        Assert.Equal("The number of consecutive periods must be between 2 and 12", error.Message);
        Assert.Equal("Periods", error.PropertyName);
    }

    [Theory]
    [InlineData(PerformanceRating.Good)]
    [InlineData(PerformanceRating.ApproachingTarget)]
    [InlineData(PerformanceRating.RequiresImprovement)]
    [InlineData(PerformanceRating.Inadequate)]
    public void ConsecutivePeriods_RatingOnTheScale_IsAccepted(PerformanceRating rating)
    {
        var rule = EscalationRule.ConsecutivePeriods(1, null, rating, 2, EscalationStage.EnhancedMonitoring);

        Assert.Equal(rating, rule.AtOrBelow);
    }

    [Theory]
    [InlineData(PerformanceRating.NotReported)]
    [InlineData(PerformanceRating.Other)]
    [InlineData((PerformanceRating)0)]
    [InlineData((PerformanceRating)7)]
    public void ConsecutivePeriods_RatingOffTheScale_IsRefused(PerformanceRating rating)
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            EscalationRule.ConsecutivePeriods(1, null, rating, 2, EscalationStage.EnhancedMonitoring));

        Assert.Equal("Select a rating from Good to Inadequate", error.Message);
        Assert.Equal("AtOrBelow", error.PropertyName);
    }

    [Theory]
    [InlineData(PerformanceRating.NotReported)]
    [InlineData(PerformanceRating.Other)]
    public void IndicatorsInPeriod_RatingOffTheScale_IsRefused(PerformanceRating rating)
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            EscalationRule.IndicatorsInPeriod(1, 2, rating, EscalationStage.EnhancedMonitoring));

        Assert.Equal("Select a rating from Good to Inadequate", error.Message);
        Assert.Equal("AtOrBelow", error.PropertyName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    public void IndicatorsInPeriod_CountAtTheLimits_KeepsEveryParameter(int count)
    {
        var rule = EscalationRule.IndicatorsInPeriod(2, count, PerformanceRating.RequiresImprovement, EscalationStage.EnhancedMonitoring);

        Assert.Equal(2, rule.Number);
        Assert.Equal(EscalationRuleKind.IndicatorsInPeriod, rule.Kind);
        Assert.Equal(count, rule.IndicatorCount);
        Assert.Equal(PerformanceRating.RequiresImprovement, rule.AtOrBelow);
        Assert.Equal(EscalationStage.EnhancedMonitoring, rule.Stage);
        Assert.Null(rule.IndicatorId);
        Assert.Null(rule.Periods);
        Assert.Null(rule.DaysLate);
        Assert.Null(rule.ScoreBelow);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-3)]
    public void IndicatorsInPeriod_CountOutsideOneToThirty_IsRefused(int count)
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            EscalationRule.IndicatorsInPeriod(1, count, PerformanceRating.Inadequate, EscalationStage.EnhancedMonitoring));

        Assert.Equal("The number of indicators must be between 1 and 30", error.Message);
        Assert.Equal("IndicatorCount", error.PropertyName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(365)]
    public void LateReturn_DaysAtTheLimits_KeepsEveryParameter(int days)
    {
        var rule = EscalationRule.LateReturn(4, days, EscalationStage.EnhancedMonitoring);

        Assert.Equal(4, rule.Number);
        Assert.Equal(EscalationRuleKind.LateReturn, rule.Kind);
        Assert.Equal(days, rule.DaysLate);
        Assert.Equal(EscalationStage.EnhancedMonitoring, rule.Stage);
        Assert.Null(rule.AtOrBelow);
        Assert.Null(rule.IndicatorId);
        Assert.Null(rule.Periods);
        Assert.Null(rule.IndicatorCount);
        Assert.Null(rule.ScoreBelow);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void LateReturn_DaysOutsideZeroTo365_IsRefused(int days)
    {
        var error = Assert.Throws<BusinessRuleException>(() => EscalationRule.LateReturn(1, days, EscalationStage.EnhancedMonitoring));

        Assert.Equal("The number of days late must be between 0 and 365", error.Message);
        Assert.Equal("DaysLate", error.PropertyName);
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("62.5")]
    [InlineData("100")]
    public void WeightedScoreBelow_ScoreAboveZeroToHundred_KeepsEveryParameter(string score)
    {
        var value = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture);

        var rule = EscalationRule.WeightedScoreBelow(5, value, EscalationStage.FormalPerformanceNotice);

        Assert.Equal(5, rule.Number);
        Assert.Equal(EscalationRuleKind.WeightedScoreBelow, rule.Kind);
        Assert.Equal(value, rule.ScoreBelow);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, rule.Stage);
        Assert.Null(rule.AtOrBelow);
        Assert.Null(rule.IndicatorId);
        Assert.Null(rule.Periods);
        Assert.Null(rule.IndicatorCount);
        Assert.Null(rule.DaysLate);
    }

    [Theory]
    [InlineData("0", "The score must be more than 0")]
    [InlineData("-5", "The score must be more than 0")]
    [InlineData("100.01", "The score must be 100 or less")]
    [InlineData("50.125", "The score must have no more than 2 decimal places")]
    public void WeightedScoreBelow_ScoreOutOfRange_IsRefused(string score, string message)
    {
        var value = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<BusinessRuleException>(() => EscalationRule.WeightedScoreBelow(1, value, EscalationStage.EnhancedMonitoring));

        Assert.Equal(message, error.Message);
        Assert.Equal("ScoreBelow", error.PropertyName);
    }

    public static TheoryData<Func<EscalationStage, EscalationRule>> EveryKind() => new()
    {
        stage => EscalationRule.ConsecutivePeriods(1, null, PerformanceRating.Inadequate, 2, stage),
        stage => EscalationRule.IndicatorsInPeriod(1, 2, PerformanceRating.Inadequate, stage),
        stage => EscalationRule.LateReturn(1, 10, stage),
        stage => EscalationRule.WeightedScoreBelow(1, 50m, stage),
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void AnyKind_StageRoutineMonitoring_IsRefused(Func<EscalationStage, EscalationRule> create)
    {
        var error = Assert.Throws<BusinessRuleException>(() => create(EscalationStage.RoutineMonitoring));

        Assert.Equal("Select a stage above routine monitoring", error.Message);
        Assert.Equal("Stage", error.PropertyName);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void AnyKind_StageNotOnTheLadder_IsRefused(Func<EscalationStage, EscalationRule> create)
    {
        Assert.Equal("Stage", Assert.Throws<BusinessRuleException>(() => create(0)).PropertyName);
        Assert.Equal("Stage", Assert.Throws<BusinessRuleException>(() => create((EscalationStage)6)).PropertyName);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void AnyKind_EachStageAboveRoutineMonitoring_IsAccepted(Func<EscalationStage, EscalationRule> create)
    {
        foreach (var stage in new[] { EscalationStage.EnhancedMonitoring, EscalationStage.ImprovementPlan, EscalationStage.FormalPerformanceNotice, EscalationStage.StepInOrTerminationReview })
        {
            Assert.Equal(stage, create(stage).Stage);
        }
    }

    [Fact]
    public void ConsecutivePeriods_SeveralProblems_ReportsEachBesideItsField()
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            EscalationRule.ConsecutivePeriods(1, null, PerformanceRating.Other, 1, EscalationStage.RoutineMonitoring));

        Assert.Equal(["AtOrBelow", "Periods", "Stage"], error.Violations.Select(v => v.PropertyName));
    }

    [Fact]
    public void AnyKind_NumberBelowOne_IsAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EscalationRule.LateReturn(0, 5, EscalationStage.EnhancedMonitoring));
    }

    public static TheoryData<EscalationRule, string> Descriptions() => new()
    {
        {
            EscalationRule.ConsecutivePeriods(1, Assessments, PerformanceRating.Inadequate, 2, EscalationStage.ImprovementPlan),
            "Single assessments completed within 45 working days rated Inadequate or worse for 2 consecutive periods: improvement plan"
        },
        {
            EscalationRule.ConsecutivePeriods(1, null, PerformanceRating.RequiresImprovement, 3, EscalationStage.EnhancedMonitoring),
            "Any indicator rated Requires improvement or worse for 3 consecutive periods: enhanced monitoring"
        },
        {
            EscalationRule.IndicatorsInPeriod(2, 3, PerformanceRating.ApproachingTarget, EscalationStage.EnhancedMonitoring),
            "3 or more indicators rated Approaching target or worse in one period: enhanced monitoring"
        },
        {
            EscalationRule.IndicatorsInPeriod(2, 1, PerformanceRating.Inadequate, EscalationStage.FormalPerformanceNotice),
            "Any indicator rated Inadequate or worse in a period: formal performance notice"
        },
        { EscalationRule.LateReturn(3, 0, EscalationStage.EnhancedMonitoring), "A return late by any number of days: enhanced monitoring" },
        { EscalationRule.LateReturn(3, 1, EscalationStage.EnhancedMonitoring), "A return more than 1 day late: enhanced monitoring" },
        { EscalationRule.LateReturn(3, 14, EscalationStage.ImprovementPlan), "A return more than 14 days late: improvement plan" },
        {
            EscalationRule.WeightedScoreBelow(4, 50m, EscalationStage.StepInOrTerminationReview),
            "An overall weighted score below 50: step-in or termination review"
        },
        { EscalationRule.WeightedScoreBelow(4, 62.50m, EscalationStage.ImprovementPlan), "An overall weighted score below 62.5: improvement plan" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Describe_EachKind_ReadsAsASentence(EscalationRule rule, string expected)
    {
        Assert.Equal(expected, rule.Describe(Name));
    }

    [Theory]
    [InlineData(EscalationStage.RoutineMonitoring, "Routine monitoring")]
    [InlineData(EscalationStage.EnhancedMonitoring, "Enhanced monitoring")]
    [InlineData(EscalationStage.ImprovementPlan, "Improvement plan")]
    [InlineData(EscalationStage.FormalPerformanceNotice, "Formal performance notice")]
    [InlineData(EscalationStage.StepInOrTerminationReview, "Step-in or termination review")]
    public void DisplayName_EachStage_UsesTheAgreedWords(EscalationStage stage, string expected)
    {
        Assert.Equal(expected, stage.DisplayName());
    }
}
