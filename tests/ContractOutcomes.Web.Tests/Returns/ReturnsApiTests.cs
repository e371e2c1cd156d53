using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Returns;

/// <summary>
/// The returns API, end to end through bearer tokens. Changes are made only to the API's own returns in the
/// shared demo database: WCC-FHS-2025-003 2026-27 Q2 (a draft of Marcus Bell's, Fernleigh) and
/// WCC-SBD-2024-005 2026-27 Q1 (accepted, Wessex Shared Care), which is restated.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class ReturnsApiTests(WebAppFactory app)
{
    private const string Fernleigh = "marcus.bell@example.com";
    private const string SharedCare = "ruth.adeyemi@example.com";
    private const string FamilyHelp = "WCC-FHS-2025-003";
    private const string HomeCare = "WCC-ASC-2023-004";
    private const string ShortBreaks = "WCC-SBD-2024-005";
    private const string DraftPeriod = "2026-27-Q2";
    private const string Attendance = "Improved school attendance after family help";
    private const string StepUp = "Step-up to children's social care within 12 months of closure";
    private const string FamiliesStarting = "Families starting family help";

    private static readonly string[] ReviewLists = ["toReview", "restatements", "overdue"];

    private async Task<HttpClient> ClientFor(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        return client;
    }

    private Task<Guid> ContractId(string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    private async Task<string> ReturnUrl(string reference, string period) => $"/api/v1/contracts/{await ContractId(reference)}/returns/{period}";

    private static Uri Relative(string url) => new(url, UriKind.Relative);

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body = null, EntityTagHeaderValue? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, Relative(url)) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendCsv(HttpClient client, string url, byte[] csv, EntityTagHeaderValue? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Relative(url)) { Content = new ByteArrayContent(csv) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
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

    private static async Task<(JsonElement View, EntityTagHeaderValue ETag)> Read(HttpClient client, string url)
    {
        var response = await client.GetAsync(Relative(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag);
    }

    private static JsonElement Line(JsonElement view, string indicator) =>
        view.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("name").GetString() == indicator);

    private static Guid IndicatorId(JsonElement view, string indicator) => Line(view, indicator).GetProperty("indicatorId").GetGuid();

    private static async Task<EntityTagHeaderValue> ExpectNewVersion(HttpResponseMessage response, EntityTagHeaderValue previous)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotEqual(previous, etag);
        var version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.Equal($"\"{version}\"", etag.Tag);
        return etag;
    }

    [Fact]
    public async Task Workflow_DraftSubmittedQueriedRevisedAccepted_EveryChangeGuardedByItsETag()
    {
        var marcus = await ClientFor(Fernleigh);
        var priya = await ClientFor(WebAppFactory.Commissioner);
        var url = await ReturnUrl(FamilyHelp, DraftPeriod);

        // The seeded draft is missing two indicators: fill them in, guarded by the version just read.
        var (draft, etag) = await Read(marcus, url);
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        var attendance = IndicatorId(draft, Attendance);
        var figures = new
        {
            figures = new object[]
            {
                new { indicatorId = IndicatorId(draft, StepUp), numerator = 44, denominator = 352 },
                new { indicatorId = attendance, numerator = 121, denominator = 207, commentary = "Joint attendance plans continued." },
            },
        };
        var saved = await ExpectNewVersion(await Send(marcus, HttpMethod.Put, url, figures, etag), etag);

        var stale = await Send(marcus, HttpMethod.Put, url, figures, etag);
        Assert.Contains("Someone else changed this return", (await Problem(stale, HttpStatusCode.PreconditionFailed)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (filled, _) = await Read(marcus, url);
        Assert.Equal(121m, Line(filled, Attendance).GetProperty("numerator").GetDecimal());
        Assert.Empty(filled.GetProperty("submissionProblems").EnumerateArray());

        // The template comes back with the saved figures, so sending it straight back changes nothing.
        var template = await marcus.GetAsync(Relative(url + "/template"));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", template.Content.Headers.ContentDisposition?.DispositionType);
        var upload = await SendCsv(marcus, url + "/csv?fileName=template.csv", await template.Content.ReadAsByteArrayAsync(), saved);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var uploaded = await upload.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, uploaded.GetProperty("rows").GetInt32());
        Assert.False(uploaded.GetProperty("changedFigures").GetBoolean());

        var broken = Encoding.UTF8.GetBytes(
            "Contract reference,Period,Indicator,Unit,Target,Value,Numerator,Denominator,Commentary\r\n" +
            $"{FamilyHelp},2026-27 Q2,{FamiliesStarting},Count,450,lots,,,\r\n" +
            $"{FamilyHelp},2026-27 Q2,Families who moved house,Count,,12,,,\r\n");
        var refused = await Problem(await SendCsv(marcus, url + "/csv", broken), HttpStatusCode.UnprocessableEntity);
        var problems = refused.GetProperty("problems").EnumerateArray().ToArray();
        Assert.Contains(problems, p => p.GetProperty("line").GetInt32() == 2 && p.GetProperty("column").GetString() == "Value");
        Assert.Contains(problems, p => p.GetProperty("line").GetInt32() == 3 && p.GetProperty("column").GetString() == "Indicator");
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
        var (unchanged, _) = await Read(marcus, url);
        Assert.Equal(438m, Line(unchanged, FamiliesStarting).GetProperty("value").GetDecimal());

        // Evidence goes up as a multipart form and comes down as an attachment, to its own provider only.
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "file", "attendance-audit.pdf" } };
        var added = await marcus.PostAsync(Relative(url + "/evidence"), form);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var evidenceUrl = added.Headers.Location!.OriginalString;
        var download = await marcus.GetAsync(Relative(evidenceUrl));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var halden = await ClientFor(WebAppFactory.PrivateProvider);
        await Problem(await halden.GetAsync(Relative(evidenceUrl)), HttpStatusCode.NotFound);

        var (ready, readyTag) = await Read(marcus, url);
        Assert.True(ready.GetProperty("can").GetProperty("submit").GetBoolean());
        var submitted = await ExpectNewVersion(await Send(marcus, HttpMethod.Post, url + "/submission", ifMatch: readyTag), readyTag);

        // The commissioner queries one figure; the provider sees the question, revises and resubmits.
        const string question = "The attendance cohort is larger than last quarter. Does it include children from the academy trusts?";
        var queried = await ExpectNewVersion(
            await Send(priya, HttpMethod.Post, url + "/queries", new { questions = new[] { new { indicatorId = attendance, comment = question } } }, submitted),
            submitted);
        var (seen, seenTag) = await Read(marcus, url);
        Assert.Equal(queried, seenTag);
        Assert.Equal("Queried", seen.GetProperty("state").GetString());
        var query = Assert.Single(Line(seen, Attendance).GetProperty("queries").EnumerateArray());
        Assert.Equal(question, query.GetProperty("comment").GetString());
        Assert.True(query.GetProperty("isOpen").GetBoolean());

        var revision = new { figures = new[] { new { indicatorId = attendance, numerator = 119, denominator = 207, commentary = "Academy trust children are now included." } } };
        var revised = await ExpectNewVersion(await Send(marcus, HttpMethod.Put, url, revision, seenTag), seenTag);
        var resubmitted = await ExpectNewVersion(await Send(marcus, HttpMethod.Post, url + "/submission", ifMatch: revised), revised);

        await ExpectNewVersion(await Send(priya, HttpMethod.Post, url + "/acceptance", ifMatch: resubmitted), resubmitted);
        var again = await Problem(await Send(priya, HttpMethod.Post, url + "/acceptance"), HttpStatusCode.UnprocessableEntity);
        Assert.False(string.IsNullOrWhiteSpace(again.GetProperty("detail").GetString()));
        var (accepted, _) = await Read(marcus, url);
        Assert.Equal("Accepted", accepted.GetProperty("state").GetString());
        Assert.Equal(119m, Line(accepted, Attendance).GetProperty("numerator").GetDecimal());
    }

    [Theory]
    [InlineData("\"value\": \"four hundred\"", "figures[0].value", "Enter a number")]
    [InlineData("\"value\": 400, \"commentary\": 12", "figures[0].commentary", "Enter text, in quotes")]
    public async Task SaveReturnDraft_WrongJsonType_Is400WithTheFieldError(string fields, string key, string message)
    {
        var marcus = await ClientFor(Fernleigh);
        var url = await ReturnUrl(FamilyHelp, DraftPeriod);
        var (view, _) = await Read(marcus, url);
        using var content = new StringContent(
            $$"""{ "figures": [ { "indicatorId": "{{IndicatorId(view, FamiliesStarting)}}", {{fields}} } ] }""", Encoding.UTF8, "application/json");

        var response = await marcus.PutAsync(Relative(url), content);

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(message, errors.GetProperty(key)[0].GetString());
    }

    [Fact]
    public async Task SaveReturnDraft_IndicatorIdNotAnId_Is400WithTheFieldError()
    {
        var marcus = await ClientFor(Fernleigh);
        using var content = new StringContent("""{ "figures": [ { "indicatorId": "families", "value": 400 } ] }""", Encoding.UTF8, "application/json");

        var response = await marcus.PutAsync(Relative(await ReturnUrl(FamilyHelp, DraftPeriod)), content);

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.StartsWith("Enter an id like", errors.GetProperty("figures[0].indicatorId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveReturnDraft_NumeratorOverDenominator_Is400WithTheFieldError()
    {
        var marcus = await ClientFor(Fernleigh);
        var url = await ReturnUrl(FamilyHelp, DraftPeriod);
        var (view, _) = await Read(marcus, url);

        var response = await Send(marcus, HttpMethod.Put, url, new { figures = new[] { new { indicatorId = IndicatorId(view, Attendance), numerator = 300, denominator = 200 } } });

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal($"The numerator for {Attendance} cannot be more than the denominator", errors.GetProperty("figures[0].numerator")[0].GetString());
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/2026-27-Q2")]
    [InlineData("PUT", "/2026-27-Q2")]
    [InlineData("GET", "/2026-27-Q2/template")]
    [InlineData("GET", "/2026-27-Q2/evidence/8c0f2f3e-8f51-4c6e-9d1c-3a0d6c6f1b11")]
    [InlineData("POST", "/2026-27-Q2/submission")]
    [InlineData("POST", "/2026-27-Q2/restatements")]
    public async Task AnotherProvidersReturn_Is404Problem(string method, string path)
    {
        var marcus = await ClientFor(Fernleigh);
        var url = $"/api/v1/contracts/{await ContractId(HomeCare)}/returns{path}";
        object? body = method == "PUT" ? new { figures = Array.Empty<object>() } : path.EndsWith("/restatements", StringComparison.Ordinal) ? new { reason = "x" } : null;

        var response = await Send(marcus, new HttpMethod(method), url, body);

        Assert.Equal("Not found", (await Problem(response, HttpStatusCode.NotFound)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task AnotherProvidersReturn_CsvUpload_Is404Problem()
    {
        var marcus = await ClientFor(Fernleigh);
        var url = await ReturnUrl(HomeCare, DraftPeriod);

        var response = await SendCsv(marcus, url + "/csv", Encoding.UTF8.GetBytes("Contract reference,Period,Indicator,Value,Numerator,Denominator,Commentary\r\n"));

        await Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnotherProvidersReturn_EvidenceUpload_Is404Problem()
    {
        var marcus = await ClientFor(Fernleigh);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "file", "note.pdf" } };

        var response = await marcus.PostAsync(Relative(await ReturnUrl(HomeCare, DraftPeriod) + "/evidence"), form);

        await Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AcceptReturn_AsProvider_Is403Problem()
    {
        var marcus = await ClientFor(Fernleigh);

        var response = await Send(marcus, HttpMethod.Post, await ReturnUrl(FamilyHelp, "2026-27-Q1") + "/acceptance");

        Assert.Equal("Forbidden", (await Problem(response, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task QueryReturn_AsProvider_Is403Problem()
    {
        var marcus = await ClientFor(Fernleigh);

        var response = await Send(marcus, HttpMethod.Post, await ReturnUrl(FamilyHelp, "2026-27-Q1") + "/queries", new { questions = Array.Empty<object>() });

        await Problem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReturnsApi_SignedInCookie_IsNotAcceptedInPlaceOfAToken()
    {
        var client = await PageClient.SignedIn(app, Fernleigh, WebAppFactory.ProviderPassword);
        var url = await ReturnUrl(FamilyHelp, "2026-27-Q1");

        var read = await client.Http.GetAsync(Relative(url));
        var write = await client.Http.PostAsync(Relative(url + "/submission"), null);

        await Problem(read, HttpStatusCode.Unauthorized);
        await Problem(write, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task GetReturn_PeriodLabelWithASpace_IsTheSameReturn()
    {
        var marcus = await ClientFor(Fernleigh);
        var contract = await ContractId(FamilyHelp);

        var (bySlug, _) = await Read(marcus, $"/api/v1/contracts/{contract}/returns/2025-26-Q3");
        var (byLabel, _) = await Read(marcus, $"/api/v1/contracts/{contract}/returns/2025-26%20Q3");

        Assert.Equal("2025-26 Q3", byLabel.GetProperty("period").GetString());
        Assert.Equal(bySlug.GetProperty("returnId").GetGuid(), byLabel.GetProperty("returnId").GetGuid());
    }

    [Fact]
    public async Task GetReturn_AnyReturn_HasItsVersionAsItsETag()
    {
        var marcus = await ClientFor(Fernleigh);

        var (view, etag) = await Read(marcus, await ReturnUrl(FamilyHelp, "2025-26-Q4"));

        Assert.Equal($"\"{view.GetProperty("version").GetInt32()}\"", etag.Tag);
    }

    [Fact]
    public async Task GetReturn_NothingStoredYet_HasVersionZero()
    {
        var marcus = await ClientFor(Fernleigh);

        var (view, etag) = await Read(marcus, await ReturnUrl(FamilyHelp, "2027-28-Q1"));

        Assert.Equal("NotYetOpen", view.GetProperty("state").GetString());
        Assert.Equal("\"0\"", etag.Tag);
    }

    [Theory]
    [InlineData("not-a-period")]
    [InlineData("2040-41-Q1")]
    public async Task GetReturn_UnknownPeriod_Is404Problem(string period)
    {
        var marcus = await ClientFor(Fernleigh);

        var response = await marcus.GetAsync(Relative(await ReturnUrl(FamilyHelp, period)));

        await Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetReturnCalendar_OwnContract_ListsEveryPeriodWithItsState()
    {
        var marcus = await ClientFor(Fernleigh);

        var calendar = await marcus.GetFromJsonAsync<JsonElement>(Relative($"/api/v1/contracts/{await ContractId(FamilyHelp)}/returns"));

        var periods = calendar.GetProperty("periods").EnumerateArray().ToArray();
        Assert.Equal(20, periods.Length);
        Assert.Equal("Accepted", periods.Single(p => p.GetProperty("periodSlug").GetString() == "2025-26-Q1").GetProperty("state").GetString());
        Assert.Equal("NotYetOpen", periods.Single(p => p.GetProperty("periodSlug").GetString() == "2029-30-Q4").GetProperty("state").GetString());
    }

    [Fact]
    public async Task UploadReturnCsv_OverTheSizeLimit_Is413Problem()
    {
        var marcus = await ClientFor(Fernleigh);

        var response = await SendCsv(marcus, await ReturnUrl(FamilyHelp, DraftPeriod) + "/csv", new byte[1_048_577]);

        await Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task UploadReturnCsv_NotSentAsCsv_Is415Problem()
    {
        var marcus = await ClientFor(Fernleigh);

        var response = await Send(marcus, HttpMethod.Post, await ReturnUrl(FamilyHelp, DraftPeriod) + "/csv", new { rows = 1 });

        await Problem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AddEvidence_OverTheSizeLimit_Is413Problem()
    {
        var marcus = await ClientFor(Fernleigh);
        var large = new byte[(10 * 1024 * 1024) + (128 * 1024)];
        "%PDF-1.4\n"u8.CopyTo(large);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(large), "file", "large.pdf" } };

        var response = await marcus.PostAsync(Relative(await ReturnUrl(FamilyHelp, DraftPeriod) + "/evidence"), form);

        await Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AddEvidence_NoFile_Is400WithTheFieldError()
    {
        var marcus = await ClientFor(Fernleigh);
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "note" } };

        var response = await marcus.PostAsync(Relative(await ReturnUrl(FamilyHelp, DraftPeriod) + "/evidence"), form);

        Assert.Equal("Select a file", (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task Restatement_ProposedByProviderApprovedByCommissioner_TheReturnShowsTheRestatedFigure()
    {
        var ruth = await ClientFor(SharedCare);
        var priya = await ClientFor(WebAppFactory.Commissioner);
        var url = await ReturnUrl(ShortBreaks, "2026-27-Q1");
        var (before, _) = await Read(ruth, url);
        Assert.Equal("Accepted", before.GetProperty("state").GetString());
        Assert.True(before.GetProperty("can").GetProperty("proposeRestatement").GetBoolean());
        const string children = "Children receiving short breaks";

        var missingReason = await Send(ruth, HttpMethod.Post, url + "/restatements", new { indicatorId = IndicatorId(before, children), value = 244 });
        Assert.Equal("Enter the reason for the restatement", (await Problem(missingReason, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("reason")[0].GetString());
        var proposed = await Send(ruth, HttpMethod.Post, url + "/restatements", new
        {
            indicatorId = IndicatorId(before, children),
            value = 244,
            reason = "Three children who started at the new Saturday club in June were recorded against July.",
        });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var restatementId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (pending, pendingTag) = await Read(priya, url);
        Assert.Equal(241m, Line(pending, children).GetProperty("value").GetDecimal());
        Assert.True(pending.GetProperty("can").GetProperty("decideRestatement").GetBoolean());

        var byProvider = await Send(ruth, HttpMethod.Post, $"{url}/restatements/{restatementId}/decision", new { approve = true });
        await Problem(byProvider, HttpStatusCode.Forbidden);
        await ExpectNewVersion(await Send(priya, HttpMethod.Post, $"{url}/restatements/{restatementId}/decision", new { approve = true }, pendingTag), pendingTag);

        var (after, _) = await Read(ruth, url);
        var line = Line(after, children);
        Assert.Equal(244m, line.GetProperty("value").GetDecimal());
        Assert.True(line.GetProperty("isRestated").GetBoolean());
        var restatement = after.GetProperty("restatements").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == restatementId);
        Assert.Equal("Approved", restatement.GetProperty("status").GetString());
        Assert.Equal(241m, restatement.GetProperty("previousValue").GetDecimal());
    }

    [Fact]
    public async Task ListReturnsForReview_AsCommissioner_ListsWorkOnItsContracts()
    {
        var priya = await ClientFor(WebAppFactory.Commissioner);
        var ownContracts = await app.Db(db => db.Contracts.Select(c => c.Id.Value).ToListAsync());

        var response = await priya.GetAsync(Relative("/api/v1/returns/review"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var work = await response.Content.ReadFromJsonAsync<JsonElement>();
        var listed = ReviewLists.SelectMany(list => work.GetProperty(list).EnumerateArray()).ToArray();
        Assert.All(listed, item => Assert.Contains(item.GetProperty("contractId").GetGuid(), ownContracts));
    }

    [Fact]
    public async Task ListReturnsForReview_AsProvider_Is403Problem()
    {
        var marcus = await ClientFor(Fernleigh);

        var response = await marcus.GetAsync(Relative("/api/v1/returns/review"));

        await Problem(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheReturnsApi()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(Relative("/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        const string single = "/api/v1/contracts/{contractId}/returns/{period}";
        foreach (var path in new[]
                 {
                     "/api/v1/contracts/{contractId}/returns", single, single + "/submission", single + "/withdrawal", single + "/acceptance",
                     single + "/queries", single + "/restatements", single + "/restatements/{restatementId}/decision", single + "/template",
                     single + "/csv", single + "/evidence", single + "/evidence/{evidenceId}", "/api/v1/returns/review",
                 })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var put = paths.GetProperty(single).GetProperty("put");
        Assert.Equal("SaveReturnDraft", put.GetProperty("operationId").GetString());
        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("412", out _));
        Assert.True(paths.GetProperty(single + "/csv").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.True(paths.GetProperty(single + "/evidence").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("ReturnView", out _));
        Assert.True(schemas.TryGetProperty("ReturnFiguresBody", out _));
    }
}
