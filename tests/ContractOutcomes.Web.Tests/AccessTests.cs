using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests;

/// <summary>Who may reach which page: each role against each kind of page, and providers against each other.</summary>
[Collection(WebTestGroup.Name)]
public sealed class AccessTests(WebAppFactory app)
{
    [Theory]
    [InlineData("/Contracts")]
    [InlineData("/Contracts/New")]
    [InlineData("/Admin/Users")]
    [InlineData("/Account/Tokens")]
    public async Task Anonymous_ProtectedPage_RedirectsToSignIn(string url)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword, "/Contracts/New", HttpStatusCode.Forbidden)]
    [InlineData(WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword, "/Admin/Users", HttpStatusCode.Forbidden)]
    [InlineData(WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword, "/Admin/Organisations/New", HttpStatusCode.Forbidden)]
    [InlineData(WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword, "/Admin/Users", HttpStatusCode.Forbidden)]
    [InlineData(WebAppFactory.Administrator, WebAppFactory.AdministratorPassword, "/Contracts/New", HttpStatusCode.Forbidden)]
    [InlineData(WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword, "/Contracts/New", HttpStatusCode.OK)]
    [InlineData(WebAppFactory.Administrator, WebAppFactory.AdministratorPassword, "/Admin/Users", HttpStatusCode.OK)]
    [InlineData(WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword, "/Contracts", HttpStatusCode.OK)]
    public async Task Role_Page_GetsExpectedStatus(string email, string password, string url, HttpStatusCode expected)
    {
        var client = await PageClient.SignedIn(app, email, password);

        var (response, document) = await client.Get(url);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var heading = document.QuerySelector("h1");
            Assert.NotNull(heading);
            Assert.Contains("permission", heading.TextContent, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Provider_ContractList_ShowsOnlyItsOwnContracts()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);
        var own = await app.Db(db => db.Contracts.Join(db.Organisations, c => c.ProviderId, o => o.Id, (c, o) => new { c.Reference, o.Name, c.Status })
            .ToListAsync());

        var (_, document) = await client.Get("/Contracts");

        var body = document.Body!.TextContent;
        foreach (var contract in own)
        {
            var mine = contract.Name == "Wessex Children's Trust" && contract.Status != Domain.Contracts.ContractStatus.Draft;
            Assert.Equal(mine, body.Contains(contract.Reference, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Provider_AnotherProvidersContractPage_IsNotFound()
    {
        var other = await app.Db(db => db.Contracts.Where(c => c.Reference == "WCC-ASC-2023-004").Select(c => c.Id.Value).SingleAsync());
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, document) = await client.Get($"/Contracts/{other}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("WCC-ASC-2023-004", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provider_OwnContractPage_ShowsItWithoutEditLinks()
    {
        var own = await app.Db(db => db.Contracts.Where(c => c.Reference == "WCC-CSC-2024-001").Select(c => c.Id.Value).SingleAsync());
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, document) = await client.Get($"/Contracts/{own}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("WCC-CSC-2024-001", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll($"a[href*='/Contracts/{own}/Variations/New'], a[href*='/Contracts/{own}/End']"));
    }

    [Fact]
    public async Task Api_SignedInCookie_IsNotAcceptedInPlaceOfAToken()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var response = await client.Http.GetAsync(new Uri("/api/v1/contracts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsGenericErrorInSummary()
    {
        var client = new PageClient(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        var response = await client.PostForm("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = WebAppFactory.PrivateProvider, ["Input.Password"] = "not-the-password" });

        var document = await PageClient.Html(response);
        var summary = document.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        Assert.Contains("Enter a correct email address and password", summary.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownContract_IsTheNotFoundPage()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (response, document) = await client.Get($"/Contracts/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not found", document.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }
}
