using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Performance;

/// <summary>
/// The contract performance page, the Other rating page and the performance links on the contract page, through the
/// rendered HTML. The only change made is to Other ratings of WCC-ADV-2025-006 2025-26 Q1, each recorded and
/// withdrawn again within one test; everything else read here is demo data nobody changes.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class PerformancePageTests(WebAppFactory app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string Lantern = "WCC-ADV-2025-006";
    private const string Recovery = "WCC-SMR-2025-007";
    private const string Assessments = "Single assessments completed within 45 working days";
    private const string Advocacy = "Young people receiving advocacy";
    private const string ListenedTo = "Young people who felt listened to";
    private const string DecisionPeriod = "2025-26-Q1";

    [Fact]
    public async Task PerformancePage_Commissioner_ShowsRatingsFiguresPaymentsAndEscalationWithTheArithmetic()
    {
        var trust = await ContractId(Trust);
        var client = await Commissioner();

        var (response, document) = await client.Get($"/Contracts/{trust}/Performance/2026-27-Q1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Performance for 2026-27 Q1", Text(document.QuerySelector("h1")), StringComparison.Ordinal);
        var row = IndicatorRow(document, Assessments);
        Assert.Equal("Inadequate", Text(row.QuerySelector(".govuk-tag")));
        Assert.Contains("govuk-tag--red", row.QuerySelector(".govuk-tag")!.ClassName, StringComparison.Ordinal);
        var indicatorId = row.Id!["indicator-".Length..];
        Assert.NotNull(row.QuerySelector($"a[href='#rating-{indicatorId}']"));
        var ratingDetails = document.QuerySelector($"details#rating-{indicatorId}");
        Assert.NotNull(ratingDetails);
        Assert.Equal($"How this rating was worked out: {Assessments}", Text(ratingDetails.QuerySelector("summary")));
        Assert.Contains("short of target", Text(ratingDetails.QuerySelector(".govuk-details__text")), StringComparison.Ordinal);
        var trendLink = row.QuerySelector("th a");
        Assert.NotNull(trendLink);
        Assert.Matches($"^/Contracts/{trust}/Performance/Indicators/[0-9a-f-]{{36}}$", trendLink.GetAttribute("href"));
        Assert.Contains("Record as Other", Text(row), StringComparison.Ordinal);

        var paymentRow = document.QuerySelectorAll("#payment-lines tbody tr").Single(r => Text(r.QuerySelector("th")).StartsWith(Assessments, StringComparison.Ordinal));
        Assert.Contains("floor", Text(paymentRow.QuerySelector("details .govuk-details__text")), StringComparison.Ordinal);
        var baseFee = document.QuerySelector("#payment-base-fee details .govuk-details__text");
        Assert.Equal("£24,000,000 a year × 92% not at risk ÷ 4 quarters = £5,520,000.00 base fee.", Text(baseFee));
        var totals = document.QuerySelectorAll("#payment-totals tbody tr");
        var net = totals.Single(r => Text(r.QuerySelector("th")).StartsWith("Net payment", StringComparison.Ordinal));
        Assert.Contains("net payment.", Text(net.QuerySelector("details .govuk-details__text")), StringComparison.Ordinal);
        Assert.Contains("How the overall score was worked out", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Assessments}: Inadequate (0 points) × 20%", document.Body.TextContent, StringComparison.Ordinal);

        var escalation = document.QuerySelector("#escalation-panel");
        Assert.NotNull(escalation);
        Assert.Contains("Improvement plan", escalation.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rule 1: Any indicator rated Inadequate or worse for 2 consecutive periods", escalation.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"a[href='/Contracts/{trust}/Escalation']"));
        Assert.NotNull(document.QuerySelector($"a[href='/Contracts/{trust}/Returns/2026-27-Q1']"));
    }

    [Fact]
    public async Task PerformancePage_TrendArrows_HaveWordsBesideThemAndNeverRelyOnColour()
    {
        var trust = await ContractId(Trust);
        var client = await Commissioner();

        var (_, document) = await client.Get($"/Contracts/{trust}/Performance/2026-27-Q1");

        // Social worker turnover rose from 17.5% to 18.3%: the arrow points up, and for a lower-is-better indicator that is worsening.
        var turnover = IndicatorRow(document, "Social worker turnover");
        var trend = turnover.Children[7];
        Assert.Equal("▲", Text(trend.QuerySelector("[aria-hidden='true']")));
        Assert.Contains("rose", Text(trend.QuerySelector(".govuk-visually-hidden")), StringComparison.Ordinal);
        Assert.Contains("Worsening for 2 periods", trend.TextContent, StringComparison.Ordinal);
        var assessments = IndicatorRow(document, Assessments).Children[7];
        Assert.Equal("▲", Text(assessments.QuerySelector("[aria-hidden='true']")));
        Assert.Contains("Improving this period", assessments.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerformancePage_TheContractsProvider_SeesTheResultsWithoutDecisions()
    {
        var trust = await ContractId(Trust);
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, document) = await client.Get($"/Contracts/{trust}/Performance/2026-27-Q1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Inadequate", Text(IndicatorRow(document, Assessments).QuerySelector(".govuk-tag")));
        Assert.NotNull(document.QuerySelector("#payment-lines"));
        Assert.DoesNotContain("Record as Other", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("a[href*='/Other/']"));
    }

    [Fact]
    public async Task PerformancePage_ProviderOfAnotherOrganisation_IsNotFound()
    {
        var trust = await ContractId(Trust);
        var client = await PageClient.SignedIn(app, WebAppFactory.PrivateProvider, WebAppFactory.ProviderPassword);

        var (response, document) = await client.Get($"/Contracts/{trust}/Performance");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Trust, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerformancePage_Anonymous_RedirectsToSignIn()
    {
        var trust = await ContractId(Trust);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri($"/Contracts/{trust}/Performance", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerformancePage_PeriodPicker_ListsEveryEndedPeriodAndGoesToTheOneChosen()
    {
        var trust = await ContractId(Trust);
        var client = await Commissioner();

        var (_, document) = await client.Get($"/Contracts/{trust}/Performance/2025-26-Q4");
        var picker = document.QuerySelector("form[method='get'] select#period") as IHtmlSelectElement;
        Assert.NotNull(picker);
        Assert.NotNull(document.QuerySelector("label[for='period']"));
        Assert.Equal("2025-26-Q4", picker.Value);
        var options = picker.Options.Select(o => o.Value).ToList();
        Assert.Equal("2026-27-Q2", options[0]);
        Assert.Equal("2024-25-Q1", options[^1]);
        Assert.Equal(10, options.Count);

        var chosen = await client.Http.GetAsync(new Uri($"/Contracts/{trust}/Performance?period=2024-25-Q3", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal($"/Contracts/{trust}/Performance/2024-25-Q3", chosen.Headers.Location?.OriginalString);
        var (shown, page) = await client.Get(chosen.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Performance for 2024-25 Q3", Text(page.QuerySelector("h1")), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#periods + table a[href='/Contracts/{trust}/Performance/2025-26-Q4']"));
        Assert.NotNull(page.QuerySelector($"#periods + table a[href='/Contracts/{trust}/Returns/2024-25-Q3']"));
    }

    [Theory]
    [InlineData("/Performance/not-a-period")]
    [InlineData("/Performance/2030-31-Q1")]
    [InlineData("/Performance/2027-28-Q1")]
    [InlineData("/Performance?period=not-a-period")]
    public async Task PerformancePage_UnknownPeriod_IsNotFound(string rest)
    {
        var trust = await ContractId(Trust);
        var client = await Commissioner();

        var (response, _) = await client.Get($"/Contracts/{trust}{rest}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PerformancePage_RestatedPeriod_MarksTheLineAndShowsWhatWasPaidBefore()
    {
        var lantern = await ContractId(Lantern);
        var client = await Commissioner();

        var (_, document) = await client.Get($"/Contracts/{lantern}/Performance/2025-26-Q3");

        var line = document.QuerySelectorAll("#payment-lines tbody tr").Single(r => Text(r.QuerySelector("th")).StartsWith(Advocacy, StringComparison.Ordinal));
        Assert.Contains("Restated", Text(line.QuerySelector(".govuk-tag")), StringComparison.Ordinal);
        Assert.Contains("Earned £712.50 before the restatement", line.TextContent, StringComparison.Ordinal);
        Assert.Contains("The net payment was £70,893.76 before the restatement", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Restated", Text(IndicatorRow(document, Advocacy).QuerySelectorAll(".govuk-tag")[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherRating_Commissioner_RecordsItWithTheReasonThenWithdrawsIt()
    {
        var lantern = await ContractId(Lantern);
        var client = await Commissioner();
        var url = await OtherUrl(client, lantern, Advocacy);
        const string Reason = "The referral system was offline for six weeks after the council's IT migration.";

        var recorded = await client.PostForm(url, new Dictionary<string, string> { ["Input.Reason"] = Reason });

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var location = recorded.Headers.Location!.OriginalString;
        Assert.StartsWith($"/Contracts/{lantern}/Performance/{DecisionPeriod}#indicator-", location, StringComparison.Ordinal);
        var (_, page) = await client.Get(location.Split('#')[0]);
        Assert.Contains("is rated Other for 2025-26 Q1", Text(page.QuerySelector(".govuk-notification-banner")), StringComparison.Ordinal);
        var row = IndicatorRow(page, Advocacy);
        var tag = row.QuerySelector(".govuk-tag");
        Assert.Equal("Other", Text(tag));
        Assert.Contains("govuk-tag--purple", tag!.ClassName, StringComparison.Ordinal);
        Assert.Contains(Reason, row.TextContent, StringComparison.Ordinal);
        var paymentLine = page.QuerySelectorAll("#payment-lines tbody tr").Single(r => Text(r.QuerySelector("th")).StartsWith(Advocacy, StringComparison.Ordinal));
        Assert.Equal("£890.63", Text(paymentLine.Children[2]));

        var (_, form) = await client.Get(url);
        Assert.Equal(Reason, (form.QuerySelector("textarea[name='Input.Reason']") as IHtmlTextAreaElement)?.Value.Trim());
        var withdrawn = await client.PostForm(url, new Dictionary<string, string>(), formAction: "handler=Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var (_, after) = await client.Get(withdrawn.Headers.Location!.OriginalString.Split('#')[0]);
        Assert.Contains("is withdrawn", Text(after.QuerySelector(".govuk-notification-banner")), StringComparison.Ordinal);
        Assert.Equal("Approaching target", Text(IndicatorRow(after, Advocacy).QuerySelector(".govuk-tag")));
        var restored = after.QuerySelectorAll("#payment-lines tbody tr").Single(r => Text(r.QuerySelector("th")).StartsWith(Advocacy, StringComparison.Ordinal));
        Assert.Equal("£712.50", Text(restored.Children[2]));
    }

    [Fact]
    public async Task OtherRating_WithoutAReason_ShowsTheErrorBesideTheField()
    {
        var lantern = await ContractId(Lantern);
        var client = await Commissioner();
        var url = await OtherUrl(client, lantern, ListenedTo);

        var response = await client.PostForm(url, new Dictionary<string, string> { ["Input.Reason"] = "  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PageClient.Html(response);
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
        Assert.Contains("Enter why none of the ratings applies", Text(document.QuerySelector(".govuk-error-summary")), StringComparison.Ordinal);
        Assert.Contains("Enter why none of the ratings applies", Text(document.QuerySelector("#Input_Reason-error")), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("form[action*='handler=Withdraw']"));
    }

    [Fact]
    public async Task OtherRating_StaleVersion_IsReportedAndNothingChanges()
    {
        var lantern = await ContractId(Lantern);
        var client = await Commissioner();
        var url = await OtherUrl(client, lantern, ListenedTo);

        var response = await client.PostForm(url, new Dictionary<string, string> { ["Input.Reason"] = "A reason.", ["expectedVersion"] = "0" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PageClient.Html(response);
        Assert.Contains("Someone else changed", Text(document.QuerySelector(".govuk-error-summary")), StringComparison.Ordinal);
        var (_, page) = await client.Get($"/Contracts/{lantern}/Performance/{DecisionPeriod}");
        Assert.Equal("Good", Text(IndicatorRow(page, ListenedTo).QuerySelector(".govuk-tag")));
    }

    [Fact]
    public async Task OtherRating_Provider_IsForbidden()
    {
        var lantern = await ContractId(Lantern);
        var commissioner = await Commissioner();
        var url = await OtherUrl(commissioner, lantern, ListenedTo);
        var provider = await PageClient.SignedIn(app, "jess.morgan@example.com", WebAppFactory.ProviderPassword);

        var (page, _) = await provider.Get(url);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Reason"] = "Provider's own view." });
        var post = await provider.Http.PostAsync(new Uri(url, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains(post.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.BadRequest });
        var (_, performance) = await commissioner.Get($"/Contracts/{lantern}/Performance/{DecisionPeriod}");
        Assert.Equal("Good", Text(IndicatorRow(performance, ListenedTo).QuerySelector(".govuk-tag")));
    }

    [Fact]
    public async Task ContractPage_Active_LinksToPerformanceSchemeAndEscalation()
    {
        var trust = await ContractId(Trust);
        var client = await Commissioner();

        var (_, document) = await client.Get($"/Contracts/{trust}");

        var section = document.QuerySelector("#performance");
        Assert.NotNull(section);
        foreach (var rest in new[] { "Performance", "Scheme", "Escalation", "Escalation/Rules" })
        {
            Assert.NotNull(document.QuerySelector($"a[href='/Contracts/{trust}/{rest}']"));
        }

        Assert.Contains("Improvement plan", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Latest rated period", document.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContractPage_Draft_LinksToTheSchemeAndRulesOnly()
    {
        var draft = await ContractId(Recovery);
        var client = await Commissioner();

        var (_, document) = await client.Get($"/Contracts/{draft}");

        Assert.NotNull(document.QuerySelector($"a[href='/Contracts/{draft}/Scheme']"));
        Assert.NotNull(document.QuerySelector($"a[href='/Contracts/{draft}/Escalation/Rules']"));
        Assert.Null(document.QuerySelector($"a[href='/Contracts/{draft}/Performance']"));
    }

    private Task<PageClient> Commissioner() => PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

    private Task<Guid> ContractId(string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    /// <summary>The Other rating page of an indicator, as linked from the performance page.</summary>
    private static async Task<string> OtherUrl(PageClient client, Guid contractId, string indicator)
    {
        var (_, document) = await client.Get($"/Contracts/{contractId}/Performance/{DecisionPeriod}");
        var link = IndicatorRow(document, indicator).QuerySelector("a[href*='/Other/']");
        Assert.NotNull(link);
        return link.GetAttribute("href")!;
    }

    private static IElement IndicatorRow(IHtmlDocument document, string name)
    {
        var row = document.QuerySelectorAll("#indicator-table tbody tr").SingleOrDefault(r => Text(r.QuerySelector("th")) == name);
        Assert.NotNull(row);
        return row;
    }

    private static string Text(IElement? element)
    {
        Assert.NotNull(element);
        return string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
