using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Performance.Common;
using MediatR;

namespace ContractOutcomes.Application.Common.Behaviours;

/// <summary>
/// After a command's handler and before its changes are saved, recalculates the evaluation of every
/// contract whose inputs the command changed (an acceptance, an approved restatement, a variation, a
/// rating decision), so ratings, payments and escalations are saved in the same transaction as the
/// change behind them. No handler has to remember to do it.
/// </summary>
public sealed class ReevaluationBehaviour<TRequest, TResponse>(IEvaluationInputs inputs, ContractEvaluator evaluator)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var response = await next().ConfigureAwait(false);
        if (request is not ICommand<TResponse>)
        {
            return response;
        }

        foreach (var contractId in inputs.ContractsChanged())
        {
            await evaluator.ReevaluateAsync(contractId, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }
}
