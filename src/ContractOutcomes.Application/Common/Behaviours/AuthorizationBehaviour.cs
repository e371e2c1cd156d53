using System.Reflection;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.Common.Behaviours;

/// <summary>
/// Refuses a request from anyone outside the roles it names. Pages and endpoints check roles too;
/// this check means no route, seed loader or job can reach a use case the caller may not use.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser currentUser) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var type = typeof(TRequest);
        if (type.GetCustomAttribute<AllowAnonymousRequestAttribute>() is null)
        {
            if (!currentUser.IsAuthenticated)
            {
                throw new ForbiddenException("Sign in to continue.");
            }

            var required = type.GetCustomAttribute<AuthorizeRolesAttribute>()
                ?? throw new InvalidOperationException($"{type.Name} does not say which roles may send it.");
            if (!required.Roles.Any(currentUser.IsInRole))
            {
                throw new ForbiddenException();
            }
        }

        return await next().ConfigureAwait(false);
    }
}
