using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Performance.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using MediatR;

namespace ContractOutcomes.Application.Performance.ReevaluateContracts;

/// <summary>
/// Recalculates the evaluation of every active or ended contract as of today. Changes to inputs are
/// evaluated as they happen; this catches what only the passing of time changes: a return passing its due
/// date unaccepted (Not reported), a return growing later, a formal notice's deadline passing. Run at
/// start-up and, with scheduled work, every night. Sent by the system; it reveals nothing to its sender.
/// Returns the number of contracts evaluated.
/// </summary>
[AllowAnonymousRequest]
public sealed record ReevaluateContracts : ICommand<int>;

public sealed class ReevaluateContractsHandler(IReadStore store, ContractEvaluator evaluator) : IRequestHandler<ReevaluateContracts, int>
{
    public async Task<int> Handle(ReevaluateContracts request, CancellationToken cancellationToken)
    {
        var ids = await store.ToListAsync(
            store.Contracts.Where(c => c.Status != ContractStatus.Draft).Select(c => c.Id),
            cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            await evaluator.ReevaluateAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return ids.Count;
    }
}
