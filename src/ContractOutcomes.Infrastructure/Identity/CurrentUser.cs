using System.Security.Claims;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace ContractOutcomes.Infrastructure.Identity;

/// <summary>
/// The current user from the request's claims, or from a principal set explicitly for work that
/// runs outside a request (loading demo data, command-line verbs, scheduled jobs).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    private ClaimsPrincipal? _explicit;

    private ClaimsPrincipal? Principal => _explicit ?? httpContextAccessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public string Name => Principal?.FindFirstValue(AppClaimTypes.DisplayName) ?? Principal?.Identity?.Name ?? string.Empty;

    public OrganisationId? OrganisationId =>
        Guid.TryParse(Principal?.FindFirstValue(AppClaimTypes.OrganisationId), out var id) ? new OrganisationId(id) : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    /// <summary>Acts as the given principal for the rest of this scope.</summary>
    public void RunAs(ClaimsPrincipal principal) => _explicit = principal;
}
