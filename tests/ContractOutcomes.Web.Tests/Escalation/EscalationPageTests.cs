using System.Globalization;
using System.Net;
using ContractOutcomes.Application.Escalation.GetEscalation;
using static ContractOutcomes.Web.Tests.Escalation.EscalationTestSupport;

namespace ContractOutcomes.Web.Tests.Escalation;

/// <summary>
/// The escalation page and the decision pages. Decisions are recorded only on WCC-SBD-2024-005, in one journey that
/// ends back at routine monitoring; the other contracts are only read.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class EscalationPageTests(WebAppFactory app)
{
    [Fact]
    public async Task Escalation_CommissionerOfTheTrust_ShowsThePositionLadderTriggersHistoryAndDecisions()
    {
        var id = await app.ContractId(Trust);
        var client = await app.Commissioner();

        var (response, document) = await client.Get($"/Contracts/{id}/Escalation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Escalation", document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("Improvement plan", SummaryValue(document, "Stage"));
        Assert.Equal("26 February 2027", SummaryValue(document, "Improvement plan due"));
        Assert.Equal("No notice open", SummaryValue(document, "Improvement deadline"));
        Assert.Equal("Not due", SummaryValue(document, "Contract performance notice due"));

        var ladder = document.QuerySelectorAll("ol.app-escalation-ladder li").Select(li => Squash(li.TextContent)).ToList();
        Assert.Equal(
            ["Routine monitoring", "Enhanced monitoring", "Improvement plan (current stage)", "Formal performance notice", "Step-in or termination review"],
            ladder);
        Assert.Equal("Improvement plan (current stage)", Squash(document.QuerySelector("ol.app-escalation-ladder li[aria-current='step']")!.TextContent));

        var triggers = document.QuerySelector("table.app-active-triggers");
        Assert.NotNull(triggers);
        Assert.NotNull(triggers.QuerySelector("caption"));
        var rule1 = triggers.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.TextContent.Contains("2026-27 Q1", StringComparison.Ordinal) && r.TextContent.Contains("Rule 1:", StringComparison.Ordinal));
        Assert.NotNull(rule1);
        Assert.Equal($"Rule 1: {Rule1}", Squash(rule1.QuerySelector("th[scope='row']")!.TextContent));
        Assert.Contains("Single assessments completed within 45 working days", rule1.TextContent, StringComparison.Ordinal);

        var history = document.QuerySelector("table.app-escalation-history");
        Assert.NotNull(history);
        var plan = history.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.QuerySelector("th")?.TextContent.Trim() == "Improvement plan agreed");
        Assert.NotNull(plan);
        Assert.Contains("Plan due 26 February 2027", plan.TextContent, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", plan.TextContent, StringComparison.Ordinal);
        Assert.Contains("20 Aug 2026, 10:00am", plan.TextContent, StringComparison.Ordinal);
        Assert.Contains(history.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Automatic", StringComparison.Ordinal) && r.TextContent.Contains("Rule triggered", StringComparison.Ordinal));

        var links = document.QuerySelectorAll(".app-escalation-decisions a").Select(a => (Squash(a.TextContent), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Acknowledge the current position", $"/Contracts/{id}/Escalation/Decide?decision=Acknowledge"), links);
        Assert.Contains(("De-escalate the contract", $"/Contracts/{id}/Escalation/Decide?decision=Deescalate"), links);
        Assert.Contains(document.QuerySelectorAll("main a"), a => a.GetAttribute("href") == $"/Contracts/{id}/Escalation/Rules");
    }

    [Fact]
    public async Task Escalation_ProviderOfTheTrust_ReadsThePositionButIsOfferedNoDecisions()
    {
        var id = await app.ContractId(Trust);
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var (response, document) = await client.Get($"/Contracts/{id}/Escalation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Improvement plan", SummaryValue(document, "Stage"));
        Assert.NotNull(document.QuerySelector("table.app-active-triggers"));
        Assert.NotNull(document.QuerySelector("table.app-escalation-history"));
        Assert.Null(document.QuerySelector(".app-escalation-decisions"));
        Assert.DoesNotContain("Record a decision", MainText(document), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalation_ProviderOfAnotherOrganisation_IsNotFound()
    {
        var id = await app.ContractId(Trust);
        var client = await PageClient.SignedIn(app, WebAppFactory.PrivateProvider, WebAppFactory.ProviderPassword);

        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/Contracts/{id}/Escalation")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/Contracts/{id}/Escalation/Rules")).Response.StatusCode);
    }

    [Fact]
    public async Task Escalation_Anonymous_RedirectsToSignIn()
    {
        var id = await app.ContractId(Trust);
        var client = new PageClient(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

        var (response, _) = await client.Get($"/Contracts/{id}/Escalation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalation_Halden_WarnsThatItFailedToImproveWithTheNoticeDueDateAndDaysLeft()
    {
        var id = await app.ContractId(Halden);
        var client = await PageClient.SignedIn(app, WebAppFactory.PrivateProvider, WebAppFactory.ProviderPassword);
        var clock = PerformanceNoticeClock.For(new DateOnly(2026, 11, 14), new DateOnly(2026, 12, 14), Today());

        var (response, document) = await client.Get($"/Contracts/{id}/Escalation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = document.QuerySelector(".govuk-warning-text");
        Assert.NotNull(warning);
        var text = Squash(warning.TextContent);
        Assert.Contains("failed to improve", text, StringComparison.Ordinal);
        Assert.Contains("13 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Publish a contract performance notice by 14 December 2026 (Procurement Act 2023, section 71(4)): " + clock.InWords + ".", text, StringComparison.Ordinal);
        Assert.Equal("Formal performance notice", SummaryValue(document, "Stage"));
        Assert.Equal("14 November 2026", SummaryValue(document, "Failed to improve"));
        Assert.Equal("14 December 2026 " + clock.InWords, SummaryValue(document, "Contract performance notice due"));
    }

    [Fact]
    public async Task Escalation_DraftContract_SaysNothingHasBeenEscalated()
    {
        var draft = await app.NewDraftAsync();
        var client = await app.Commissioner();

        var (response, document) = await client.Get($"/Contracts/{draft.ContractId}/Escalation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Routine monitoring — nothing has been escalated.", Squash(document.QuerySelector(".govuk-inset-text")!.TextContent), StringComparison.Ordinal);
        Assert.Equal("Routine monitoring", SummaryValue(document, "Stage"));
        Assert.Null(document.QuerySelector(".app-escalation-decisions"));
        Assert.Equal(HttpStatusCode.OK, (await client.Get($"/Contracts/{draft.ContractId}/Escalation/Decide?decision=AgreeImprovementPlan")).Response.StatusCode);
    }

    [Fact]
    public async Task Decide_RoutineContract_AcknowledgeExplainsWhyNotAndShowsNoForm()
    {
        var id = await app.ContractId(ShortBreaks);
        var client = await app.Commissioner();

        var (response, document) = await client.Get($"/Contracts/{id}/Escalation/Decide?decision=Acknowledge");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("There is nothing to acknowledge: the contract is at routine monitoring and no rule is firing.", Squash(document.QuerySelector(".govuk-inset-text")!.TextContent));
        Assert.Null(document.QuerySelector("main form"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Escalate")]
    [InlineData("3")]
    public async Task Decide_UnknownDecision_IsNotFound(string decision)
    {
        var id = await app.ContractId(ShortBreaks);
        var client = await app.Commissioner();

        Assert.Equal(HttpStatusCode.NotFound, (await client.Get($"/Contracts/{id}/Escalation/Decide?decision={decision}")).Response.StatusCode);
    }

    [Fact]
    public async Task Decide_Provider_IsForbidden()
    {
        var id = await app.ContractId(Trust);
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var get = await client.Get($"/Contracts/{id}/Escalation/Decide?decision=Acknowledge");
        var post = await PostWithToken(client, $"/Contracts/{id}/Escalation/Decide?decision=Acknowledge", new Dictionary<string, string> { ["Input.Note"] = "Seen" });

        Assert.Equal(HttpStatusCode.Forbidden, get.Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task Decide_ShortBreaksJourney_ShowsErrorsBesideFieldsKeepsInputAndConfirmsEachDecision()
    {
        var id = await app.ContractId(ShortBreaks);
        var client = await app.Commissioner();
        var today = Today();
        var escalation = $"/Contracts/{id}/Escalation";
        var plan = $"{escalation}/Decide?decision=AgreeImprovementPlan";

        var (_, start) = await client.Get(escalation);
        Assert.Equal("Routine monitoring", SummaryValue(start, "Stage"));
        var offered = start.QuerySelectorAll(".app-escalation-decisions a").Select(a => Squash(a.TextContent)).ToList();
        Assert.Equal(["Agree an improvement plan", "Issue a formal performance notice"], offered);

        // No date: the validator asks for it.
        var missing = await PageClient.Html(await client.PostForm(plan, new Dictionary<string, string> { ["Input.Note"] = "Agreed at the review meeting" }));
        Assert.Equal(["Enter the date the improvement plan is due"], ErrorSummary(missing));
        Assert.Equal("Enter the date the improvement plan is due", FieldError(missing, "Input_DueOn"));
        Assert.Equal("#Input_DueOn_Day", missing.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("Agreed at the review meeting", missing.QuerySelector("textarea[name='Input.Note']")!.TextContent.Trim());

        // Not a real date.
        var unreal = await PageClient.Html(await client.PostForm(plan, Plan("31", "2", "2027", "Agreed")));
        Assert.Equal("The improvement plan's due date must be a real date", FieldError(unreal, "Input_DueOn"));
        Assert.Equal("31", unreal.QuerySelector("input[name='Input.DueOn.Day']")!.GetAttribute("value"));

        // In the past, with no note: the escalation case refuses both, beside each field.
        var yesterday = today.AddDays(-1);
        var past = await PageClient.Html(await client.PostForm(plan, Plan(yesterday, "")));
        Assert.Equal("The improvement plan's due date must be in the future", FieldError(past, "Input_DueOn"));
        Assert.StartsWith("Enter a note", FieldError(past, "Input_Note"), StringComparison.Ordinal);
        Assert.Equal(yesterday.Year.ToString(CultureInfo.InvariantCulture), past.QuerySelector("input[name='Input.DueOn.Year']")!.GetAttribute("value"));

        // Agreed.
        var due = today.AddDays(60);
        var versionBefore = await app.CaseVersion(id);
        var agreed = await client.PostForm(plan, Plan(due, "Plan to recover delivered hours, agreed with the provider."));
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        Assert.Equal(escalation, agreed.Headers.Location!.OriginalString);
        var (_, afterPlan) = await client.Get(escalation);
        Assert.Equal("Improvement plan agreed", Squash(afterPlan.QuerySelector(".govuk-notification-banner--success .govuk-notification-banner__heading")!.TextContent));
        Assert.Contains(ContractDisplayDate(due), afterPlan.QuerySelector(".govuk-notification-banner--success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Improvement plan", SummaryValue(afterPlan, "Stage"));
        Assert.Equal("Improvement plan agreed", Squash(afterPlan.QuerySelector("table.app-escalation-history tbody tr th")!.TextContent));

        // Someone else decided in the meantime: the stale version is reported and the note is kept.
        var acknowledge = $"{escalation}/Decide?decision=Acknowledge";
        var stale = await PageClient.Html(await client.PostForm(acknowledge, new Dictionary<string, string>
        {
            ["expectedVersion"] = versionBefore.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = "Checked the first month of the plan",
        }));
        Assert.Contains(ErrorSummary(stale), e => e.StartsWith("Someone else changed this", StringComparison.Ordinal));
        Assert.Equal("Checked the first month of the plan", stale.QuerySelector("textarea[name='Input.Note']")!.TextContent.Trim());

        // De-escalate: the form offers only the lower stages; stage and reason are both needed.
        var deescalate = $"{escalation}/Decide?decision=Deescalate";
        var (_, form) = await client.Get(deescalate);
        Assert.Equal(["RoutineMonitoring", "EnhancedMonitoring"], form.QuerySelectorAll("input[name='Input.ToStage']").Select(i => i.GetAttribute("value")!));
        var empty = await PageClient.Html(await client.PostForm(deescalate, new Dictionary<string, string> { ["Input.Note"] = "" }));
        Assert.Equal("Select the stage to move the contract down to", FieldError(empty, "Input_ToStage"));
        Assert.Equal("Enter the reason for de-escalating", FieldError(empty, "Input_Note"));

        var done = await client.PostForm(deescalate, new Dictionary<string, string>
        {
            ["Input.ToStage"] = "RoutineMonitoring",
            ["Input.Note"] = "Delivered hours are back on target; the plan closed early.",
        });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, end) = await client.Get(escalation);
        Assert.Equal("Contract de-escalated", Squash(end.QuerySelector(".govuk-notification-banner__heading")!.TextContent));
        Assert.Contains("The contract is now at routine monitoring.", end.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Routine monitoring", SummaryValue(end, "Stage"));
        var top = end.QuerySelector("table.app-escalation-history tbody tr")!;
        Assert.Equal("De-escalated", Squash(top.QuerySelector("th")!.TextContent));
        Assert.Contains("Improvement plan to Routine monitoring", Squash(top.TextContent), StringComparison.Ordinal);
        Assert.Contains("Priya Shah", top.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Plan(string day, string month, string year, string note) => new()
    {
        ["Input.DueOn.Day"] = day,
        ["Input.DueOn.Month"] = month,
        ["Input.DueOn.Year"] = year,
        ["Input.Note"] = note,
    };

    private static Dictionary<string, string> Plan(DateOnly date, string note) => Plan(
        date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture), note);

    private static string ContractDisplayDate(DateOnly date) => ContractOutcomes.Web.Pages.Contracts.ContractDisplay.Date(date);
}
