using ContractOutcomes.Infrastructure.Identity;
using ContractOutcomes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ContractOutcomes.Web.Tests;

/// <summary>The whole app on a real SQLite file loaded with the demo portfolio, shared by the web tests.</summary>
public sealed class WebAppFactory : WebApplicationFactory<Program>
{
    public const string Commissioner = "priya.shah@example.org";
    public const string CommissionerPassword = "demo-commissioner-2026";
    public const string Administrator = "sam.whitfield@example.org";
    public const string AdministratorPassword = "demo-administrator-2026";
    public const string TrustProvider = "grace.okafor@example.com";
    public const string PrivateProvider = "joanna.price@example.com";
    public const string ProviderPassword = "demo-provider-2026";

    private readonly string _folder = Directory.CreateTempSubdirectory("co-web-tests-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", Path.Combine(_folder, "web.db"));
        builder.UseSetting("DemoData:Load", "true");
    }

    /// <summary>Creates a personal access token for a demo user, as the Access tokens page would.</summary>
    public async Task<string> TokenFor(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException(email);
        var created = await scope.ServiceProvider.GetRequiredService<AccessTokenStore>().CreateAsync(user.Id, "tests", DateTimeOffset.UtcNow.AddDays(1), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        return created.Token;
    }

    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class WebTestGroup : ICollectionFixture<WebAppFactory>
{
    public const string Name = "web";
}
