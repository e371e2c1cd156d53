using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;

namespace ContractOutcomes.Domain.Tests.Escalation;

/// <summary>Indicators, periods, ratings and people shared by the escalation tests.</summary>
internal static class EscalationData
{
    public static readonly IndicatorId Assessments = IndicatorId.New();
    public static readonly IndicatorId CarePlans = IndicatorId.New();
    public static readonly IndicatorId Placements = IndicatorId.New();
    public static readonly IndicatorId Visits = IndicatorId.New();

    public static readonly ReportingPeriod Q1 = ReportingPeriod.Of(2025, 1);
    public static readonly ReportingPeriod Q2 = ReportingPeriod.Of(2025, 2);
    public static readonly ReportingPeriod Q3 = ReportingPeriod.Of(2025, 3);
    public static readonly ReportingPeriod Q4 = ReportingPeriod.Of(2025, 4);
    public static readonly ReportingPeriod NextQ1 = ReportingPeriod.Of(2026, 1);

    public static readonly DateOnly Today = new(2026, 2, 10);
    public static readonly DateTimeOffset Now = new(2026, 2, 10, 9, 30, 0, TimeSpan.Zero);

    public static readonly Actor Commissioner = new("commissioner-1", "Priya Shah");

    private static readonly Dictionary<IndicatorId, string> Names = new()
    {
        [Assessments] = "Single assessments completed within 45 working days",
        [CarePlans] = "Care plans reviewed on time",
        [Placements] = "Placement stability",
        [Visits] = "Statutory visits on time",
    };

    public static string Name(IndicatorId id) => Names.TryGetValue(id, out var name) ? name : id.ToString();

    /// <summary>A period's ratings, with its return due a month after the period ends and sent on time.</summary>
    public static PeriodRatings Rated(ReportingPeriod period, params (IndicatorId Id, PerformanceRating Rating)[] ratings) =>
        new(period, DueOn(period), ratings.ToDictionary(r => r.Id, r => r.Rating), DaysLate: 0, Score: null);

    public static DateOnly DueOn(ReportingPeriod period) => period.EndDate.AddMonths(1);

    public static IReadOnlyList<EscalationTrigger> Evaluate(IReadOnlyList<EscalationRule> rules, params PeriodRatings[] periods) =>
        EscalationRules.Evaluate(rules, periods, Name);

    public static IReadOnlyList<EscalationTrigger> Evaluate(EscalationRule rule, params PeriodRatings[] periods) =>
        EscalationRules.Evaluate([rule], periods, Name);

    public static EscalationTrigger Trigger(int rule, ReportingPeriod period, EscalationStage stage) =>
        new(rule, period, stage, $"Rule {rule} fired for {period}");

    /// <summary>A case brought to the given stage by a rule firing for <see cref="Q1"/>.</summary>
    public static EscalationCase CaseAt(EscalationStage stage)
    {
        var escalation = EscalationCase.Open(ContractId.New());
        if (stage != EscalationStage.RoutineMonitoring)
        {
            escalation.Synchronise([Trigger(1, Q1, stage)], [], Today, Now);
        }

        escalation.ClearDomainEvents();
        return escalation;
    }
}
