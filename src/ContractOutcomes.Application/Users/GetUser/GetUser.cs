using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.Users.GetUser;

[AuthorizeRoles(Roles.Administrator)]
public sealed record GetUser(string UserId) : IQuery<UserSummary>;

public sealed class GetUserHandler(IUserAccounts accounts) : IRequestHandler<GetUser, UserSummary>
{
    public async Task<UserSummary> Handle(GetUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await accounts.FindAsync(request.UserId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("The user");
    }
}
