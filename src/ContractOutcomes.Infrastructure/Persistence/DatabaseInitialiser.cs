using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContractOutcomes.Infrastructure.Persistence;

/// <summary>
/// Brings the database up to date at start-up: creates the file's folder, applies the hand-written
/// migrations, makes sure the roles exist and, on an empty embedded database with demo data switched
/// on, loads the demo portfolio.
/// </summary>
public sealed partial class DatabaseInitialiser(
    AppDbContext db,
    DatabaseSettings settings,
    RoleManager<IdentityRole> roles,
    DemoDataLoader demoData,
    IOptions<DemoDataOptions> demoOptions,
    ILogger<DatabaseInitialiser> logger)
{
    public async Task<DatabaseState> InitialiseAsync(CancellationToken cancellationToken)
    {
        if (settings.FilePath is { } file && Path.GetDirectoryName(file) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }

        var isEmpty = !await db.Users.AnyAsync(cancellationToken).ConfigureAwait(false)
            && !await db.Organisations.AnyAsync(cancellationToken).ConfigureAwait(false);
        if (isEmpty && demoOptions.Value.Load)
        {
            var loaded = await demoData.LoadAsync(cancellationToken).ConfigureAwait(false);
            DemoLoaded(logger, loaded.Organisations, loaded.Users, loaded.Contracts);
            return new DatabaseState(HasUsers: true, DemoDataLoaded: true);
        }

        return new DatabaseState(HasUsers: !isEmpty || await db.Users.AnyAsync(cancellationToken).ConfigureAwait(false), DemoDataLoaded: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded demo data: {Organisations} organisations, {Users} users, {Contracts} contracts")]
    private static partial void DemoLoaded(ILogger logger, int organisations, int users, int contracts);
}

public sealed record DatabaseState(bool HasUsers, bool DemoDataLoaded);
