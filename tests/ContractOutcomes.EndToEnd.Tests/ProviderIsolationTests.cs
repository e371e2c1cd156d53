using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>A provider sees its own organisation's contracts and nothing of another provider's, in a real browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProviderIsolationTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task ContractsList_TrustProvider_ShowsOwnContractButNotAnotherProviders()
    {
        var page = await fixture.SignedInPage(DemoUsers.TrustProvider);
        await using var context = page.Context;

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Contracts" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contracts", Level = 1 })).ToBeVisibleAsync();
        var contracts = page.GetByRole(AriaRole.Table);
        await Expect(contracts.GetByRole(AriaRole.Link, new() { Name = Seeded.TrustContract })).ToBeVisibleAsync();
        await Expect(page.GetByText(Seeded.PrivateProviderContract)).ToHaveCountAsync(0);
        await Expect(page.GetByText("Halden Home Care Ltd")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task ContractDetails_AnotherProvidersContract_ShowsNotFoundPage()
    {
        var otherId = await fixture.ContractId(Seeded.PrivateProviderContract);
        var page = await fixture.SignedInPage(DemoUsers.TrustProvider);
        await using var context = page.Context;

        var response = await page.GotoAsync($"/Contracts/{otherId}");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Page not found – ContractOutcomes");
        await Expect(page.GetByText(Seeded.PrivateProviderContract)).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task NewContract_Provider_ShowsForbiddenPage()
    {
        var page = await fixture.SignedInPage(DemoUsers.TrustProvider);
        await using var context = page.Context;

        var response = await page.GotoAsync("/Contracts/New");

        Assert.NotNull(response);
        Assert.Equal(403, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You do not have permission to view this page", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Reference" })).ToHaveCountAsync(0);
    }
}
