using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Contracts;

/// <summary>Everything a commissioner says about an outcome indicator apart from its targets and tolerance.</summary>
public sealed record IndicatorDefinition(
    string Name,
    string Definition,
    IndicatorUnit Unit,
    Polarity Polarity,
    RbaQuestion RbaQuestion,
    string DataSource,
    string? NumeratorLabel,
    string? DenominatorLabel,
    decimal? BaselineValue,
    ReportingPeriod? BaselinePeriod);
