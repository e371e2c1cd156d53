using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.GetProviderHome;
using ContractOutcomes.Application.Returns.ListReturnsForReview;
using ContractOutcomes.Application.Users.GetMyAccount;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Pages;

/// <summary>
/// The home page: who you are signed in as and where you can go. A provider sees its returns to complete, those
/// waiting for review and its latest ratings; a commissioner sees how many returns need a decision.
/// </summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string? Role { get; private set; }

    public string? OrganisationName { get; private set; }

    public bool IsAdministrator => Role == Roles.Administrator;

    public bool IsProvider => Role == Roles.Provider;

    public bool IsCommissioner => Role == Roles.Commissioner;

    public bool CanSeeContracts => Role is not null;

    /// <summary>Set for providers only.</summary>
    public ProviderHome? ProviderHome { get; private set; }

    /// <summary>Set for commissioners only.</summary>
    public ReviewWorkList? ReviewWork { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var account = await mediator.Send(new GetMyAccount(), cancellationToken);
        DisplayName = account.DisplayName;
        Role = account.Role;
        OrganisationName = account.OrganisationName;
        if (IsProvider)
        {
            ProviderHome = await mediator.Send(new GetProviderHome(), cancellationToken);
        }
        else if (IsCommissioner)
        {
            ReviewWork = await mediator.Send(new ListReturnsForReview(), cancellationToken);
        }
    }
}
