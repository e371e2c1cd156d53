using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Organisations;

namespace ContractOutcomes.Application.Performance.GetPortfolio;

/// <summary>
/// The portfolio dashboard: one row per contract that matches the filter, summary figures across those
/// rows, and the values each filter may take (from every contract the user may see, filtered or not).
/// </summary>
public sealed record PortfolioView(
    IReadOnlyList<PortfolioRow> Contracts,
    PortfolioSummary Summary,
    PortfolioFilterOptions Options,
    string? ChosenPeriod,
    DateOnly Today);

/// <summary>
/// One contract's position. A draft has no period, figures, stage, returns or money: only what identifies it.
/// <see cref="Period"/> is the chosen period, or else the latest period with a stored evaluation.
/// </summary>
public sealed record PortfolioRow(
    Guid ContractId,
    string Reference,
    string Title,
    Guid ProviderId,
    string ProviderName,
    OrganisationType? OrganisationType,
    bool IsNotForProfit,
    string ServiceArea,
    ContractStatus Status,
    string? Period,
    bool IsEvaluated,
    decimal? OverallScore,
    string? PositionBand,
    RatingCounts? Ratings,
    EscalationStage? Stage,
    bool FailedToImprove,
    DateOnly? FailedToImproveOn,
    DateOnly? PerformanceNoticeDueBy,
    OutstandingReturns? Returns,
    YearToDate? YearToDate)
{
    public bool IsDraft => Status == ContractStatus.Draft;
}

/// <summary>How many indicators had each rating in the period.</summary>
public sealed record RatingCounts(int Good, int ApproachingTarget, int RequiresImprovement, int Inadequate, int NotReported, int Other)
{
    public static RatingCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public int Total => Good + ApproachingTarget + RequiresImprovement + Inadequate + NotReported + Other;

    /// <summary>Each rating with its count, in scale order, leaving out ratings no indicator had.</summary>
    public IReadOnlyList<(PerformanceRating Rating, int Count)> NonZero() =>
    [
        .. new[]
        {
            (PerformanceRating.Good, Good),
            (PerformanceRating.ApproachingTarget, ApproachingTarget),
            (PerformanceRating.RequiresImprovement, RequiresImprovement),
            (PerformanceRating.Inadequate, Inadequate),
            (PerformanceRating.NotReported, NotReported),
            (PerformanceRating.Other, Other),
        }.Where(x => x.Item2 > 0),
    ];

    /// <summary>For example "3 Good, 2 Requires improvement"; "No ratings" when there are none.</summary>
    public string Describe()
    {
        var parts = NonZero().Select(x => $"{x.Count} {x.Rating.DisplayName()}").ToList();
        return parts.Count == 0 ? "No ratings" : string.Join(", ", parts);
    }
}

/// <summary>Ended periods whose return has not been accepted, as at today.</summary>
public sealed record OutstandingReturns(int Count, int Overdue, IReadOnlyList<OutstandingReturn> Periods);

/// <summary>
/// One outstanding period. <see cref="IsOverdue"/>: its due date has passed and it was not submitted by
/// then; <see cref="DaysLate"/> counts as the return pages do.
/// </summary>
public sealed record OutstandingReturn(string Period, string PeriodSlug, ReturnState State, DateOnly? DueOn, bool IsOverdue, int DaysLate);

/// <summary>
/// Money for the financial year of the row's period, from its first quarter up to and including that period:
/// sums of the stored (penny-rounded) amounts of the year's evaluations, listed in <see cref="Periods"/>.
/// </summary>
public sealed record YearToDate(
    string FinancialYear,
    string ThroughPeriod,
    Money NetPayment,
    Money OutcomePayments,
    Money Withheld,
    Money ServiceCredits,
    IReadOnlyList<PeriodMoney> Periods);

public sealed record PeriodMoney(string Period, Money NetPayment, Money OutcomePayments, Money Withheld, Money ServiceCredits);

/// <summary>
/// Figures across the rows shown. Money sums the rows' year-to-date amounts; <see cref="FinancialYears"/>
/// names the years they cover (one, unless contracts' latest periods fall in different years).
/// </summary>
public sealed record PortfolioSummary(
    int ContractCount,
    int DraftCount,
    IReadOnlyList<StageCount> ByStage,
    IReadOnlyList<BandCount> ByPosition,
    IReadOnlyList<string> FinancialYears,
    Money NetPayment,
    Money OutcomePayments,
    IReadOnlyList<MoneyByGroup> ByOrganisationType,
    IReadOnlyList<MoneyByGroup> ByProfitStatus,
    int OutstandingReturns,
    int OverdueReturns);

public sealed record StageCount(EscalationStage Stage, string Name, int Contracts, int FailedToImprove);

public sealed record BandCount(string Band, int Contracts);

/// <summary>Net payments ("spend") and outcome payments, year to date, of one group of providers.</summary>
public sealed record MoneyByGroup(string Key, string Name, int Contracts, Money NetPayment, Money OutcomePayments);

public sealed record PortfolioFilterOptions(
    IReadOnlyList<FilterOption> Providers,
    IReadOnlyList<FilterOption> OrganisationTypes,
    IReadOnlyList<string> ServiceAreas,
    IReadOnlyList<FilterOption> Stages,
    IReadOnlyList<string> Periods);

public sealed record FilterOption(string Value, string Text);
