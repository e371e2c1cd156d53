using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Pages;

/// <summary>The home page: who you are signed in as, and where you can go.</summary>
public sealed class IndexModel(ICurrentUser currentUser, IReadStore store) : PageModel
{
    public string DisplayName { get; private set; } = string.Empty;

    public string? Role { get; private set; }

    public string? OrganisationName { get; private set; }

    public bool IsAdministrator => Role == Roles.Administrator;

    public bool IsProvider => Role == Roles.Provider;

    public bool CanSeeContracts => Role is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = currentUser.Name;
        Role = Roles.All.FirstOrDefault(currentUser.IsInRole);

        // There is no use case yet that tells any signed-in user about their own organisation (GetOrganisation is for
        // administrators), so this one name is read straight from the read store. Replace it with such a query.
        if (currentUser.OrganisationId is { } organisationId)
        {
            OrganisationName = await store.FirstOrDefaultAsync(
                store.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name), cancellationToken);
        }
    }
}
