using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using static ContractOutcomes.Web.Tests.Incentives.SchemeTestSupport;
using static ContractOutcomes.Web.Tests.Returns.ProviderPageSupport;

namespace ContractOutcomes.Web.Tests.Incentives;

/// <summary>
/// The incentive scheme pages through the rendered HTML. Only the scheme of the draft WCC-SMR-2025-007 is changed, and
/// each test that changes it puts it back. The draft's seeded scheme: 7.5% of £3,900,000 at risk, an annual cap of
/// £250,000; Adults in structured treatment and Treatment started within three weeks by rating band (20% each), the two
/// successful-completion indicators graded (30% each); Prison leavers not in the scheme.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class SchemePageTests(WebAppFactory app)
{
    private const string Opiate = "Successful completions: opiate users";
    private const string PrisonLeavers = "Prison leavers engaging with community treatment";

    private Task<PageClient> Commissioner() => PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

    private static string PageUrl(Guid id, string? page = null) => $"/Contracts/{id}/Scheme" + (page is null ? string.Empty : "/" + page);

    private static string BodyText(IHtmlDocument document) => Text(document.Body).ReplaceLineEndings(" ");

    private static string Normalised(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string RowText(IHtmlDocument document, string heading)
    {
        var row = document.QuerySelectorAll("tr").FirstOrDefault(r => Text(r.QuerySelector("th[scope='row']")) == heading);
        Assert.NotNull(row);
        return Normalised(Text(row));
    }

    private static string SummaryValue(IHtmlDocument document, string key)
    {
        var row = document.QuerySelectorAll(".govuk-summary-list__row").FirstOrDefault(r => Text(r.QuerySelector("dt")) == key);
        Assert.NotNull(row);
        return Normalised(Text(row.QuerySelector("dd")));
    }

    private static IHtmlFormElement SchemeForm(IHtmlDocument document) => PostForm(document, "Input.ShareAtRiskPercent");

    [Fact]
    public async Task View_CommissionerOfTheDraft_ShowsTheSchemeInWordsAndWhatItPays()
    {
        var id = await ContractId(app, Draft);
        var client = await Commissioner();

        var (response, document) = await client.Get(PageUrl(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Incentive scheme", Text(document.QuerySelector("h1")));
        Assert.Equal("7.5%", SummaryValue(document, "Share of the annual value at risk"));
        Assert.Equal("£250,000.00 a financial year", SummaryValue(document, "Annual cap on outcome payments"));
        Assert.Equal("No term cap", SummaryValue(document, "Term cap on outcome payments"));
        Assert.Contains("Payment by rating band 20%", RowText(document, "Adults in structured treatment"), StringComparison.Ordinal);
        Assert.Contains("Graded payment 30% Floor 3.0%", RowText(document, Opiate), StringComparison.Ordinal);
        Assert.Contains("Not in the scheme", RowText(document, PrisonLeavers), StringComparison.Ordinal);

        // A draft previews its first period: £3,900,000 × 7.5% ÷ 4 at risk, the rest is the base fee.
        Assert.Equal("What the scheme pays in 2025-26 Q1", Text(document.GetElementById("scheme-preview-heading")));
        Assert.StartsWith("£901,875.00", SummaryValue(document, "Base fee a quarter"), StringComparison.Ordinal);
        Assert.StartsWith("£73,125.00", SummaryValue(document, "Amount at risk a quarter"), StringComparison.Ordinal);
        Assert.StartsWith("£292,500.00", SummaryValue(document, "Most the provider can lose a year"), StringComparison.Ordinal);
        Assert.Contains("How this was worked out", SummaryValue(document, "Base fee a quarter"), StringComparison.Ordinal);
        var adults = document.GetElementById("preview-" + (await IndicatorIds(id))[0]);
        Assert.NotNull(adults);
        var approaching = adults.QuerySelectorAll("tbody tr").FirstOrDefault(r => Text(r.QuerySelector("th")) == "Approaching target");
        Assert.NotNull(approaching);
        Assert.Contains("£10,968.75", Text(approaching), StringComparison.Ordinal);
        Assert.Contains("75%", Text(approaching.QuerySelector(".govuk-details__text")), StringComparison.Ordinal);

        Assert.NotNull(document.QuerySelector($"a[href='{PageUrl(id, "Edit")}']"));
        Assert.NotNull(document.QuerySelector($"a[href='{PageUrl(id, "Remove")}']"));
    }

    [Fact]
    public async Task View_ProviderOfAnActiveContract_ShowsTheArithmeticWithoutChangeLinks()
    {
        var id = await ContractId(app, Active);
        var grace = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, document) = await grace.Get(PageUrl(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8%", SummaryValue(document, "Share of the annual value at risk"));
        Assert.Equal("£1,920,000.00 a financial year", SummaryValue(document, "Annual cap on outcome payments"));
        Assert.StartsWith("£5,520,000.00", SummaryValue(document, "Base fee a quarter"), StringComparison.Ordinal);
        Assert.StartsWith("£480,000.00", SummaryValue(document, "Amount at risk a quarter"), StringComparison.Ordinal);
        Assert.Contains("£24,000,000 a year × 92% not at risk ÷ 4 quarters", SummaryValue(document, "Base fee a quarter"), StringComparison.Ordinal);
        Assert.Contains(
            "Rate card 20% £3,400.00 for each outcome above 20 outcomes, up to £96,000.00 a quarter.",
            RowText(document, "Care leavers aged 19 to 21 in education, employment or training"),
            StringComparison.Ordinal);
        Assert.StartsWith("What the scheme pays in", Text(document.GetElementById("scheme-preview-heading")), StringComparison.Ordinal);
        Assert.Contains("This contract is active, so its incentive scheme is fixed", BodyText(document), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector($"a[href='{PageUrl(id, "Edit")}']"));
        Assert.Null(document.QuerySelector($"a[href='{PageUrl(id, "Remove")}']"));
    }

    [Fact]
    public async Task View_AnotherOrganisationsProvider_IsNotFound()
    {
        var id = await ContractId(app, Active);
        var joanna = await PageClient.SignedIn(app, WebAppFactory.PrivateProvider, WebAppFactory.ProviderPassword);

        var (response, document) = await joanna.Get(PageUrl(id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(Active, BodyText(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_ProviderOfADraft_IsNotFound()
    {
        var id = await ContractId(app, Draft);
        var owen = await PageClient.SignedIn(app, DraftProvider, WebAppFactory.ProviderPassword);

        var (response, _) = await owen.Get(PageUrl(id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task View_Anonymous_RedirectsToSignIn()
    {
        var id = await ContractId(app, Active);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(PageUrl(id), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_Draft_ShowsAFieldsetPerIndicatorFilledFromTheSavedScheme()
    {
        var id = await ContractId(app, Draft);
        var client = await Commissioner();

        var (response, document) = await client.Get(PageUrl(id, "Edit"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("7.5", ((IHtmlInputElement)document.GetElementById("Input_ShareAtRiskPercent")!).Value);
        var legends = document.QuerySelectorAll("legend.govuk-fieldset__legend--m").Select(Text).ToList();
        Assert.Equal(["Adults in structured treatment", Opiate, "Successful completions: non-opiate users", "Treatment started within three weeks of referral", PrisonLeavers], legends);
        var form = SchemeForm(document);
        var values = Values(form);
        Assert.Equal("RatingBands", values["Input.Incentives[0].Mechanism"]);
        Assert.Equal("Graded", values["Input.Incentives[1].Mechanism"]);
        Assert.Equal("3", values["Input.Incentives[1].Floor"]);
        Assert.Equal("10000", values["Input.Incentives[1].BonusCap"]);
        Assert.Equal("None", values["Input.Incentives[4].Mechanism"]);
        Assert.Contains("Target: 5.0%", Text(document.GetElementById("incentive-1-hint")), StringComparison.Ordinal);

        // Each mechanism's boxes sit under its radio and are always shown: no script hides them (see the page).
        var graded = document.GetElementById("Input_Incentives_1__Mechanism-3");
        Assert.NotNull(graded);
        Assert.False(graded.HasAttribute("data-aria-controls"));
        var revealed = document.GetElementById("conditional-Input_Incentives_1__Mechanism-3");
        Assert.NotNull(revealed);
        Assert.DoesNotContain("govuk-radios__conditional--hidden", revealed.ClassName, StringComparison.Ordinal);
        Assert.NotNull(revealed.QuerySelector("#Input_Incentives_1__Floor"));
    }

    [Fact]
    public async Task Edit_BrokenRules_ShowsEachBesideItsFieldKeepsTheInputAndSavesNothing() => await KeepingDraftScheme(app, async id =>
    {
        var client = await Commissioner();
        var url = PageUrl(id, "Edit");
        var (_, edit) = await client.Get(url);

        var response = await Post(client, url, SchemeForm(edit), new Dictionary<string, string>
        {
            ["Input.Incentives[0].WeightPercent"] = "25",
            ["Input.Incentives[1].Floor"] = "6",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PageClient.Html(response);
        var summary = document.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        var floorMessage = "The floor for Successful completions: opiate users must be below its target of 5.0%; it is 6.0%";
        Assert.Equal(floorMessage, ErrorBeside(document, "Input_Incentives_1__Floor"));
        Assert.Equal("#Input_Incentives_1__Floor", summary.QuerySelectorAll("a").Single(a => Text(a) == floorMessage).GetAttribute("href"));
        var weights = document.GetElementById("Input_Weights");
        Assert.NotNull(weights);
        Assert.Contains("The weights must add up to 100%; they add up to 105%", Text(weights), StringComparison.Ordinal);
        Assert.Contains(summary.QuerySelectorAll("a"), a => a.GetAttribute("href") == "#Input_Weights");
        Assert.Equal("6", ((IHtmlInputElement)document.GetElementById("Input_Incentives_1__Floor")!).Value);
        Assert.Equal("25", ((IHtmlInputElement)document.GetElementById("Input_Incentives_0__WeightPercent")!).Value);
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
        Assert.Equal(7.5m, await SavedShareAtRisk(app));
    });

    [Fact]
    public async Task Edit_NotANumber_ShowsTheMessageBesideTheBoxAndKeepsWhatWasTyped() => await KeepingDraftScheme(app, async id =>
    {
        var client = await Commissioner();
        var url = PageUrl(id, "Edit");
        var (_, edit) = await client.Get(url);

        var response = await Post(client, url, SchemeForm(edit), new Dictionary<string, string> { ["Input.ShareAtRiskPercent"] = "lots" });

        var document = await PageClient.Html(response);
        Assert.Equal("The share at risk must be a number", ErrorBeside(document, "Input_ShareAtRiskPercent"));
        Assert.Equal("lots", ((IHtmlInputElement)document.GetElementById("Input_ShareAtRiskPercent")!).Value);
        Assert.Equal(7.5m, await SavedShareAtRisk(app));
    });

    [Fact]
    public async Task Edit_MechanismWithoutItsAmount_AsksForItInThatFieldset() => await KeepingDraftScheme(app, async id =>
    {
        var client = await Commissioner();
        var url = PageUrl(id, "Edit");
        var (_, edit) = await client.Get(url);

        var response = await Post(client, url, SchemeForm(edit), new Dictionary<string, string> { ["Input.Incentives[4].Mechanism"] = "ServiceCredit" });

        var document = await PageClient.Html(response);
        Assert.Equal($"Enter the service credit for {PrisonLeavers}", ErrorBeside(document, "Input_Incentives_4__CreditAmount"));
        var chosen = (IHtmlInputElement)document.GetElementById("Input_Incentives_4__Mechanism-5")!;
        Assert.True(chosen.IsChecked);
        Assert.DoesNotContain("govuk-radios__conditional--hidden", document.GetElementById("conditional-Input_Incentives_4__Mechanism-5")!.ClassName, StringComparison.Ordinal);
    });

    [Fact]
    public async Task Edit_Preview_ShowsWhatTheSchemeAsTypedWouldPayAndSavesNothing() => await KeepingDraftScheme(app, async id =>
    {
        var client = await Commissioner();
        var url = PageUrl(id, "Edit");
        var (_, edit) = await client.Get(url);

        var response = await Post(client, url + "?handler=Preview", SchemeForm(edit), new Dictionary<string, string> { ["Input.ShareAtRiskPercent"] = "10" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PageClient.Html(response);
        Assert.Null(document.QuerySelector(".govuk-error-summary"));
        Assert.Equal("Preview: what this scheme would pay in 2025-26 Q1", Text(document.GetElementById("scheme-preview-heading")));
        Assert.StartsWith("£97,500.00", SummaryValue(document, "Amount at risk a quarter"), StringComparison.Ordinal);
        Assert.Contains("The scheme has not been saved", BodyText(document), StringComparison.Ordinal);
        Assert.Equal("10", ((IHtmlInputElement)document.GetElementById("Input_ShareAtRiskPercent")!).Value);
        Assert.Equal(7.5m, await SavedShareAtRisk(app));
    });

    [Fact]
    public async Task Edit_Save_SavesTheSchemeAndShowsItWithASuccessBanner() => await KeepingDraftScheme(app, async id =>
    {
        var client = await Commissioner();
        var url = PageUrl(id, "Edit");
        var (_, edit) = await client.Get(url);

        var response = await Post(client, url, SchemeForm(edit), new Dictionary<string, string>
        {
            ["Input.ServiceCreditCapPercent"] = "5",
            ["Input.Incentives[0].Mechanism"] = "ServiceCredit",
            ["Input.Incentives[0].CreditAmount"] = "£5,000",
            ["Input.Incentives[3].WeightPercent"] = "40",
        });

        var (location, document) = await Follow(client, response);
        Assert.Equal(PageUrl(id), location);
        Assert.Equal("Incentive scheme saved", Text(document.QuerySelector(".govuk-notification-banner__heading")));
        Assert.Equal("5% of the base fee each quarter", SummaryValue(document, "Service credit cap"));
        var adults = RowText(document, "Adults in structured treatment");
        Assert.Contains("Service credit", adults, StringComparison.Ordinal);
        Assert.Contains("£5,000.00 deducted from the base fee", adults, StringComparison.Ordinal);
        Assert.Contains("Payment by rating band 40%", RowText(document, "Treatment started within three weeks of referral"), StringComparison.Ordinal);

        // £73,125.00 at risk + £5,000.00 of service credits, the cap (5% of £901,875.00) not reached.
        Assert.StartsWith("£78,125.00", SummaryValue(document, "Most the provider can lose a quarter"), StringComparison.Ordinal);
    });

    [Fact]
    public async Task Edit_ActiveContract_DoesNotOfferTheForm()
    {
        var id = await ContractId(app, Active);
        var client = await Commissioner();

        var (response, document) = await client.Get(PageUrl(id, "Edit"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This contract is active, so its incentive scheme cannot be changed", BodyText(document), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("[name='Input.ShareAtRiskPercent']"));
    }

    [Fact]
    public async Task Edit_Provider_IsForbidden()
    {
        var id = await ContractId(app, Active);
        var grace = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, _) = await grace.Get(PageUrl(id, "Edit"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Remove_Confirmed_RemovesTheSchemeAndOffersToSetOneUp() => await KeepingDraftScheme(app, async id =>
    {
        var client = await Commissioner();
        var url = PageUrl(id, "Remove");

        var response = await PostPage(client, url, "expectedVersion");

        var (location, document) = await Follow(client, response);
        Assert.Equal(PageUrl(id), location);
        Assert.Equal("Incentive scheme removed", Text(document.QuerySelector(".govuk-notification-banner__heading")));
        Assert.Contains("This contract has no incentive scheme", BodyText(document), StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"a[href='{PageUrl(id, "Edit")}']"));
        Assert.Null(await SavedShareAtRisk(app));
    });

    [Fact]
    public async Task Remove_ActiveContract_OffersNoButton()
    {
        var id = await ContractId(app, Active);
        var client = await Commissioner();

        var (response, document) = await client.Get(PageUrl(id, "Remove"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This contract is active, so its incentive scheme cannot be removed", BodyText(document), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("form [name='expectedVersion']"));
    }

    private async Task<List<string>> IndicatorIds(Guid contractId)
    {
        using var client = await ApiClient(app, WebAppFactory.Commissioner);
        var (view, _) = await Read(client, contractId);
        return [.. view.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }
}
