using System.Net;
using static ContractOutcomes.Web.Tests.Escalation.EscalationTestSupport;

namespace ContractOutcomes.Web.Tests.Escalation;

/// <summary>The escalation rules page: read-only on active contracts, an editor on drafts these tests create.</summary>
[Collection(WebTestGroup.Name)]
public sealed class EscalationRulesPageTests(WebAppFactory app)
{
    private static readonly string[] TrustRules =
    [
        Rule1,
        "3 or more indicators rated Requires improvement or worse in one period: enhanced monitoring",
        "A return more than 10 days late: enhanced monitoring",
        "An overall weighted score below 50: enhanced monitoring",
    ];

    [Theory]
    [InlineData(WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword)]
    [InlineData(WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword)]
    public async Task Rules_ActiveContract_ListsTheRulesInWordsReadOnly(string email, string password)
    {
        var id = await app.ContractId(Trust);
        var client = await PageClient.SignedIn(app, email, password);

        var (response, document) = await client.Get($"/Contracts/{id}/Escalation/Rules");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = document.QuerySelector("table.app-escalation-rules");
        Assert.NotNull(table);
        Assert.Equal("Rules", Squash(table.QuerySelector("caption")!.TextContent));
        var rows = table.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(TrustRules, rows.Select(r => Squash(r.QuerySelectorAll("td")[0].TextContent)));
        Assert.Equal(["Rule 1", "Rule 2", "Rule 3", "Rule 4"], rows.Select(r => Squash(r.QuerySelector("th")!.TextContent)));
        Assert.Equal("Improvement plan", Squash(rows[0].QuerySelectorAll("td")[1].TextContent));
        Assert.Contains("Escalation rules can be changed only while the contract is a draft.", Squash(document.QuerySelector(".govuk-inset-text")!.TextContent), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("main form"));
    }

