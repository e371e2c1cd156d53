using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using static ContractOutcomes.Web.Tests.Returns.ProviderPageSupport;

namespace ContractOutcomes.Web.Tests.Returns;

/// <summary>
/// The provider's return pages, through the rendered HTML. Changes are made only to the returns these tests own in
/// the shared demo database: WCC-ASC-2023-004 2026-27 Q2 (Halden Home Care: Joanna Price and Lee Carter), which
/// every test that changes it first brings back to an editable state, and WCC-CLS-2023-002 2024-25 Q2 (Tidewell
/// Housing: Hannah Lowe) for a restatement.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class ProviderReturnPageTests(WebAppFactory app)
{
    private const string HomeCare = "WCC-ASC-2023-004";
    private const string ChildrensServices = "WCC-CSC-2024-001";
    private const string Accommodation = "WCC-CLS-2023-002";
    private const string Open = "2026-27-Q2";
    private const string Joanna = WebAppFactory.PrivateProvider;
    private const string Lee = "lee.carter@example.com";
    private const string Hannah = "hannah.lowe@example.com";
    private const string Password = WebAppFactory.ProviderPassword;
    private const string Episodes = "Reablement episodes started";

    private Task<Guid> ContractId(string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    private async Task<string> ReturnUrl(string reference = HomeCare, string period = Open, string? page = null) =>
        $"/Contracts/{await ContractId(reference)}/Returns/{period}" + (page is null ? string.Empty : "/" + page);

    private Task<PageClient> SignIn(string email) => PageClient.SignedIn(app, email, Password);

    /// <summary>Withdraws the Halden return if an earlier test left it submitted, so the form can change it.</summary>
    private async Task<PageClient> EditableAsJoanna()
    {
        var client = await SignIn(Joanna);
        var withdraw = await ReturnUrl(page: "Withdraw");
        var (_, document) = await client.Get(withdraw);
        if (document.QuerySelector("form[method='post'] [name='expectedVersion']") is not null)
        {
            await Follow(client, await PostPage(client, withdraw, "expectedVersion"));
        }

        return client;
    }

    /// <summary>
    /// Figures for every indicator on the Edit page that meet their targets (read from each indicator's hint), except
    /// the first indicator, which gets <paramref name="first"/>; every commentary left as given.
    /// </summary>
    private static Dictionary<string, string> Figures(IHtmlDocument edit, string first, string? commentary = null)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; edit.GetElementById($"figure-{i}-hint") is { } hint; i++)
        {
            var higher = hint.TextContent.Contains("Higher is better", StringComparison.Ordinal);
            var prefix = $"Input.Figures[{i}].";
            if (edit.GetElementById($"Input_Figures_{i}__Numerator") is not null)
            {
                fields[prefix + "Numerator"] = higher ? "100" : "0";
                fields[prefix + "Denominator"] = "100";
            }
            else
            {
                fields[prefix + "Value"] = i == 0 ? first : higher ? "99,999" : "0";
            }

            if (commentary is not null)
            {
                fields[prefix + "Commentary"] = commentary;
            }
        }

        return fields;
    }

    /// <summary>Fills in and submits the Halden return with every figure on target.</summary>
    private async Task<PageClient> SubmittedAsJoanna()
    {
        var client = await EditableAsJoanna();
        var edit = await ReturnUrl(page: "Edit");
        var (_, document) = await client.Get(edit);
        var fields = Figures(document, "99,999", "Checked against the rostering system.");
        fields["save"] = "continue";
        var (_, check) = await Follow(client, await Post(client, edit, PostForm(document, "expectedVersion"), fields));
        Assert.Contains("Submit return", check.Body!.TextContent, StringComparison.Ordinal);
        await Follow(client, await PostPage(client, await ReturnUrl(page: "Check"), "expectedVersion"));
        return client;
    }

    [Fact]
    public async Task Calendar_OwnContract_ShowsEveryPeriodWithDueDateAndState()
    {
        var client = await SignIn(Joanna);

        var (response, document) = await client.Get($"/Contracts/{await ContractId(HomeCare)}/Returns");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Text(document.Body);
        Assert.Contains("working days after its period ends", body, StringComparison.Ordinal);
        Assert.Contains("Bank holidays in England and Wales are not working days", body, StringComparison.Ordinal);
        var accepted = document.GetElementById("period-2025-26-Q1");
        Assert.NotNull(accepted);
        Assert.Contains("Accepted", Text(accepted), StringComparison.Ordinal);
        var notYetOpen = document.GetElementById("period-2026-27-Q3");
        Assert.NotNull(notYetOpen);
        Assert.Contains("Not yet open", Text(notYetOpen), StringComparison.Ordinal);
        Assert.Null(notYetOpen.QuerySelector("a"));
        var current = document.GetElementById("period-2026-27-Q2");
        Assert.NotNull(current);
        var link = current.QuerySelector("a");
        Assert.NotNull(link);
        Assert.Equal(await ReturnUrl(), link.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("table caption"));
    }

    [Fact]
    public async Task ContractPage_ActiveContract_LinksToItsReturns()
    {
        var client = await SignIn(Joanna);
        var id = await ContractId(HomeCare);

        var (_, document) = await client.Get($"/Contracts/{id}");

        Assert.NotNull(document.QuerySelector($"a[href='/Contracts/{id}/Returns']"));
    }

    [Theory]
    [InlineData(WebAppFactory.TrustProvider, HomeCare, "")]
    [InlineData(WebAppFactory.TrustProvider, HomeCare, "/2025-26-Q1")]
    [InlineData(WebAppFactory.TrustProvider, HomeCare, "/2026-27-Q2/Edit")]
    [InlineData(WebAppFactory.TrustProvider, HomeCare, "/2025-26-Q1/Template")]
    [InlineData(WebAppFactory.TrustProvider, HomeCare, "/2025-26-Q1/Evidence")]
    [InlineData(WebAppFactory.TrustProvider, HomeCare, "/2025-26-Q1/Restate")]
    [InlineData(Joanna, ChildrensServices, "")]
    [InlineData(Joanna, ChildrensServices, "/2026-27-Q2")]
    [InlineData(Joanna, ChildrensServices, "/2026-27-Q2/Check")]
    [InlineData(Joanna, ChildrensServices, "/2026-27-Q2/Template")]
    [InlineData(Joanna, ChildrensServices, "/2026-27-Q2/Upload")]
    [InlineData(Joanna, ChildrensServices, "/2026-27-Q2/Withdraw")]
    public async Task Provider_AnotherProvidersReturnPages_AreNotFound(string email, string reference, string rest)
    {
        var client = await SignIn(email);

        var (response, document) = await client.Get($"/Contracts/{await ContractId(reference)}/Returns{rest}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(reference, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnPage_PeriodThatDoesNotExist_IsNotFound()
    {
        var client = await SignIn(Joanna);

        var (response, _) = await client.Get(await ReturnUrl(period: "not-a-period"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Commissioner_EditPage_IsForbidden()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (response, _) = await client.Get(await ReturnUrl(page: "Edit"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ReturnPage_AcceptedReturn_ShowsFiguresRatingsAndHistory()
    {
        var client = await SignIn(Joanna);

        var (response, document) = await client.Get(await ReturnUrl(period: "2025-26-Q1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = document.QuerySelectorAll("table.app-return-figures tbody tr[id^='indicator-']");
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.NotNull(row.QuerySelector(".govuk-tag")));
        var summary = Text(document.QuerySelector(".govuk-summary-list"));
        Assert.Contains("Accepted", summary, StringComparison.Ordinal);
        Assert.Contains("Due date", summary, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById("history"));
        Assert.Contains("Propose a restatement", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("a[href$='/Edit']"));
    }

    [Fact]
    public async Task ReturnPage_QueriedAndRevisedReturn_ShowsEachAnsweredQueryUnderItsIndicator()
    {
        var client = await PageClient.SignedIn(app, "ruth.adeyemi@example.com", Password);

        var (_, document) = await client.Get(await ReturnUrl("WCC-SBD-2024-005", "2025-26-Q2"));

        var queries = document.QuerySelectorAll("table.app-return-figures h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Queries about Sessions cancelled by the provider", queries);
        Assert.Contains("Queries about Agreed short-break hours delivered", queries);
        var figures = Text(document.QuerySelector("table.app-return-figures"));
        Assert.Contains("Answered", figures, StringComparison.Ordinal);
        Assert.Contains("4.622% (131 of 2,834)", figures, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector(".govuk-notification-banner"));
    }

    [Fact]
    public async Task ReturnPage_ApprovedRestatement_MarksTheFigureRestatedAndKeepsBothFigures()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, document) = await client.Get(await ReturnUrl("WCC-ADV-2025-006", "2025-26-Q3"));
        var (_, calendar) = await client.Get($"/Contracts/{await ContractId("WCC-ADV-2025-006")}/Returns");

        var row = document.QuerySelectorAll("table.app-return-figures tbody tr")
            .FirstOrDefault(r => Text(r.QuerySelector("th")).StartsWith("Young people receiving advocacy", StringComparison.Ordinal));
        Assert.NotNull(row);
        Assert.Contains(row.QuerySelectorAll(".govuk-tag"), tag => tag.TextContent.Trim() == "Restated");
        var restatements = Text(document.GetElementById("restatements")!.NextElementSibling);
        Assert.Contains("Approved", restatements, StringComparison.Ordinal);
        Assert.Contains("74", restatements, StringComparison.Ordinal);
        Assert.Contains("Restated", Text(calendar.GetElementById("period-2025-26-Q3")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnPage_Commissioner_SeesQueryAndAcceptOnlyOnSubmittedReturns()
    {
        await SubmittedAsJoanna();
        var commissioner = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var submitted = await ReturnUrl();
        var accepted = await ReturnUrl(period: "2025-26-Q1");

        var (_, submittedPage) = await commissioner.Get(submitted);
        var (_, acceptedPage) = await commissioner.Get(accepted);

        Assert.NotNull(submittedPage.QuerySelector($"a[href='{submitted}/Accept']"));
        Assert.NotNull(submittedPage.QuerySelector($"a[href='{submitted}/Query']"));
        Assert.Null(submittedPage.QuerySelector("a[href$='/Edit']"));
        Assert.Null(acceptedPage.QuerySelector("a[href$='/Accept']"));
        Assert.Null(acceptedPage.QuerySelector("a[href$='/Query']"));
    }

    [Fact]
    public async Task ReturnForm_FullJourney_ErrorsDraftCheckSubmitWithdrawAndSubmitAgain()
    {
        var client = await EditableAsJoanna();
        var edit = await ReturnUrl(page: "Edit");
        var (_, form) = await client.Get(edit);
        Assert.NotNull(form.QuerySelector("label[for='Input_Figures_0__Value']"));
        Assert.NotNull(form.QuerySelector("label[for='Input_Figures_2__Numerator']"));
        Assert.Contains("Required if the figure misses its target of", Text(form.GetElementById("Input_Figures_0__Commentary-hint")), StringComparison.Ordinal);
        Assert.Contains("the commissioner needs the reason", Text(form.GetElementById("Input_Figures_0__Commentary-hint")), StringComparison.Ordinal);

        // Bad numbers: refused beside their boxes, with what was typed kept.
        var bad = Figures(form, "abc");
        bad["Input.Figures[2].Numerator"] = "1,2,3";
        bad["save"] = "draft";
        var refused = await Post(client, edit, PostForm(form, "expectedVersion"), bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = await PageClient.Html(refused);
        Assert.StartsWith("Error:", errors.Title, StringComparison.Ordinal);
        Assert.Equal($"The value for {Episodes} must be a number, like 42 or 1,250", ErrorBeside(errors, "Input_Figures_0__Value"));
        Assert.Contains("must be a number", ErrorBeside(errors, "Input_Figures_2__Numerator"), StringComparison.Ordinal);
        Assert.Equal("abc", ((IHtmlInputElement)errors.GetElementById("Input_Figures_0__Value")!).Value);
        Assert.Equal("1,2,3", ((IHtmlInputElement)errors.GetElementById("Input_Figures_2__Numerator")!).Value);
        Assert.NotNull(errors.QuerySelector(".govuk-error-summary a[href='#Input_Figures_0__Value']"));
        Assert.DoesNotContain("is not valid", errors.Body!.TextContent, StringComparison.Ordinal);

        // A denominator of nought is refused by the rules, beside the denominator.
        var zero = Figures(form, "700");
        zero["Input.Figures[2].Denominator"] = "0";
        zero["save"] = "draft";
        var zeroPage = await PageClient.Html(await Post(client, edit, PostForm(form, "expectedVersion"), zero));
        Assert.Contains("denominator", ErrorBeside(zeroPage, "Input_Figures_2__Denominator") ?? string.Empty, StringComparison.Ordinal);

        // Save as draft: the first figure misses its target (640 episodes) and has no commentary yet.
        var draft = Figures(form, "1,200");
        draft["Input.Figures[0].Value"] = "600";
        draft["Input.Figures[0].Commentary"] = string.Empty;
        draft["save"] = "draft";
        var (location, saved) = await Follow(client, await Post(client, edit, PostForm(form, "expectedVersion"), draft));
        Assert.Equal(edit, location);
        Assert.Contains("saved as a draft", Text(saved.QuerySelector(".govuk-notification-banner--success")), StringComparison.Ordinal);
        Assert.Equal("600", ((IHtmlInputElement)saved.GetElementById("Input_Figures_0__Value")!).Value);

        // Save and continue: the check page says the commentary is needed, links to it, and offers no submit button.
        var (checkLocation, check) = await Follow(client, await Post(client, edit, PostForm(saved, "expectedVersion"), new Dictionary<string, string> { ["save"] = "continue" }));
        Assert.Equal(await ReturnUrl(page: "Check"), checkLocation);
        var problem = check.QuerySelectorAll("#submission-problems a").SingleOrDefault(a => a.TextContent.Contains(Episodes, StringComparison.Ordinal));
        Assert.NotNull(problem);
        Assert.StartsWith($"Explain why {Episodes} missed its target", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{edit}#Input_Figures_0__Commentary", problem.GetAttribute("href"));
        Assert.DoesNotContain("Submit return", check.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(check.QuerySelector($"a[href='{edit}#Input_Figures_0__Value']"));

        // Explain it, check the answers and submit.
        var (_, explain) = await client.Get(edit);
        var (_, ready) = await Follow(client, await Post(client, edit, PostForm(explain, "expectedVersion"), new Dictionary<string, string>
        {
            ["Input.Figures[0].Commentary"] = "Two hospital discharge hubs closed for refurbishment in August.",
            ["save"] = "continue",
        }));
        Assert.Null(ready.GetElementById("submission-problems"));
        Assert.Contains("600", Text(ready.GetElementById("main-content")), StringComparison.Ordinal);
        Assert.Contains("to the best of your knowledge", ready.Body!.TextContent, StringComparison.Ordinal);
        var (returnLocation, submitted) = await Follow(client, await PostPage(client, await ReturnUrl(page: "Check"), "expectedVersion"));
        Assert.Equal(await ReturnUrl(), returnLocation);
        var banner = Text(submitted.QuerySelector(".govuk-notification-banner--success"));
        Assert.Contains("Return submitted", banner, StringComparison.Ordinal);
        Assert.Contains("accept the return or query", banner, StringComparison.Ordinal);
        Assert.Equal("Submitted", Text(submitted.QuerySelector("h1 + p .govuk-tag")));

        // Withdraw it, then submit it again.
        var (_, withdrawPage) = await client.Get(await ReturnUrl(page: "Withdraw"));
        Assert.NotNull(withdrawPage.QuerySelector(".govuk-warning-text"));
        var (_, withdrawn) = await Follow(client, await PostPage(client, await ReturnUrl(page: "Withdraw"), "expectedVersion"));
        Assert.Contains("Return withdrawn", Text(withdrawn.QuerySelector(".govuk-notification-banner--success")), StringComparison.Ordinal);
        Assert.Equal("Draft", Text(withdrawn.QuerySelector("h1 + p .govuk-tag")));
        var (_, again) = await Follow(client, await PostPage(client, await ReturnUrl(page: "Check"), "expectedVersion"));
        Assert.Equal("Submitted", Text(again.QuerySelector("h1 + p .govuk-tag")));
        Assert.Contains("Return withdrawn", again.GetElementById("history")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnForm_TwoPeopleSave_SecondIsToldWhatChangedKeepsTheirInputAndCanSaveAgain()
    {
        await EditableAsJoanna();
        var joanna = await SignIn(Joanna);
        var lee = await SignIn(Lee);
        var edit = await ReturnUrl(page: "Edit");
        var (_, joannasForm) = await joanna.Get(edit);
        var (_, leesForm) = await lee.Get(edit);
        var before = ((IHtmlInputElement)leesForm.GetElementById("Input_Figures_2__Numerator")!).Value;
        var joannas = before == "71" ? "72" : "71";

        await Follow(joanna, await Post(joanna, edit, PostForm(joannasForm, "expectedVersion"), new Dictionary<string, string>
        {
            ["Input.Figures[2].Numerator"] = joannas,
            ["Input.Figures[2].Denominator"] = "90",
            ["save"] = "draft",
        }));
        var conflict = await Post(lee, edit, PostForm(leesForm, "expectedVersion"), new Dictionary<string, string>
        {
            ["Input.Figures[2].Numerator"] = "80",
            ["Input.Figures[2].Denominator"] = "90",
            ["Input.Figures[1].Commentary"] = "Lee's note",
            ["save"] = "draft",
        });

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await PageClient.Html(conflict);
        var summary = page.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        Assert.Equal("Someone else changed this return while you were working on it", Text(summary.QuerySelector(".govuk-error-summary__title")));
        var change = summary.QuerySelectorAll("a").SingleOrDefault(a => a.GetAttribute("href") == "#Input_Figures_2__Numerator");
        Assert.NotNull(change);
        Assert.Contains($"numerator {(string.IsNullOrEmpty(before) ? $"{joannas} entered" : $"changed from {before} to {joannas}")} by Joanna Price", change.TextContent, StringComparison.Ordinal);
        Assert.Equal("80", ((IHtmlInputElement)page.GetElementById("Input_Figures_2__Numerator")!).Value);
        Assert.Equal("Lee's note", ((IHtmlTextAreaElement)page.GetElementById("Input_Figures_1__Commentary")!).Value);

        var (_, saved) = await Follow(lee, await Post(lee, edit, PostForm(page, "expectedVersion"), new Dictionary<string, string> { ["save"] = "draft" }));
        Assert.Equal("80", ((IHtmlInputElement)saved.GetElementById("Input_Figures_2__Numerator")!).Value);
        Assert.Equal("Lee's note", ((IHtmlTextAreaElement)saved.GetElementById("Input_Figures_1__Commentary")!).Value);
    }

    [Fact]
    public async Task Evidence_RealPdf_IsStoredAndDownloadedAsAnAttachmentOnlyByThoseWhoMaySeeIt()
    {
        var client = await EditableAsJoanna();
        var evidence = await ReturnUrl(page: "Evidence");
        var pdf = Pdf();
        var name = $"reablement-extract-{Guid.NewGuid():N}.pdf";

        var (_, page) = await Follow(client, await Upload(client, evidence, name, pdf, "application/pdf"));

        Assert.Contains($"{name} added", Text(page.QuerySelector(".govuk-notification-banner--success")), StringComparison.Ordinal);
        var link = page.QuerySelectorAll("a").SingleOrDefault(a => a.TextContent.Trim() == name);
        Assert.NotNull(link);
        var row = link.Closest("tr");
        Assert.NotNull(row);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdf)), row.TextContent, StringComparison.Ordinal);
        var href = link.GetAttribute("href")!;

        var download = await client.Http.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("nosniff", download.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var commissioner = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        Assert.Equal(HttpStatusCode.OK, (await commissioner.Http.GetAsync(new Uri(href, UriKind.Relative))).StatusCode);
        var otherProvider = await SignIn(WebAppFactory.TrustProvider);
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvider.Http.GetAsync(new Uri(href, UriKind.Relative))).StatusCode);

        // Remove it again.
        var (_, removed) = await Follow(client, await Post(client, evidence, PostForm(page, "evidenceId"), new Dictionary<string, string>
        {
            ["evidenceId"] = row.Id!["evidence-".Length..],
        }));
        Assert.Contains($"{name} removed", Text(removed.QuerySelector(".govuk-notification-banner--success")), StringComparison.Ordinal);
        Assert.DoesNotContain(removed.QuerySelectorAll("a"), a => a.TextContent.Trim() == name);
    }

    [Fact]
    public async Task Evidence_PngRenamedPdf_IsRefusedWithAMessageBesideTheField()
    {
        var client = await EditableAsJoanna();

        var response = await Upload(client, await ReturnUrl(page: "Evidence"), "figures.pdf", Png(), "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.Html(response);
        Assert.Equal("The file called figures.pdf is not a PDF: its contents do not match its name", ErrorBeside(page, "File"));
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#File']"));
        Assert.NotNull(page.QuerySelector("input.govuk-file-upload--error[type='file']"));
        Assert.DoesNotContain(page.QuerySelectorAll("a"), a => a.TextContent.Trim() == "figures.pdf");
    }

    [Fact]
    public async Task Evidence_FileOverTenMegabytes_IsRefusedWithoutReadingIt()
    {
        var client = await EditableAsJoanna();
        var big = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-1.4\n"u8.CopyTo(big);

        var response = await Upload(client, await ReturnUrl(page: "Evidence"), "big.pdf", big, "application/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The selected file must be smaller than 10 MB", ErrorBeside(await PageClient.Html(response), "File"));
    }

    [Fact]
    public async Task Csv_TemplateDownloadedEditedAndUploaded_ImportsEveryFigureAndTheSameFileTwiceChangesNothing()
    {
        var client = await EditableAsJoanna();
        var template = await client.Http.GetAsync(new Uri(await ReturnUrl(page: "Template"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("attachment", template.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nosniff", template.Headers.GetValues("X-Content-Type-Options"));
        var rows = ReadCsv((await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        var header = rows[0];
        Assert.Equal("Contract reference", header[0]);
        var value = header.IndexOf("Value");
        var numerator = header.IndexOf("Numerator");
        var denominator = header.IndexOf("Denominator");
        var commentary = header.IndexOf("Commentary");
        var unit = header.IndexOf("Unit");
        var note = $"Imported from the case system, run {Guid.NewGuid():N}";
        foreach (var row in rows.Skip(1))
        {
            var ratio = row[unit] is "Percentage" or "Rate per 10,000";
            row[value] = ratio ? string.Empty : "1,500";
            row[numerator] = ratio ? "90" : string.Empty;
            row[denominator] = ratio ? "100" : string.Empty;
            row[commentary] = note;
        }

        var file = WriteCsv(rows);
        var upload = await ReturnUrl(page: "Upload");

        var (location, imported) = await Follow(client, await Upload(client, upload, "halden.csv", file, "text/csv"));
        var (_, again) = await Follow(client, await Upload(client, upload, "halden.csv", file, "text/csv"));

        Assert.Equal(await ReturnUrl(), location);
        Assert.Equal($"{rows.Count - 1} figures imported", Text(imported.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")));
        Assert.Contains(note, imported.QuerySelector("table.app-return-figures")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("The file matched the saved figures; nothing changed", Text(again.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")));
    }

    [Fact]
    public async Task Csv_BrokenFile_ListsEachProblemWithLineAndColumnAndSavesNothing()
    {
        var client = await EditableAsJoanna();
        var templateUrl = new Uri(await ReturnUrl(page: "Template"), UriKind.Relative);
        var before = await client.Http.GetStringAsync(templateUrl);
        var rows = ReadCsv(before.TrimStart('\uFEFF'));
        var value = rows[0].IndexOf("Value");
        rows[1][value] = "lots";
        rows.Add([HomeCare, "2026-27 Q2", "Number of unicorns", "Count", string.Empty, "3", string.Empty, string.Empty, string.Empty]);

        var response = await Upload(client, await ReturnUrl(page: "Upload"), "broken.csv", WriteCsv(rows), "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.Html(response);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#File']"));
        Assert.Contains("was not imported", ErrorBeside(page, "File") ?? string.Empty, StringComparison.Ordinal);
        var problems = page.QuerySelectorAll("#csv-problems tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(problems, p => p[0] == "2" && p[1] == "Value");
        Assert.Contains(problems, p => p[0] == rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) && p[1] == "Indicator");
        Assert.Equal(before, await client.Http.GetStringAsync(templateUrl));
    }

    [Fact]
    public async Task Restate_AcceptedReturn_ProposesACorrectionThatChangesNothingUntilApproved()
    {
        var client = await SignIn(Hannah);
        var restate = await ReturnUrl(Accommodation, "2024-25-Q2", "Restate");
        var (_, choose) = await client.Get(restate);
        Assert.Contains("Nothing changes until a commissioner approves it", choose.Body!.TextContent, StringComparison.Ordinal);

        var unchosen = await Post(client, restate, PostForm(choose, "Indicator"), new Dictionary<string, string>());
        Assert.Equal("Select the indicator whose figure is wrong", ErrorBeside(await PageClient.Html(unchosen), "Indicator"));

        var option = choose.QuerySelectorAll("input[name='Indicator']").Cast<IHtmlInputElement>()
            .First(i => i.NextElementSibling!.TextContent.StartsWith("Young people accommodated", StringComparison.Ordinal));
        var (formLocation, form) = await Follow(client, await Post(client, restate, PostForm(choose, "Indicator"), new Dictionary<string, string> { ["Indicator"] = option.Value }));
        Assert.Contains($"indicator={option.Value}", formLocation, StringComparison.Ordinal);
        var accepted = Text(form.QuerySelector(".govuk-summary-list"));
        Assert.Contains("Accepted figure", accepted, StringComparison.Ordinal);

        var noReason = await client.PostForm(formLocation, new Dictionary<string, string> { ["Input.Value"] = "1,234", ["Input.Reason"] = string.Empty });
        var noReasonPage = await PageClient.Html(noReason);
        Assert.Equal("Enter the reason for the restatement", ErrorBeside(noReasonPage, "Input_Reason"));
        Assert.Equal("1,234", ((IHtmlInputElement)noReasonPage.GetElementById("Input_Value")!).Value);

        var (location, returnPage) = await Follow(client, await client.PostForm(formLocation, new Dictionary<string, string>
        {
            ["Input.Value"] = "1,234",
            ["Input.Reason"] = "Two young people in emergency beds were left out of the extract.",
        }));

        Assert.Equal(await ReturnUrl(Accommodation, "2024-25-Q2"), location);
        Assert.Contains("Restatement proposed", Text(returnPage.QuerySelector(".govuk-notification-banner--success")), StringComparison.Ordinal);
        var restatements = Text(returnPage.GetElementById("restatements")!.NextElementSibling);
        Assert.Contains("1,234", restatements, StringComparison.Ordinal);
        Assert.Contains("Waiting for a decision", restatements, StringComparison.Ordinal);
        Assert.Contains("Restatement pending", Text(returnPage.QuerySelector("h1 + p")), StringComparison.Ordinal);
        Assert.Equal("Accepted", Text(returnPage.QuerySelector("h1 + p .govuk-tag")));
    }

    [Fact]
    public async Task Restate_ReturnNotAccepted_ExplainsInsteadOfOfferingTheForm()
    {
        var client = await EditableAsJoanna();

        var (response, document) = await client.Get(await ReturnUrl(page: "Restate"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only the figures of an accepted return are restated", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("form[method='post'] [name='Input.Reason']"));
    }
}
