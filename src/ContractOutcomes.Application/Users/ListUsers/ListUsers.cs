using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.Users.ListUsers;

[AuthorizeRoles(Roles.Administrator)]
public sealed record ListUsers : IQuery<IReadOnlyList<UserSummary>>;

public sealed class ListUsersHandler(IUserAccounts accounts) : IRequestHandler<ListUsers, IReadOnlyList<UserSummary>>
{
    public Task<IReadOnlyList<UserSummary>> Handle(ListUsers request, CancellationToken cancellationToken) => accounts.ListAsync(cancellationToken);
}
