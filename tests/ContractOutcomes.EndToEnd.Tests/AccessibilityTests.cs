using System.Text;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Returns;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>
/// An axe-core scan (WCAG 2.0, 2.1 and 2.2, levels A and AA) of every page, each in the states users meet it in:
/// empty, with errors, with a preview or a new token shown, read-only. No serious or critical violation is allowed;
/// moderate and minor findings are written to the test output.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly Dictionary<string, PageState> States = new PageState[]
    {
        // Signing in and out
        new("Sign in", "/Account/SignIn", null, Open("/Account/SignIn", "Sign in")),
        new("Sign in, with errors", "/Account/SignIn", null, Then(Open("/Account/SignIn", "Sign in"), Submit("Sign in"))),
        new("Sign out", "/Account/SignOut", DemoUsers.Commissioner, Open("/Account/SignOut", "Sign out")),
        new("Sign in, after signing out", "/Account/SignIn", DemoUsers.Commissioner, Then(Open("/Account/SignOut", "Sign out"), SignOut)),

        // Home and contracts
        new("Home", "/Index", DemoUsers.Commissioner, Open("/", "ContractOutcomes")),
        new("Contracts", "/Contracts/Index", DemoUsers.Commissioner, Open("/Contracts", "Contracts")),
        new("Contracts, search with no match", "/Contracts/Index", DemoUsers.Commissioner, Then(Open("/Contracts?search=no-such-contract", "Contracts"), Shows("No contracts match your search."))),
        new("Contracts, as a provider", "/Contracts/Index", DemoUsers.TrustProvider, Open("/Contracts", "Contracts")),
        new("Contract, draft", "/Contracts/Details", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract), "Adult drug and alcohol treatment and recovery service")),
        new("Contract, active, with targets by period open", "/Contracts/Details", DemoUsers.Commissioner, Then(Open(Contract(Seeded.TrustContract), "Delivery of children's social care services for Wessex"), OpenFirstDetails)),
        new("Contract, active, as its provider", "/Contracts/Details", DemoUsers.TrustProvider, Open(Contract(Seeded.TrustContract), "Delivery of children's social care services for Wessex")),

        // A contract's terms
        new("Create a contract", "/Contracts/New", DemoUsers.Commissioner, Open("/Contracts/New", "Create a contract")),
        new("Create a contract, with errors", "/Contracts/New", DemoUsers.Commissioner, Then(Open("/Contracts/New", "Create a contract"), Submit("Create draft contract"))),
        new("Change contract terms, draft", "/Contracts/Edit", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract, "/Edit"), "Change contract terms")),
        new("Change contract terms, with errors", "/Contracts/Edit", DemoUsers.Commissioner, Then(Open(Contract(Seeded.DraftContract, "/Edit"), "Change contract terms"), Clear("Title"), Submit("Save changes"))),
        new("Change contract terms, active", "/Contracts/Edit", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Edit"), "Change contract terms")),

        // Indicators, targets and tolerance thresholds
        new("Add an indicator", "/Contracts/Indicators/New", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract, "/Indicators/New"), "Add an outcome indicator")),
        new("Add an indicator, with errors", "/Contracts/Indicators/New", DemoUsers.Commissioner, Then(Open(Contract(Seeded.DraftContract, "/Indicators/New"), "Add an outcome indicator"), Submit("Add indicator"))),
        new("Change an indicator", "/Contracts/Indicators/Edit", DemoUsers.Commissioner, Open(Indicator(Seeded.DraftContract, "Edit"), "Change an outcome indicator")),
        new("Remove an indicator", "/Contracts/Indicators/Remove", DemoUsers.Commissioner, Open(Indicator(Seeded.DraftContract, "Remove"), "Are you sure you want to remove ‘Adults in structured treatment’?")),
        new("Targets", "/Contracts/Indicators/Targets", DemoUsers.Commissioner, Open(Indicator(Seeded.DraftContract, "Targets"), "Targets for Adults in structured treatment")),
        new("Targets, one for every period, with an error", "/Contracts/Indicators/Targets", DemoUsers.Commissioner, Then(
            Open(Indicator(Seeded.DraftContract, "Targets"), "Targets for Adults in structured treatment"),
            Check("The same target for every period"),
            Clear("Target for every period"),
            Submit("Save targets"))),
        new("Targets, one for each period, with an error", "/Contracts/Indicators/Targets", DemoUsers.Commissioner, Then(
            Open(Indicator(Seeded.DraftContract, "Targets"), "Targets for Adults in structured treatment"),
            Check("A target for each period"),
            Clear("Target for 2025-26 Q1"),
            Submit("Save targets"))),
        new("Targets, active contract", "/Contracts/Indicators/Targets", DemoUsers.Commissioner, Open(Indicator(Seeded.TrustContract, "Targets"), "Targets for Re-referrals within 12 months")),
        new("Tolerance thresholds", "/Contracts/Indicators/Tolerance", DemoUsers.Commissioner, Open(Indicator(Seeded.DraftContract, "Tolerance"), "Tolerance thresholds for Adults in structured treatment")),
        new("Tolerance thresholds, with previewed bands", "/Contracts/Indicators/Tolerance", DemoUsers.Commissioner, Then(
            Open(Indicator(Seeded.DraftContract, "Tolerance"), "Tolerance thresholds for Adults in structured treatment"),
            Submit("Preview bands", "These thresholds are not saved yet."))),
        new("Tolerance thresholds, with errors", "/Contracts/Indicators/Tolerance", DemoUsers.Commissioner, Then(
            Open(Indicator(Seeded.DraftContract, "Tolerance"), "Tolerance thresholds for Adults in structured treatment"),
            Clear("Good within"),
            Submit("Preview bands"))),
        new("Tolerance thresholds, active contract", "/Contracts/Indicators/Tolerance", DemoUsers.Commissioner, Open(Indicator(Seeded.TrustContract, "Tolerance"), "Tolerance thresholds for Re-referrals within 12 months")),

        // Activation, variations and ending
        new("Activate, with problems listed", "/Contracts/Activate", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.DraftContract, "/Activate"), "Check the contract before you activate it"),
            Shows("The contract is not ready to activate"))),
        new("Activate, ready, with the KPI duty warning", "/Contracts/Activate", DemoUsers.Commissioner, Then(
            OpenReadyDraft("/Activate", "Check the contract before you activate it"),
            Shows("I confirm fewer than 3 KPIs is appropriate for this contract"))),
        new("Activate, KPI confirmation missing", "/Contracts/Activate", DemoUsers.Commissioner, Then(
            OpenReadyDraft("/Activate", "Check the contract before you activate it"),
            Submit("Activate contract"))),
        new("Record a variation", "/Contracts/Variations/New", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Variations/New"), "Record a variation")),
        new("Record a variation, with errors", "/Contracts/Variations/New", DemoUsers.Commissioner, Then(Open(Contract(Seeded.TrustContract, "/Variations/New"), "Record a variation"), Submit("Record variation"))),
        new("End the contract", "/Contracts/End", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/End"), "End the contract")),
        new("End the contract, with errors", "/Contracts/End", DemoUsers.Commissioner, Then(Open(Contract(Seeded.TrustContract, "/End"), "End the contract"), Submit("End contract"))),

        // Access tokens
        new("Access tokens", "/Account/Tokens", DemoUsers.Commissioner, Open("/Account/Tokens", "Access tokens")),
        new("Access tokens, with errors", "/Account/Tokens", DemoUsers.Commissioner, Then(Open("/Account/Tokens", "Access tokens"), Submit("Create token"))),
        new("Access tokens, new token shown", "/Account/Tokens", DemoUsers.SecondCommissioner, Then(
            Open("/Account/Tokens", "Access tokens"),
            Fill("Name", "Case management export"),
            Check("90 days"),
            Submit("Create token", "Copy this token now. You will not be able to see it again."))),

        // Administration
        new("Organisations", "/Admin/Organisations/Index", DemoUsers.Administrator, Open("/Admin/Organisations", "Organisations")),
        new("Add an organisation", "/Admin/Organisations/New", DemoUsers.Administrator, Open("/Admin/Organisations/New", "Add an organisation")),
        new("Add an organisation, with errors", "/Admin/Organisations/New", DemoUsers.Administrator, Then(Open("/Admin/Organisations/New", "Add an organisation"), Submit("Add organisation"))),
        new("Change an organisation, provider", "/Admin/Organisations/Edit", DemoUsers.Administrator, Open(Organisation(Seeded.CharityProvider), $"Change {Seeded.CharityProvider}")),
        new("Change an organisation, commissioning body", "/Admin/Organisations/Edit", DemoUsers.Administrator, Open(Organisation(Seeded.Council), $"Change {Seeded.Council}")),
        new("Users", "/Admin/Users/Index", DemoUsers.Administrator, Open("/Admin/Users", "Users")),
        new("Add a user", "/Admin/Users/New", DemoUsers.Administrator, Open("/Admin/Users/New", "Add a user")),
        new("Add a user, with errors", "/Admin/Users/New", DemoUsers.Administrator, Then(Open("/Admin/Users/New", "Add a user"), Submit("Add user"))),
        new("Change a user", "/Admin/Users/Edit", DemoUsers.Administrator, Open(User(DemoUsers.Commissioner), $"Change {DemoUsers.Commissioner.DisplayName}")),

        // Quarterly returns: the reporting calendar and a return in each state the demo data has, as the people who meet it.
        new("Reporting calendar", "/Contracts/Returns/Index", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Returns"), "Quarterly returns")),
        new("Reporting calendar, as its provider, with a restatement pending", "/Contracts/Returns/Index", DemoUsers.CharityProvider, Open(Contract(Seeded.AccommodationContract, "/Returns"), "Quarterly returns")),
        new("Reporting calendar, with a restated return", "/Contracts/Returns/Index", DemoUsers.Commissioner, Open(Contract(Seeded.AdvocacyContract, "/Returns"), "Quarterly returns")),
        new("Return, accepted with ratings", "/Contracts/Returns/Details", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.AccommodationContract, "2025-26-Q1"), "Return for 2025-26 Q1"),
            Shows("Accepted"))),
        new("Return, accepted, as its provider", "/Contracts/Returns/Details", DemoUsers.CharityProvider, Then(
            Open(Return(Seeded.AccommodationContract, "2025-26-Q1"), "Return for 2025-26 Q1"),
            Shows("Propose a restatement"))),
        new("Return, submitted, as the commissioner", "/Contracts/Returns/Details", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.TrustContract, "2026-27-Q2"), "Return for 2026-27 Q2"),
            Shows("Query return"))),
        new("Return, submitted, as its provider", "/Contracts/Returns/Details", DemoUsers.TrustProvider, Then(
            Open(Return(Seeded.TrustContract, "2026-27-Q2"), "Return for 2026-27 Q2"),
            Shows("Withdraw return"))),
        new("Return, draft, as its provider", "/Contracts/Returns/Details", DemoUsers.FamilyHelpProvider, Then(
            Open(Return(Seeded.FamilyHelpContract, "2026-27-Q2"), "Return for 2026-27 Q2"),
            Shows("Check and submit"))),
        new("Return, restated", "/Contracts/Returns/Details", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.AdvocacyContract, "2025-26-Q3"), "Return for 2025-26 Q3"),
            Shows("Restatements"))),
        new("Return, restatement pending", "/Contracts/Returns/Details", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.AccommodationContract, "2026-27-Q1"), "Return for 2026-27 Q1"),
            Shows("Restatement pending"))),
        new("Return, queried and revised", "/Contracts/Returns/Details", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.ShortBreaksContract, "2025-26-Q2"), "Return for 2025-26 Q2"),
            Shows("Answered"))),
        new("Return, not yet open", "/Contracts/Returns/Details", DemoUsers.Commissioner, Open(Return(Seeded.TrustContract, "2026-27-Q3"), "Return for 2026-27 Q3")),
        new("Return, not started, as its provider", "/Contracts/Returns/Details", DemoUsers.CharityProvider, Then(
            Open(NewReturn(TestContracts.Active), "Return for 2026-27 Q1"),
            Shows("Upload a CSV file instead"))),
        new("Return, queried, as its provider", "/Contracts/Returns/Details", DemoUsers.CharityProvider, Then(
            Open(NewReturn(TestContracts.WithQueriedReturn), "Return for 2026-27 Q1"),
            Shows("The commissioner has queried this return"))),

        // Filling in, checking and submitting a return. Posts with errors save nothing.
        new("Return figures, empty", "/Contracts/Returns/Edit", DemoUsers.CharityProvider, Open(NewReturn(TestContracts.Active, "/Edit"), "Figures for 2026-27 Q1")),
        new("Return figures, with errors", "/Contracts/Returns/Edit", DemoUsers.CharityProvider, Then(
            Open(NewReturn(TestContracts.Active, "/Edit"), "Figures for 2026-27 Q1"),
            Fill("Young people still in their tenancy after six months", "most of them"),
            Fill("Young people who started support six months earlier", "1,2,3"),
            Submit("Save as draft"))),
        new("Return figures, draft", "/Contracts/Returns/Edit", DemoUsers.FamilyHelpProvider, Open(Return(Seeded.FamilyHelpContract, "2026-27-Q2", "/Edit"), "Figures for 2026-27 Q2")),
        new("Return figures, queried", "/Contracts/Returns/Edit", DemoUsers.CharityProvider, Then(
            Open(NewReturn(TestContracts.WithQueriedReturn, "/Edit"), "Figures for 2026-27 Q1"),
            Shows("The commissioner asks"))),
        new("Check the return, with problems", "/Contracts/Returns/Check", DemoUsers.FamilyHelpProvider, Then(
            Open(Return(Seeded.FamilyHelpContract, "2026-27-Q2", "/Check"), "Check the return for 2026-27 Q2 before you submit it"),
            Shows("You cannot submit this return yet"))),
        new("Check the return, ready to submit late", "/Contracts/Returns/Check", DemoUsers.CharityProvider, Then(
            Open(NewReturn(TestContracts.WithDraftReturn, "/Check"), "Check the return for 2026-27 Q1 before you submit it"),
            Shows("Now submit the return"))),
        new("Withdraw the return", "/Contracts/Returns/Withdraw", DemoUsers.TrustProvider, Open(Return(Seeded.TrustContract, "2026-27-Q2", "/Withdraw"), "Withdraw the return for 2026-27 Q2")),
        new("Evidence", "/Contracts/Returns/Evidence", DemoUsers.FamilyHelpProvider, Open(Return(Seeded.FamilyHelpContract, "2026-27-Q2", "/Evidence"), "Evidence for 2026-27 Q2")),
        new("Evidence, with an error", "/Contracts/Returns/Evidence", DemoUsers.FamilyHelpProvider, Then(
            Open(Return(Seeded.FamilyHelpContract, "2026-27-Q2", "/Evidence"), "Evidence for 2026-27 Q2"),
            Submit("Upload file"))),
        new("Evidence, submitted return", "/Contracts/Returns/Evidence", DemoUsers.TrustProvider, Open(Return(Seeded.TrustContract, "2026-27-Q2", "/Evidence"), "Evidence for 2026-27 Q2")),
        new("Upload figures", "/Contracts/Returns/Upload", DemoUsers.FamilyHelpProvider, Open(Return(Seeded.FamilyHelpContract, "2026-27-Q2", "/Upload"), "Upload figures for 2026-27 Q2")),
        new("Upload figures, with CSV problems listed", "/Contracts/Returns/Upload", DemoUsers.FamilyHelpProvider, Then(
            Open(Return(Seeded.FamilyHelpContract, "2026-27-Q2", "/Upload"), "Upload figures for 2026-27 Q2"),
            Attach("Upload a CSV file", "figures.csv", $"""
                Contract reference,Period,Indicator,Unit,Target,Value,Numerator,Denominator,Commentary
                {Seeded.FamilyHelpContract},2026-27 Q2,Families starting family help,Count,450,four hundred,,,
                {Seeded.FamilyHelpContract},2026-27 Q2,No such indicator,Count,,12,,,
                """),
            Submit("Upload file"),
            Shows("Problems with the file"))),
        new("Propose a restatement, choose the figure", "/Contracts/Returns/Restate", DemoUsers.CharityProvider, Open(Return(Seeded.AccommodationContract, "2025-26-Q1", "/Restate"), "Propose a restatement")),
        new("Propose a restatement, no figure chosen", "/Contracts/Returns/Restate", DemoUsers.CharityProvider, Then(
            Open(Return(Seeded.AccommodationContract, "2025-26-Q1", "/Restate"), "Propose a restatement"),
            Submit("Continue"))),
        new("Propose a restatement, with errors", "/Contracts/Returns/Restate", DemoUsers.CharityProvider, Then(
            Open(RestateFirstIndicator(Seeded.AccommodationContract, "2025-26-Q1"), "Propose a restatement"),
            Submit("Propose restatement"))),

        // Reviewing returns. Posts with errors save nothing.
        new("Review returns", "/Returns/Review", DemoUsers.Commissioner, Open("/Returns/Review", "Review returns")),
        new("Home, as a provider", "/Index", DemoUsers.TrustProvider, Then(Open("/", "ContractOutcomes"), Shows("Latest ratings"))),
        new("Query the return", "/Contracts/Returns/Review/Query", DemoUsers.Commissioner, Open(Return(Seeded.TrustContract, "2026-27-Q2", "/Query"), "Query the return")),
        new("Query the return, nothing selected", "/Contracts/Returns/Review/Query", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.TrustContract, "2026-27-Q2", "/Query"), "Query the return"),
            Submit("Send query to provider"))),
        new("Query the return, question missing", "/Contracts/Returns/Review/Query", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.TrustContract, "2026-27-Q2", "/Query"), "Query the return"),
            Check("Re-referrals within 12 months"),
            Shows("Your question about Re-referrals within 12 months"),
            Submit("Send query to provider"))),
        new("Query the return, already accepted", "/Contracts/Returns/Review/Query", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.AccommodationContract, "2025-26-Q1", "/Query"), "Query the return"),
            Shows("This return has already been accepted"))),
        new("Accept the return", "/Contracts/Returns/Review/Accept", DemoUsers.Commissioner, Open(Return(Seeded.TrustContract, "2026-27-Q2", "/Accept"), "Accept the return")),
        new("Accept the return, already accepted", "/Contracts/Returns/Review/Accept", DemoUsers.Commissioner, Then(
            Open(Return(Seeded.AccommodationContract, "2025-26-Q1", "/Accept"), "Accept the return"),
            Shows("This return has already been accepted"))),
        new("Decide a restatement", "/Contracts/Returns/Review/Restatement", DemoUsers.Commissioner, OpenRestatement(Seeded.AccommodationContract, "2026-27 Q1", RestatementStatus.Proposed)),
        new("Decide a restatement, no decision chosen", "/Contracts/Returns/Review/Restatement", DemoUsers.Commissioner, Then(
            OpenRestatement(Seeded.AccommodationContract, "2026-27 Q1", RestatementStatus.Proposed),
            Submit("Save decision"))),
        new("Decide a restatement, rejecting without a reason", "/Contracts/Returns/Review/Restatement", DemoUsers.Commissioner, Then(
            OpenRestatement(Seeded.AccommodationContract, "2026-27 Q1", RestatementStatus.Proposed),
            Check("Reject"),
            Shows("Why are you rejecting it?"),
            Submit("Save decision"))),
        new("Decide a restatement, already approved", "/Contracts/Returns/Review/Restatement", DemoUsers.Commissioner, Then(
            OpenRestatement(Seeded.AdvocacyContract, "2025-26 Q3", RestatementStatus.Approved),
            Shows("This restatement has already been approved"))),

        // Audit trail and notifications
        new("Audit trail", "/Contracts/Audit", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Audit"), "Audit trail")),
        new("Audit trail, filtered", "/Contracts/Audit", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.TrustContract, "/Audit"), "Audit trail"),
            Choose("Action", 1),
            Submit("Filter", "Clear filters"))),
        new("Audit trail, with a date error", "/Contracts/Audit", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.TrustContract, "/Audit"), "Audit trail"),
            FillDate("From date", "31", "2", "2026"),
            Submit("Filter"))),
        new("Audit trail, as a provider", "/Contracts/Audit", DemoUsers.TrustProvider, Open(Contract(Seeded.TrustContract, "/Audit"), "Audit trail")),
        new("Notifications", "/Notifications/Index", DemoUsers.Commissioner, Open("/Notifications", "Notifications")),
        new("Notifications, as a provider", "/Notifications/Index", DemoUsers.CharityProvider, Open("/Notifications", "Notifications")),

        // Evaluation: performance, trends, incentive schemes, escalation, portfolio
        new("Performance", "/Contracts/Performance/Index", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Performance/2026-27-Q1"), "Performance for 2026-27 Q1")),
        new("Performance, as the provider", "/Contracts/Performance/Index", DemoUsers.TrustProvider, Open(Contract(Seeded.TrustContract, "/Performance/2026-27-Q1"), "Performance for 2026-27 Q1")),
        new("Performance, with a restated period", "/Contracts/Performance/Index", DemoUsers.Commissioner, Open(Contract(Seeded.AdvocacyContract, "/Performance/2025-26-Q3"), "Performance for 2025-26 Q3")),
        new("Record an Other rating", "/Contracts/Performance/Other", DemoUsers.Commissioner, Open(Performance(Seeded.TrustContract, "2026-27-Q1", "Other"), "Record an Other rating")),
        new("Record an Other rating, with errors", "/Contracts/Performance/Other", DemoUsers.Commissioner, Then(
            Open(Performance(Seeded.TrustContract, "2026-27-Q1", "Other"), "Record an Other rating"),
            Submit("Record Other rating"))),
        new("Indicator trend", "/Contracts/Performance/Indicators/Trend", DemoUsers.Commissioner, Then(
            Open(Performance(Seeded.TrustContract, null, "Trend"), "Re-referrals within 12 months"),
            OpenFirstDetails)),
        new("Indicator trend, as the provider", "/Contracts/Performance/Indicators/Trend", DemoUsers.TrustProvider, Open(Performance(Seeded.TrustContract, null, "Trend"), "Re-referrals within 12 months")),
        new("Indicator trend, with an error", "/Contracts/Performance/Indicators/Trend", DemoUsers.Commissioner, Open(Performance(Seeded.TrustContract, null, "Trend", "?Periods=abc"), "Re-referrals within 12 months")),
        new("Incentive scheme, draft", "/Contracts/Scheme/Index", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract, "/Scheme"), "Incentive scheme")),
        new("Incentive scheme, as the provider", "/Contracts/Scheme/Index", DemoUsers.TrustProvider, Open(Contract(Seeded.TrustContract, "/Scheme"), "Incentive scheme")),
        new("Change the incentive scheme", "/Contracts/Scheme/Edit", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract, "/Scheme/Edit"), "Change the incentive scheme")),
        new("Change the incentive scheme, with a preview", "/Contracts/Scheme/Edit", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.DraftContract, "/Scheme/Edit"), "Change the incentive scheme"),
            Submit("Preview", "This is a preview. The scheme has not been saved."))),
        new("Change the incentive scheme, with errors", "/Contracts/Scheme/Edit", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.DraftContract, "/Scheme/Edit"), "Change the incentive scheme"),
            Clear("Share of the annual value at risk"),
            Submit("Save scheme"))),
        new("Change the incentive scheme, active", "/Contracts/Scheme/Edit", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Scheme/Edit"), "Change the incentive scheme")),
        new("Remove the incentive scheme", "/Contracts/Scheme/Remove", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract, "/Scheme/Remove"), "Remove the incentive scheme")),
        new("Escalation", "/Contracts/Escalation/Index", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Escalation"), "Escalation")),
        new("Escalation, failed to improve", "/Contracts/Escalation/Index", DemoUsers.Commissioner, Open(Contract(Seeded.PrivateProviderContract, "/Escalation"), "Escalation")),
        new("Escalation, as the provider", "/Contracts/Escalation/Index", DemoUsers.TrustProvider, Open(Contract(Seeded.TrustContract, "/Escalation"), "Escalation")),
        new("Acknowledge the escalation", "/Contracts/Escalation/Decide", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Escalation/Decide?decision=Acknowledge"), "Acknowledge the current position")),
        new("Agree an improvement plan, with errors", "/Contracts/Escalation/Decide", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.TrustContract, "/Escalation/Decide?decision=AgreeImprovementPlan"), "Agree an improvement plan"),
            Submit("Record improvement plan"))),
        new("De-escalate, with errors", "/Contracts/Escalation/Decide", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.TrustContract, "/Escalation/Decide?decision=Deescalate"), "De-escalate the contract"),
            Submit("De-escalate"))),
        new("Escalation rules, active", "/Contracts/Escalation/Rules", DemoUsers.Commissioner, Open(Contract(Seeded.TrustContract, "/Escalation/Rules"), "Escalation rules")),
        new("Escalation rules, draft", "/Contracts/Escalation/Rules", DemoUsers.Commissioner, Open(Contract(Seeded.DraftContract, "/Escalation/Rules"), "Escalation rules")),
        new("Escalation rules, with a rule added", "/Contracts/Escalation/Rules", DemoUsers.Commissioner, Then(
            Open(Contract(Seeded.DraftContract, "/Escalation/Rules"), "Escalation rules"),
            Submit("Add another rule", "Rule 3"))),
        new("Portfolio", "/Portfolio/Index", DemoUsers.Commissioner, Open("/Portfolio", "Portfolio")),
        new("Portfolio, filtered to nothing", "/Portfolio/Index", DemoUsers.Commissioner, Open("/Portfolio?Stage=StepInOrTerminationReview", "Portfolio")),
        new("Portfolio, as a provider", "/Portfolio/Index", DemoUsers.TrustProvider, Open("/Portfolio", "Portfolio")),

        // Error pages
        new("Page not found (404)", "/Error/Index", DemoUsers.Commissioner, Open(_ => Task.FromResult($"/Contracts/{Guid.NewGuid()}"), "Page not found")),
        new("No permission (403)", "/Error/Index", DemoUsers.Commissioner, Open("/Admin/Users", "You do not have permission to view this page")),
        new("Service problem (500)", "/Error/Index", null, Open("/Error/500", "Sorry, there is a problem with the service")),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>Pages that answer with a file to download, never with HTML, so there is nothing for axe to scan.</summary>
    private static readonly string[] FileDownloads = ["/Contracts/Returns/Template", "/Contracts/Returns/EvidenceFile"];

    public static TheoryData<string> PageStates => new(States.Keys);

    [BrowserTheory]
    [MemberData(nameof(PageStates))]
    public async Task Page_InStateUsersMeet_HasNoSeriousOrCriticalViolations(string state)
    {
        // Arrange
        var pageState = States[state];
        var page = pageState.User is null ? await fixture.NewPage() : await fixture.SignedInBlankPage(pageState.User);
        await using var context = page.Context;
        await pageState.Arrange(fixture, page);

        // Act
        var result = await page.RunWcag();

        // Assert
        if (result.Violations.Count > 0)
        {
            output.WriteLine($"axe-core {result.AxeVersion} findings for '{state}' ({result.Url}):");
            output.WriteLine(AxeScan.Describe(result.Violations));
        }

        Assert.True(
            result.Failing.Count == 0,
            $"'{state}' ({result.Url}) has {result.Failing.Count} serious or critical accessibility violation(s):{Environment.NewLine}{AxeScan.Describe(result.Failing)}");
    }

    [BrowserFact]
    public async Task RunWcag_PageWithUnlabelledImageAndField_ReportsThemAsCriticalWithTargets()
    {
        // Arrange: a page with two deliberate faults, to prove the scan and its message catch real problems.
        var page = await fixture.NewPage();
        await using var context = page.Context;
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Faulty</title></head>
            <body><main><h1>Faulty</h1><img id="chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input id="amount" type="text"></main></body></html>
            """);

        // Act
        var result = await page.RunWcag();
        var message = AxeScan.Describe(result.Failing);

        // Assert
        Assert.Contains(result.Failing, v => v is { Id: "image-alt", Impact: "critical" } && v.Targets.Contains("#chart"));
        Assert.Contains(result.Failing, v => v is { Id: "label", Impact: "critical" } && v.Targets.Contains("#amount"));
        Assert.Contains("image-alt (critical): Images must have alternative text", message, StringComparison.Ordinal);
        Assert.Contains("    at #amount", message, StringComparison.Ordinal);
    }

    [BrowserFact]
    public void PageStates_AllRazorPagesOfTheApp_AreEachScannedAtLeastOnce()
    {
        // Arrange: every Razor page the app serves, as its path ("/Contracts/Edit").
        var pages = fixture.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>()
            .Select(p => p.ViewEnginePath)
            .ToHashSet(StringComparer.Ordinal);

        // Act
        var scanned = States.Values.Select(s => s.Page).Concat(FileDownloads).ToHashSet(StringComparer.Ordinal);

        // Assert: a new page fails this until a state above scans it.
        Assert.Equal(pages.Order(StringComparer.Ordinal), scanned.Order(StringComparer.Ordinal));
    }

    // Building blocks for the states. Each step ends by waiting for what it leads to, so the scan sees the finished page.
    private static Func<BrowserFixture, Task<string>> Contract(string reference, string suffix = "") =>
        async fixture => $"/Contracts/{await fixture.ContractId(reference)}{suffix}";

    private static Func<BrowserFixture, Task<string>> Indicator(string reference, string page) =>
        async fixture =>
        {
            var (contractId, indicatorId) = await fixture.FirstIndicator(reference);
            return $"/Contracts/{contractId}/Indicators/{indicatorId}/{page}";
        };

    /// <summary>A page about the contract's first indicator under Performance: the trend, or a period's Other rating.</summary>
    private static Func<BrowserFixture, Task<string>> Performance(string reference, string? periodSlug, string page, string query = "") =>
        async fixture =>
        {
            var (contractId, indicatorId) = await fixture.FirstIndicator(reference);
            return page == "Trend"
                ? $"/Contracts/{contractId}/Performance/Indicators/{indicatorId}{query}"
                : $"/Contracts/{contractId}/Performance/{periodSlug}/{page}/{indicatorId}{query}";
        };

    private static Func<BrowserFixture, Task<string>> Organisation(string name) =>
        async fixture => $"/Admin/Organisations/{await fixture.OrganisationId(name)}/Edit";

    private static Func<BrowserFixture, Task<string>> User(DemoUser user) =>
        async fixture => $"/Admin/Users/{await fixture.UserId(user)}/Edit";

    /// <summary>A demo return's page: <c>/Contracts/{id}/Returns/2026-27-Q2{suffix}</c>.</summary>
    private static Func<BrowserFixture, Task<string>> Return(string reference, string periodSlug, string suffix = "") =>
        async fixture => $"/Contracts/{await fixture.ContractId(reference)}/Returns/{periodSlug}{suffix}";

    /// <summary>A page of the first return of a contract made for this state, so the demo returns stay as they are.</summary>
    private static Func<BrowserFixture, Task<string>> NewReturn(Func<BrowserFixture, Task<TestContract>> make, string suffix = "") =>
        async fixture => $"/Contracts/{(await make(fixture)).ContractId}/Returns/{TestContracts.FirstPeriodSlug}{suffix}";

    /// <summary>The restatement form for the contract's first indicator, past the step that asks which figure is wrong.</summary>
    private static Func<BrowserFixture, Task<string>> RestateFirstIndicator(string reference, string periodSlug) =>
        async fixture =>
        {
            var (contractId, indicatorId) = await fixture.FirstIndicator(reference);
            return $"/Contracts/{contractId}/Returns/{periodSlug}/Restate?indicator={indicatorId}";
        };

    /// <summary>The decision page of the demo return's first restatement in the given status; its heading names the indicator.</summary>
    private static Step OpenRestatement(string reference, string period, RestatementStatus status) =>
        async (fixture, page) =>
        {
            var contractId = await fixture.ContractId(reference);
            var view = await fixture.SendAs(DemoUsers.Commissioner, new GetReturn(contractId, period));
            var restatement = view.Restatements.First(r => r.Status == status);
            await page.GotoAsync($"/Contracts/{contractId}/Returns/{view.PeriodSlug}/Restatements/{restatement.Id}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Decide the restatement of {restatement.IndicatorName}", Level = 1, Exact = true })).ToBeVisibleAsync();
        };

    private static Step Open(string path, string heading) => Open(_ => Task.FromResult(path), heading);

    private static Step Open(Func<BrowserFixture, Task<string>> path, string heading) =>
        async (fixture, page) =>
        {
            await page.GotoAsync(await path(fixture));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1, Exact = true })).ToBeVisibleAsync();
        };

    private static Step OpenReadyDraft(string suffix, string heading) =>
        Open(async fixture => $"/Contracts/{(await TestContracts.ReadyDraft(fixture)).ContractId}{suffix}", heading);

    private static Step Then(params Step[] steps) =>
        async (fixture, page) =>
        {
            foreach (var step in steps)
            {
                await step(fixture, page);
            }
        };

    /// <summary>Presses a button that posts the form back with errors; waits for the error summary.</summary>
    private static Step Submit(string button) =>
        async (_, page) =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await Expect(page.Locator(".govuk-error-summary")).ToBeFocusedAsync();
        };

    /// <summary>Presses a button that succeeds; waits for the text it leads to.</summary>
    private static Step Submit(string button, string shows) =>
        Then(async (_, page) => await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync(), Shows(shows));

    private static Step Shows(string text) =>
        async (_, page) => await Expect(page.GetByText(text).First).ToBeVisibleAsync();

    private static Step Fill(string label, string value) =>
        async (_, page) => await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);

    private static Step Clear(string label) => Fill(label, string.Empty);

    private static Step Choose(string label, int optionIndex) =>
        async (_, page) => await page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = optionIndex });

    private static Step FillDate(string legend, string day, string month, string year) =>
        async (_, page) =>
        {
            var date = page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });
            await date.GetByLabel("Day", new() { Exact = true }).FillAsync(day);
            await date.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
            await date.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
        };

    /// <summary>Chooses a file for an upload field, as if picked from disk.</summary>
    private static Step Attach(string label, string fileName, string content) =>
        async (_, page) => await page.GetByLabel(label, new() { Exact = true }).SetInputFilesAsync(
            new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(content) });

    private static Step Check(string label) =>
        async (_, page) => await page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    private static async Task OpenFirstDetails(BrowserFixture fixture, IPage page)
    {
        var first = page.Locator("details").First;
        await first.Locator("summary").ClickAsync();
        await Expect(first).ToHaveAttributeAsync("open", string.Empty);
    }

    private static async Task SignOut(BrowserFixture fixture, IPage page)
    {
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("You have signed out")).ToBeVisibleAsync();
    }

    private delegate Task Step(BrowserFixture fixture, IPage page);

    /// <param name="Name">What the user sees, for the test name.</param>
    /// <param name="Page">The Razor page it is ("/Contracts/Edit"), to check every page is scanned.</param>
    /// <param name="User">Who is signed in; null for nobody.</param>
    /// <param name="Arrange">How to get the page into the state.</param>
    private sealed record PageState(string Name, string Page, DemoUser? User, Step Arrange);
}
