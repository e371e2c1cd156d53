using System.Security.Cryptography;
using System.Text;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Infrastructure.Identity;

/// <summary>
/// Personal access tokens: 32 random bytes behind a recognisable prefix. Only the SHA-256 hash is
/// stored, so a copy of the database does not give anyone API access; a fast hash is enough because
/// the secret is random, not chosen by a person.
/// </summary>
public sealed class AccessTokenStore(AppDbContext db, TimeProvider clock) : IAccessTokens
{
    public const string TokenPrefix = "co_pat_";

    public Task<NewAccessToken> CreateAsync(string userId, string name, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var secret = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var token = new AccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            Prefix = secret[..(TokenPrefix.Length + 4)],
            TokenHash = Hash(secret),
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.AccessTokens.Add(token);
        return Task.FromResult(new NewAccessToken(token.Id, token.Name, secret, token.ExpiresAt));
    }

    public async Task<IReadOnlyList<AccessTokenSummary>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new AccessTokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))];
    }

    public async Task<bool> RevokeAsync(string userId, Guid tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= now;
        return true;
    }

    /// <summary>The owner of a live token, or null when the token is unknown, expired, revoked or its owner disabled.</summary>
    public async Task<AppUser?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presented) || !presented.StartsWith(TokenPrefix, StringComparison.Ordinal) || presented.Length > 200)
        {
            return null;
        }

        var hash = Hash(presented);
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return null;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, cancellationToken).ConfigureAwait(false);
        if (user is null || user.IsDisabled)
        {
            return null;
        }

        // Recorded at most once a minute so busy API clients do not write on every call.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return user;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
