using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static ContractOutcomes.Web.Tests.Incentives.SchemeTestSupport;

namespace ContractOutcomes.Web.Tests.Incentives;

/// <summary>
/// The incentive scheme API through bearer tokens. Only the scheme of the draft WCC-SMR-2025-007 is changed, and each
/// test that changes it puts it back.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class IncentiveSchemeApiTests(WebAppFactory app)
{
    private static Uri Relative(string url) => new(url, UriKind.Relative);

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, JsonNode? body = null, EntityTagHeaderValue? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, Relative(url)) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static string FirstError(JsonElement problem, string key) =>
        problem.GetProperty("errors").GetProperty(key)[0].GetString()!;

    private Task<HttpClient> Priya() => ApiClient(app, WebAppFactory.Commissioner);

    private static JsonObject Incentive(JsonObject body, int index) => body["incentives"]!.AsArray()[index]!.AsObject();

    [Fact]
    public async Task Get_DraftScheme_ReturnsTheSchemeThePreviewAndTheVersionAsETag()
    {
        var id = await ContractId(app, Draft);
        using var priya = await Priya();

        var (view, etag) = await Read(priya, id);

        Assert.Equal($"\"{view.GetProperty("version").GetInt32()}\"", etag.Tag);
        Assert.Equal("Draft", view.GetProperty("status").GetString());
        Assert.True(view.GetProperty("canEdit").GetBoolean());
        var scheme = view.GetProperty("scheme");
        Assert.Equal(7.5m, scheme.GetProperty("shareAtRiskPercent").GetDecimal());
        Assert.Equal(250_000m, scheme.GetProperty("annualCap").GetDecimal());
        Assert.Equal("RatingBands", scheme.GetProperty("incentives")[0].GetProperty("mechanism").GetString());
        Assert.Equal("Graded", scheme.GetProperty("incentives")[1].GetProperty("mechanism").GetString());
        var preview = view.GetProperty("preview");
        Assert.Equal("2025-26 Q1", preview.GetProperty("period").GetString());
        Assert.Equal(73_125m, preview.GetProperty("atRiskPerPeriod").GetDecimal());
        Assert.Contains("£3,900,000 a year × 92.5% not at risk", preview.GetProperty("baseFeeExplanation").GetString(), StringComparison.Ordinal);
        var first = preview.GetProperty("incentives")[0];
        Assert.Equal(scheme.GetProperty("incentives")[0].GetProperty("indicatorId").GetGuid(), first.GetProperty("indicatorId").GetGuid());
        Assert.Contains(first.GetProperty("samples").EnumerateArray(), s => s.GetProperty("rating").GetString() == "ApproachingTarget");
    }

    [Fact]
    public async Task Get_ProviderOfTheActiveContract_MayReadIt()
    {
        var id = await ContractId(app, Active);
        using var grace = await ApiClient(app, WebAppFactory.TrustProvider);

        var (view, _) = await Read(grace, id);

        Assert.False(view.GetProperty("canEdit").GetBoolean());
        Assert.Equal(480_000m, view.GetProperty("preview").GetProperty("atRiskPerPeriod").GetDecimal());
    }

    [Fact]
    public async Task Get_AnotherOrganisationsProviderOrADraftsProvider_IsNotFound()
    {
        using var joanna = await ApiClient(app, WebAppFactory.PrivateProvider);
        using var owen = await ApiClient(app, DraftProvider);

        await Problem(await joanna.GetAsync(Relative(ApiUrl(await ContractId(app, Active)))), HttpStatusCode.NotFound);
        await Problem(await owen.GetAsync(Relative(ApiUrl(await ContractId(app, Draft)))), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EveryEndpoint_Anonymous_IsUnauthorised()
    {
        var url = ApiUrl(await ContractId(app, Draft));
        using var anonymous = app.CreateClient();
        var body = new JsonObject { ["shareAtRiskPercent"] = 0 };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(Relative(url))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, HttpMethod.Put, url, body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, HttpMethod.Delete, url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(anonymous, HttpMethod.Post, url + "/preview", body)).StatusCode);
    }

    [Fact]
    public async Task Put_WithCurrentETag_SavesAndAnswersWithTheNewVersion() => await KeepingDraftScheme(app, async id =>
    {
        using var priya = await Priya();
        var (view, etag) = await Read(priya, id);
        var body = BodyFrom(view);
        body["shareAtRiskPercent"] = 10;

        var response = await Send(priya, HttpMethod.Put, ApiUrl(id), body, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(etag, response.Headers.ETag);
        Assert.Equal($"\"{saved.GetProperty("version").GetInt32()}\"", response.Headers.ETag!.Tag);
        Assert.Equal(10m, saved.GetProperty("scheme").GetProperty("shareAtRiskPercent").GetDecimal());
        Assert.Equal(97_500m, saved.GetProperty("preview").GetProperty("atRiskPerPeriod").GetDecimal());
        Assert.Equal(10m, await SavedShareAtRisk(app));
    });

    [Fact]
    public async Task Put_StaleETag_IsPreconditionFailedAndSavesNothing() => await KeepingDraftScheme(app, async id =>
    {
        using var priya = await Priya();
        var (view, etag) = await Read(priya, id);
        var body = BodyFrom(view);
        Assert.Equal(HttpStatusCode.OK, (await Send(priya, HttpMethod.Put, ApiUrl(id), body, etag)).StatusCode);
        body["shareAtRiskPercent"] = 12;

        await Problem(await Send(priya, HttpMethod.Put, ApiUrl(id), body, etag), HttpStatusCode.PreconditionFailed);

        Assert.Equal(7.5m, await SavedShareAtRisk(app));
    });

    [Fact]
    public async Task Put_BrokenRules_IsUnprocessableWithErrorsKeyedByJsonField() => await KeepingDraftScheme(app, async id =>
    {
        using var priya = await Priya();
        var (view, _) = await Read(priya, id);
        var body = BodyFrom(view);
        Incentive(body, 0)["weightPercent"] = 25;
        Incentive(body, 1)["floor"] = 6;
        body["annualCap"] = -1;

        var problem = await Problem(await Send(priya, HttpMethod.Put, ApiUrl(id), body), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("The weights must add up to 100%; they add up to 105%", FirstError(problem, "weights"));
        Assert.Equal("The floor for Successful completions: opiate users must be below its target of 5.0%; it is 6.0%", FirstError(problem, "incentives[1].floor"));
        Assert.Equal("The annual cap cannot be below £0", FirstError(problem, "annualCap"));
        Assert.Equal(7.5m, await SavedShareAtRisk(app));
    });

    [Fact]
    public async Task Put_UnknownMechanism_IsABadRequestNamingTheField()
    {
        var id = await ContractId(app, Draft);
        using var priya = await Priya();
        var body = new JsonObject
        {
            ["shareAtRiskPercent"] = 5,
            ["incentives"] = new JsonArray(new JsonObject { ["indicatorId"] = Guid.NewGuid(), ["mechanism"] = "Lottery" }),
        };

        var problem = await Problem(await Send(priya, HttpMethod.Put, ApiUrl(id), body), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("incentives[0].mechanism", out _));
    }

    [Fact]
    public async Task Put_ActiveContract_IsAConflict()
    {
        var id = await ContractId(app, Active);
        using var priya = await Priya();
        var (view, etag) = await Read(priya, id);

        var problem = await Problem(await Send(priya, HttpMethod.Put, ApiUrl(id), BodyFrom(view), etag), HttpStatusCode.Conflict);

        Assert.Contains("This contract is active", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (after, afterETag) = await Read(priya, id);
        Assert.Equal(etag, afterETag);
        Assert.Equal(view.GetProperty("scheme").GetRawText(), after.GetProperty("scheme").GetRawText());
    }

    [Fact]
    public async Task PutAndDelete_Provider_IsForbidden()
    {
        var id = await ContractId(app, Active);
        using var grace = await ApiClient(app, WebAppFactory.TrustProvider);
        var (view, _) = await Read(grace, id);

        await Problem(await Send(grace, HttpMethod.Put, ApiUrl(id), BodyFrom(view)), HttpStatusCode.Forbidden);
        await Problem(await Send(grace, HttpMethod.Delete, ApiUrl(id)), HttpStatusCode.Forbidden);
        await Problem(await Send(grace, HttpMethod.Post, ApiUrl(id) + "/preview", BodyFrom(view)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_StaleThenCurrentETag_RefusesThenRemovesTheScheme() => await KeepingDraftScheme(app, async id =>
    {
        using var priya = await Priya();
        var (_, etag) = await Read(priya, id);
        var stale = new EntityTagHeaderValue("\"1\"");

        await Problem(await Send(priya, HttpMethod.Delete, ApiUrl(id), ifMatch: stale), HttpStatusCode.PreconditionFailed);
        var removed = await Send(priya, HttpMethod.Delete, ApiUrl(id), ifMatch: etag);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.NotNull(removed.Headers.ETag);
        var (view, _) = await Read(priya, id);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("scheme").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("preview").ValueKind);
        await Problem(await Send(priya, HttpMethod.Delete, ApiUrl(id)), HttpStatusCode.UnprocessableEntity);
    });

    [Fact]
    public async Task Delete_ActiveContract_IsAConflict()
    {
        using var priya = await Priya();

        await Problem(await Send(priya, HttpMethod.Delete, ApiUrl(await ContractId(app, Active))), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Preview_ValidScheme_ReturnsWhatItWouldPayAndSavesNothing()
    {
        var id = await ContractId(app, Draft);
        using var priya = await Priya();
        var (view, etag) = await Read(priya, id);
        var body = BodyFrom(view);
        body["shareAtRiskPercent"] = 10;

        var response = await Send(priya, HttpMethod.Post, ApiUrl(id) + "/preview", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(97_500m, preview.GetProperty("atRiskPerPeriod").GetDecimal());
        Assert.Equal(390_000m, preview.GetProperty("maximumLossPerYear").GetDecimal());
        Assert.Equal("Graded", preview.GetProperty("incentives")[1].GetProperty("mechanism").GetString());
        var (_, after) = await Read(priya, id);
        Assert.Equal(etag, after);
    }

    [Fact]
    public async Task Preview_InvalidScheme_IsUnprocessable()
    {
        var id = await ContractId(app, Draft);
        using var priya = await Priya();
        var (view, _) = await Read(priya, id);
        var body = BodyFrom(view);
        Incentive(body, 1)["stretch"] = 4;

        var problem = await Problem(await Send(priya, HttpMethod.Post, ApiUrl(id) + "/preview", body), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(
            "The stretch target for Successful completions: opiate users must be above its target of 5.0%; it is 4.0%",
            FirstError(problem, "incentives[1].stretch"));
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryEndpointWithASummary()
    {
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>(Relative("/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        var scheme = paths.GetProperty("/api/v1/contracts/{contractId}/incentive-scheme");
        foreach (var method in new[] { "get", "put", "delete" })
        {
            Assert.False(string.IsNullOrWhiteSpace(scheme.GetProperty(method).GetProperty("summary").GetString()));
        }

        var preview = paths.GetProperty("/api/v1/contracts/{contractId}/incentive-scheme/preview").GetProperty("post");
        Assert.False(string.IsNullOrWhiteSpace(preview.GetProperty("summary").GetString()));
        Assert.True(scheme.GetProperty("put").GetProperty("responses").TryGetProperty("409", out _));
    }
}
