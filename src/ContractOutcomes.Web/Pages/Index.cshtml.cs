using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Users.GetMyAccount;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Pages;

/// <summary>The home page: who you are signed in as, and where you can go.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string? Role { get; private set; }

    public string? OrganisationName { get; private set; }

    public bool IsAdministrator => Role == Roles.Administrator;

    public bool IsProvider => Role == Roles.Provider;

    public bool CanSeeContracts => Role is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var account = await mediator.Send(new GetMyAccount(), cancellationToken);
        DisplayName = account.DisplayName;
        Role = account.Role;
        OrganisationName = account.OrganisationName;
    }
}
