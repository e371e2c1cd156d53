using ContractOutcomes.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace ContractOutcomes.Infrastructure.Identity;

/// <summary>A person who signs in. Every user belongs to exactly one organisation and has one role.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public OrganisationId OrganisationId { get; set; }

    /// <summary>A disabled account cannot sign in or use its tokens; it is kept for the audit trail.</summary>
    public bool IsDisabled { get; set; }
}

/// <summary>A personal access token for the API. Only the SHA-256 hash of the secret is stored.</summary>
public sealed class AccessToken
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The first characters of the token, shown so a user can tell tokens apart.</summary>
    public string Prefix { get; set; } = string.Empty;

    public string TokenHash { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }
}

public static class AppClaimTypes
{
    public const string OrganisationId = "co:organisation_id";
    public const string DisplayName = "co:display_name";
}
