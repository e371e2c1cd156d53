using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Infrastructure.Identity;

internal sealed class UserAccounts(UserManager<AppUser> users, AppDbContext db, TimeProvider clock) : IUserAccounts
{
    public async Task<string> CreateAsync(NewUserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var user = new AppUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            OrganisationId = account.OrganisationId,
            LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, account.Password).ConfigureAwait(false));
        Check(await users.AddToRoleAsync(user, account.Role).ConfigureAwait(false));
        return user.Id;
    }

    public async Task UpdateAsync(string userId, string displayName, string role, OrganisationId organisationId, bool isDisabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(userId).ConfigureAwait(false) ?? throw new NotFoundException("The user");
        var wasDisabled = user.IsDisabled;
        user.DisplayName = displayName;
        user.OrganisationId = organisationId;
        user.IsDisabled = isDisabled;
        Check(await users.UpdateAsync(user).ConfigureAwait(false));
        var roles = await users.GetRolesAsync(user).ConfigureAwait(false);
        if (!roles.SequenceEqual([role]))
        {
            Check(await users.RemoveFromRolesAsync(user, roles).ConfigureAwait(false));
            Check(await users.AddToRoleAsync(user, role).ConfigureAwait(false));
        }

        if (isDisabled != wasDisabled || roles.Count != 1 || roles[0] != role)
        {
            // Signs the user out everywhere: their cookie's role or access no longer holds.
            Check(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
        }
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken) =>
        await LoadAsync(null, cancellationToken).ConfigureAwait(false);

    public async Task<UserSummary?> FindAsync(string userId, CancellationToken cancellationToken) =>
        await LoadAsync(userId, cancellationToken).ConfigureAwait(false) is [var user, ..] ? user : null;

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> UserIdsAsync(OrganisationId organisationId, string role, CancellationToken cancellationToken) =>
        await (
            from u in db.Users.AsNoTracking()
            where u.OrganisationId == organisationId && !u.IsDisabled
            where (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).Contains(role)
            select u.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

    private async Task<IReadOnlyList<UserSummary>> LoadAsync(string? userId, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (userId is not null)
        {
            users = users.Where(u => u.Id == userId);
        }

        var rows = await (
            from u in users
            join o in db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id
            let role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault()
            orderby u.DisplayName
            select new { User = u, OrganisationName = o.Name, Role = role }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        return [.. rows.Select(x => new UserSummary(
            x.User.Id, x.User.Email ?? string.Empty, x.User.DisplayName, x.Role ?? string.Empty, x.User.OrganisationId.Value, x.OrganisationName,
            x.User.IsDisabled, x.User.LockoutEnd is { } end && end > now))];
    }

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var errors = result.Errors
            .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password"
                : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "Email"
                : string.Empty)
            .ToDictionary(g => g.Key, g => g.Select(Describe).Distinct().ToArray(), StringComparer.Ordinal);
        throw new InputValidationException(errors);
    }

    private static string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" or "DuplicateEmail" => "There is already a user with this email address",
        "PasswordTooShort" => "Password must be 12 characters or more",
        "PasswordRequiresUniqueChars" => "Password must use more different characters",
        "InvalidEmail" or "InvalidUserName" => "Enter an email address in the correct format, like name@example.org",
        _ => error.Description,
    };
}
