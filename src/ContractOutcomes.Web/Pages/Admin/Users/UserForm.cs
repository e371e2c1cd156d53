using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Domain.Organisations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Admin.Users;

/// <summary>
/// What the user forms post. Property names match the use cases' (Email, DisplayName, Role, OrganisationId, Password)
/// so their errors, including those from the identity store, land beside the right field.
/// </summary>
public sealed class UserInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    /// <summary>Bound as text, so a tampered value becomes "Select an organisation", not a binding error.</summary>
    public string? OrganisationId { get; set; }

    public string? Password { get; set; }

    public bool IsDisabled { get; set; }

    public Guid? ParsedOrganisationId => Guid.TryParse(OrganisationId, out var id) ? id : null;
}

public static class UserOptions
{
    public const string RoleHint =
        "Administrators manage organisations and users. Commissioners set up and monitor contracts. " +
        "Providers see and report on their own organisation's contracts.";

    public const string OrganisationHint =
        "Provider users belong to a provider. Administrators and commissioners belong to a commissioning body.";

    public static IEnumerable<SelectListItem> Roles { get; } =
        [.. Application.Common.Security.Roles.All.Select(r => new SelectListItem(r, r))];

    /// <summary>The organisations, each labelled with its kind, after an empty "Select an organisation" option.</summary>
    public static IEnumerable<SelectListItem> Organisations(IEnumerable<OrganisationSummary> organisations) =>
        [
            new SelectListItem("Select an organisation", string.Empty),
            .. organisations.Select(o => new SelectListItem($"{o.Name} ({o.Kind.DisplayName().ToLowerInvariant()})", o.Id.ToString())),
        ];

    public static IEnumerable<SelectListItem> Disabled { get; } =
        [new SelectListItem("Disable this account", bool.TrueString)];
}
