using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Charts;

/// <summary>
/// The indicator trend page, on the shared demo database. Read only. Another engineer's tests accept
/// WCC-CSC-2024-001 2026-27 Q2 and submit WCC-FHS-2025-003 2026-27 Q2, so these tests do not depend on
/// how many periods those contracts have evaluated, only on the page agreeing with itself.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class IndicatorTrendPageTests(WebAppFactory app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string FamilyHelp = "WCC-FHS-2025-003";
    private const string Assessments = "Single assessments completed within 45 working days";
    private const string StepUp = "Step-up to children's social care within 12 months of closure";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private async Task<string> TrendUrl(string reference, string name)
    {
        var found = await app.Db(db => db.Contracts.AsNoTracking().Where(c => c.Reference == reference)
            .SelectMany(c => c.Indicators.Where(i => i.Name == name), (c, i) => new { ContractId = c.Id.Value, IndicatorId = i.Id.Value })
            .SingleAsync());
        return $"/Contracts/{found.ContractId}/Performance/Indicators/{found.IndicatorId}";
    }

    private static async Task<(IHtmlDocument Document, string Html)> Page(PageClient client, string url)
    {
        var response = await client.Http.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return (await PageClient.Html(new HttpResponseMessage { Content = new StringContent(html) }), html);
    }

    /// <summary>The chart exactly as the server wrote it, read as XML.</summary>
    private static XElement ChartXml(string html)
    {
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", start, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The page has no inline SVG chart.");
        return XElement.Parse(html[start..(end + "</svg>".Length)]);
    }

    private static IHtmlTableElement DataTable(IHtmlDocument document) =>
        Assert.IsAssignableFrom<IHtmlTableElement>(document.QuerySelector("#trend-data table#trend-table"));

    [Fact]
    public async Task Get_Commissioner_ShowsHeadingDefinitionChartDataTableAndTotal()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var url = await TrendUrl(Trust, Assessments);

        var (document, html) = await Page(client, url);

        Assert.Equal(Assessments, document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("45 working days", document.QuerySelector("p.govuk-body-l")?.TextContent, StringComparison.Ordinal);
        var back = document.QuerySelector(".govuk-back-link");
        Assert.NotNull(back);
        Assert.EndsWith("/Performance", back.GetAttribute("href"), StringComparison.Ordinal);

        var svg = document.QuerySelector("svg[role='img']");
        Assert.NotNull(svg);
        var xml = ChartXml(html);
        Assert.Equal(Assessments + " – trend chart", xml.Element(Svg + "title")?.Value);
        var desc = xml.Element(Svg + "desc")?.Value;
        Assert.NotNull(desc);
        Assert.StartsWith(Assessments + " over 8 quarters from ", desc, StringComparison.Ordinal);
        Assert.Contains("currently ", desc, StringComparison.Ordinal);
        foreach (var series in new[] { "actual", "target", "baseline", "bands" })
        {
            Assert.Single(xml.Descendants(Svg + "g"), g => (string?)g.Attribute("data-series") == series);
        }

        var details = document.QuerySelector("details#trend-data");
        Assert.NotNull(details);
        Assert.Equal("Show the data", details.QuerySelector("summary")?.TextContent.Trim());
        var table = DataTable(document);
        Assert.Equal(Assessments + " by quarter", table.Caption?.TextContent.Trim());
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.Equal(
            ["Quarter", "Actual", "Numerator / denominator", "Target", "Rating", "Trend", "Restated"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(8, table.Bodies[0].Rows.Length);
        Assert.All(table.Bodies[0].Rows, row => Assert.Equal("row", row.Cells[0].GetAttribute("scope")));
        Assert.All(table.Bodies[0].Rows, row => Assert.NotNull(row.Cells[4].QuerySelector("strong.govuk-tag")));
        Assert.NotNull(document.QuerySelector("table#trend-bands caption"));

        Assert.EndsWith("%", document.QuerySelector("#total-value")?.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("not averaged", document.QuerySelector("#total-explanation")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Chart_HasOneSlotMarkerOrGapAndTableRowPerPeriod()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (document, html) = await Page(client, await TrendUrl(FamilyHelp, StepUp) + "?Periods=4");

        var rows = DataTable(document).Bodies[0].Rows;
        Assert.Equal(4, rows.Length);
        var xml = ChartXml(html);
        var target = Assert.Single(xml.Descendants(Svg + "g"), g => (string?)g.Attribute("data-series") == "target");
        var bandColumns = xml.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-series") == "bands")
            .Elements(Svg + "rect").Select(r => (string?)r.Element(Svg + "title")?.Value.Split(':')[0]).Distinct().ToList();
        Assert.Equal(rows.Select(r => r.Cells[0].TextContent.Replace("performance", string.Empty, StringComparison.Ordinal).Trim()), bandColumns);
        Assert.Equal(rows.Count(r => r.Cells[1].TextContent.Trim() != "No figure"),
            xml.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-series") == "actual").Elements().Count(e => e.Attribute("data-rating") is not null));
        Assert.Contains("Target:", target.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_IndicatorNameWithApostrophe_IsEscapedInTheHtmlAndTheChart()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (document, html) = await Page(client, await TrendUrl(FamilyHelp, StepUp));

        Assert.Equal(StepUp, document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("children&#x27;s social care", html, StringComparison.Ordinal);
        var xml = ChartXml(html);
        Assert.Equal(StepUp + " – trend chart", xml.Element(Svg + "title")?.Value);
        Assert.StartsWith(StepUp, xml.Element(Svg + "desc")?.Value, StringComparison.Ordinal);
        Assert.Equal(StepUp + " by quarter", DataTable(document).Caption?.TextContent.Trim());
    }

    [Fact]
    public async Task Get_ContractsOwnProvider_SeesTheTrend()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (document, html) = await Page(client, await TrendUrl(Trust, Assessments));

        Assert.Equal(Assessments, document.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(8, DataTable(document).Bodies[0].Rows.Length);
        Assert.NotNull(ChartXml(html).Element(Svg + "desc"));
    }

    [Fact]
    public async Task Get_ProviderOfAnotherOrganisation_IsNotFound()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.PrivateProvider, WebAppFactory.ProviderPassword);

        var (response, _) = await client.Get(await TrendUrl(Trust, Assessments));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownIndicator_IsNotFound()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var url = await TrendUrl(Trust, Assessments);

        var (response, _) = await client.Get(url[..(url.LastIndexOf('/') + 1)] + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_Anonymous_RedirectsToSignIn()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(await TrendUrl(Trust, Assessments), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PeriodsSelect_IsAGetFormWithTheChoicesAndTheCurrentOneSelected()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var url = await TrendUrl(Trust, Assessments);

        var (document, _) = await Page(client, url + "?Periods=12");

        var form = document.Forms.Single(f => f.QuerySelector("select#Periods") is not null);
        Assert.Equal("get", form.Method, ignoreCase: true);
        Assert.Equal(url, form.GetAttribute("action"));
        var select = Assert.IsAssignableFrom<IHtmlSelectElement>(form.QuerySelector("select#Periods"));
        Assert.Equal(["4", "8", "12", "20"], select.Options.Select(o => o.Value));
        Assert.Equal("12", select.Value);
        Assert.NotNull(document.QuerySelector("label[for='Periods']"));
        Assert.Equal(Math.Min(12, DataTable(document).Bodies[0].Rows.Length), DataTable(document).Bodies[0].Rows.Length);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("41")]
    [InlineData("0")]
    public async Task Get_PeriodsOutOfRange_ShowsAnErrorAndTheDefaultEightPeriods(string periods)
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (document, _) = await Page(client, await TrendUrl(Trust, Assessments) + "?Periods=" + periods);

        var summary = document.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        Assert.Contains("Select how many quarters to show", summary.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#Periods-error"));
        Assert.Equal("8", Assert.IsAssignableFrom<IHtmlSelectElement>(document.QuerySelector("select#Periods")).Value);
        Assert.Equal(8, DataTable(document).Bodies[0].Rows.Length);
    }
}
