using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Application.Returns.SaveReturnDraft;
using ContractOutcomes.Application.Returns.SubmitReturn;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Infrastructure.Identity;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContractOutcomes.Web.Tests.Returns;

/// <summary>
/// The commissioner's review pages (work list, query, accept, decide a restatement) and the home page. In the shared
/// demo database these tests change only the submitted WCC-CSC-2024-001 2026-27 Q2 return and the pending
/// WCC-CLS-2023-002 2026-27 Q1 restatement; each of those is one journey, so the steps run in order.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class ReviewPageTests(WebAppFactory app)
{
    private const string SecondCommissioner = "tom.harding@example.org";
    private const string ReviewedReference = "WCC-CSC-2024-001";
    private const string ReviewedPeriod = "2026-27-Q2";
    private const string RestatedReference = "WCC-CLS-2023-002";

    private static readonly string[] LateSections = ["Overdue returns", "Returns to review"];

    private static readonly string[] RatingNames = ["Good", "Approaching target", "Requires improvement", "Inadequate"];

    [Fact]
    public async Task ReviewList_Provider_IsForbidden()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, _) = await client.Get("/Returns/Review");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ReviewList_Commissioner_ShowsTheUnsubmittedHaldenQuarterAsLate()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (response, document) = await client.Get("/Returns/Review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Review returns", document.QuerySelector("main h1")!.TextContent.Trim());

        // Another test may start or submit this return: overdue until it is submitted, then waiting for review, late either way.
        var row = LateSections
            .Select(caption => TableCaptioned(document, caption) is { } table ? RowWith(table, "WCC-ASC-2023-004", "2026-27 Q2") : null)
            .FirstOrDefault(r => r is not null);
        Assert.NotNull(row);
        Assert.Contains("Halden Home Care Ltd", row.TextContent, StringComparison.Ordinal);
        var late = row.QuerySelector(".govuk-tag--red");
        Assert.NotNull(late);
        Assert.Matches(@"^\d+ days? late$", late.TextContent.Trim());
    }

    [Theory]
    [InlineData("Query")]
    [InlineData("Accept")]
    [InlineData("Restatements/8a1e5b0c-2f7e-4a55-9a57-6f0f1c3d2b11")]
    public async Task ReviewAction_Administrator_IsForbidden(string action)
    {
        var contractId = await ContractId(ReviewedReference);
        var client = await PageClient.SignedIn(app, WebAppFactory.Administrator, WebAppFactory.AdministratorPassword);

        var (response, document) = await client.Get($"/Contracts/{contractId}/Returns/{ReviewedPeriod}/{action}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(document.QuerySelectorAll("form input[name='expectedVersion']"));
    }

    [Fact]
    public async Task QueryPage_ProviderOfTheContract_IsForbidden()
    {
        var contractId = await ContractId(ReviewedReference);
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, _) = await client.Get($"/Contracts/{contractId}/Returns/{ReviewedPeriod}/Query");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AcceptPage_UnknownContract_IsNotFound()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (response, _) = await client.Get($"/Contracts/{Guid.NewGuid()}/Returns/{ReviewedPeriod}/Accept");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Home_TrustProvider_ListsOnlyItsOwnContractsWithRatings()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);
        var contracts = await app.Db(db => db.Contracts.Join(db.Organisations, c => c.ProviderId, o => o.Id, (c, o) => new { c.Reference, o.Name, c.Status }).ToListAsync());

        var (response, document) = await client.Get("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = document.QuerySelector("main")!.TextContent;
        Assert.Contains(ReviewedReference, main, StringComparison.Ordinal);
        Assert.DoesNotContain("WCC-ASC-2023-004", main, StringComparison.Ordinal);
        foreach (var contract in contracts.Where(c => c.Name != "Wessex Children's Trust"))
        {
            Assert.DoesNotContain(contract.Reference, main, StringComparison.Ordinal);
        }

        var headings = document.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Returns to complete", "Waiting for review", "Latest ratings", "My contracts", "What you can do"], headings);
        var ratingsTable = document.QuerySelector(".app-ratings-table");
        Assert.NotNull(ratingsTable);
        Assert.Contains(ReviewedReference, ratingsTable.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(ratingsTable.QuerySelectorAll("td .govuk-tag"), tag => RatingNames.Contains(tag.TextContent.Trim()));
    }

    [Fact]
    public async Task Home_HaldenProvider_ShowsTheUnsubmittedQuarterAsLate()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.PrivateProvider, WebAppFactory.ProviderPassword);

        var (_, document) = await client.Get("/");

        // Another test may start or submit this return; either way the home page shows it and how late it is.
        var row = RowWith(document, "WCC-ASC-2023-004", "2026-27 Q2");
        Assert.NotNull(row);
        var late = row.QuerySelector(".govuk-tag--red");
        Assert.NotNull(late);
        Assert.Matches(@"^\d+ days? late$", late.TextContent.Trim());
        Assert.DoesNotContain(ReviewedReference, document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Commissioner_ShowsReturnsPanelLinkingToTheWorkList()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, document) = await client.Get("/");

        var panel = document.QuerySelector("section[aria-labelledby='returns-heading']");
        Assert.NotNull(panel);
        Assert.Contains("to review", panel.TextContent, StringComparison.Ordinal);
        Assert.Contains("overdue", panel.TextContent, StringComparison.Ordinal);
        Assert.NotNull(panel.QuerySelector("a[href='/Returns/Review']"));
        Assert.NotNull(document.QuerySelector("a[href='/Contracts']"));
    }

    [Fact]
    public async Task Journey_SubmittedReturn_IsQueriedRevisedAndAccepted()
    {
        var contractId = await ContractId(ReviewedReference);
        var returnPath = $"/Contracts/{contractId}/Returns/{ReviewedPeriod}";
        var priya = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        // The work list shows the submitted return.
        var (_, list) = await priya.Get("/Returns/Review");
        var toReview = TableCaptioned(list, "Returns to review");
        Assert.NotNull(toReview);
        var row = RowWith(toReview, ReviewedReference, "2026-27 Q2");
        Assert.NotNull(row);
        Assert.NotNull(row.QuerySelector($"a[href='{returnPath}/Query']"));
        Assert.NotNull(row.QuerySelector($"a[href='{returnPath}/Accept']"));

        // A ticked indicator without a question is refused beside its own box, and what was typed is kept.
        var (_, queryPage) = await priya.Get($"{returnPath}/Query");
        var names = queryPage.QuerySelectorAll(".govuk-checkboxes__label").Select(l => l.TextContent.Trim()).ToList();
        Assert.True(names.Count >= 3);
        var refused = await priya.PostForm($"{returnPath}/Query", new Dictionary<string, string>
        {
            ["Questions[1].Selected"] = "true",
            ["Questions[1].Comment"] = "  ",
            ["Questions[2].Selected"] = "true",
            ["Questions[2].Comment"] = "Keep this question",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await PageClient.Html(refused);
        AssertFieldError(refusedPage, "Questions_1__Comment", $"Enter your question about {names[1]}");
        Assert.Equal("Keep this question", ((IHtmlTextAreaElement)refusedPage.GetElementById("Questions_2__Comment")!).Value.Trim());
        Assert.True(((IHtmlInputElement)refusedPage.GetElementById("Questions-2")!).IsChecked);
        Assert.True(((IHtmlInputElement)refusedPage.GetElementById("Questions-3")!).IsChecked);
        Assert.False(((IHtmlInputElement)refusedPage.GetElementById("Questions")!).IsChecked);

        // Nothing ticked at all.
        var empty = await PageClient.Html(await priya.PostForm($"{returnPath}/Query", new Dictionary<string, string> { ["Questions[0].Comment"] = string.Empty }));
        AssertFieldError(empty, "Questions", "Select at least one indicator to query");

        // The query itself.
        var question = "The figure is well below last quarter. Please explain what changed.";
        var queried = await priya.PostForm($"{returnPath}/Query", new Dictionary<string, string>
        {
            ["Questions[0].Selected"] = "true",
            ["Questions[0].Comment"] = question,
        });
        Assert.Equal(HttpStatusCode.Redirect, queried.StatusCode);
        Assert.Equal(returnPath, queried.Headers.Location!.OriginalString);
        var (_, afterQuery) = await priya.Get(returnPath);
        Assert.Contains("Return queried", afterQuery.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);

        // The queried return can no longer be accepted: the page says why instead of showing the form.
        var (_, acceptWhileQueried) = await priya.Get($"{returnPath}/Accept");
        Assert.Contains("waiting for", acceptWhileQueried.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(acceptWhileQueried.QuerySelectorAll("main form"));

        // The provider sees the question, revises the figure's commentary and submits again.
        var grace = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);
        var (_, providerView) = await grace.Get(returnPath);
        Assert.Contains(question, providerView.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await AsUser(WebAppFactory.TrustProvider, async mediator =>
        {
            var view = await mediator.Send(new GetReturn(contractId, ReviewedPeriod));
            Assert.Equal(ReturnState.Queried, view.State);
            var line = view.Lines[0];
            var figure = line.Unit.IsRatio()
                ? new FigureInput(line.IndicatorId, null, line.Numerator, line.Denominator, "Two large sibling groups were referred again this quarter.")
                : new FigureInput(line.IndicatorId, line.Value, null, null, "Two large sibling groups were referred again this quarter.");
            var version = await mediator.Send(new SaveReturnDraft(contractId, ReviewedPeriod, view.Version, [figure]));
            return await mediator.Send(new SubmitReturn(contractId, ReviewedPeriod, version));
        });

        var (_, revisedList) = await priya.Get("/Returns/Review");
        var revisedRow = RowWith(TableCaptioned(revisedList, "Returns to review")!, ReviewedReference, "2026-27 Q2");
        Assert.NotNull(revisedRow);
        Assert.Contains("Revised after query", revisedRow.TextContent, StringComparison.Ordinal);

        // A second commissioner opens the accept page, but the first accepts before them.
        var tom = await PageClient.SignedIn(app, SecondCommissioner, WebAppFactory.CommissionerPassword);
        var (_, tomsPage) = await tom.Get($"{returnPath}/Accept");
        var tomsForm = FormValues(tomsPage);
        var (_, acceptPage) = await priya.Get($"{returnPath}/Accept");
        Assert.NotNull(acceptPage.QuerySelector(".govuk-warning-text"));
        Assert.Contains("locked", acceptPage.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        var accepted = await priya.PostForm($"{returnPath}/Accept", new Dictionary<string, string> { ["expectedVersion"] = FormValues(acceptPage)["expectedVersion"] });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(returnPath, accepted.Headers.Location!.OriginalString);

        // Accepted figures are rated.
        var (_, acceptedView) = await priya.Get(returnPath);
        Assert.Contains("Return accepted", acceptedView.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(acceptedView.QuerySelectorAll("main .govuk-tag"), tag => RatingNames.Contains(tag.TextContent.Trim()));

        // The second accept is refused with a clear message, and the page explains the return is already accepted.
        using (var content = new FormUrlEncodedContent(tomsForm))
        {
            var refusedAccept = await tom.Http.PostAsync(new Uri($"{returnPath}/Accept", UriKind.Relative), content);
            Assert.Equal(HttpStatusCode.OK, refusedAccept.StatusCode);
            var refusedAcceptPage = await PageClient.Html(refusedAccept);
            Assert.Contains("Someone else changed this return", refusedAcceptPage.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("already been accepted", refusedAcceptPage.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        }

        var (_, afterList) = await priya.Get("/Returns/Review");
        var stillListed = TableCaptioned(afterList, "Returns to review") is { } table ? RowWith(table, ReviewedReference, "2026-27 Q2") : null;
        Assert.Null(stillListed);
    }

    [Fact]
    public async Task Journey_PendingRestatement_IsApprovedAndMarkedRestated()
    {
        var contractId = await ContractId(RestatedReference);
        var returnPath = $"/Contracts/{contractId}/Returns/2026-27-Q1";
        var priya = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, list) = await priya.Get("/Returns/Review");
        var restatements = TableCaptioned(list, "Restatements to decide");
        Assert.NotNull(restatements);
        var row = RowWith(restatements, RestatedReference, "2026-27 Q1");
        Assert.NotNull(row);
        Assert.Contains("→", row.TextContent, StringComparison.Ordinal);
        var decide = row.QuerySelector($"a[href^='{returnPath}/Restatements/']");
        Assert.NotNull(decide);
        var decidePath = decide.GetAttribute("href")!;

        var (response, page) = await priya.Get(decidePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var indicator = page.QuerySelector("main h1")!.TextContent.Replace("Decide the restatement of", string.Empty, StringComparison.Ordinal).Trim();
        Assert.Contains("Accepted figure", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Proposed figure", page.QuerySelector(".govuk-summary-list")!.TextContent, StringComparison.Ordinal);

        var noChoice = await PageClient.Html(await priya.PostForm(decidePath, new Dictionary<string, string> { ["Input.Reason"] = string.Empty }));
        AssertFieldError(noChoice, "Input_Approve", "Select whether to approve or reject the restatement");

        var noReason = await PageClient.Html(await priya.PostForm(decidePath, new Dictionary<string, string> { ["Input.Approve"] = "false", ["Input.Reason"] = string.Empty }));
        AssertFieldError(noReason, "Input_Reason", "Enter why you are rejecting the restatement");
        Assert.True(((IHtmlInputElement)noReason.GetElementById("Input_Approve-2")!).IsChecked);

        var approved = await priya.PostForm(decidePath, new Dictionary<string, string> { ["Input.Approve"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(returnPath, approved.Headers.Location!.OriginalString);

        var (_, returnPage) = await priya.Get(returnPath);
        Assert.Contains("Restatement approved", returnPage.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        var figureRow = returnPage.QuerySelectorAll("main tbody tr").FirstOrDefault(r => r.QuerySelector("th")?.TextContent.Trim().StartsWith(indicator, StringComparison.Ordinal) == true);
        Assert.NotNull(figureRow);
        Assert.Contains(figureRow.QuerySelectorAll(".govuk-tag"), tag => tag.TextContent.Trim() == "Restated");

        var (_, decidedPage) = await priya.Get(decidePath);
        Assert.Contains("already been approved", decidedPage.QuerySelector(".govuk-inset-text")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(decidedPage.QuerySelectorAll("main form"));

        var (_, afterList) = await priya.Get("/Returns/Review");
        Assert.Empty(afterList.QuerySelectorAll($"a[href='{decidePath}']"));
    }

    private Task<Guid> ContractId(string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    /// <summary>Sends requests as a demo user, the way a request signed in as them would.</summary>
    private async Task<T> AsUser<T>(string email, Func<IMediator, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        services.GetRequiredService<CurrentUser>().RunAs(await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user));
        return await work(services.GetRequiredService<IMediator>());
    }

    private static IElement? TableCaptioned(IParentNode document, string caption) =>
        document.QuerySelectorAll("table").FirstOrDefault(t => t.QuerySelector("caption")?.TextContent.Trim() == caption);

    private static IElement? RowWith(IParentNode container, params string[] texts) =>
        container.QuerySelectorAll("tbody tr").FirstOrDefault(r => texts.All(t => r.TextContent.Contains(t, StringComparison.Ordinal)));

    /// <summary>The fields of the page's post form as they stand, to post later (a form left open in another tab).</summary>
    private static Dictionary<string, string> FormValues(IHtmlDocument document)
    {
        var form = document.Forms.FirstOrDefault(f => f.QuerySelector("[name='expectedVersion']") is not null);
        Assert.NotNull(form);
        return form.QuerySelectorAll("input[type='hidden']").OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
    }

    private static void AssertFieldError(IHtmlDocument document, string fieldId, string message)
    {
        var summary = document.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        var link = summary.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == message);
        Assert.NotNull(link);
        Assert.Equal("#" + fieldId, link.GetAttribute("href"));
        var field = document.GetElementById(fieldId);
        Assert.NotNull(field);
        var group = field.Closest(".govuk-form-group--error");
        Assert.NotNull(group);
        Assert.Contains(
            message,
            group.QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim()));
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
    }
}
