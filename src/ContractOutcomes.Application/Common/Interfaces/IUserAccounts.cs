using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Application.Common.Interfaces;

public sealed record UserSummary(
    string Id, string Email, string DisplayName, string Role, Guid OrganisationId, string OrganisationName, bool IsDisabled, bool IsLockedOut);

public sealed record NewUserAccount(string Email, string DisplayName, string Role, OrganisationId OrganisationId, string Password);

/// <summary>
/// User accounts live in the identity store, not in the domain model. Errors from the store (a weak
/// password, an email already in use) come back as input validation errors on the matching field.
/// </summary>
public interface IUserAccounts
{
    Task<string> CreateAsync(NewUserAccount account, CancellationToken cancellationToken);

    Task UpdateAsync(string userId, string displayName, string role, OrganisationId organisationId, bool isDisabled, CancellationToken cancellationToken);

    Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken);

    Task<UserSummary?> FindAsync(string userId, CancellationToken cancellationToken);

    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>The ids of the enabled users of an organisation who hold the role.</summary>
    Task<IReadOnlyList<string>> UserIdsAsync(OrganisationId organisationId, string role, CancellationToken cancellationToken);
}

public sealed record AccessTokenSummary(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public sealed record NewAccessToken(Guid Id, string Name, string Token, DateTimeOffset ExpiresAt);

/// <summary>Personal access tokens for the API. Only a hash is stored; the token is shown once, when created.</summary>
public interface IAccessTokens
{
    Task<NewAccessToken> CreateAsync(string userId, string name, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccessTokenSummary>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>False when the user has no such token.</summary>
    Task<bool> RevokeAsync(string userId, Guid tokenId, DateTimeOffset now, CancellationToken cancellationToken);
}
