using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Performance;

/// <summary>
/// The performance API through bearer tokens. The only change made is to Other ratings of WCC-ADV-2025-006
/// 2025-26 Q1, recorded and withdrawn again within one test.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class PerformanceApiTests(WebAppFactory app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string Lantern = "WCC-ADV-2025-006";
    private const string Jess = "jess.morgan@example.com";
    private const string Assessments = "Single assessments completed within 45 working days";
    private const string Allocated = "Requests allocated to an advocate within 5 working days";
    private const string Resolved = "Advocacy issues resolved to the young person's satisfaction";
    private const string ListenedTo = "Young people who felt listened to";
    private const string DecisionPeriod = "2025-26-Q1";

    [Fact]
    public async Task ListPeriods_WithoutToken_Is401Problem()
    {
        var id = await ContractId(Trust);

        var response = await app.CreateClient().GetAsync(Relative($"/api/v1/contracts/{id}/performance"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await Problem(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ListPeriods_TheContractsProvider_GetsEveryEndedPeriodWithItsHeadline()
    {
        var id = await ContractId(Trust);
        var client = await ClientFor(WebAppFactory.TrustProvider);

        var body = await client.GetFromJsonAsync<JsonElement>(Relative($"/api/v1/contracts/{id}/performance"));

        Assert.Equal(Trust, body.GetProperty("reference").GetString());
        Assert.Equal("ImprovementPlan", body.GetProperty("escalationStage").GetString());
        var periods = body.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(10, periods.Count);
        Assert.Equal("2024-25 Q1", periods[0].GetProperty("period").GetString());
        var q1 = periods.Single(p => p.GetProperty("periodSlug").GetString() == "2026-27-Q1");
        Assert.Equal("Evaluated", q1.GetProperty("state").GetString());
        Assert.Equal(58.3333m, q1.GetProperty("score").GetDecimal());
        Assert.Equal(7, q1.GetProperty("ratingCounts").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
        Assert.True(q1.GetProperty("netPayment").GetDecimal() > 0);
    }

    [Fact]
    public async Task ListPeriods_ProviderOfAnotherOrganisation_Is404Problem()
    {
        var id = await ContractId(Trust);
        var client = await ClientFor(WebAppFactory.PrivateProvider);

        var response = await client.GetAsync(Relative($"/api/v1/contracts/{id}/performance"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await Problem(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task GetPeriod_Evaluated_CarriesEveryExplanationAndTheVersionAsETag()
    {
        var id = await ContractId(Trust);
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await client.GetAsync(Relative($"/api/v1/contracts/{id}/performance/2026-27-Q1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var evaluation = body.GetProperty("selected").GetProperty("evaluation");
        Assert.Equal($"\"{evaluation.GetProperty("version").GetInt32()}\"", response.Headers.ETag?.Tag);
        Assert.Contains("58.3 out of 100", evaluation.GetProperty("scoreExplanation").GetString(), StringComparison.Ordinal);
        var line = evaluation.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == Assessments);
        Assert.Equal("Inadequate", line.GetProperty("rating").GetString());
        Assert.Contains("short of target", line.GetProperty("ratingExplanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("Improving", line.GetProperty("trend").GetString());
        Assert.Equal("Up", line.GetProperty("movement").GetString());
        var payment = evaluation.GetProperty("payment");
        Assert.Equal(5_520_000m, payment.GetProperty("baseFee").GetDecimal());
        Assert.EndsWith("base fee.", payment.GetProperty("baseFeeExplanation").GetString(), StringComparison.Ordinal);
        Assert.All(payment.GetProperty("lines").EnumerateArray(), l => Assert.False(string.IsNullOrWhiteSpace(l.GetProperty("explanation").GetString())));
        foreach (var total in new[] { "atRiskExplanation", "outcomePaymentsExplanation", "withheldExplanation", "serviceCreditsExplanation", "netPaymentExplanation" })
        {
            Assert.False(string.IsNullOrWhiteSpace(payment.GetProperty(total).GetString()));
        }

        Assert.Equal("ImprovementPlan", body.GetProperty("escalation").GetProperty("stage").GetString());
        Assert.Contains(body.GetProperty("escalation").GetProperty("triggersThisPeriod").EnumerateArray(), t => t.GetProperty("ruleNumber").GetInt32() == 1);
    }

    [Theory]
    [InlineData("not-a-period")]
    [InlineData("2030-31-Q1")]
    public async Task GetPeriod_UnknownPeriod_Is404Problem(string period)
    {
        var id = await ContractId(Trust);
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await client.GetAsync(Relative($"/api/v1/contracts/{id}/performance/{period}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await Problem(response);
    }

    [Fact]
    public async Task OtherRating_RecordThenWithdraw_ChangesTheRatingAndPaymentAndBack()
    {
        var (id, indicatorId) = await Indicator(Allocated);
        var client = await ClientFor(WebAppFactory.Commissioner);
        var url = $"/api/v1/contracts/{id}/performance/{DecisionPeriod}/other-ratings/{indicatorId}";
        var etag = await PeriodETag(client, id);

        var recorded = await Send(client, HttpMethod.Put, url, new { reason = "Allocation times were not recorded while the rota system was replaced." }, etag);

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var version = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.Equal($"\"{version}\"", recorded.Headers.ETag?.Tag);
        var after = await Line(client, id, Allocated);
        Assert.Equal("Other", after.Indicator.GetProperty("rating").GetString());
        Assert.Equal("Allocation times were not recorded while the rota system was replaced.", after.Indicator.GetProperty("other").GetProperty("reason").GetString());
        Assert.Equal(890.63m, after.Payment.GetProperty("earned").GetDecimal());
        Assert.Equal(version, after.Version);

        var withdrawn = await Send(client, HttpMethod.Delete, url, null, recorded.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var restored = await Line(client, id, Allocated);
        Assert.Equal("ApproachingTarget", restored.Indicator.GetProperty("rating").GetString());
        Assert.Equal(JsonValueKind.Null, restored.Indicator.GetProperty("other").ValueKind);
        Assert.Equal(712.50m, restored.Payment.GetProperty("earned").GetDecimal());
    }

    [Fact]
    public async Task RecordOther_StaleIfMatch_Is412AndChangesNothing()
    {
        var (id, indicatorId) = await Indicator(ListenedTo);
        var client = await ClientFor(WebAppFactory.Commissioner);
        var current = await PeriodETag(client, id);
        var stale = new EntityTagHeaderValue($"\"{int.Parse(current.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) - 1}\"");

        var response = await Send(client, HttpMethod.Put, $"/api/v1/contracts/{id}/performance/{DecisionPeriod}/other-ratings/{indicatorId}", new { reason = "A reason." }, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(412, (await Problem(response)).GetProperty("status").GetInt32());
        Assert.Equal("Good", (await Line(client, id, ListenedTo)).Indicator.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task RecordOther_WithoutAReason_Is400WithTheFieldNamed()
    {
        var (id, indicatorId) = await Indicator(ListenedTo);
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await Send(client, HttpMethod.Put, $"/api/v1/contracts/{id}/performance/{DecisionPeriod}/other-ratings/{indicatorId}", new { reason = "" }, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Problem(response);
        Assert.Equal("Enter why none of the ratings applies", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
    }

    [Fact]
    public async Task WithdrawOther_NotRatedOther_Is422()
    {
        var (id, indicatorId) = await Indicator(Resolved);
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await Send(client, HttpMethod.Delete, $"/api/v1/contracts/{id}/performance/{DecisionPeriod}/other-ratings/{indicatorId}", null, null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The indicator is not rated Other in this period", (await Problem(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task RecordOther_UnknownIndicator_Is404()
    {
        var (id, _) = await Indicator(Resolved);
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await Send(client, HttpMethod.Put, $"/api/v1/contracts/{id}/performance/{DecisionPeriod}/other-ratings/{Guid.NewGuid()}", new { reason = "A reason." }, null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await Problem(response);
    }

    [Fact]
    public async Task RecordOther_Provider_Is403AndChangesNothing()
    {
        var (id, indicatorId) = await Indicator(ListenedTo);
        var client = await ClientFor(Jess);

        var response = await Send(client, HttpMethod.Put, $"/api/v1/contracts/{id}/performance/{DecisionPeriod}/other-ratings/{indicatorId}", new { reason = "We think so." }, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Problem(response);
        Assert.Equal("Good", (await Line(await ClientFor(WebAppFactory.Commissioner), id, ListenedTo)).Indicator.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesThePerformanceEndpoints()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(Relative("/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        var list = paths.GetProperty("/api/v1/contracts/{contractId}/performance");
        var period = paths.GetProperty("/api/v1/contracts/{contractId}/performance/{period}");
        var other = paths.GetProperty("/api/v1/contracts/{contractId}/performance/{period}/other-ratings/{indicatorId}");
        foreach (var operation in new[] { list.GetProperty("get"), period.GetProperty("get"), other.GetProperty("put"), other.GetProperty("delete") })
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        }
    }

    private static Uri Relative(string url) => new(url, UriKind.Relative);

    private async Task<HttpClient> ClientFor(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        return client;
    }

    private Task<Guid> ContractId(string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    private async Task<(Guid ContractId, Guid IndicatorId)> Indicator(string name)
    {
        var id = await ContractId(Lantern);
        var indicatorId = await app.Db(db => db.Contracts.Where(c => c.Reference == Lantern)
            .SelectMany(c => c.Indicators).Where(i => i.Name == name).Select(i => i.Id.Value).SingleAsync());
        return (id, indicatorId);
    }

    private static async Task<EntityTagHeaderValue> PeriodETag(HttpClient client, Guid contractId)
    {
        var response = await client.GetAsync(Relative($"/api/v1/contracts/{contractId}/performance/{DecisionPeriod}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag ?? throw new InvalidOperationException("No ETag.");
    }

    private static async Task<(JsonElement Indicator, JsonElement Payment, int Version)> Line(HttpClient client, Guid contractId, string name)
    {
        var body = await client.GetFromJsonAsync<JsonElement>(Relative($"/api/v1/contracts/{contractId}/performance/{DecisionPeriod}"));
        var evaluation = body.GetProperty("selected").GetProperty("evaluation");
        return (
            evaluation.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name),
            evaluation.GetProperty("payment").GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("indicatorName").GetString() == name),
            evaluation.GetProperty("version").GetInt32());
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, EntityTagHeaderValue? ifMatch)
    {
        using var request = new HttpRequestMessage(method, Relative(url)) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
