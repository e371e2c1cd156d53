using System.Text.RegularExpressions;
using ContractOutcomes.Infrastructure.Identity;
using ContractOutcomes.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
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
public sealed partial class BrowserFixture : IAsyncLifetime
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
    public Task<IPage> SignedInPage(DemoUser user, BrowserNewContextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SignedInPage(user.Email, user.Password, options);
    }

    /// <summary>A fresh browser context signed in as the given user. Dispose the page's context when done.</summary>
    public async Task<IPage> SignedInPage(string email, string password, BrowserNewContextOptions? options = null)
    {
        var page = await NewPage(options);
        await page.GotoAsync("/Account/SignIn");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// A fresh browser context signed in as the user by posting the sign-in form from the test, with the context's
    /// own cookies, so no page is loaded: about a second quicker than <see cref="SignedInPage(DemoUser, BrowserNewContextOptions?)"/>,
    /// for tests about other pages. The page is blank; go where the test needs.
    /// </summary>
    public async Task<IPage> SignedInBlankPage(DemoUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var page = await NewPage();
        var request = page.Context.APIRequest;
        var signInPage = await request.GetAsync("/Account/SignIn");
        var token = AntiforgeryField().Match(await signInPage.TextAsync());
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        var form = request.CreateFormData();
        form.Set("__RequestVerificationToken", token.Groups["token"].Value);
        form.Set("Input.Email", user.Email);
        form.Set("Input.Password", user.Password);
        var response = await request.PostAsync("/Account/SignIn", new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
        if (response.Status != 302 || response.Headers.GetValueOrDefault("location") != "/")
        {
            throw new InvalidOperationException($"Signing in as {user.Email} failed: {response.Status} {response.Headers.GetValueOrDefault("location")}.");
        }

        return page;
    }

    /// <summary>A fresh browser context, not signed in, whose relative addresses go to the app. Dispose the page's context when done.</summary>
    public async Task<IPage> NewPage(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions(options ?? new()) { BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    /// <summary>Reads the app's database directly, for example to find the id of a seeded contract.</summary>
    public async Task<T> Db<T>(Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Sends a request through the app's own mediator pipeline as a demo user, as a web request would.</summary>
    public async Task<T> SendAs<T>(DemoUser user, IRequest<T> request)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var scope = Services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var account = await provider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(user.Email)
            ?? throw new InvalidOperationException($"The demo user {user.Email} does not exist.");
        provider.GetRequiredService<CurrentUser>().RunAs(await provider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(account));
        return await provider.GetRequiredService<IMediator>().Send(request);
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="(?<token>[^"]+)""")]
    private static partial Regex AntiforgeryField();

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
/// A theory that needs Chromium: skipped with a message when Chromium is missing on a developer's machine, but
/// run (and so failed) when CI=true. See <see cref="BrowserFactAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!BrowserFactAttribute.ChromiumAvailable && !BrowserFactAttribute.InCi)
        {
            Skip = BrowserFactAttribute.SkipMessage;
        }
    }
}

/// <summary>
/// A test that needs Chromium: skipped with a message when Chromium is missing on a developer's machine,
/// but run (and so failed) when CI=true, where a missing browser is a broken build.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Debian's Chromium, or the browser named by CO_CHROMIUM_PATH (also a way to check the CI behaviour).</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CO_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!ChromiumAvailable && !InCi)
        {
            Skip = SkipMessage;
        }
    }

    public static string SkipMessage => $"Chromium not found at {ChromiumPath}: install it with 'apt-get install chromium' to run the browser tests.";

    public static bool ChromiumAvailable => File.Exists(ChromiumPath);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
