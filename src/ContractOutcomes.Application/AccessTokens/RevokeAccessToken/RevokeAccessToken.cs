using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.AccessTokens.RevokeAccessToken;

[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record RevokeAccessToken(Guid TokenId) : ICommand<Unit>;

public sealed class RevokeAccessTokenHandler(IAccessTokens tokens, ICurrentUser user, TimeProvider clock) : IRequestHandler<RevokeAccessToken, Unit>
{
    public async Task<Unit> Handle(RevokeAccessToken request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await tokens.RevokeAsync(user.UserId, request.TokenId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ? Unit.Value
            : throw new NotFoundException("The access token");
    }
}
