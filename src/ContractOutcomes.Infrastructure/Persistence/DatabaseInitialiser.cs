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
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while a request writes, and makes each commit cheaper.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
            }
        }

        var hasUsers = await db.Users.AnyAsync(cancellationToken).ConfigureAwait(false);
        var isEmpty = !hasUsers && !await db.Organisations.AnyAsync(cancellationToken).ConfigureAwait(false);
        if (isEmpty && demoOptions.Value.Load)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var loaded = await demoData.LoadAsync(cancellationToken).ConfigureAwait(false);
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
            DemoLoaded(logger, loaded.Organisations, loaded.Users, loaded.Contracts, loaded.Returns, seconds);
            return new DatabaseState(HasUsers: true, DemoDataLoaded: true);
        }

        return new DatabaseState(hasUsers, DemoDataLoaded: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded demo data: {Organisations} organisations, {Users} users, {Contracts} contracts, {Returns} returns in {Seconds:0.0} s")]
    private static partial void DemoLoaded(ILogger logger, int organisations, int users, int contracts, int returns, double seconds);
}

public sealed record DatabaseState(bool HasUsers, bool DemoDataLoaded);
