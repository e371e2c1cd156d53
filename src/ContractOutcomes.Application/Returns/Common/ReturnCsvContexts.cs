using ContractOutcomes.Application.Returns.Csv;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Application.Returns.Common;

internal static class ReturnCsvContexts
{
    public static ReturnCsvContext For(Contract contract, ReportingPeriod period) =>
        new(
            contract.Reference,
            period,
            [.. contract.Indicators.OrderBy(i => i.DisplayOrder)
                .Select(i => new ReturnCsvIndicator(i.Id.Value, i.Name, i.Unit, i.TargetFor(period), i.NumeratorLabel, i.DenominatorLabel))]);
}
