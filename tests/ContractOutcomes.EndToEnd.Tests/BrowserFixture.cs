using ContractOutcomes.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>
/// The app on a real Kestrel port over a real SQLite file with the demo data, driven by Debian's
/// Chromium through Playwright.
/// </summary>
#pragma warning disable CA1001 // disposed in DisposeAsync, which xunit calls
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("co-e2e-").FullName;
    private AppFactory? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        if (!BrowserFactAttribute.ChromiumAvailable)
        {
            // Outside CI the tests are skipped (see BrowserFactAttribute); in CI this fails them loudly.
            if (BrowserFactAttribute.InCi)
            {
                throw new InvalidOperationException($"Chromium is required in CI but {BrowserFactAttribute.ChromiumPath} is missing: apt-get install chromium.");
            }

            return;
        }

        _factory = new AppFactory(Path.Combine(_folder, "e2e.db"));
        _factory.UseKestrel(0);
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A fresh browser context signed in as the given demo user.</summary>
    public async Task<IPage> SignedInPage(string email, string password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        return page;
    }

#pragma warning restore CA1001

    private sealed class AppFactory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Path", databasePath);
            builder.UseSetting("DemoData:Load", "true");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// A test that needs Chromium: skipped with a message when Chromium is missing on a developer's machine,
/// but run (and so failed) when CI=true, where a missing browser is a broken build.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!ChromiumAvailable && !InCi)
        {
            Skip = $"Chromium not found at {ChromiumPath}: install it with 'apt-get install chromium' to run the browser tests.";
        }
    }

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
