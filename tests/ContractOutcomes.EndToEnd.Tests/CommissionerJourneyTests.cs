using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>
/// The commissioner's whole journey in a real browser, as the release's "done when" describes it: create a draft
/// for a not-for-profit provider (correcting the mistakes the form reports), add three indicators, set their
/// targets and tolerance thresholds, activate the contract, vary it, and find every change in its history.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class CommissionerJourneyTests(BrowserFixture fixture)
{
    // A two-year term: eight quarters, 2026-27 Q1 to 2027-28 Q4.
    private static readonly string[] Periods =
        ["2026-27 Q1", "2026-27 Q2", "2026-27 Q3", "2026-27 Q4", "2027-28 Q1", "2027-28 Q2", "2027-28 Q3", "2027-28 Q4"];

    private static readonly IndicatorSpec Accommodation = new(
        "Care leavers in suitable accommodation at 19",
        "Young people leaving care who are in suitable accommodation on their 19th birthday, as a share of all who turned 19 in the quarter.",
        "Percentage",
        "Higher is better",
        "Is anyone better off?",
        "Provider case management system",
        "Young people in suitable accommodation on their 19th birthday",
        "Young people who turned 19 in the quarter",
        "78",
        "2025-26 Q4");

    private static readonly IndicatorSpec Evictions = new(
        "Evictions from supported housing",
        "Tenancies ended by eviction, per 10,000 tenancy days in the quarter.",
        "Rate per 10,000",
        "Lower is better",
        "How well did we do it?",
        "Housing management records",
        "Tenancies ended by eviction",
        "Tenancy days in the quarter",
        "120",
        "2025-26 Q3");

    private static readonly IndicatorSpec PlacementsOnTime = new(
        "Placements started within 10 working days",
        "Placements that started within 10 working days of the referral, as a share of placements started in the quarter.",
        "Percentage",
        "Higher is better",
        "How well did we do it?",
        "Referral and placement log",
        "Placements started within 10 working days of referral",
        "Placements started in the quarter",
        "61.5",
        "2025-26 Q4");

    [BrowserFact]
    public async Task CreateToActivateAndVary_CommissionerInBrowser_RecordsEveryStepInHistory()
    {
        // Arrange
        var reference = "E2E-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        const string title = "Supported accommodation for care leavers";
        var page = await fixture.SignedInPage(DemoUsers.Commissioner);
        await using var context = page.Context;

        // Act and assert, step by step: each step waits for the page it leads to.
        await CreateDraftCorrectingMistakes(page, reference, title);
        await AddIndicator(page, Accommodation);
        await AddIndicator(page, Evictions);
        await Expect(KpiDutyWarning(page)).ToBeVisibleAsync();
        await AddIndicator(page, PlacementsOnTime);
        await Expect(KpiDutyWarning(page)).ToHaveCountAsync(0);

        await SetOneTargetForEveryPeriod(page, Accommodation.Name, "85");
        await SetOneTargetForEveryPeriod(page, Evictions.Name, "90");
        await SetTargetForEachPeriodAfterFixingABlankCell(page, PlacementsOnTime.Name);

        await SetToleranceWithPreview(page, Accommodation.Name);
        await SetTolerance(page, Evictions.Name, "Relative", "5", "10", "20");
        await SetTolerance(page, PlacementsOnTime.Name, "Absolute", "1", "3", "6");

        await Activate(page, title);
        await RecordAnnualValueVariation(page);

        // Assert: the history lists what happened, newest first.
        var history = page.GetByRole(AriaRole.Table, new() { Name = "Changes to this contract, newest first" });
        await Expect(history).ToBeVisibleAsync();
        var rows = history.GetByRole(AriaRole.Row);
        await Expect(rows.Nth(1)).ToContainTextAsync("Annual value");
        await Expect(history).ToContainTextAsync("Status: Draft → Active");
        await Expect(history).ToContainTextAsync(Accommodation.Name);
        await Expect(history).ToContainTextAsync(Evictions.Name);
        await Expect(history).ToContainTextAsync(PlacementsOnTime.Name);
        await Expect(history).ToContainTextAsync(reference);
        await Expect(history).ToContainTextAsync(DemoUsers.Commissioner.DisplayName);
    }

    [BrowserFact]
    public async Task SaveThresholds_AfterPreviewingBands_SavesThem()
    {
        // Arrange: a draft indicator with targets and no thresholds yet, and its thresholds page with a preview shown.
        var contract = await TestContracts.ReadyDraft(fixture, withTolerance: false);
        var page = await fixture.SignedInPage(DemoUsers.Commissioner);
        await using var context = page.Context;
        await page.GotoAsync($"/Contracts/{contract.ContractId}/Indicators/{contract.IndicatorId}/Tolerance");
        await page.GetByLabel("Absolute").CheckAsync();
        await page.GetByLabel("Good within", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Approaching target within", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("Requires improvement within", new() { Exact = true }).FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview bands" }).ClickAsync();
        await Expect(page.GetByText("These thresholds are not saved yet.")).ToBeVisibleAsync();

        // Act
        await page.GetByRole(AriaRole.Button, new() { Name = "Save thresholds" }).ClickAsync();

        // Assert
        await page.WaitForURLAsync(ContractPage(), new() { Timeout = 10_000 });
        await Expect(StatusBanner(page, "Tolerance thresholds saved")).ToBeVisibleAsync();
    }

    private static ILocator KpiDutyWarning(IPage page) => page.GetByText("Procurement Act 2023 section 52");

    private static ILocator ErrorSummary(IPage page) =>
        page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" }) });

    private static ILocator Heading(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true });

    private static ILocator StatusBanner(IPage page, string text) =>
        page.GetByRole(AriaRole.Alert, new() { Name = "Success" }).GetByText(text);

    private static async Task FillDate(IPage page, string legend, string day, string month, string year)
    {
        var date = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
        await date.GetByLabel("Day", new() { Exact = true }).FillAsync(day);
        await date.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
        await date.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
    }

    private static async Task CreateDraftCorrectingMistakes(IPage page, string reference, string title)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Contracts" }).ClickAsync();
        await Expect(Heading(page, "Contracts")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a contract" }).ClickAsync();
        await Expect(Heading(page, "Create a contract")).ToBeVisibleAsync();

        // First attempt: no title, and an end date before the start date.
        await page.GetByLabel("Reference", new() { Exact = true }).FillAsync(reference);
        await page.GetByLabel("Service area", new() { Exact = true }).FillAsync("Care leavers' housing");
        await page.GetByLabel("Provider", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"{Seeded.CharityProvider} (charity, not for profit)" });
        await FillDate(page, "Start date", "1", "4", "2026");
        await FillDate(page, "End date", "31", "3", "2025");
        await page.GetByLabel("Annual value", new() { Exact = true }).FillAsync("6500000");
        await page.GetByLabel("Not-for-profit providers only", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft contract" }).ClickAsync();

        var summary = ErrorSummary(page);
        await Expect(summary).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Error: Create a contract"));
        await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        var titleError = summary.GetByRole(AriaRole.Link, new() { Name = "Enter a title" });
        var endDateError = summary.GetByRole(AriaRole.Link, new() { Name = "The end date must be after the start date" });
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Expect(titleError).ToHaveAttributeAsync("href", "#Input_Title");
        await Expect(endDateError).ToHaveAttributeAsync("href", "#Input_TermEnd_Day");

        var titleBox = page.GetByLabel("Title", new() { Exact = true });
        await titleError.ClickAsync();
        await Expect(titleBox).ToBeFocusedAsync();
        await Expect(titleBox).ToHaveAccessibleDescriptionAsync(new Regex("Enter a title"));

        // By keyboard: focus the summary link and follow it.
        var endDay = page.GetByRole(AriaRole.Group, new() { Name = "End date", Exact = true }).GetByLabel("Day", new() { Exact = true });
        await endDateError.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(endDay).ToBeFocusedAsync();

        // What was typed is kept; fix the two mistakes.
        await Expect(page.GetByLabel("Reference", new() { Exact = true })).ToHaveValueAsync(reference);
        await titleBox.FillAsync(title);
        await FillDate(page, "End date", "31", "3", "2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft contract" }).ClickAsync();

        await page.WaitForURLAsync(ContractPage());
        await Expect(Heading(page, title)).ToBeVisibleAsync();
        await Expect(StatusBanner(page, $"Draft contract {reference} created")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByText("Draft", new() { Exact = true })).ToBeVisibleAsync();
    }

    private static async Task AddIndicator(IPage page, IndicatorSpec indicator)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an indicator" }).ClickAsync();
        await Expect(Heading(page, "Add an outcome indicator")).ToBeVisibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(indicator.Name);
        await page.GetByLabel("Definition", new() { Exact = true }).FillAsync(indicator.Definition);
        await page.GetByRole(AriaRole.Group, new() { Name = "Unit" }).GetByLabel(indicator.Unit, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Is a higher or a lower figure better?" }).GetByLabel(indicator.Polarity, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Which question does the indicator answer?" }).GetByLabel(indicator.Question, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Data source", new() { Exact = true }).FillAsync(indicator.DataSource);
        await page.GetByLabel("Numerator", new() { Exact = true }).FillAsync(indicator.Numerator);
        await page.GetByLabel("Denominator", new() { Exact = true }).FillAsync(indicator.Denominator);
        await page.GetByLabel("Baseline value", new() { Exact = true }).FillAsync(indicator.Baseline);
        await page.GetByLabel("Period the baseline was measured in", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = indicator.BaselinePeriod });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add indicator" }).ClickAsync();

        await page.WaitForURLAsync(ContractPage());
        await Expect(StatusBanner(page, $"Indicator {indicator.Name} added")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = indicator.Name, Level = 3 })).ToBeVisibleAsync();
    }

    private static async Task OpenIndicatorPage(IPage page, string linkName, string heading)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync();
        await Expect(Heading(page, heading)).ToBeVisibleAsync();
    }

    private static async Task SetOneTargetForEveryPeriod(IPage page, string indicator, string target)
    {
        await OpenIndicatorPage(page, $"Change targets for {indicator}", $"Targets for {indicator}");

        await page.GetByLabel("The same target for every period", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Target for every period", new() { Exact = true }).FillAsync(target);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();

        await page.WaitForURLAsync(ContractPage());
        await Expect(StatusBanner(page, "Targets saved")).ToBeVisibleAsync();
    }

    private static async Task SetTargetForEachPeriodAfterFixingABlankCell(IPage page, string indicator)
    {
        await OpenIndicatorPage(page, $"Change targets for {indicator}", $"Targets for {indicator}");
        await page.GetByLabel("A target for each period", new() { Exact = true }).CheckAsync();
        var blank = Periods[5];
        for (var i = 0; i < Periods.Length; i++)
        {
            if (Periods[i] != blank)
            {
                await page.GetByLabel($"Target for {Periods[i]}", new() { Exact = true }).FillAsync(TargetFor(i));
            }
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();

        var summary = ErrorSummary(page);
        await Expect(summary).ToBeVisibleAsync();
        var cellError = summary.GetByRole(AriaRole.Link, new() { Name = $"Enter a target for {blank}" });
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        var blankCell = page.GetByLabel($"Target for {blank}", new() { Exact = true });
        await cellError.ClickAsync();
        await Expect(blankCell).ToBeFocusedAsync();
        await Expect(page.GetByLabel("A target for each period", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(page.GetByLabel($"Target for {Periods[0]}", new() { Exact = true })).ToHaveValueAsync(TargetFor(0));

        await blankCell.FillAsync(TargetFor(5));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();

        await page.WaitForURLAsync(ContractPage());
        await Expect(StatusBanner(page, "Targets saved")).ToBeVisibleAsync();
        var card = page.Locator($"[id^='indicator-']").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = indicator }) });
        await card.GetByText("Targets by period").ClickAsync();
        var byPeriod = card.GetByRole(AriaRole.Table, new() { Name = $"Targets for {indicator} by reporting period" });
        await Expect(byPeriod.GetByRole(AriaRole.Row, new() { Name = $"{blank} {TargetFor(5)}.0%", Exact = true })).ToBeVisibleAsync();
    }

    private static string TargetFor(int periodIndex) => (70 + (2 * periodIndex)).ToString(CultureInfo.InvariantCulture);

    private static async Task SetToleranceWithPreview(IPage page, string indicator)
    {
        await OpenIndicatorPage(page, $"Change tolerance thresholds for {indicator}", $"Tolerance thresholds for {indicator}");
        await page.GetByLabel("Absolute").CheckAsync();
        await page.GetByLabel("Good within", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("Approaching target within", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("Requires improvement within", new() { Exact = true }).FillAsync("10");

        await page.GetByRole(AriaRole.Button, new() { Name = "Preview bands" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Table, new() { Name = "Preview: ratings at the first target, 85.0%", Exact = true });
        await Expect(preview).ToBeVisibleAsync();
        await Expect(page.GetByText("These thresholds are not saved yet.")).ToBeVisibleAsync();
        await Expect(preview.GetByRole(AriaRole.Row)).ToHaveCountAsync(5);
        await Expect(preview.GetByRole(AriaRole.Row, new() { Name = "Good" })).ToBeVisibleAsync();
        await Expect(preview.GetByRole(AriaRole.Row, new() { Name = "Inadequate" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Requires improvement within", new() { Exact = true })).ToHaveValueAsync("10");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save thresholds" }).ClickAsync();
        await page.WaitForURLAsync(ContractPage());
        await Expect(StatusBanner(page, "Tolerance thresholds saved")).ToBeVisibleAsync();
    }

    private static async Task SetTolerance(IPage page, string indicator, string mode, string good, string approaching, string requiresImprovement)
    {
        await OpenIndicatorPage(page, $"Change tolerance thresholds for {indicator}", $"Tolerance thresholds for {indicator}");
        await page.GetByLabel(mode).CheckAsync();
        await page.GetByLabel("Good within", new() { Exact = true }).FillAsync(good);
        await page.GetByLabel("Approaching target within", new() { Exact = true }).FillAsync(approaching);
        await page.GetByLabel("Requires improvement within", new() { Exact = true }).FillAsync(requiresImprovement);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save thresholds" }).ClickAsync();

        await page.WaitForURLAsync(ContractPage());
        await Expect(StatusBanner(page, "Tolerance thresholds saved")).ToBeVisibleAsync();
    }

    private static async Task Activate(IPage page, string title)
    {
        await Expect(page.GetByText("Ready to activate.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate contract" }).ClickAsync();
        await Expect(Heading(page, "Check the contract before you activate it")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Before you can activate the contract" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Activate contract" }).ClickAsync();

        await page.WaitForURLAsync(ContractPage());
        await Expect(Heading(page, title)).ToBeVisibleAsync();
        await Expect(StatusBanner(page, "Contract activated.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByText("Active", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Activation" })).ToHaveCountAsync(0);
    }

    private static async Task RecordAnnualValueVariation(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Record a variation" }).ClickAsync();
        await Expect(Heading(page, "Record a variation")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Group, new() { Name = "What does the variation change?" }).GetByLabel("Annual value", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Takes effect from", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "2026-27 Q3" });
        await page.GetByLabel("Reason for the variation", new() { Exact = true }).FillAsync("The council and the provider agreed funding for six more supported flats.");
        await page.GetByLabel("New annual value", new() { Exact = true }).FillAsync("7000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record variation" }).ClickAsync();

        await page.WaitForURLAsync(ContractPage());
        await Expect(StatusBanner(page, "Variation 1 recorded")).ToBeVisibleAsync();
        var variations = page.GetByRole(AriaRole.Table, new() { Name = "Variations to this contract, newest first" });
        await Expect(variations.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(variations).ToContainTextAsync("2026-27 Q3");
        await Expect(variations).ToContainTextAsync("six more supported flats");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("£7,000,000");
    }

    /// <summary>A contract's own page, with or without a fragment (#indicator-…, #variations).</summary>
    private static Regex ContractPage() => ContractPageAddress();

    [GeneratedRegex(@"/Contracts/[0-9a-f-]{36}(#.*)?$")]
    private static partial Regex ContractPageAddress();

    private sealed record IndicatorSpec(
        string Name,
        string Definition,
        string Unit,
        string Polarity,
        string Question,
        string DataSource,
        string Numerator,
        string Denominator,
        string Baseline,
        string BaselinePeriod);
}
