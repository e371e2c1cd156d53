using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Portfolio;

/// <summary>
/// The portfolio dashboard page and the header link to it. Read only. Other tests in the shared demo database
/// add contracts, move returns on and change some escalation stages, so these assert on the contracts and
/// facts nobody else changes (Halden's formal notice, who sees what, what a filter lets through).
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class PortfolioPageTests(WebAppFactory app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string Halden = "WCC-ASC-2023-004";
    private const string Recovery = "WCC-SMR-2025-007";

    private static readonly string[] ActiveReferences =
        [Trust, "WCC-CLS-2023-002", "WCC-FHS-2025-003", Halden, "WCC-SBD-2024-005", "WCC-ADV-2025-006"];

    private static IReadOnlyList<IElement> Rows(IHtmlDocument document)
    {
        var table = document.QuerySelector("table#contracts");
        Assert.NotNull(table);
        return [.. table.QuerySelectorAll("tbody tr")];
    }

    private static IElement RowOf(IHtmlDocument document, string reference) =>
        Assert.Single(Rows(document), r => r.GetAttribute("data-reference") == reference);

    private static string Cell(IElement row, int column) => row.Children[column].TextContent;

    private Task<Guid> OrganisationId(string name) =>
        app.Db(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id.Value).SingleAsync());

    [Fact]
    public async Task Portfolio_Commissioner_ListsEveryDemoContractWithTheDraftMarked()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (response, document) = await client.Get("/Portfolio");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Portfolio", document.QuerySelector("main h1")!.TextContent.Trim());
        var caption = document.QuerySelector("table#contracts caption");
        Assert.NotNull(caption);
        Assert.Contains("contracts", caption.TextContent, StringComparison.Ordinal);
        Assert.All(ActiveReferences, reference => RowOf(document, reference));
        var draft = RowOf(document, Recovery);
        Assert.Contains("Draft", draft.TextContent, StringComparison.Ordinal);
        Assert.Contains("no figures", draft.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("table#by-stage caption"));
        Assert.NotNull(document.QuerySelector("table#by-organisation-type caption"));
        Assert.Contains("Private company", document.QuerySelector("table#by-organisation-type")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portfolio_Commissioner_ShowsHaldenAtFormalNoticeFailedToImprove()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var haldenId = await app.Db(db => db.Contracts.Where(c => c.Reference == Halden).Select(c => c.Id.Value).SingleAsync());

        var (_, document) = await client.Get("/Portfolio");

        var row = RowOf(document, Halden);
        var link = row.QuerySelector("th a");
        Assert.NotNull(link);
        Assert.StartsWith($"/Contracts/{haldenId}/Performance/", link.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Halden Home Care Ltd", Cell(row, 1).Trim());
        Assert.Equal("Private company", Cell(row, 2).Trim());
        var stage = row.Children[7];
        Assert.Equal("Formal performance notice", stage.QuerySelector(".govuk-tag")!.TextContent.Trim());
        Assert.Contains("Failed to improve", stage.TextContent, StringComparison.Ordinal);
        Assert.Contains("14 December 2026", stage.TextContent, StringComparison.Ordinal);
        Assert.Contains("How this was worked out", Cell(row, 9), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portfolio_Provider_SeesOnlyItsOwnContract()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, document) = await client.Get("/Portfolio");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Rows(document);
        Assert.Contains(rows, r => r.GetAttribute("data-reference") == Trust);
        Assert.All(rows, r => Assert.Equal("Wessex Children's Trust", Cell(r, 1).Trim()));
        Assert.DoesNotContain("Halden", document.Body!.TextContent, StringComparison.Ordinal);
        var providers = document.QuerySelectorAll("select#ProviderId option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["Any provider", "Wessex Children's Trust"], providers);
    }

    [Fact]
    public async Task Portfolio_OtherProvidersFilterInTheAddress_ShowsNothingOfTheirs()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);
        var halden = await OrganisationId("Halden Home Care Ltd");

        var (response, document) = await client.Get($"/Portfolio?ProviderId={halden}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector("table#contracts"));
        Assert.Contains("No contracts match the filters", document.QuerySelector("#no-contracts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portfolio_OrganisationTypeInTheQueryString_ListsOnlyThatTypeAndKeepsTheChoice()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, document) = await client.Get("/Portfolio?OrganisationType=PrivateCompany");

        var rows = Rows(document);
        Assert.Contains(rows, r => r.GetAttribute("data-reference") == Halden);
        Assert.All(rows, r => Assert.Equal("Private company", Cell(r, 2).Trim()));
        var selected = document.QuerySelector("select#OrganisationType option[selected]");
        Assert.NotNull(selected);
        Assert.Equal("PrivateCompany", selected.GetAttribute("value"));
        Assert.NotNull(document.QuerySelector("a[href='/Portfolio']"));
    }

    [Fact]
    public async Task Portfolio_StageInTheQueryString_ListsOnlyContractsAtThatStage()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, document) = await client.Get("/Portfolio?Stage=FormalPerformanceNotice");

        var rows = Rows(document);
        Assert.Contains(rows, r => r.GetAttribute("data-reference") == Halden);
        Assert.DoesNotContain(rows, r => r.GetAttribute("data-reference") == Recovery);
        Assert.All(rows, r => Assert.Equal("Formal performance notice", r.Children[7].QuerySelector(".govuk-tag")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Portfolio_ServiceAreaAndPeriodInTheQueryString_ShowThatAreaForThatPeriod()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, document) = await client.Get("/Portfolio?ServiceArea=Children%27s+social+care&Period=2025-26-Q4");

        var rows = Rows(document);
        var trust = RowOf(document, Trust);
        Assert.All(rows, r => Assert.Equal("Children's social care", Cell(r, 3).Trim()));
        Assert.Equal("2025-26 Q4", Cell(trust, 4).Trim());
        Assert.Contains("Inadequate", Cell(trust, 6), StringComparison.Ordinal);
        Assert.Equal("Period", document.QuerySelectorAll("table#contracts thead th")[4].TextContent.Trim());
    }

    [Fact]
    public async Task Portfolio_FiltersMatchingNothing_ShowTheEmptyStateMessage()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var halden = await OrganisationId("Halden Home Care Ltd");

        var (response, document) = await client.Get($"/Portfolio?ProviderId={halden}&ServiceArea=Children%27s+social+care");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector("table#contracts"));
        Assert.Contains("No contracts match the filters", document.QuerySelector("#no-contracts")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Stage=Nonsense", "Stage", "Select an escalation stage from the list")]
    [InlineData("OrganisationType=7", "OrganisationType", "Select an organisation type from the list")]
    [InlineData("Period=last+quarter", "Period", "Enter a period like 2026-27 Q2, or select one from the list")]
    [InlineData("ProviderId=not-an-id", "ProviderId", "Select a provider from the list")]
    public async Task Portfolio_FilterNotFromTheLists_ShowsTheErrorBesideTheField(string query, string field, string message)
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (response, document) = await client.Get("/Portfolio?" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = document.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        var error = document.QuerySelector($"#{field}-error");
        Assert.NotNull(error);
        Assert.Contains(message, error.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("table#contracts"));
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portfolio_FilterForm_IsAGetFormWithAnApplyButton()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, document) = await client.Get("/Portfolio");

        var form = document.QuerySelector("form[role='search']");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/Portfolio", form.GetAttribute("action"));
        Assert.Equal("Apply filters", form.QuerySelector("button")!.TextContent.Trim());
        foreach (var field in new[] { "ProviderId", "OrganisationType", "ServiceArea", "Stage", "Period" })
        {
            Assert.NotNull(form.QuerySelector($"label[for='{field}']"));
            Assert.NotNull(form.QuerySelector($"select#{field}[name='{field}']"));
        }
    }

    [Theory]
    [InlineData(WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword)]
    [InlineData(WebAppFactory.PrivateProvider, WebAppFactory.ProviderPassword)]
    public async Task Header_CommissionerOrProvider_HasThePortfolioLink(string email, string password)
    {
        var client = await PageClient.SignedIn(app, email, password);

        var (_, document) = await client.Get("/Contracts");

        var link = document.QuerySelector("nav a.govuk-service-navigation__link[href='/Portfolio']");
        Assert.NotNull(link);
        Assert.Equal("Portfolio", link.TextContent.Trim());
    }

    [Fact]
    public async Task Header_OnThePortfolioPage_MarksTheLinkCurrent()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, document) = await client.Get("/Portfolio");

        var link = document.QuerySelector("nav a[href='/Portfolio']");
        Assert.NotNull(link);
        Assert.Equal("page", link.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Header_Administrator_HasNoPortfolioLink()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Administrator, WebAppFactory.AdministratorPassword);

        var (_, document) = await client.Get("/Contracts");

        Assert.NotNull(document.QuerySelector("nav a[href='/Contracts']"));
        Assert.Null(document.QuerySelector("nav a[href='/Portfolio']"));
    }

    [Fact]
    public async Task Portfolio_Anonymous_RedirectsToSignIn()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/Portfolio?Stage=ImprovementPlan", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
