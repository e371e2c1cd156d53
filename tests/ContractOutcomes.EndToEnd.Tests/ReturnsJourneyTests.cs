using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>
/// A quarterly return's whole round trip in one browser, as two people on a shared computer would do it: the provider
/// fills in the overdue Halden Home Care return (and is told to explain the figure that misses its target), submits it;
/// the commissioner queries one figure; the provider sees the query, revises the figure and submits again; the
/// commissioner accepts; and the figures are then rated. Only role and label locators drive the forms, so the journey
/// also proves that every box, button and table can be found by its accessible name.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class ReturnsJourneyTests(BrowserFixture fixture)
{
    private const string Period = "2026-27 Q2";

    private const string Commissioner = "Wessex County Council";

    private const string Question = "This is 40 more episodes than last quarter. Please check the count against the hospital discharge log.";

    private const string Answer = "Checked against the discharge log: 5 episodes were counted twice after a system migration in August.";

    private const string ShortfallReason = "Two hospital wards sent more people with complex needs in September, and fewer of them could stay at home for 91 days.";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [BrowserFact]
    public async Task QuarterlyReturn_SubmittedQueriedRevisedAndAccepted_ShowsRatings()
    {
        // Arrange: one browser context for the whole journey; each person signs out before the next signs in.
        var page = await fixture.SignedInPage(DemoUsers.PrivateProvider);
        await using var context = page.Context;
        var unreadAtStart = await UnreadNotifications(page);

        // Act and assert, step by step: each step waits for the page it leads to.
        await OpenOverdueReturnFromHome(page);
        var indicators = await FillInFigures(page);
        var missed = indicators.First(i => i.Misses);
        var queried = indicators.First(i => !i.IsRatio);
        await ExplainMissedTargetWhenAsked(page, missed);
        await SubmitFromCheckAnswers(page);
        await SignOut(page);

        await SignIn(page, DemoUsers.Commissioner);
        await QueryOneFigure(page, queried);
        await SignOut(page);

        await SignIn(page, DemoUsers.PrivateProvider);
        await FollowQueryNotification(page, unreadAtStart);
        await SeeQueryOnReturnPage(page, queried);
        var revised = await ReviseQueriedFigure(page, queried);
        await SubmitFromCheckAnswers(page);
        await SignOut(page);

        await SignIn(page, DemoUsers.Commissioner);
        await AcceptRevisedReturn(page, queried, revised);

        // Assert: every figure is rated; the figures that meet their targets are Good and the one that misses is not.
        var figures = page.GetByRole(AriaRole.Table, new() { Name = "Figures", Exact = true });
        await Expect(figures).ToBeVisibleAsync();
        foreach (var indicator in indicators)
        {
            var rating = FigureRow(page, figures, indicator.Name).GetByRole(AriaRole.Cell).Nth(2);
            await Expect(rating).ToHaveTextAsync(indicator.Misses ? BelowTarget() : Good());
        }

        await Expect(FigureRow(page, figures, queried.Name)).ToContainTextAsync(revised);
        var queries = figures.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"Queries about {queried.Name}" }) });
        await Expect(queries).ToContainTextAsync("Answered");
        await Expect(queries).ToContainTextAsync(Question);

        // And the provider finds the ratings on her home page.
        await SignOut(page);
        await SignIn(page, DemoUsers.PrivateProvider);
        var latest = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex($"^{Regex.Escape(Seeded.PrivateProviderContract)}, {Period}") });
        await Expect(latest).ToBeVisibleAsync();
        await Expect(latest.GetByRole(AriaRole.Row)).ToHaveCountAsync(indicators.Count + 1);
        await Expect(FigureRow(page, latest, missed.Name).GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync(BelowTarget());
    }

    private static ILocator Heading(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true });

    private static ILocator SuccessBanner(IPage page, string heading) =>
        page.GetByRole(AriaRole.Alert, new() { Name = "Success" }).GetByText(heading, new() { Exact = true });

    /// <summary>The value of a row of the return page's summary list ("Status", "Submitted").</summary>
    private static ILocator Summary(IPage page, string key) =>
        page.GetByRole(AriaRole.Main).Locator(".govuk-summary-list__row").Filter(new() { Has = page.GetByRole(AriaRole.Term).GetByText(key, new() { Exact = true }) }).GetByRole(AriaRole.Definition);

    /// <summary>A table's row for an indicator, found by its row header (the name, then its polarity hint).</summary>
    private static ILocator FigureRow(IPage page, ILocator table, string indicator) =>
        table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex($"^{Regex.Escape(indicator)}( |$)") }) });

    private static ILocator NotificationsLink(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { NameRegex = NotificationsName() });

    /// <summary>The header's unread count: "Notifications (3 unread)" to a screen reader, "Notifications (3)" on screen.</summary>
    private static async Task<int> UnreadNotifications(IPage page)
    {
        var link = NotificationsLink(page);
        await Expect(link).ToBeVisibleAsync();
        var match = UnreadCount().Match(await link.TextContentAsync() ?? string.Empty);
        return match.Success ? int.Parse(match.Groups["count"].Value, Invariant) : 0;
    }

    private static async Task SignIn(IPage page, DemoUser user)
    {
        await Expect(Heading(page, "Sign in")).ToBeVisibleAsync();
        await page.GetByLabel("Email address").FillAsync(user.Email);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Heading(page, "ContractOutcomes")).ToBeVisibleAsync();
        await Expect(page.GetByText($"Signed in as {user.DisplayName}")).ToBeVisibleAsync();
    }

    private static async Task SignOut(IPage page)
    {
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Heading(page, "Sign in")).ToBeVisibleAsync();
        await Expect(page.GetByText("You have signed out")).ToBeVisibleAsync();
    }

    private static async Task OpenOverdueReturnFromHome(IPage page)
    {
        await Expect(Heading(page, "ContractOutcomes")).ToBeVisibleAsync();
        var toComplete = page.GetByRole(AriaRole.Table, new() { Name = "Returns to complete, overdue first" });
        var row = toComplete.GetByRole(AriaRole.Row).Filter(new() { HasText = Seeded.PrivateProviderContract });
        await Expect(row).ToContainTextAsync(DaysLate());
        await Expect(row).ToContainTextAsync("Not started");
        await row.GetByRole(AriaRole.Link, new() { Name = Period, Exact = true }).ClickAsync();

        await Expect(Heading(page, $"Return for {Period}")).ToBeVisibleAsync();
        await Expect(Summary(page, "Status")).ToHaveTextAsync("Not started");
        await Expect(Summary(page, "Lateness")).ToContainTextAsync("and not yet submitted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(Heading(page, $"Figures for {Period}")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Fills in every indicator from the target the form shows beside it: a figure that just meets the target, except
    /// for the first percentage or rate, which misses it by three points and is left without the commentary it needs.
    /// Returns what was entered, in the form's order.
    /// </summary>
    private static async Task<IReadOnlyList<FormIndicator>> FillInFigures(IPage page)
    {
        var groups = page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Group)
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 2 }) });
        var count = await groups.CountAsync();
        Assert.True(count >= 2, $"The return form shows {count} indicator(s); the Halden contract has seven.");

        var indicators = new List<FormIndicator>();
        for (var i = 0; i < count; i++)
        {
            var name = (await groups.Nth(i).GetByRole(AriaRole.Heading, new() { Level = 2 }).TextContentAsync())!.Trim();
            var group = page.GetByRole(AriaRole.Group, new() { Name = name, Exact = true });
            var targetHint = group.GetByText(TargetHint());
            await Expect(targetHint).ToBeVisibleAsync();
            await Expect(group).ToHaveAccessibleDescriptionAsync(TargetHint());
            var target = TargetHint().Match((await targetHint.TextContentAsync())!);
            var isRatio = await group.GetByLabel("Value", new() { Exact = true }).CountAsync() == 0;
            var indicator = new FormIndicator(
                name,
                decimal.Parse(target.Groups["target"].Value.Replace(",", string.Empty, StringComparison.Ordinal), Invariant),
                target.Groups["unit"].Value,
                target.Groups["polarity"].Value == "Higher",
                isRatio,
                Misses: isRatio && indicators.All(x => !x.Misses));
            indicators.Add(indicator);

            var commentary = group.GetByLabel("Commentary", new() { Exact = true });
            await Expect(commentary).ToHaveAccessibleDescriptionAsync(new Regex("^Required if the figure misses its target"));
            if (isRatio)
            {
                var (numerator, denominator) = indicator.Ratio();
                var boxes = group.GetByRole(AriaRole.Textbox);
                await Expect(boxes.Nth(0)).ToHaveAccessibleDescriptionAsync(new Regex("^Numerator"));
                await Expect(boxes.Nth(1)).ToHaveAccessibleDescriptionAsync(new Regex("^Denominator"));
                await boxes.Nth(0).FillAsync(numerator);
                await boxes.Nth(1).FillAsync(denominator);
            }
            else
            {
                await group.GetByLabel("Value", new() { Exact = true }).FillAsync(indicator.Value());
            }
        }

        Assert.Contains(indicators, i => i.Misses);
        Assert.Contains(indicators, i => !i.IsRatio);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        return indicators;
    }

    /// <summary>Check answers refuses to submit until the figure that misses its target is explained, and links to the box.</summary>
    private static async Task ExplainMissedTargetWhenAsked(IPage page, FormIndicator missed)
    {
        await Expect(Heading(page, $"Check the return for {Period} before you submit it")).ToBeVisibleAsync();
        var problems = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "You cannot submit this return yet" }) });
        await Expect(problems).ToBeVisibleAsync();
        var explain = problems.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Explain why {Regex.Escape(missed.Name)} missed its target") });
        await Expect(problems.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        await Expect(explain).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit return" })).ToHaveCountAsync(0);
        var card = page.GetByRole(AriaRole.Main).Locator(".govuk-summary-card").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = missed.Name, Exact = true }) });
        await Expect(card).ToContainTextAsync("Missing: required because the figure misses its target");

        await explain.ClickAsync();

        await Expect(Heading(page, $"Figures for {Period}")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Edit#Input_Figures_\\d+__Commentary$"));
        var group = page.GetByRole(AriaRole.Group, new() { Name = missed.Name, Exact = true });
        await group.GetByLabel("Commentary", new() { Exact = true }).FillAsync(ShortfallReason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
    }

    private static async Task SubmitFromCheckAnswers(IPage page)
    {
        await Expect(Heading(page, $"Check the return for {Period} before you submit it")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You cannot submit this return yet" })).ToHaveCountAsync(0);
        await Expect(page.GetByText(LateWarning())).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit return" }).ClickAsync();

        await Expect(Heading(page, $"Return for {Period}")).ToBeVisibleAsync();
        await Expect(SuccessBanner(page, "Return submitted")).ToBeVisibleAsync();
        await Expect(Summary(page, "Status")).ToHaveTextAsync("Submitted");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Withdraw return" })).ToBeVisibleAsync();
    }

    private static async Task<ILocator> ReviewRow(IPage page)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Returns to review" }).ClickAsync();
        await Expect(Heading(page, "Review returns")).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Returns to review" }).GetByRole(AriaRole.Row).Filter(new() { HasText = Seeded.PrivateProviderContract });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Halden Home Care Ltd");
        await Expect(row).ToContainTextAsync(Period);
        return row;
    }

    private static async Task QueryOneFigure(IPage page, FormIndicator queried)
    {
        var row = await ReviewRow(page);
        await row.GetByRole(AriaRole.Link, new() { Name = $"Query {Seeded.PrivateProviderContract} {Period}", Exact = true }).ClickAsync();
        await Expect(Heading(page, "Query the return")).ToBeVisibleAsync();

        var figures = page.GetByRole(AriaRole.Group, new() { Name = "Which figures do you want to query?" });
        await figures.GetByRole(AriaRole.Checkbox, new() { Name = queried.Name, Exact = true }).CheckAsync();
        var question = page.GetByLabel($"Your question about {queried.Name}", new() { Exact = true });
        await Expect(question).ToBeVisibleAsync();
        await question.FillAsync(Question);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send query to provider" }).ClickAsync();

        await Expect(Heading(page, $"Return for {Period}")).ToBeVisibleAsync();
        await Expect(SuccessBanner(page, "Return queried")).ToBeVisibleAsync();
        await Expect(Summary(page, "Status")).ToHaveTextAsync("Queried");
    }

    /// <summary>The header counts the new notification; the notification leads to the return.</summary>
    private static async Task FollowQueryNotification(IPage page, int unreadAtStart)
    {
        var link = NotificationsLink(page);
        await Expect(link).ToHaveAccessibleNameAsync(UnreadName());
        Assert.True(await UnreadNotifications(page) > unreadAtStart, "The header's unread count did not go up when the return was queried.");

        await link.ClickAsync();
        await Expect(Heading(page, "Notifications")).ToBeVisibleAsync();
        var notifications = page.GetByRole(AriaRole.Table, new() { Name = "Your notifications, newest first" });
        var notification = notifications.GetByRole(AriaRole.Link, new() { Name = $"{Commissioner} queried 1 figure in the {Period} return for {Seeded.PrivateProviderContract}", Exact = true });
        await Expect(notification).ToBeVisibleAsync();
        await notification.ClickAsync();
        await Expect(Heading(page, $"Return for {Period}")).ToBeVisibleAsync();
    }

    private static async Task SeeQueryOnReturnPage(IPage page, FormIndicator queried)
    {
        var banner = page.GetByRole(AriaRole.Region, new() { Name = "Important" });
        await Expect(banner).ToContainTextAsync("The commissioner has queried this return");
        await Expect(banner.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await Expect(banner.GetByRole(AriaRole.Listitem)).ToHaveTextAsync($"{queried.Name}: {Question}");
        await Expect(Summary(page, "Status")).ToHaveTextAsync("Queried");

        var figures = page.GetByRole(AriaRole.Table, new() { Name = "Figures", Exact = true });
        var queries = figures.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = $"Queries about {queried.Name}" }) });
        await Expect(queries).ToContainTextAsync("Open");
        await Expect(queries).ToContainTextAsync(Question);
    }

    /// <summary>Lowers the queried count by 5 (still meeting its target) and answers the question in the commentary.</summary>
    private static async Task<string> ReviseQueriedFigure(IPage page, FormIndicator queried)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Revise figures" }).ClickAsync();
        await Expect(Heading(page, $"Figures for {Period}")).ToBeVisibleAsync();

        var group = page.GetByRole(AriaRole.Group, new() { Name = queried.Name, Exact = true });
        await Expect(group.GetByRole(AriaRole.Heading, new() { Name = "The commissioner asks" })).ToBeVisibleAsync();
        await Expect(group).ToContainTextAsync(Question);
        var value = group.GetByLabel("Value", new() { Exact = true });
        await Expect(value).ToHaveValueAsync(queried.Value());
        var revised = (decimal.Parse(queried.Value(), Invariant) - 5).ToString(Invariant);
        await value.FillAsync(revised);
        await group.GetByLabel("Commentary", new() { Exact = true }).FillAsync(Answer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        return revised;
    }

    private static async Task AcceptRevisedReturn(IPage page, FormIndicator queried, string revised)
    {
        var row = await ReviewRow(page);
        await Expect(row).ToContainTextAsync("Revised after query");
        await row.GetByRole(AriaRole.Link, new() { Name = $"Accept {Seeded.PrivateProviderContract} {Period}", Exact = true }).ClickAsync();
        await Expect(Heading(page, "Accept the return")).ToBeVisibleAsync();
        var figures = page.GetByRole(AriaRole.Table, new() { Name = "Figures in this return" });
        await Expect(FigureRow(page, figures, queried.Name)).ToContainTextAsync(revised);
        await Expect(FigureRow(page, figures, queried.Name)).ToContainTextAsync(Answer);

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept return" }).ClickAsync();

        await Expect(Heading(page, $"Return for {Period}")).ToBeVisibleAsync();
        await Expect(SuccessBanner(page, "Return accepted")).ToBeVisibleAsync();
        await Expect(Summary(page, "Status")).ToHaveTextAsync("Accepted");
    }

    // Playwright takes a regular expression over to the browser, which understands no .NET options: so none are set below but for UnreadCount.

    /// <summary>"Target for 2026-27 Q2: 83.0%. Higher is better." as the return form shows it under each indicator's name.</summary>
    [GeneratedRegex(@"^Target for \d{4}-\d{2} Q\d: £?(?<target>[\d,]+(?:\.\d+)?)(?<unit>%| per 10,000| days)?\. (?<polarity>Higher|Lower) is better\.$")]
    private static partial Regex TargetHint();

    [GeneratedRegex(@"\((?<count>\d+) unread\)", RegexOptions.CultureInvariant)]
    private static partial Regex UnreadCount();

    // The accessible name has extra spaces around "unread", which sits in a visually hidden (absolutely positioned) span.
    [GeneratedRegex(@"^Notifications(\s+\(\d+\s+unread\s*\))?$")]
    private static partial Regex NotificationsName();

    [GeneratedRegex(@"^Notifications\s+\(\d+\s+unread\s*\)$")]
    private static partial Regex UnreadName();

    [GeneratedRegex(@"\d+ days? late")]
    private static partial Regex DaysLate();

    [GeneratedRegex(@"This return is \d+ days? late\. It was due on ")]
    private static partial Regex LateWarning();

    [GeneratedRegex(@"^\s*Good\s*$")]
    private static partial Regex Good();

    [GeneratedRegex(@"^\s*(Approaching target|Requires improvement|Inadequate)\s*$")]
    private static partial Regex BelowTarget();

    /// <summary>An indicator as the return form shows it, and the figure the journey enters for it.</summary>
    /// <param name="Unit">"%", " per 10,000", " days" or empty (a count or pounds).</param>
    /// <param name="Misses">Whether the journey enters a figure that misses the target.</param>
    private sealed record FormIndicator(string Name, decimal Target, string Unit, bool HigherIsBetter, bool IsRatio, bool Misses)
    {
        /// <summary>A value just on the right side of the target: 2% or a tenth better.</summary>
        public string Value()
        {
            var step = Target >= 100 ? Math.Round(Target * 0.02m) : 0.1m;
            return (HigherIsBetter ? Target + step : Target - step).ToString(Invariant);
        }

        /// <summary>
        /// A numerator and denominator half a point better than the target, or three points worse when it is to miss.
        /// </summary>
        public (string Numerator, string Denominator) Ratio()
        {
            var (scale, denominator) = Unit == "%" ? (100m, 400m) : (10_000m, 20_000m);
            var atTarget = Target / scale * denominator;
            var numerator = (HigherIsBetter, Misses) switch
            {
                (true, false) => Math.Ceiling(atTarget) + 2,
                (false, false) => Math.Floor(atTarget) - 2,
                (true, true) => Math.Floor(atTarget) - 12,
                (false, true) => Math.Ceiling(atTarget) + 12,
            };
            return (numerator.ToString(Invariant), denominator.ToString(Invariant));
        }
    }
}
