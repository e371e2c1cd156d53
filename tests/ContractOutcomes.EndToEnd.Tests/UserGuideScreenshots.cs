using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>
/// Takes the screenshots in docs/images/ for docs/user-guide.md. Does nothing (and passes) unless CO_SCREENSHOTS=1:
/// <code>CO_SCREENSHOTS=1 dotnet test tests/ContractOutcomes.EndToEnd.Tests --filter FullyQualifiedName~UserGuideScreenshots</code>
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class UserGuideScreenshots(BrowserFixture fixture)
{
    private static readonly BrowserNewContextOptions Window = new() { ViewportSize = new ViewportSize { Width = 1000, Height = 760 } };

    [Fact]
    public async Task Capture_WhenAskedFor_WritesTheUserGuideScreenshots()
    {
        if (Environment.GetEnvironmentVariable("CO_SCREENSHOTS") != "1")
        {
            return;
        }

        // Arrange
        var folder = Path.Combine(RepositoryRoot(), "docs", "images");
        Directory.CreateDirectory(folder);
        var draft = await TestContracts.ReadyDraft(fixture, withTolerance: false, reference: "WCC-YPH-2026-008");
        var commissioner = await fixture.SignedInPage(DemoUsers.Commissioner, Window);
        await using var commissionerContext = commissioner.Context;

        // Act: one picture per part of the guide.
        await commissioner.GotoAsync("/Contracts");
        await Heading(commissioner, "Contracts");
        await Save(commissioner, folder, "contracts-list.png");

        await commissioner.GotoAsync("/Contracts/New");
        await Heading(commissioner, "Create a contract");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Create draft contract" }).ClickAsync();
        await Expect(commissioner.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        await commissioner.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Save(commissioner, folder, "create-contract-errors.png");

        await commissioner.GotoAsync($"/Contracts/{draft.ContractId}/Indicators/{draft.IndicatorId}/Targets");
        await Heading(commissioner, "Targets for Young people who sustain their tenancy");
        await commissioner.GetByLabel("A target for each period", new() { Exact = true }).CheckAsync();
        await ScrollTo(commissioner, commissioner.GetByRole(AriaRole.Group, new() { Name = "How do you want to set the targets?" }));
        await Save(commissioner, folder, "targets.png");

        await commissioner.GotoAsync($"/Contracts/{draft.ContractId}/Indicators/{draft.IndicatorId}/Tolerance");
        await Heading(commissioner, "Tolerance thresholds for Young people who sustain their tenancy");
        await commissioner.GetByLabel("Absolute").CheckAsync();
        await commissioner.GetByLabel("Good within", new() { Exact = true }).FillAsync("2");
        await commissioner.GetByLabel("Approaching target within", new() { Exact = true }).FillAsync("5");
        await commissioner.GetByLabel("Requires improvement within", new() { Exact = true }).FillAsync("10");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Preview bands" }).ClickAsync();
        var preview = commissioner.GetByRole(AriaRole.Table, new() { Name = "Preview: ratings at the first target" });
        await Expect(preview).ToBeVisibleAsync();
        await SaveRegion(commissioner, folder, "tolerance-preview.png", commissioner.GetByText("Each period's result is rated"), commissioner.GetByLabel("Good within", new() { Exact = true }));

        // Save the previewed thresholds, then activate.
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Save thresholds" }).ClickAsync();
        await Expect(commissioner.GetByText("Tolerance thresholds saved")).ToBeVisibleAsync();

        await commissioner.GotoAsync($"/Contracts/{draft.ContractId}/Activate");
        await Heading(commissioner, "Check the contract before you activate it");
        await SaveRegion(
            commissioner,
            folder,
            "activate-kpi-warning.png",
            commissioner.GetByRole(AriaRole.Heading, new() { Name = "Outcome indicators" }),
            commissioner.GetByRole(AriaRole.Button, new() { Name = "Activate contract" }));

        await commissioner.GetByLabel("I confirm fewer than 3 KPIs is appropriate for this contract").CheckAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Activate contract" }).ClickAsync();
        await Expect(commissioner.GetByText("Contract activated.")).ToBeVisibleAsync();
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Record a variation" }).ClickAsync();
        await Heading(commissioner, "Record a variation");
        await commissioner.GetByRole(AriaRole.Group, new() { Name = "What does the variation change?" }).GetByLabel("A target", new() { Exact = true }).CheckAsync();
        await commissioner.GetByLabel("Takes effect from", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "2026-27 Q3" });
        await commissioner.GetByLabel("Reason for the variation", new() { Exact = true }).FillAsync("Agreed at the September performance review: the new tenancy sustainment team starts in October.");
        await commissioner.GetByLabel("Indicator whose target changes", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await commissioner.GetByLabel("New target", new() { Exact = true }).FillAsync("84");
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Record variation" }).ClickAsync();
        await Expect(commissioner.GetByText("Variation 1 recorded")).ToBeVisibleAsync();
        await ScrollTo(commissioner, commissioner.GetByRole(AriaRole.Heading, new() { Name = "Variations" }));
        await Save(commissioner, folder, "variations-and-history.png");

        var tokens = await fixture.SignedInPage(DemoUsers.SecondCommissioner, Window);
        await using var tokensContext = tokens.Context;
        await tokens.GotoAsync("/Account/Tokens");
        await tokens.GetByLabel("Name", new() { Exact = true }).FillAsync("Case management export");
        await tokens.GetByLabel("90 days", new() { Exact = true }).CheckAsync();
        await tokens.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Expect(tokens.GetByText("Copy this token now.")).ToBeVisibleAsync();
        await Save(tokens, folder, "access-token-created.png");

        var administrator = await fixture.SignedInPage(DemoUsers.Administrator, Window);
        await using var administratorContext = administrator.Context;
        await administrator.GotoAsync("/Admin/Users");
        await Heading(administrator, "Users");
        await Save(administrator, folder, "admin-users.png");

        // Assert
        foreach (var file in Directory.GetFiles(folder, "*.png"))
        {
            Assert.InRange(new FileInfo(file).Length, 1, 150 * 1024);
        }
    }

    private static async Task Heading(IPage page, string name) =>
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true })).ToBeVisibleAsync();

    /// <summary>Scrolls so the element sits near the top of the window, with a little of what is above it.</summary>
    private static async Task ScrollTo(IPage page, ILocator element) =>
        await element.EvaluateAsync("e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 40)");

    /// <summary>Saves the part of the page from the top of one element to the bottom of another, the full width of the window.</summary>
    private static async Task SaveRegion(IPage page, string folder, string name, ILocator from, ILocator to)
    {
        var top = await from.BoundingBoxAsync() ?? throw new InvalidOperationException($"{from} is not on the page.");
        var bottom = await to.BoundingBoxAsync() ?? throw new InvalidOperationException($"{to} is not on the page.");
        var scrollY = await page.EvaluateAsync<float>("() => window.scrollY");
        var y = top.Y + scrollY - 30;
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, name),
            FullPage = true,
            Clip = new Clip { X = 0, Y = y, Width = page.ViewportSize!.Width, Height = bottom.Y + scrollY + bottom.Height + 30 - y },
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
        });
    }

    private static async Task Save(IPage page, string folder, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), Animations = ScreenshotAnimations.Disabled, Caret = ScreenshotCaret.Hide });

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ContractOutcomes.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("ContractOutcomes.sln not found above " + AppContext.BaseDirectory);
    }
}
