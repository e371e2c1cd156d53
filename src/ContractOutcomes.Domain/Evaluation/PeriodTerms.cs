using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Evaluation;

/// <summary>
/// One indicator's terms as they applied in one period, after every variation effective by then.
/// </summary>
public sealed record IndicatorTerms(
    IndicatorId IndicatorId,
    string Name,
    IndicatorUnit Unit,
    Polarity Polarity,
    decimal? Target,
    ToleranceBands? Tolerance,
    decimal? Baseline,
    int DisplayOrder);

/// <summary>
/// A contract's terms as they applied in one period. <see cref="TermsVersion"/> is the number of the
/// latest variation effective in or before the period (0: the terms as activated), so a stored rating
/// names the terms it used and can be recomputed and explained later.
/// </summary>
public sealed record PeriodTerms(ReportingPeriod Period, int TermsVersion, Money AnnualValue, IReadOnlyList<IndicatorTerms> Indicators)
{
    public IndicatorTerms? Indicator(IndicatorId id) => Indicators.FirstOrDefault(i => i.IndicatorId == id);
}
