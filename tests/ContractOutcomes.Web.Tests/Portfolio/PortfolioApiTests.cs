using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Portfolio;

/// <summary>GET /api/v1/portfolio through bearer tokens. Read only; asserts only on facts other tests do not change.</summary>
[Collection(WebTestGroup.Name)]
public sealed class PortfolioApiTests(WebAppFactory app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string Halden = "WCC-ASC-2023-004";

    private static readonly string[] DemoReferences =
        [Trust, "WCC-CLS-2023-002", "WCC-FHS-2025-003", Halden, "WCC-SBD-2024-005", "WCC-ADV-2025-006", "WCC-SMR-2025-007"];

    private async Task<HttpClient> ClientFor(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        return client;
    }

    private static async Task<JsonElement> Portfolio(HttpClient client, string query = "")
    {
        var response = await client.GetAsync(new Uri("/api/v1/portfolio" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<JsonElement> Rows(JsonElement view) => [.. view.GetProperty("contracts").EnumerateArray()];

    private static List<string> References(JsonElement view) => [.. Rows(view).Select(r => r.GetProperty("reference").GetString()!)];

    private static JsonElement RowOf(JsonElement view, string reference) =>
        Assert.Single(Rows(view), r => r.GetProperty("reference").GetString() == reference);

    [Fact]
    public async Task GetPortfolio_Commissioner_ListsEveryDemoContractWithSummariesAndOptions()
    {
        var view = await Portfolio(await ClientFor(WebAppFactory.Commissioner));

        Assert.All(DemoReferences, reference => Assert.Contains(reference, References(view)));
        var draft = RowOf(view, "WCC-SMR-2025-007");
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("yearToDate").ValueKind);
        var summary = view.GetProperty("summary");
        Assert.Equal(5, summary.GetProperty("byStage").GetArrayLength());
        Assert.True(summary.GetProperty("byOrganisationType").GetArrayLength() > 0);
        Assert.True(summary.GetProperty("byProfitStatus").GetArrayLength() > 0);
        var rows = Rows(view).Where(r => r.GetProperty("yearToDate").ValueKind == JsonValueKind.Object).ToList();
        Assert.Equal(rows.Sum(r => r.GetProperty("yearToDate").GetProperty("netPayment").GetDecimal()), summary.GetProperty("netPayment").GetDecimal());
        Assert.True(view.GetProperty("options").GetProperty("providers").GetArrayLength() >= 7);
    }

    [Fact]
    public async Task GetPortfolio_Halden_CarriesItsStageFailureAndMoneyWithEachQuarter()
    {
        var view = await Portfolio(await ClientFor(WebAppFactory.Commissioner));

        var halden = RowOf(view, Halden);
        Assert.Equal("FormalPerformanceNotice", halden.GetProperty("stage").GetString());
        Assert.True(halden.GetProperty("failedToImprove").GetBoolean());
        Assert.Equal("2026-12-14", halden.GetProperty("performanceNoticeDueBy").GetString());
        Assert.Equal("PrivateCompany", halden.GetProperty("organisationType").GetString());
        Assert.False(halden.GetProperty("isNotForProfit").GetBoolean());
        var money = halden.GetProperty("yearToDate");
        Assert.True(money.GetProperty("periods").GetArrayLength() > 0);
        Assert.True(halden.GetProperty("ratings").TryGetProperty("notReported", out _));
    }

    [Fact]
    public async Task GetPortfolio_Provider_SeesOnlyItsOwnContract()
    {
        var view = await Portfolio(await ClientFor(WebAppFactory.TrustProvider));

        Assert.Contains(Trust, References(view));
        Assert.All(Rows(view), r => Assert.Equal("Wessex Children's Trust", r.GetProperty("providerName").GetString()));
        Assert.DoesNotContain(Halden, References(view));
    }

    [Fact]
    public async Task GetPortfolio_OrganisationTypeFilter_ListsOnlyThatType()
    {
        var view = await Portfolio(await ClientFor(WebAppFactory.Commissioner), "?organisationType=PrivateCompany");

        Assert.Contains(Halden, References(view));
        Assert.All(Rows(view), r => Assert.Equal("PrivateCompany", r.GetProperty("organisationType").GetString()));
    }

    [Fact]
    public async Task GetPortfolio_StageAndProviderFilters_CombineAndTheStageFilterLeavesOutDrafts()
    {
        var halden = await app.Db(db => db.Organisations.Where(o => o.Name == "Halden Home Care Ltd").Select(o => o.Id.Value).SingleAsync());
        var client = await ClientFor(WebAppFactory.Commissioner);

        var atNotice = await Portfolio(client, $"?stage=FormalPerformanceNotice&providerId={halden}");
        var atRoutine = await Portfolio(client, $"?stage=RoutineMonitoring&providerId={halden}");

        Assert.Equal([Halden], References(atNotice));
        Assert.Empty(References(atRoutine));
        Assert.All(Rows(await Portfolio(client, "?stage=ImprovementPlan")), r => Assert.Equal("ImprovementPlan", r.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task GetPortfolio_ServiceAreaAndPeriod_ShowThatPeriod()
    {
        var view = await Portfolio(await ClientFor(WebAppFactory.Commissioner), "?serviceArea=Children%27s%20social%20care&period=2025-26-Q4");

        var trust = RowOf(view, Trust);
        Assert.Equal("2025-26 Q4", view.GetProperty("chosenPeriod").GetString());
        Assert.Equal("2025-26 Q4", trust.GetProperty("period").GetString());
        Assert.True(trust.GetProperty("ratings").GetProperty("inadequate").GetInt32() > 0);
        Assert.Equal(4, trust.GetProperty("yearToDate").GetProperty("periods").GetArrayLength());
    }

    [Fact]
    public async Task GetPortfolio_PeriodNotAPeriod_Is400WithTheFieldError()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await client.GetAsync(new Uri("/api/v1/portfolio?period=soon", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Enter a period like 2026-27 Q2, or select one from the list", problem.GetProperty("errors").GetProperty("period")[0].GetString());
    }

    [Fact]
    public async Task GetPortfolio_StageNotAStage_Is400()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await client.GetAsync(new Uri("/api/v1/portfolio?stage=Panic", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetPortfolio_WithoutAToken_Is401()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/portfolio", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesThePortfolioEndpoint()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));

        var get = document.GetProperty("paths").GetProperty("/api/v1/portfolio").GetProperty("get");
        Assert.StartsWith("Every contract you may see", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["providerId", "organisationType", "serviceArea", "stage", "period"], parameters);
    }
}
