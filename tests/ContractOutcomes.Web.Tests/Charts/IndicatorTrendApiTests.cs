using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Charts;

/// <summary>The trend API and its SVG, through bearer tokens, on the shared demo database. Read only.</summary>
[Collection(WebTestGroup.Name)]
public sealed class IndicatorTrendApiTests(WebAppFactory app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string HomeCare = "WCC-ASC-2023-004";
    private const string Assessments = "Single assessments completed within 45 working days";
    private const string HoursDelivered = "Planned reablement hours delivered";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private async Task<HttpClient> ClientFor(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        return client;
    }

    private async Task<string> TrendUrl(string reference, string name)
    {
        var found = await app.Db(db => db.Contracts.AsNoTracking().Where(c => c.Reference == reference)
            .SelectMany(c => c.Indicators.Where(i => i.Name == name), (c, i) => new { ContractId = c.Id.Value, IndicatorId = i.Id.Value })
            .SingleAsync());
        return $"/api/v1/contracts/{found.ContractId}/indicators/{found.IndicatorId}/trend";
    }

    private static Uri Relative(string url) => new(url, UriKind.Relative);

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task GetTrend_Commissioner_ReturnsSeriesBandsBaselineTotalAndAlternativeText()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);

        var trend = await client.GetFromJsonAsync<JsonElement>(Relative(await TrendUrl(Trust, Assessments)));

        Assert.Equal(Assessments, trend.GetProperty("name").GetString());
        Assert.Equal("Percentage", trend.GetProperty("unit").GetString());
        Assert.Equal(8, trend.GetProperty("periodsRequested").GetInt32());
        var periods = trend.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(8, periods.Count);
        var first = periods[0];
        Assert.Matches(@"^\d{4}-\d{2} Q[1-4]$", first.GetProperty("period").GetString()!);
        Assert.Equal(4, first.GetProperty("bands").GetArrayLength());
        Assert.Equal("Good", first.GetProperty("bands")[0].GetProperty("rating").GetString());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("trendText").GetString()));

        var chart = trend.GetProperty("chart");
        Assert.StartsWith(Assessments + " over 8 quarters", chart.GetProperty("alternativeText").GetString(), StringComparison.Ordinal);
        Assert.Equal(8, chart.GetProperty("actuals").GetArrayLength());
        Assert.Equal(8, chart.GetProperty("target").GetArrayLength());
        Assert.Equal(8, chart.GetProperty("bands").GetArrayLength());
        Assert.Equal(78.4m, chart.GetProperty("baseline").GetProperty("value").GetDecimal());
        Assert.True(chart.GetProperty("scale").GetProperty("ticks").GetArrayLength() >= 3);

        var total = trend.GetProperty("total");
        var numerators = periods.Sum(p => p.GetProperty("numerator").GetDecimal());
        var denominators = periods.Sum(p => p.GetProperty("denominator").GetDecimal());
        Assert.Equal(numerators, total.GetProperty("numerator").GetDecimal());
        Assert.Equal(denominators, total.GetProperty("denominator").GetDecimal());
        Assert.Contains("not averaged", total.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTrend_PeriodsParameter_LimitsThePeriods()
    {
        var client = await ClientFor(WebAppFactory.TrustProvider);

        var trend = await client.GetFromJsonAsync<JsonElement>(Relative(await TrendUrl(Trust, Assessments) + "?periods=4"));

        Assert.Equal(4, trend.GetProperty("periods").GetArrayLength());
        Assert.Equal(4, trend.GetProperty("chart").GetProperty("periods").GetArrayLength());
    }

    [Fact]
    public async Task GetTrend_NotReportedPeriod_HasANullActual()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);

        var trend = await client.GetFromJsonAsync<JsonElement>(Relative(await TrendUrl(HomeCare, HoursDelivered)));

        var latest = trend.GetProperty("periods").EnumerateArray().Last();
        Assert.Equal("2026-27 Q2", latest.GetProperty("period").GetString());
        Assert.Equal(JsonValueKind.Null, latest.GetProperty("actual").ValueKind);
        Assert.Equal("NotReported", latest.GetProperty("rating").GetString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("41")]
    public async Task GetTrend_PeriodsOutOfRange_Is400WithTheField(string periods)
    {
        var client = await ClientFor(WebAppFactory.Commissioner);

        var response = await client.GetAsync(Relative(await TrendUrl(Trust, Assessments) + "?periods=" + periods));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.Equal("Enter a number of periods between 1 and 40", problem.GetProperty("errors").GetProperty("periods")[0].GetString());
    }

    [Fact]
    public async Task GetTrend_WithoutToken_Is401()
    {
        var response = await app.CreateClient().GetAsync(Relative(await TrendUrl(Trust, Assessments)));

        await Problem(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".svg")]
    public async Task GetTrend_ProviderOfAnotherOrganisation_Is404(string suffix)
    {
        var client = await ClientFor(WebAppFactory.PrivateProvider);

        var response = await client.GetAsync(Relative(await TrendUrl(Trust, Assessments) + suffix));

        await Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetTrend_UnknownIndicator_Is404()
    {
        var client = await ClientFor(WebAppFactory.Commissioner);
        var url = await TrendUrl(Trust, Assessments);
        var unknown = url.Replace(url.Split('/')[^2], Guid.NewGuid().ToString(), StringComparison.Ordinal);

        var response = await client.GetAsync(Relative(unknown));

        await Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetTrendSvg_ContractsOwnProvider_IsAnSvgImageWithTitleDescriptionAndSeries()
    {
        var client = await ClientFor(WebAppFactory.TrustProvider);

        var response = await client.GetAsync(Relative(await TrendUrl(Trust, Assessments) + ".svg?periods=12"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("800", (string?)svg.Attribute("width"));
        Assert.Equal(Assessments + " – trend chart", svg.Element(Svg + "title")?.Value);
        Assert.StartsWith(Assessments + " over ", svg.Element(Svg + "desc")?.Value, StringComparison.Ordinal);
        foreach (var series in new[] { "actual", "target", "baseline", "bands", "legend" })
        {
            Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("data-series") == series);
        }
    }

    [Fact]
    public async Task OpenApi_DocumentsBothEndpoints()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(Relative("/openapi/v1.json"));

        var paths = document.GetProperty("paths");
        var trend = paths.GetProperty("/api/v1/contracts/{contractId}/indicators/{indicatorId}/trend").GetProperty("get");
        var svg = paths.GetProperty("/api/v1/contracts/{contractId}/indicators/{indicatorId}/trend.svg").GetProperty("get");
        Assert.False(string.IsNullOrWhiteSpace(trend.GetProperty("summary").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(svg.GetProperty("summary").GetString()));
        Assert.True(svg.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("image/svg+xml", out _));
    }
}
