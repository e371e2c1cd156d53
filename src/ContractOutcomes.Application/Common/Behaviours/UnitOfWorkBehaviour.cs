using ContractOutcomes.Application.Common.Interfaces;
using MediatR;

namespace ContractOutcomes.Application.Common.Behaviours;

/// <summary>
/// Saves what a command changed, once, after its handler has finished. Handlers therefore never
/// save, and a command that throws saves nothing.
/// </summary>
public sealed class UnitOfWorkBehaviour<TRequest, TResponse>(IUnitOfWork unitOfWork, IAuditScope auditScope) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not ICommand<TResponse>)
        {
            return await next().ConfigureAwait(false);
        }

        // Set before the handler runs: some ports (user accounts) save as they go and are audited too.
        auditScope.Action = typeof(TRequest).Name;
        var response = await next().ConfigureAwait(false);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        return response;
    }
}
