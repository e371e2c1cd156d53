using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContractOutcomes.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests;

[Collection(WebTestGroup.Name)]
public sealed class ApiTests(WebAppFactory app)
{
    private async Task<HttpClient> ClientFor(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        return client;
    }

    private Task<Guid> OrganisationId(string name) => app.Db(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id.Value).SingleAsync());

    private static object DraftBody(Guid providerId, string reference, string eligibility = "AnyProvider") => new
    {
        reference,
        title = "Short breaks for disabled children",
        serviceArea = "Short breaks",
        providerId,
        termStart = "2026-04-01",
        termEnd = "2029-03-31",
        annualValue = 450000,
        eligibility,
        eligibleOrganisationTypes = Array.Empty<string>(),
        isLightTouch = false,
    };

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Api_WithoutToken_Is401Problem()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/contracts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await Problem(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Api_WithUnknownToken_Is401()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "co_pat_not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/contracts", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ListContracts_AsProvider_ReturnsOnlyItsOwnContracts()
    {
        var client = await ClientFor(WebAppFactory.TrustProvider);
        var trust = await OrganisationId("Wessex Children's Trust");

        var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/contracts?pageSize=100", UriKind.Relative));

        var items = list.GetProperty("items").EnumerateArray().ToArray();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal(trust, i.GetProperty("providerId").GetGuid()));
    }

    [Fact]
    public async Task GetContract_AnotherProvidersContract_Is404Problem()
    {
        var other = await app.Db(db => db.Contracts.Where(c => c.Reference == "WCC-ASC-2023-004").Select(c => c.Id.Value).SingleAsync());
        var client = await ClientFor(WebAppFactory.TrustProvider);

        var response = await client.GetAsync(new Uri($"/api/v1/contracts/{other}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found", (await Problem(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task CreateDraft_AsProvider_Is403Problem()
    {
        var client = await ClientFor(WebAppFactory.TrustProvider);

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative), DraftBody(await OrganisationId("Wessex Shared Care Ltd"), "API-FORBIDDEN"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Problem(response);
        Assert.False(await app.Db(db => db.Contracts.AnyAsync(c => c.Reference == "API-FORBIDDEN")));
    }

    [Fact]
    public async Task CreateDraft_InvalidFields_Is400WithFieldErrors()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);
        var body = new { reference = "", title = "x", serviceArea = "y", termStart = "2026-04-01", termEnd = "2025-04-01", annualValue = -3, eligibility = "AnyProvider" };

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Problem(response)).GetProperty("errors");
        Assert.Equal("Enter a reference", errors.GetProperty("reference")[0].GetString());
        Assert.Equal("The end date must be after the start date", errors.GetProperty("termEnd")[0].GetString());
        Assert.Equal("Select the provider", errors.GetProperty("providerId")[0].GetString());
        Assert.Equal("The annual value must be more than £0", errors.GetProperty("annualValue")[0].GetString());
    }

    [Fact]
    public async Task CreateDraft_MalformedJson_Is400Problem()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);
        using var content = new StringContent("{\"reference\": ", System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/v1/contracts", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await Problem(response);
    }

    [Fact]
    public async Task CreateDraft_IneligibleProvider_Is422WithTheReason()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await client.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative),
            DraftBody(await OrganisationId("Halden Home Care Ltd"), "API-INELIGIBLE", "NotForProfitOnly"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Problem(response);
        Assert.Contains("not-for-profit", problem.GetProperty("errors").GetProperty("providerId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftLifecycle_CreateReadUpdateWithETags_DetectsStaleWrites()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);
        var provider = await OrganisationId("Wessex Shared Care Ltd");
        var reference = "API-" + Guid.NewGuid().ToString("N")[..8];

        var created = await client.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative), DraftBody(provider, reference));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!;
        var read = await client.GetAsync(location);
        var etag = read.Headers.ETag!;
        Assert.Equal("Draft", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var update = new HttpRequestMessage(HttpMethod.Put, location) { Content = JsonContent.Create(DraftBody(provider, reference + "-B")) };
        update.Headers.IfMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(update)).StatusCode);

        using var stale = new HttpRequestMessage(HttpMethod.Put, location) { Content = JsonContent.Create(DraftBody(provider, reference + "-C")) };
        stale.Headers.IfMatch.Add(etag);
        var conflict = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        await Problem(conflict);
        Assert.True(await app.Db(db => db.Contracts.AnyAsync(c => c.Reference == reference + "-B")));
    }

    [Fact]
    public async Task DefineAndActivate_ThroughTheApi_MakesTheContractActive()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);
        var created = await client.PostAsJsonAsync(new Uri("/api/v1/contracts", UriKind.Relative),
            DraftBody(await OrganisationId("Wessex Shared Care Ltd"), "API-" + Guid.NewGuid().ToString("N")[..8]));
        var location = created.Headers.Location!;
        var indicator = await client.PostAsJsonAsync(new Uri(location + "/indicators", UriKind.Relative), new
        {
            name = "Families rating their break as good or better",
            definition = "Families responding 'good' or 'very good' in the post-break survey, as a share of families responding.",
            unit = "Percentage",
            polarity = "HigherIsBetter",
            rbaQuestion = "HowWellDidWeDoIt",
            dataSource = "Provider survey",
            numeratorLabel = "Families rating good or better",
            denominatorLabel = "Families responding",
        });
        Assert.Equal(HttpStatusCode.Created, indicator.StatusCode);
        var indicatorId = (await indicator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var overHundred = await client.PutAsJsonAsync(new Uri($"{location}/indicators/{indicatorId}/targets", UriKind.Relative), new { allPeriods = 120 });
        Assert.Equal(HttpStatusCode.BadRequest, overHundred.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(new Uri($"{location}/indicators/{indicatorId}/targets", UriKind.Relative), new { allPeriods = 90 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync(new Uri($"{location}/indicators/{indicatorId}/tolerance", UriKind.Relative),
            new { mode = "Absolute", goodWithin = 0, approachingWithin = 5, requiresImprovementWithin = 10 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync(new Uri($"{location}/activation", UriKind.Relative), new { fewerKpisConfirmed = false })).StatusCode);

        var contract = await client.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal(nameof(ContractStatus.Active), contract.GetProperty("status").GetString());
        Assert.Equal(12, contract.GetProperty("indicators")[0].GetProperty("targets").GetArrayLength());
    }

    [Fact]
    public async Task OpenApiDocument_IsServedAndDescribesTheContractsApi()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/contracts", out _));
        Assert.True(paths.TryGetProperty("/api/v1/contracts/{contractId}", out _));
    }

    [Fact]
    public async Task Health_IsServedAnonymously()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
