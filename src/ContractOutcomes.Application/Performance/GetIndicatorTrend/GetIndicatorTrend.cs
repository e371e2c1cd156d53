using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Performance.GetIndicatorTrend;

/// <summary>
/// One indicator's trend over its latest evaluated periods: each period's stored result (actual, target,
/// rating, trend, restatement) with the tolerance bands that applied then, the total of the periods shown,
/// and a chart model any renderer can draw. Anyone who may see the contract may read it.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetIndicatorTrend(Guid ContractId, Guid IndicatorId, int Periods = GetIndicatorTrend.DefaultPeriods) : IQuery<IndicatorTrendView>
{
    public const int DefaultPeriods = 8;

    public const int MaxPeriods = 40;
}

public sealed class GetIndicatorTrendValidator : AbstractValidator<GetIndicatorTrend>
{
    public GetIndicatorTrendValidator() =>
        RuleFor(x => x.Periods).InclusiveBetween(1, GetIndicatorTrend.MaxPeriods)
            .WithMessage($"Enter a number of periods between 1 and {GetIndicatorTrend.MaxPeriods}");
}

/// <summary>
/// <see cref="PeriodsAvailable"/> is how many periods have been evaluated in all; <see cref="Periods"/> holds
/// the latest of them, oldest first, up to the number asked for.
/// </summary>
public sealed record IndicatorTrendView(
    Guid ContractId,
    string ContractReference,
    string ContractTitle,
    Guid IndicatorId,
    string Name,
    string Definition,
    IndicatorUnit Unit,
    Polarity Polarity,
    string? NumeratorLabel,
    string? DenominatorLabel,
    decimal? BaselineValue,
    ReportingPeriod? BaselinePeriod,
    int PeriodsRequested,
    int PeriodsAvailable,
    IReadOnlyList<TrendPeriodView> Periods,
    TrendTotalView Total,
    TrendChart Chart);

/// <summary>One evaluated period as stored, with the rating bands of the target and thresholds that applied in it.</summary>
public sealed record TrendPeriodView(
    ReportingPeriod Period,
    decimal? Actual,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Target,
    PerformanceRating? Rating,
    string RatingExplanation,
    TrendDirection Trend,
    int TrendPeriods,
    bool IsRestated,
    int TermsVersion,
    IReadOnlyList<TrendBand> Bands)
{
    /// <summary>The trend in words, for example "Worsening for 2 periods".</summary>
    public string TrendText => Trend.Describe(TrendPeriods);
}

public sealed class GetIndicatorTrendHandler(IReadStore store, ICurrentUser user) : IRequestHandler<GetIndicatorTrend, IndicatorTrendView>
{
    public async Task<IndicatorTrendView> Handle(GetIndicatorTrend request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contractId = new ContractId(request.ContractId);
        var indicatorId = new IndicatorId(request.IndicatorId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.VisibleTo(user).Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The contract");
        var indicator = contract.Indicators.FirstOrDefault(i => i.Id == indicatorId)
            ?? throw new NotFoundException("The indicator");

        // Pages read stored evaluations rather than recalculate: these are the results the payments used.
        var stored = await store.ToListAsync(
            store.PeriodEvaluations.Where(e => e.ContractId == contractId).SelectMany(
                e => e.Indicators.Where(i => i.IndicatorId == indicatorId),
                (e, i) => new StoredLine(
                    e.Period, i.Actual, i.Numerator, i.Denominator, i.Target, i.Rating, i.RatingExplanation,
                    i.Trend, i.TrendPeriods, i.IsRestated, i.TermsVersion)),
            cancellationToken).ConfigureAwait(false);
        var shown = stored.OrderBy(l => l.Period).TakeLast(request.Periods).ToList();

        var periods = shown.Select(line =>
        {
            var terms = contract.TermsFor(line.Period).Indicator(indicatorId);
            var target = line.Target ?? terms?.Target;
            var bands = terms?.Tolerance is { } tolerance && target is { } t
                ? TrendBands.For(tolerance, t, indicator.Polarity, indicator.Unit)
                : [];
            return new TrendPeriodView(
                line.Period, line.Actual, line.Numerator, line.Denominator, target, line.Rating, line.RatingExplanation,
                line.Trend, line.TrendPeriods, line.IsRestated, line.TermsVersion, bands);
        }).ToList();

        var subject = new TrendSubject(indicator.Name, indicator.Unit, indicator.Polarity, indicator.BaselineValue, indicator.BaselinePeriod);
        return new IndicatorTrendView(
            contract.Id.Value,
            contract.Reference,
            contract.Title,
            indicator.Id.Value,
            indicator.Name,
            indicator.Definition,
            indicator.Unit,
            indicator.Polarity,
            indicator.NumeratorLabel,
            indicator.DenominatorLabel,
            indicator.BaselineValue,
            indicator.BaselinePeriod,
            request.Periods,
            stored.Count,
            periods,
            TrendTotals.For(indicator.Unit, indicator.NumeratorLabel, indicator.DenominatorLabel, periods),
            TrendChart.Build(subject, periods));
    }

    private sealed record StoredLine(
        ReportingPeriod Period,
        decimal? Actual,
        decimal? Numerator,
        decimal? Denominator,
        decimal? Target,
        PerformanceRating? Rating,
        string RatingExplanation,
        TrendDirection Trend,
        int TrendPeriods,
        bool IsRestated,
        int TermsVersion);
}
