using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static ContractOutcomes.Web.Tests.Escalation.EscalationTestSupport;

namespace ContractOutcomes.Web.Tests.Escalation;

/// <summary>
/// The escalation API through bearer tokens. Decisions are recorded only on WCC-SBD-2024-005, in one journey that
/// ends back at routine monitoring; rules are replaced only on drafts these tests create.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class EscalationApiTests(WebAppFactory app)
{
    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body, EntityTagHeaderValue? ifMatch = null)
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

    private static EntityTagHeaderValue Version(int version) => new($"\"{version}\"");

    [Fact]
    public async Task GetEscalation_Commissioner_ReturnsThePositionWithTheCaseVersionAsETag()
    {
        var id = await app.ContractId(Trust);
        var client = await app.ApiClient(WebAppFactory.Commissioner);

        var response = await client.GetAsync(Relative($"/api/v1/contracts/{id}/escalation"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"\"{await app.CaseVersion(id)}\"", response.Headers.ETag!.Tag);
        Assert.Equal(body.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.ETag.Tag.Trim('"'));
        Assert.Equal("ImprovementPlan", body.GetProperty("stage").GetString());
        Assert.Equal("2027-02-26", body.GetProperty("improvementPlanDueOn").GetString());
        Assert.Equal(5, body.GetProperty("ladder").GetArrayLength());
        var trigger = body.GetProperty("activeTriggers").EnumerateArray()
            .Single(t => t.GetProperty("ruleNumber").GetInt32() == 1 && t.GetProperty("period").GetString() == "2026-27 Q1");
        Assert.Equal(Rule1, trigger.GetProperty("ruleDescription").GetString());
        Assert.NotEmpty(body.GetProperty("history").EnumerateArray());
        Assert.True(body.GetProperty("can").GetProperty("deescalate").GetBoolean());
        Assert.Equal(["RoutineMonitoring", "EnhancedMonitoring"], body.GetProperty("can").GetProperty("deescalateTo").EnumerateArray().Select(s => s.GetString()!));
    }

    [Fact]
    public async Task GetEscalation_Halden_CarriesTheContractPerformanceNoticeClock()
    {
        var id = await app.ContractId(Halden);
        var client = await app.ApiClient(WebAppFactory.PrivateProvider);

        var body = await client.GetFromJsonAsync<JsonElement>(Relative($"/api/v1/contracts/{id}/escalation"));

        var notice = body.GetProperty("performanceNotice");
        Assert.Equal("2026-11-14", notice.GetProperty("failedToImproveOn").GetString());
        Assert.Equal("2026-12-14", notice.GetProperty("dueBy").GetString());
        var left = new DateOnly(2026, 12, 14).DayNumber - Today().DayNumber;
        Assert.Equal(Math.Max(0, left), notice.GetProperty("daysLeft").GetInt32());
        Assert.Equal(Math.Max(0, -left), notice.GetProperty("daysOverdue").GetInt32());
        Assert.False(body.GetProperty("can").GetProperty("any").GetBoolean());
    }

    [Fact]
    public async Task Escalation_WithoutToken_Is401()
    {
        var id = await app.ContractId(Trust);

        var response = await app.CreateClient().GetAsync(Relative($"/api/v1/contracts/{id}/escalation"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Escalation_ProviderOfAnotherOrganisation_Is404()
    {
        var id = await app.ContractId(Trust);
        var client = await app.ApiClient(WebAppFactory.PrivateProvider);

        var escalation = await client.GetAsync(Relative($"/api/v1/contracts/{id}/escalation"));
        var rules = await client.GetAsync(Relative($"/api/v1/contracts/{id}/escalation-rules"));

        Assert.Equal(HttpStatusCode.NotFound, escalation.StatusCode);
        Assert.Equal("Not found", (await Problem(escalation)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, rules.StatusCode);
    }

    [Fact]
    public async Task RecordDecision_Provider_Is403()
    {
        var id = await app.ContractId(Trust);
        var client = await app.ApiClient(WebAppFactory.TrustProvider);

        var response = await Send(client, HttpMethod.Post, $"/api/v1/contracts/{id}/escalation/decisions", new { decision = "Acknowledge", note = "Seen" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Problem(response);
    }

    [Fact]
    public async Task RecordDecision_ShortBreaksJourney_RefusesBadDecisionsAndAnswersWithTheNewPosition()
    {
        var id = await app.ContractId(ShortBreaks);
        var url = $"/api/v1/contracts/{id}/escalation/decisions";
        var client = await app.ApiClient(WebAppFactory.Commissioner);
        var start = await client.GetAsync(Relative($"/api/v1/contracts/{id}/escalation"));
        var etag = start.Headers.ETag!;
        var today = Today();

        var nothing = await Send(client, HttpMethod.Post, url, new { decision = "Acknowledge", note = "Seen" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Contains("nothing to acknowledge", (await Problem(nothing)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var noDecision = await Send(client, HttpMethod.Post, url, new { note = "Seen" }, etag);
        Assert.Equal(HttpStatusCode.BadRequest, noDecision.StatusCode);
        Assert.Equal("Select a decision", (await Problem(noDecision)).GetProperty("errors").GetProperty("decision")[0].GetString());

        var past = await Send(client, HttpMethod.Post, url, new { decision = "IssueFormalNotice", note = "Notice", dueOn = today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        Assert.Equal("The improvement deadline must be in the future", (await Problem(past)).GetProperty("errors").GetProperty("dueOn")[0].GetString());

        var stale = await Send(client, HttpMethod.Post, url, new { decision = "AgreeImprovementPlan", note = "Plan", dueOn = Iso(today.AddDays(30)) }, Version(int.Parse(etag.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) + 1));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        await Problem(stale);

        var notice = await Send(client, HttpMethod.Post, url, new { decision = "IssueFormalNotice", note = "Clause 31.2: hours delivered must recover.", dueOn = Iso(today.AddDays(45)) }, etag);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        var noticed = await notice.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FormalPerformanceNotice", noticed.GetProperty("stage").GetString());
        Assert.Equal(Iso(today.AddDays(45)), noticed.GetProperty("formalNoticeDeadline").GetString());
        Assert.Equal("FormalNoticeIssued", noticed.GetProperty("history")[0].GetProperty("kind").GetString());
        Assert.NotEqual(etag.Tag, notice.Headers.ETag!.Tag);
        Assert.Equal($"\"{noticed.GetProperty("version").GetInt32()}\"", notice.Headers.ETag.Tag);

        var noReason = await Send(client, HttpMethod.Post, url, new { decision = "Deescalate" }, notice.Headers.ETag);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var errors = (await Problem(noReason)).GetProperty("errors");
        Assert.Equal("Enter the reason for de-escalating", errors.GetProperty("note")[0].GetString());
        Assert.Equal("Select the stage to move the contract down to", errors.GetProperty("toStage")[0].GetString());

        var higher = await Send(client, HttpMethod.Post, url, new { decision = "Deescalate", toStage = "StepInOrTerminationReview", note = "Up" }, notice.Headers.ETag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, higher.StatusCode);
        Assert.Equal("Select a stage below formal performance notice", (await Problem(higher)).GetProperty("errors").GetProperty("toStage")[0].GetString());

        var down = await Send(client, HttpMethod.Post, url, new { decision = "Deescalate", toStage = "RoutineMonitoring", note = "Hours recovered within a fortnight." }, notice.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, down.StatusCode);
        var after = await down.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("RoutineMonitoring", after.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("formalNoticeDeadline").ValueKind);
        Assert.Equal("Deescalated", after.GetProperty("history")[0].GetProperty("kind").GetString());
        Assert.Equal("Hours recovered within a fortnight.", after.GetProperty("history")[0].GetProperty("note").GetString());
    }

    [Fact]
    public async Task EscalationRules_ActiveContract_ListsRulesAndRefusesChanges()
    {
        var id = await app.ContractId(Trust);
        var client = await app.ApiClient(WebAppFactory.Commissioner);

        var get = await client.GetAsync(Relative($"/api/v1/contracts/{id}/escalation-rules"));
        var body = await get.Content.ReadFromJsonAsync<JsonElement>();
        var put = await Send(client, HttpMethod.Put, $"/api/v1/contracts/{id}/escalation-rules",
            new { rules = new[] { new { kind = "LateReturn", stage = "EnhancedMonitoring", daysLate = 3 } } }, get.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal($"\"{body.GetProperty("contractVersion").GetInt32()}\"", get.Headers.ETag!.Tag);
        Assert.False(body.GetProperty("canEdit").GetBoolean());
        Assert.Equal(Rule1, body.GetProperty("rules")[0].GetProperty("description").GetString());
        Assert.Equal("ImprovementPlan", body.GetProperty("rules")[0].GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.StartsWith("This contract is active", (await Problem(put)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationRules_Draft_ReplacedWithIfMatchAndRefusedPerField()
    {
        var draft = await app.NewDraftAsync();
        var url = $"/api/v1/contracts/{draft.ContractId}/escalation-rules";
        var client = await app.ApiClient(WebAppFactory.Commissioner);
        var get = await client.GetAsync(Relative(url));
        var etag = get.Headers.ETag!;
        Assert.True((await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("canEdit").GetBoolean());

        var bad = await Send(client, HttpMethod.Put, url, new
        {
            rules = new object[]
            {
                new { kind = "ConsecutivePeriods", stage = "ImprovementPlan", atOrBelow = "Inadequate", periods = 20 },
                new { kind = "LateReturn" },
            },
        }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = (await Problem(bad)).GetProperty("errors");
        Assert.Equal("The number of consecutive periods must be between 2 and 12 (rule 1)", errors.GetProperty("rules[0].periods")[0].GetString());
        Assert.Equal("Select the stage the rule raises (rule 2)", errors.GetProperty("rules[1].stage")[0].GetString());
        Assert.Equal("Enter the number of days late (rule 2)", errors.GetProperty("rules[1].daysLate")[0].GetString());

        var good = new
        {
            rules = new object[]
            {
                new { kind = "ConsecutivePeriods", stage = "ImprovementPlan", indicatorId = draft.IndicatorId, atOrBelow = "Inadequate", periods = 2 },
                new { kind = "LateReturn", stage = "EnhancedMonitoring", daysLate = 0 },
            },
        };
        var stale = await Send(client, HttpMethod.Put, url, good, Version(int.Parse(etag.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) - 1));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var put = await Send(client, HttpMethod.Put, url, good, etag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var saved = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(etag.Tag, put.Headers.ETag!.Tag);
        Assert.Equal(
            [$"{IndicatorName} rated Inadequate or worse for 2 consecutive periods: improvement plan", "A return late by any number of days: enhanced monitoring"],
            saved.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("description").GetString()!));

        var provider = await app.ApiClient("ruth.adeyemi@example.com");
        Assert.Equal(HttpStatusCode.NotFound, (await provider.GetAsync(Relative(url))).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheEscalationEndpoints()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(Relative("/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        var escalation = paths.GetProperty("/api/v1/contracts/{contractId}/escalation");
        Assert.False(string.IsNullOrWhiteSpace(escalation.GetProperty("get").GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(paths.GetProperty("/api/v1/contracts/{contractId}/escalation/decisions").GetProperty("post").GetProperty("summary").GetString()));
        var rules = paths.GetProperty("/api/v1/contracts/{contractId}/escalation-rules");
        Assert.False(string.IsNullOrWhiteSpace(rules.GetProperty("get").GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(rules.GetProperty("put").GetProperty("summary").GetString()));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
