using ContractOutcomes.Infrastructure.Pipeline;
using ContractOutcomes.Infrastructure;
using ContractOutcomes.Infrastructure.Identity;
using ContractOutcomes.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ContractOutcomes.Application.Tests;

/// <summary>
/// The real application and infrastructure services over a real SQLite file, migrated and loaded with
/// the demo portfolio from seeds/ exactly as the app does at start-up.
/// </summary>
public sealed class ApplicationFixture : IAsyncLifetime
{
    public const string Commissioner = "priya.shah@example.org";
    public const string Administrator = "sam.whitfield@example.org";
    public const string TrustProvider = "grace.okafor@example.com";
    public const string PrivateProvider = "joanna.price@example.com";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "co-app-tests-" + Guid.NewGuid().ToString("N"));

    public ServiceProvider Services { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "app.db");

    public async Task InitializeAsync()
    {
        var root = RepositoryPaths.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Repository root not found.");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = DatabasePath,
            ["DemoData:Load"] = "true",
            ["DemoData:Path"] = Path.Combine(root, "seeds"),
        }).Build();
        var environment = new TestHostEnvironment(Path.Combine(root, "src", "ContractOutcomes.Web"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAuthentication();
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddApplication();
        services.AddInfrastructure(configuration, environment);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Sends a request through the real mediator pipeline as the given demo user, in a scope of its own.</summary>
    public async Task<T> SendAs<T>(string email, IRequest<T> request)
    {
        await using var scope = Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var user = await provider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await provider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        provider.GetRequiredService<CurrentUser>().RunAs(principal);
        return await provider.GetRequiredService<IMediator>().Send(request);
    }

    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Guid> OrganisationId(string name) =>
        Db(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id.Value).SingleAsync());

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "ContractOutcomes.Web";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

[CollectionDefinition(Name)]
public sealed class ApplicationTestGroup : ICollectionFixture<ApplicationFixture>
{
    public const string Name = "application";
}
