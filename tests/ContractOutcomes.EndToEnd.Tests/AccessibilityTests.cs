using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>
/// An axe-core scan (WCAG 2.0, 2.1 and 2.2, levels A and AA) of every page, each in the states users meet it in:
/// empty, with errors, with a preview or a new token shown, read-only. No serious or critical violation is allowed;
/// moderate and minor findings are written to the test output.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly Dictionary<string, PageState> States = new PageState[]
    {
        // Signing in and out
        new("Sign in", "/Account/SignIn", null, Open("/Account/SignIn", "Sign in")),
        new("Sign in, with errors", "/Account/SignIn", null, Then(Open("/Account/SignIn", "Sign in"), Submit("Sign in"))),
        new("Sign out", "/Account/SignOut", DemoUsers.Commissioner, Open("/Account/SignOut", "Sign out")),
        new("Sign in, after signing out", "/Account/SignIn", DemoUsers.Commissioner, Then(Open("/Account/SignOut", "Sign out"), SignOut)),

        // Home and contracts
        new("Home", "/Index", DemoUsers.Commissioner, Open("/", "ContractOutcomes")),
        new("Contracts", "/Contracts/Index", DemoUsers.Commissioner, Open("/Contracts", "Contracts")),
        new("Contracts, search with no match", "/Contracts/Index", DemoUsers.Commissioner, Then(Open("/Contracts?search=no-such-contract", "Contracts"), Shows("No contracts match your search."))),
        new("Contracts, as a provider", "/Contracts/Index", DemoUsers.TrustProvider, Open("/Contracts", "Contracts")),
        new("Contract, draft", "/Contracts/Details", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract), "Adult drug and alcohol treatment and recovery service")),
        new("Contract, active, with targets by period open", "/Contracts/Details", DemoUsers.Commissioner, Then(Open(Contract(Seeded.TrustContract), "Delivery of children's social care services for Wessex"), OpenFirstDetails)),
        new("Contract, active, as its provider", "/Contracts/Details", DemoUsers.TrustProvider, Open(Contract(Seeded.TrustContract), "Delivery of children's social care services for Wessex")),

        // A contract's terms
        new("Create a contract", "/Contracts/New", DemoUsers.Commissioner, Open("/Contracts/New", "Create a contract")),
        new("Create a contract, with errors", "/Contracts/New", DemoUsers.Commissioner, Then(Open("/Contracts/New", "Create a contract"), Submit("Create draft contract"))),
        new("Change contract terms, draft", "/Contracts/Edit", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract, "/Edit"), "Change contract terms")),
        new("Change contract terms, with errors", "/Contracts/Edit", DemoUsers.Commissioner, Then(Open(Contract(Seeded.DraftContract, "/Edit"), "Change contract terms"), Clear("Title"), Submit("Save changes"))),
        new("Change contract terms, active", "/Contracts/Edit", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Edit"), "Change contract terms")),

        // Indicators, targets and tolerance thresholds
        new("Add an indicator", "/Contracts/Indicators/New", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract, "/Indicators/New"), "Add an outcome indicator")),
        new("Add an indicator, with errors", "/Contracts/Indicators/New", DemoUsers.Commissioner, Then(Open(Contract(Seeded.DraftContract, "/Indicators/New"), "Add an outcome indicator"), Submit("Add indicator"))),
        new("Change an indicator", "/Contracts/Indicators/Edit", DemoUsers.Commissioner, Open(Indicator(Seeded.DraftContract, "Edit"), "Change an outcome indicator")),
        new("Remove an indicator", "/Contracts/Indicators/Remove", DemoUsers.Commissioner, Open(Indicator(Seeded.DraftContract, "Remove"), "Are you sure you want to remove ‘Adults in structured treatment’?")),
        new("Targets", "/Contracts/Indicators/Targets", DemoUsers.Commissioner, Open(Indicator(Seeded.DraftContract, "Targets"), "Targets for Adults in structured treatment")),
        new("Targets, one for every period, with an error", "/Contracts/Indicators/Targets", DemoUsers.Commissioner, Then(
            Open(Indicator(Seeded.DraftContract, "Targets"), "Targets for Adults in structured treatment"),
            Check("The same target for every period"),
            Clear("Target for every period"),
            Submit("Save targets"))),
        new("Targets, one for each period, with an error", "/Contracts/Indicators/Targets", DemoUsers.Commissioner, Then(
            Open(Indicator(Seeded.DraftContract, "Targets"), "Targets for Adults in structured treatment"),
            Check("A target for each period"),
            Clear("Target for 2025-26 Q1"),
            Submit("Save targets"))),
        new("Targets, active contract", "/Contracts/Indicators/Targets", DemoUsers.Commissioner, Open(Indicator(Seeded.TrustContract, "Targets"), "Targets for Re-referrals within 12 months")),
        new("Tolerance thresholds", "/Contracts/Indicators/Tolerance", DemoUsers.Commissioner, Open(Indicator(Seeded.DraftContract, "Tolerance"), "Tolerance thresholds for Adults in structured treatment")),
        new("Tolerance thresholds, with previewed bands", "/Contracts/Indicators/Tolerance", DemoUsers.Commissioner, Then(
            Open(Indicator(Seeded.DraftContract, "Tolerance"), "Tolerance thresholds for Adults in structured treatment"),
            Submit("Preview bands", "These thresholds are not saved yet."))),
        new("Tolerance thresholds, with errors", "/Contracts/Indicators/Tolerance", DemoUsers.Commissioner, Then(
            Open(Indicator(Seeded.DraftContract, "Tolerance"), "Tolerance thresholds for Adults in structured treatment"),
            Clear("Good within"),
            Submit("Preview bands"))),
        new("Tolerance thresholds, active contract", "/Contracts/Indicators/Tolerance", DemoUsers.Commissioner, Open(Indicator(Seeded.TrustContract, "Tolerance"), "Tolerance thresholds for Re-referrals within 12 months")),

        // Activation, variations and ending
        new("Activate, with problems listed", "/Contracts/Activate", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.DraftContract, "/Activate"), "Check the contract before you activate it"),
            Shows("The contract is not ready to activate"))),
        new("Activate, ready, with the KPI duty warning", "/Contracts/Activate", DemoUsers.Commissioner, Then(
            OpenReadyDraft("/Activate", "Check the contract before you activate it"),
            Shows("I confirm fewer than 3 KPIs is appropriate for this contract"))),
        new("Activate, KPI confirmation missing", "/Contracts/Activate", DemoUsers.Commissioner, Then(
            OpenReadyDraft("/Activate", "Check the contract before you activate it"),
            Submit("Activate contract"))),
        new("Record a variation", "/Contracts/Variations/New", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Variations/New"), "Record a variation")),
        new("Record a variation, with errors", "/Contracts/Variations/New", DemoUsers.Commissioner, Then(Open(Contract(Seeded.TrustContract, "/Variations/New"), "Record a variation"), Submit("Record variation"))),
        new("End the contract", "/Contracts/End", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/End"), "End the contract")),
        new("End the contract, with errors", "/Contracts/End", DemoUsers.Commissioner, Then(Open(Contract(Seeded.TrustContract, "/End"), "End the contract"), Submit("End contract"))),

        // Access tokens
        new("Access tokens", "/Account/Tokens", DemoUsers.Commissioner, Open("/Account/Tokens", "Access tokens")),
        new("Access tokens, with errors", "/Account/Tokens", DemoUsers.Commissioner, Then(Open("/Account/Tokens", "Access tokens"), Submit("Create token"))),
        new("Access tokens, new token shown", "/Account/Tokens", DemoUsers.SecondCommissioner, Then(
            Open("/Account/Tokens", "Access tokens"),
            Fill("Name", "Case management export"),
            Check("90 days"),
            Submit("Create token", "Copy this token now. You will not be able to see it again."))),

        // Administration
        new("Organisations", "/Admin/Organisations/Index", DemoUsers.Administrator, Open("/Admin/Organisations", "Organisations")),
        new("Add an organisation", "/Admin/Organisations/New", DemoUsers.Administrator, Open("/Admin/Organisations/New", "Add an organisation")),
        new("Add an organisation, with errors", "/Admin/Organisations/New", DemoUsers.Administrator, Then(Open("/Admin/Organisations/New", "Add an organisation"), Submit("Add organisation"))),
        new("Change an organisation, provider", "/Admin/Organisations/Edit", DemoUsers.Administrator, Open(Organisation(Seeded.CharityProvider), $"Change {Seeded.CharityProvider}")),
        new("Change an organisation, commissioning body", "/Admin/Organisations/Edit", DemoUsers.Administrator, Open(Organisation(Seeded.Council), $"Change {Seeded.Council}")),
        new("Users", "/Admin/Users/Index", DemoUsers.Administrator, Open("/Admin/Users", "Users")),
        new("Add a user", "/Admin/Users/New", DemoUsers.Administrator, Open("/Admin/Users/New", "Add a user")),
        new("Add a user, with errors", "/Admin/Users/New", DemoUsers.Administrator, Then(Open("/Admin/Users/New", "Add a user"), Submit("Add user"))),
        new("Change a user", "/Admin/Users/Edit", DemoUsers.Administrator, Open(User(DemoUsers.Commissioner), $"Change {DemoUsers.Commissioner.DisplayName}")),

        // Error pages
        new("Page not found (404)", "/Error/Index", DemoUsers.Commissioner, Open(_ => Task.FromResult($"/Contracts/{Guid.NewGuid()}"), "Page not found")),
        new("No permission (403)", "/Error/Index", DemoUsers.Commissioner, Open("/Admin/Users", "You do not have permission to view this page")),
        new("Service problem (500)", "/Error/Index", null, Open("/Error/500", "Sorry, there is a problem with the service")),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static TheoryData<string> PageStates => new(States.Keys);

    [BrowserTheory]
    [MemberData(nameof(PageStates))]
    public async Task Page_InStateUsersMeet_HasNoSeriousOrCriticalViolations(string state)
    {
        // Arrange
        var pageState = States[state];
        var page = pageState.User is null ? await fixture.NewPage() : await fixture.SignedInBlankPage(pageState.User);
        await using var context = page.Context;
        await pageState.Arrange(fixture, page);

        // Act
        var result = await page.RunWcag();

        // Assert
        if (result.Violations.Count > 0)
        {
            output.WriteLine($"axe-core {result.AxeVersion} findings for '{state}' ({result.Url}):");
            output.WriteLine(AxeScan.Describe(result.Violations));
        }

        Assert.True(
            result.Failing.Count == 0,
            $"'{state}' ({result.Url}) has {result.Failing.Count} serious or critical accessibility violation(s):{Environment.NewLine}{AxeScan.Describe(result.Failing)}");
    }

    [BrowserFact]
    public async Task RunWcag_PageWithUnlabelledImageAndField_ReportsThemAsCriticalWithTargets()
    {
        // Arrange: a page with two deliberate faults, to prove the scan and its message catch real problems.
        var page = await fixture.NewPage();
        await using var context = page.Context;
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Faulty</title></head>
            <body><main><h1>Faulty</h1><img id="chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input id="amount" type="text"></main></body></html>
            """);

        // Act
        var result = await page.RunWcag();
        var message = AxeScan.Describe(result.Failing);

        // Assert
        Assert.Contains(result.Failing, v => v is { Id: "image-alt", Impact: "critical" } && v.Targets.Contains("#chart"));
        Assert.Contains(result.Failing, v => v is { Id: "label", Impact: "critical" } && v.Targets.Contains("#amount"));
        Assert.Contains("image-alt (critical): Images must have alternative text", message, StringComparison.Ordinal);
        Assert.Contains("    at #amount", message, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void PageStates_AllRazorPagesOfTheApp_AreEachScannedAtLeastOnce()
    {
        // Arrange: every Razor page the app serves, as its path ("/Contracts/Edit").
        var pages = fixture.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Select(p => p.ViewEnginePath)
            .ToHashSet(StringComparer.Ordinal);

        // Act
        var scanned = States.Values.Select(s => s.Page).ToHashSet(StringComparer.Ordinal);

        // Assert: a new page fails this until a state above scans it.
        Assert.Equal(pages.Order(StringComparer.Ordinal), scanned.Order(StringComparer.Ordinal));
    }

    // Building blocks for the states. Each step ends by waiting for what it leads to, so the scan sees the finished page.
    private static Func<BrowserFixture, Task<string>> Contract(string reference, string suffix = "") =>
        async fixture => $"/Contracts/{await fixture.ContractId(reference)}{suffix}";

    private static Func<BrowserFixture, Task<string>> Indicator(string reference, string page) =>
        async fixture =>
        {
            var (contractId, indicatorId) = await fixture.FirstIndicator(reference);
            return $"/Contracts/{contractId}/Indicators/{indicatorId}/{page}";
        };

    private static Func<BrowserFixture, Task<string>> Organisation(string name) =>
        async fixture => $"/Admin/Organisations/{await fixture.OrganisationId(name)}/Edit";

    private static Func<BrowserFixture, Task<string>> User(DemoUser user) =>
        async fixture => $"/Admin/Users/{await fixture.UserId(user)}/Edit";

    private static Step Open(string path, string heading) => Open(_ => Task.FromResult(path), heading);

    private static Step Open(Func<BrowserFixture, Task<string>> path, string heading) =>
        async (fixture, page) =>
        {
            await page.GotoAsync(await path(fixture));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true })).ToBeVisibleAsync();
        };

    private static Step OpenReadyDraft(string suffix, string heading) =>
        Open(async fixture => $"/Contracts/{(await TestContracts.ReadyDraft(fixture)).ContractId}{suffix}", heading);

    private static Step Then(params Step[] steps) =>
        async (fixture, page) =>
        {
            foreach (var step in steps)
            {
                await step(fixture, page);
            }
        };

    /// <summary>Presses a button that posts the form back with errors; waits for the error summary.</summary>
    private static Step Submit(string button) =>
        async (_, page) =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        };

    /// <summary>Presses a button that succeeds; waits for the text it leads to.</summary>
    private static Step Submit(string button, string shows) =>
        Then(async (_, page) => await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(), Shows(shows));

    private static Step Shows(string text) =>
        async (_, page) => await Expect(page.GetByText(text).First).ToBeVisibleAsync();

    private static Step Fill(string label, string value) =>
        async (_, page) => await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    private static Step Clear(string label) => Fill(label, string.Empty);

    private static Step Check(string label) =>
        async (_, page) => await page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    private static async Task OpenFirstDetails(BrowserFixture fixture, IPage page)
    {
        var first = page.Locator("details").First;
        await first.Locator("summary").ClickAsync();
        await Expect(first).ToHaveAttributeAsync("open", string.Empty);
    }

    private static async Task SignOut(BrowserFixture fixture, IPage page)
    {
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("You have signed out")).ToBeVisibleAsync();
    }

    private delegate Task Step(BrowserFixture fixture, IPage page);

    /// <param name="Name">What the user sees, for the test name.</param>
    /// <param name="Page">The Razor page it is ("/Contracts/Edit"), to check every page is scanned.</param>
    /// <param name="User">Who is signed in; null for nobody.</param>
    /// <param name="Arrange">How to get the page into the state.</param>
    private sealed record PageState(string Name, string Page, DemoUser? User, Step Arrange);
}