    [Fact]
    public async Task Rules_ActiveContract_CommissionerPostIsRefusedWithTheDraftOnlyMessage()
    {
        var id = await app.ContractId(Trust);
        var client = await app.Commissioner();

        var response = await PostWithToken(client, $"/Contracts/{id}/Escalation/Rules", new Dictionary<string, string>
        {
            ["command"] = "save",
            ["Rules[0].Kind"] = "LateReturn",
            ["Rules[0].DaysLate"] = "3",
            ["Rules[0].Stage"] = "EnhancedMonitoring",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PageClient.Html(response);
        Assert.Contains(ErrorSummary(document), e => e.StartsWith("This contract is active", StringComparison.Ordinal));
        Assert.Equal(4, document.QuerySelectorAll("table.app-escalation-rules tbody tr").Length);
    }

    [Fact]
    public async Task Rules_ProviderPost_IsForbidden()
    {
        var id = await app.ContractId(Trust);
        var client = await PageClient.SignedIn(app, WebAppFactory.TrustProvider, WebAppFactory.ProviderPassword);

        var response = await PostWithToken(client, $"/Contracts/{id}/Escalation/Rules", new Dictionary<string, string> { ["command"] = "add" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Rules_Draft_AddRemoveShowErrorsBesideEachFieldAndSave()
    {
        var draft = await app.NewDraftAsync();
        var url = $"/Contracts/{draft.ContractId}/Escalation/Rules";
        var client = await app.Commissioner();

        var (response, start) = await client.Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(start.QuerySelector("table.app-escalation-rules"));
        Assert.Empty(start.QuerySelectorAll("fieldset.app-escalation-rule"));
        Assert.Equal("Add a rule", Squash(start.QuerySelector("button[name='command'][value='add']")!.TextContent));

        // Add a rule: one empty fieldset, with every kind of rule to choose from and every field of each.
        var one = await PageClient.Html(await client.PostForm(url, new Dictionary<string, string> { ["command"] = "add" }));
        Assert.Empty(ErrorSummary(one));
        var rule = Assert.Single(one.QuerySelectorAll("fieldset.app-escalation-rule"));
        Assert.Equal("Rule 1", Squash(rule.QuerySelector("legend h3")!.TextContent));
        Assert.Equal(
            ["ConsecutivePeriods", "IndicatorsInPeriod", "LateReturn", "WeightedScoreBelow"],
            rule.QuerySelectorAll("input[type='radio'][name='Rules[0].Kind']").Select(i => i.GetAttribute("value")!));
        Assert.Equal("Rules_0__Kind", rule.QuerySelector("input[type='radio']")!.Id);
        Assert.Equal(["Any indicator", IndicatorName], rule.QuerySelectorAll("select[name='Rules[0].IndicatorId'] option").Select(o => o.TextContent.Trim()));
        Assert.Equal(
            ["Select a rating", "Good", "Approaching target", "Requires improvement", "Inadequate"],
            rule.QuerySelectorAll("select[name='Rules[0].ConsecutiveRating'] option").Select(o => o.TextContent.Trim()));
        Assert.Equal("Rated at or below", Squash(one.QuerySelector("label[for='Rules_0__ConsecutiveRating']")!.TextContent));
        Assert.Equal(
            ["Select a stage", "Enhanced monitoring", "Improvement plan", "Formal performance notice", "Step-in or termination review"],
            rule.QuerySelectorAll("select[name='Rules[0].Stage'] option").Select(o => o.TextContent.Trim()));
        foreach (var field in new[] { "Periods", "IndicatorCount", "DaysLate", "ScoreBelow" })
        {
            Assert.NotNull(rule.QuerySelector($"input[name='Rules[0].{field}']"));
        }

        // Add another, keeping what was typed in the first.
        var firstRule = new Dictionary<string, string>
        {
            ["Rules[0].Kind"] = "LateReturn",
            ["Rules[0].DaysLate"] = "7",
            ["Rules[0].Stage"] = "EnhancedMonitoring",
        };
        var two = await PageClient.Html(await client.PostForm(url, new Dictionary<string, string>(firstRule) { ["command"] = "add" }));
        Assert.Equal(2, two.QuerySelectorAll("fieldset.app-escalation-rule").Length);
        Assert.True(two.QuerySelector("input[name='Rules[0].Kind'][value='LateReturn']")!.HasAttribute("checked"));
        Assert.Equal("7", two.QuerySelector("input[name='Rules[0].DaysLate']")!.GetAttribute("value"));
        // Every kind's boxes are shown under its radio (no conditional reveal: see the page), none hidden.
        Assert.NotNull(two.QuerySelector("#conditional-Rules_0__Kind-3 input[name='Rules[0].DaysLate']"));
        Assert.Empty(two.QuerySelectorAll(".govuk-radios__conditional--hidden, [data-aria-controls]"));
        Assert.Equal("Remove rule 2", Squash(two.QuerySelector("button[value='remove-1']")!.TextContent));

        // Save with problems: each message is beside its own rule's field, and what was typed is kept.
        var bad = new Dictionary<string, string>
        {
            ["command"] = "save",
            ["Rules[0].Kind"] = "ConsecutivePeriods",
            ["Rules[0].IndicatorId"] = draft.IndicatorId.ToString(),
            ["Rules[0].ConsecutiveRating"] = "Inadequate",
            ["Rules[0].Periods"] = "1",
            ["Rules[0].Stage"] = "ImprovementPlan",
            ["Rules[1].Kind"] = "IndicatorsInPeriod",
            ["Rules[1].IndicatorCount"] = "2",
            ["Rules[2].Kind"] = "WeightedScoreBelow",
            ["Rules[2].ScoreBelow"] = "0",
            ["Rules[2].Stage"] = "EnhancedMonitoring",
            ["Rules[3].DaysLate"] = "4",
            ["Rules[3].Stage"] = "EnhancedMonitoring",
        };
        var refused = await PageClient.Html(await client.PostForm(url, bad));
        Assert.Equal("The number of consecutive periods must be between 2 and 12 (rule 1)", FieldError(refused, "Rules_0__Periods"));
        Assert.Equal("Select the rating (rule 2)", FieldError(refused, "Rules_1__CountRating"));
        Assert.Equal("The score must be more than 0 (rule 3)", FieldError(refused, "Rules_2__ScoreBelow"));
        Assert.Equal("Select the stage the rule raises (rule 2)", FieldError(refused, "Rules_1__Stage"));
        Assert.Equal("Select the kind of rule (rule 4)", FieldError(refused, "Rules_3__Kind"));
        Assert.Contains(refused.QuerySelectorAll(".govuk-error-summary__list a"), a => a.GetAttribute("href") == "#Rules_3__Kind");
        Assert.Contains(refused.QuerySelectorAll(".govuk-error-summary__list a"), a => a.GetAttribute("href") == "#Rules_1__CountRating");
        Assert.Equal("1", refused.QuerySelector("input[name='Rules[0].Periods']")!.GetAttribute("value"));
        Assert.Equal(draft.IndicatorId.ToString(), refused.QuerySelector("select[name='Rules[0].IndicatorId'] option[selected]")!.GetAttribute("value"));
        Assert.Equal(4, refused.QuerySelectorAll("fieldset.app-escalation-rule").Length);

        // A number that is not a number is reported before anything is sent.
        var notNumber = await PageClient.Html(await client.PostForm(url, new Dictionary<string, string>
        {
            ["command"] = "save",
            ["Rules[0].Kind"] = "LateReturn",
            ["Rules[0].DaysLate"] = "a week",
            ["Rules[0].Stage"] = "EnhancedMonitoring",
        }));
        Assert.Equal("The number of days late must be a whole number (rule 1)", FieldError(notNumber, "Rules_0__DaysLate"));
        Assert.Equal("a week", notNumber.QuerySelector("input[name='Rules[0].DaysLate']")!.GetAttribute("value"));

        // Remove the first of two rules: the second moves up, with what was typed in it.
        var removed = await PageClient.Html(await client.PostForm(url, new Dictionary<string, string>(firstRule)
        {
            ["command"] = "remove-0",
            ["Rules[1].Kind"] = "WeightedScoreBelow",
            ["Rules[1].ScoreBelow"] = "45",
            ["Rules[1].Stage"] = "FormalPerformanceNotice",
        }));
        Assert.Empty(ErrorSummary(removed));
        Assert.Single(removed.QuerySelectorAll("fieldset.app-escalation-rule"));
        Assert.True(removed.QuerySelector("input[name='Rules[0].Kind'][value='WeightedScoreBelow']")!.HasAttribute("checked"));
        Assert.Equal("45", removed.QuerySelector("input[name='Rules[0].ScoreBelow']")!.GetAttribute("value"));
        Assert.Equal("FormalPerformanceNotice", removed.QuerySelector("select[name='Rules[0].Stage'] option[selected]")!.GetAttribute("value"));

        // Save.
        var saved = await client.PostForm(url, new Dictionary<string, string>
        {
            ["command"] = "save",
            ["Rules[0].Kind"] = "ConsecutivePeriods",
            ["Rules[0].IndicatorId"] = draft.IndicatorId.ToString(),
            ["Rules[0].ConsecutiveRating"] = "Inadequate",
            ["Rules[0].Periods"] = "2",
            ["Rules[0].Stage"] = "ImprovementPlan",
            ["Rules[1].Kind"] = "IndicatorsInPeriod",
            ["Rules[1].CountRating"] = "RequiresImprovement",
            ["Rules[1].IndicatorCount"] = "1",
            ["Rules[1].Stage"] = "EnhancedMonitoring",
            ["Rules[2].Kind"] = "WeightedScoreBelow",
            ["Rules[2].ScoreBelow"] = "45.5",
            ["Rules[2].Stage"] = "FormalPerformanceNotice",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(url, saved.Headers.Location!.OriginalString);
        var (_, after) = await client.Get(url);
        Assert.Equal("Escalation rules saved", Squash(after.QuerySelector(".govuk-notification-banner__heading")!.TextContent));
        Assert.Contains("The contract has 3 escalation rules.", after.QuerySelector(".govuk-notification-banner")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [
                $"{IndicatorName} rated Inadequate or worse for 2 consecutive periods: improvement plan",
                "Any indicator rated Requires improvement or worse in a period: enhanced monitoring",
                "An overall weighted score below 45.5: formal performance notice",
            ],
            after.QuerySelectorAll("table.app-escalation-rules tbody tr").Select(r => Squash(r.QuerySelectorAll("td")[0].TextContent)));
        Assert.Equal("Rules saved now", Squash(after.QuerySelector("table.app-escalation-rules caption")!.TextContent));
        Assert.Equal(3, after.QuerySelectorAll("fieldset.app-escalation-rule").Length);
        Assert.True(after.QuerySelector("input[name='Rules[1].Kind'][value='IndicatorsInPeriod']")!.HasAttribute("checked"));

        // A second save from the page as it was before the first one is a conflict.
        var staleVersion = start.QuerySelector("input[name='expectedVersion']")!.GetAttribute("value")!;
        var stale = await PageClient.Html(await client.PostForm(url, new Dictionary<string, string>
        {
            ["command"] = "save",
            ["expectedVersion"] = staleVersion,
            ["Rules[0].Kind"] = "LateReturn",
            ["Rules[0].DaysLate"] = "3",
            ["Rules[0].Stage"] = "EnhancedMonitoring",
        }));
        Assert.Contains(ErrorSummary(stale), e => e.StartsWith("Someone else changed this", StringComparison.Ordinal));
    }
}
