using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Incentives;

/// <summary>
/// One indicator's result for one period, as payments need it: its rating (null while it is not yet
/// rated) and the accepted figure, if there is one.
/// </summary>
/// <param name="IsRestated">The figure was corrected after it was first accepted.</param>
public sealed record IndicatorOutcome(PerformanceRating? Rating, Figure? Figure, bool IsRestated);

/// <summary>A period's terms and each indicator's outcome: everything a payment statement is worked out from.</summary>
public sealed record PeriodPerformance(PeriodTerms Terms, IReadOnlyDictionary<IndicatorId, IndicatorOutcome> Outcomes);
