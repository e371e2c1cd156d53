using ContractOutcomes.Domain.Calendar;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using ContractOutcomes.Domain.Tests.Contracts;

namespace ContractOutcomes.Domain.Tests.Returns;

/// <summary>
/// An active contract with one indicator of every unit and both polarities, and returns for it, so each
/// rule can be tried against the kind of indicator it is about. Figures that meet every target are the default.
/// </summary>
internal sealed class ReturnBuilder
{
    public const string Assessments = "Assessments completed on time";
    public const string ReReferrals = "Re-referrals within 12 months";
    public const string Families = "Families supported";
    public const string DaysToVisit = "Days from referral to first visit";
    public const string LookedAfterRate = "Children looked after rate";
    public const string CostPerCase = "Cost per case";

    public static readonly ReportingPeriod Period = ReportingPeriod.Parse("2026-27 Q2");

    /// <summary>20 working days after 30 September 2026.</summary>
    public static readonly DateOnly DueOn = new(2026, 10, 28);

    public static readonly DateTimeOffset Now = ContractBuilder.Now;

    public static readonly Actor Provider = new("provider-1", "Grace Okafor");

    public static readonly Actor OtherProvider = new("provider-2", "Daniel Reeve");

    public static readonly Actor Commissioner = new("commissioner-1", "Priya Shah");

    private readonly ContractBuilder _contracts = new();

    public ReturnBuilder() => Contract = Build(activate: true);

    public Contract Contract { get; }

    public OutcomeIndicator this[string name] => Contract.Indicators.Single(i => i.Name == name);

    /// <summary>Higher is better, target 85%.</summary>
    public IndicatorId AssessmentsId => this[Assessments].Id;

    /// <summary>Lower is better, target 20%.</summary>
    public IndicatorId ReReferralsId => this[ReReferrals].Id;

    /// <summary>A count, higher is better, target 400.</summary>
    public IndicatorId FamiliesId => this[Families].Id;

    /// <summary>Days, lower is better, target 10.</summary>
    public IndicatorId DaysToVisitId => this[DaysToVisit].Id;

    /// <summary>A rate per 10,000, lower is better, target 70.</summary>
    public IndicatorId LookedAfterRateId => this[LookedAfterRate].Id;

    /// <summary>Pounds, lower is better, target £2,500.</summary>
    public IndicatorId CostPerCaseId => this[CostPerCase].Id;

    public Contract BuildDraftContract() => Build(activate: false);

    public QuarterlyReturn Open(ReportingPeriod? period = null, DateOnly? dueOn = null, DateTimeOffset? now = null) =>
        QuarterlyReturn.Open(Contract, period ?? Period, dueOn ?? DueOn, now ?? Now);

    /// <summary>A figure for every indicator, each meeting its target.</summary>
    public IReadOnlyList<FigureEntry> OnTarget() =>
    [
        new(AssessmentsId, null, 90, 100, null),
        new(ReReferralsId, null, 36, 200, null),
        new(FamiliesId, 412, null, null, null),
        new(DaysToVisitId, 8.5m, null, null, null),
        new(LookedAfterRateId, null, 65, 10_000, null),
        new(CostPerCaseId, 2_410m, null, null, null),
    ];

    public QuarterlyReturn Draft()
    {
        var quarterlyReturn = Open();
        quarterlyReturn.SaveDraft(Contract, OnTarget(), Provider, Now);
        return quarterlyReturn;
    }

    public QuarterlyReturn Submitted(DateTimeOffset? at = null)
    {
        var quarterlyReturn = Draft();
        quarterlyReturn.Submit(Contract, Provider, at ?? Now.AddMinutes(5));
        return quarterlyReturn;
    }

    public QuarterlyReturn Queried()
    {
        var quarterlyReturn = Submitted();
        quarterlyReturn.Query(Contract, [(FamiliesId, "Why did the number of families rise so sharply?")], Commissioner, Now.AddHours(1));
        return quarterlyReturn;
    }

    public QuarterlyReturn Accepted()
    {
        var quarterlyReturn = Submitted();
        quarterlyReturn.Accept(Commissioner, Now.AddHours(2));
        return quarterlyReturn;
    }

    private static IndicatorDefinition Definition(string name, IndicatorUnit unit, Polarity polarity) =>
        new(name, $"Definition of {name}", unit, polarity, RbaQuestion.HowWellDidWeDoIt, "Case management system",
            unit.IsRatio() ? "Cases meeting the measure" : null,
            unit.IsRatio() ? "All cases" : null,
            null, null);

    private Contract Build(bool activate)
    {
        var contract = Contract.CreateDraft(ContractBuilder.Details(), _contracts.Commissioner, _contracts.Provider);
        (string Name, IndicatorUnit Unit, Polarity Polarity, decimal Target)[] indicators =
        [
            (Assessments, IndicatorUnit.Percentage, Polarity.HigherIsBetter, 85m),
            (ReReferrals, IndicatorUnit.Percentage, Polarity.LowerIsBetter, 20m),
            (Families, IndicatorUnit.Count, Polarity.HigherIsBetter, 400m),
            (DaysToVisit, IndicatorUnit.Days, Polarity.LowerIsBetter, 10m),
            (LookedAfterRate, IndicatorUnit.RatePer10000, Polarity.LowerIsBetter, 70m),
            (CostPerCase, IndicatorUnit.Money, Polarity.LowerIsBetter, 2_500m),
        ];
        foreach (var (name, unit, polarity, target) in indicators)
        {
            var indicator = contract.AddIndicator(Definition(name, unit, polarity));
            contract.SetTargets(indicator.Id, contract.Term.Periods.ToDictionary(p => p, _ => target));
            contract.SetTolerance(indicator.Id, ToleranceBands.Of(ToleranceMode.Relative, 0, 5, 15));
        }

        if (activate)
        {
            contract.Activate(_contracts.Provider, fewerKpisConfirmed: false, Now);
        }

        return contract;
    }

    /// <summary>The due date the England and Wales calendar gives a period, as the application works it out.</summary>
    public static DateOnly DueDateOf(ReportingPeriod period) =>
        ReturnDueDates.DueDate(period, ReturnDueDates.DefaultWorkingDays, WorkingDayCalendar.EnglandAndWales)
        ?? throw new InvalidOperationException("The bank holiday list does not reach this period.");

    /// <summary>A moment given as UK wall-clock time with the offset in force then (+01:00 in summer).</summary>
    public static DateTimeOffset Uk(int year, int month, int day, int hour, int minute, int offsetHours) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

    public static string Sha(char digit) => new(digit, 64);
}
