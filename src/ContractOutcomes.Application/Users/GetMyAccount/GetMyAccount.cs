using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.Users.GetMyAccount;

/// <summary>Who the signed-in user is: their name, role and organisation.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetMyAccount : IQuery<MyAccount>;

public sealed record MyAccount(string DisplayName, string? Role, string? OrganisationName);

public sealed class GetMyAccountHandler(ICurrentUser user, IReadStore store) : IRequestHandler<GetMyAccount, MyAccount>
{
    public async Task<MyAccount> Handle(GetMyAccount request, CancellationToken cancellationToken)
    {
        var organisationId = user.OrganisationId;
        var organisationName = organisationId is { } id
            ? await store.FirstOrDefaultAsync(store.Organisations.Where(o => o.Id == id).Select(o => o.Name), cancellationToken).ConfigureAwait(false)
            : null;
        return new MyAccount(user.Name, Roles.All.FirstOrDefault(user.IsInRole), organisationName);
    }
}
