using System.Globalization;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Escalation;

/// <summary>
/// One of a contract's escalation rules: a condition on ratings, lateness or the overall weighted score,
/// and the stage the contract rises to when it holds. Flat, so it can be stored as one row; only the
/// properties its <see cref="Kind"/> uses are set, and the factories check each one.
/// </summary>
public sealed class EscalationRule
{
    public const int MinPeriods = 2;
    public const int MaxPeriods = 12;
    public const int MinIndicatorCount = 1;
    public const int MaxIndicatorCount = 30;
    public const int MaxDaysLate = 365;
    public const decimal MaxScore = 100m;

    /// <summary>Decimal places a score level may have; the score itself is calculated more finely.</summary>
    public const int ScoreDecimals = 2;

    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    private EscalationRule()
    {
    }

    private EscalationRule(int number, EscalationRuleKind kind, EscalationStage stage)
    {
        if (number < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "Rules are numbered from 1.");
        }

        Number = number;
        Kind = kind;
        Stage = stage;
    }

    /// <summary>The rule's number within its contract, from 1; triggers and history refer to it.</summary>
    public int Number { get; private init; }

    public EscalationRuleKind Kind { get; private init; }

    /// <summary>ConsecutivePeriods only: the indicator the rule watches, or null for any indicator.</summary>
    public IndicatorId? IndicatorId { get; private init; }

    /// <summary>ConsecutivePeriods and IndicatorsInPeriod: the rating at or below which an indicator counts.</summary>
    public PerformanceRating? AtOrBelow { get; private init; }

    public int? Periods { get; private init; }

    public int? IndicatorCount { get; private init; }

    public int? DaysLate { get; private init; }

    public decimal? ScoreBelow { get; private init; }

    /// <summary>The stage the contract rises to, at least, when the rule fires.</summary>
    public EscalationStage Stage { get; private init; }

    public static EscalationRule ConsecutivePeriods(int number, IndicatorId? indicator, PerformanceRating atOrBelow, int periods, EscalationStage stage)
    {
        var violations = new List<RuleViolation>();
        CheckRating(atOrBelow, violations);
        if (periods is < MinPeriods or > MaxPeriods)
        {
            violations.Add(new RuleViolation(
                $"The number of consecutive periods must be between {MinPeriods} and {MaxPeriods}", nameof(Periods)));
        }

        CheckStage(stage, violations);
        ThrowIfAny(violations);
        return new EscalationRule(number, EscalationRuleKind.ConsecutivePeriods, stage)
        {
            IndicatorId = indicator,
            AtOrBelow = atOrBelow,
            Periods = periods,
        };
    }

    public static EscalationRule IndicatorsInPeriod(int number, int count, PerformanceRating atOrBelow, EscalationStage stage)
    {
        var violations = new List<RuleViolation>();
        if (count is < MinIndicatorCount or > MaxIndicatorCount)
        {
            violations.Add(new RuleViolation(
                $"The number of indicators must be between {MinIndicatorCount} and {MaxIndicatorCount}", nameof(IndicatorCount)));
        }

        CheckRating(atOrBelow, violations);
        CheckStage(stage, violations);
        ThrowIfAny(violations);
        return new EscalationRule(number, EscalationRuleKind.IndicatorsInPeriod, stage)
        {
            IndicatorCount = count,
            AtOrBelow = atOrBelow,
        };
    }

    public static EscalationRule LateReturn(int number, int daysLate, EscalationStage stage)
    {
        var violations = new List<RuleViolation>();
        if (daysLate is < 0 or > MaxDaysLate)
        {
            violations.Add(new RuleViolation($"The number of days late must be between 0 and {MaxDaysLate}", nameof(DaysLate)));
        }

        CheckStage(stage, violations);
        ThrowIfAny(violations);
        return new EscalationRule(number, EscalationRuleKind.LateReturn, stage) { DaysLate = daysLate };
    }

    public static EscalationRule WeightedScoreBelow(int number, decimal score, EscalationStage stage)
    {
        var violations = new List<RuleViolation>();
        if (score <= 0m)
        {
            // A score cannot fall below 0, so a rule at 0 or less would never fire.
            violations.Add(new RuleViolation("The score must be more than 0", nameof(ScoreBelow)));
        }
        else if (score > MaxScore)
        {
            violations.Add(new RuleViolation("The score must be 100 or less", nameof(ScoreBelow)));
        }
        else if (decimal.Round(score, ScoreDecimals) != score)
        {
            violations.Add(new RuleViolation($"The score must have no more than {ScoreDecimals} decimal places", nameof(ScoreBelow)));
        }

        CheckStage(stage, violations);
        ThrowIfAny(violations);
        return new EscalationRule(number, EscalationRuleKind.WeightedScoreBelow, stage) { ScoreBelow = score };
    }

    /// <summary>
    /// The rule in words, for example "Single assessments completed within 45 working days rated
    /// Inadequate or worse for 2 consecutive periods: improvement plan".
    /// </summary>
    public string Describe(Func<IndicatorId, string> indicatorName)
    {
        ArgumentNullException.ThrowIfNull(indicatorName);
        var condition = Kind switch
        {
            EscalationRuleKind.ConsecutivePeriods => string.Create(
                EnglishUk,
                $"{(IndicatorId is { } id ? indicatorName(id) : "Any indicator")} rated {RatingInWords} for {Periods} consecutive periods"),
            EscalationRuleKind.IndicatorsInPeriod => IndicatorCount == 1
                ? $"Any indicator rated {RatingInWords} in a period"
                : string.Create(EnglishUk, $"{IndicatorCount} or more indicators rated {RatingInWords} in one period"),
            EscalationRuleKind.LateReturn => DaysLate switch
            {
                0 => "A return late by any number of days",
                1 => "A return more than 1 day late",
                _ => string.Create(EnglishUk, $"A return more than {DaysLate} days late"),
            },
            EscalationRuleKind.WeightedScoreBelow => $"An overall weighted score below {FormatScore(ScoreBelow ?? 0m)}",
            _ => Kind.ToString(),
        };
        return $"{condition}: {Stage.InSentence()}";
    }

    /// <summary>"Inadequate or worse".</summary>
    internal string RatingInWords => $"{AtOrBelow?.DisplayName()} or worse";

    internal static string FormatScore(decimal score) => score.ToString("0.############################", EnglishUk);

    private static void CheckRating(PerformanceRating atOrBelow, List<RuleViolation> violations)
    {
        if (atOrBelow is < PerformanceRating.Good or > PerformanceRating.Inadequate)
        {
            violations.Add(new RuleViolation("Select a rating from Good to Inadequate", nameof(AtOrBelow)));
        }
    }

    private static void CheckStage(EscalationStage stage, List<RuleViolation> violations)
    {
        if (stage is <= EscalationStage.RoutineMonitoring or > EscalationStage.StepInOrTerminationReview)
        {
            // Every contract starts at routine monitoring, so a rule raising it there would do nothing.
            violations.Add(new RuleViolation("Select a stage above routine monitoring", nameof(Stage)));
        }
    }

    private static void ThrowIfAny(List<RuleViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new BusinessRuleException(violations);
        }
    }
}
