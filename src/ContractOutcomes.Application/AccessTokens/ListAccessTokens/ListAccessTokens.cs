using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.AccessTokens.ListAccessTokens;

[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record ListAccessTokens : IQuery<IReadOnlyList<AccessTokenSummary>>;

public sealed class ListAccessTokensHandler(IAccessTokens tokens, ICurrentUser user) : IRequestHandler<ListAccessTokens, IReadOnlyList<AccessTokenSummary>>
{
    public Task<IReadOnlyList<AccessTokenSummary>> Handle(ListAccessTokens request, CancellationToken cancellationToken) =>
        tokens.ListAsync(user.UserId, cancellationToken);
}
