using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests;

/// <summary>Bad input on the contract pages: GOV.UK error summary, the message beside the field, and nothing saved.</summary>
[Collection(WebTestGroup.Name)]
public sealed class ContractFormTests(WebAppFactory app)
{
    private async Task<Dictionary<string, string>> ValidDraft(string reference)
    {
        var provider = await app.Db(db => db.Organisations.Where(o => o.Name == "Fernleigh Family Partnership CIC").Select(o => o.Id.Value).SingleAsync());
        return new Dictionary<string, string>
        {
            ["Input.Reference"] = reference,
            ["Input.Title"] = "Family help outcomes contract",
            ["Input.ServiceArea"] = "Family help",
            ["Input.ProviderId"] = provider.ToString(),
            ["Input.TermStart.Day"] = "1",
            ["Input.TermStart.Month"] = "4",
            ["Input.TermStart.Year"] = "2026",
            ["Input.TermEnd.Day"] = "31",
            ["Input.TermEnd.Month"] = "3",
            ["Input.TermEnd.Year"] = "2029",
            ["Input.AnnualValue"] = "£1,250,000",
            ["Input.Eligibility"] = "NotForProfitOnly",
        };
    }

    private static void AssertFieldError(IHtmlDocument document, string fieldId, string message)
    {
        var summary = document.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        var link = summary.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == message);
        Assert.NotNull(link);
        Assert.Equal("#" + fieldId, link.GetAttribute("href"));
        Assert.NotNull(document.GetElementById(fieldId));
        var beside = document.QuerySelectorAll(".govuk-form-group--error .govuk-error-message").Select(e => e.TextContent.Replace("Error:", string.Empty, StringComparison.Ordinal).Trim());
        Assert.Contains(message, beside);
    }

    private async Task<IHtmlDocument> PostNew(Dictionary<string, string> fields)
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var response = await client.PostForm("/Contracts/New", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageClient.Html(response);
    }

    private Task<int> ContractsWithReference(string reference) => app.Db(db => db.Contracts.CountAsync(c => c.Reference == reference));

    [Fact]
    public async Task NewContract_BlankReference_ShowsErrorInSummaryAndBesideTheField()
    {
        var fields = await ValidDraft(string.Empty);

        var document = await PostNew(fields);

        AssertFieldError(document, "Input_Reference", "Enter a reference");
        Assert.StartsWith("Error:", document.Title, StringComparison.Ordinal);
        Assert.Equal("Family help outcomes contract", ((IHtmlInputElement)document.GetElementById("Input_Title")!).Value);
    }

    [Fact]
    public async Task NewContract_EndBeforeStart_IsRefusedOnTheEndDate()
    {
        var reference = "WEB-" + Guid.NewGuid().ToString("N")[..8];
        var fields = await ValidDraft(reference);
        fields["Input.TermEnd.Year"] = "2025";

        var document = await PostNew(fields);

        AssertFieldError(document, "Input_TermEnd_Day", "The end date must be after the start date");
        Assert.Equal(0, await ContractsWithReference(reference));
    }

    [Fact]
    public async Task NewContract_ImpossibleDateAndWordsForMoney_GetSpecificMessages()
    {
        var reference = "WEB-" + Guid.NewGuid().ToString("N")[..8];
        var fields = await ValidDraft(reference);
        fields["Input.TermStart.Day"] = "31";
        fields["Input.TermStart.Month"] = "2";
        fields["Input.AnnualValue"] = "lots";

        var document = await PostNew(fields);

        var summary = document.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("must be a real date", summary, StringComparison.Ordinal);
        Assert.Contains("must be a number", summary, StringComparison.Ordinal);
        Assert.Equal(0, await ContractsWithReference(reference));
    }

    [Fact]
    public async Task NewContract_IneligibleProvider_ShowsTheReasonBesideTheProvider()
    {
        var reference = "WEB-" + Guid.NewGuid().ToString("N")[..8];
        var fields = await ValidDraft(reference);
        fields["Input.ProviderId"] = (await app.Db(db => db.Organisations.Where(o => o.Name == "Halden Home Care Ltd").Select(o => o.Id.Value).SingleAsync())).ToString();

        var document = await PostNew(fields);

        var message = document.QuerySelector("#Input_ProviderId-error")?.TextContent ?? string.Empty;
        Assert.Contains("not-for-profit providers only", message, StringComparison.Ordinal);
        Assert.Equal(0, await ContractsWithReference(reference));
    }

    [Fact]
    public async Task NewContract_DuplicateReference_IsRefused()
    {
        var fields = await ValidDraft("WCC-CSC-2024-001");

        var document = await PostNew(fields);

        Assert.Contains("already has a contract with reference WCC-CSC-2024-001", document.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await ContractsWithReference("WCC-CSC-2024-001"));
    }

    [Fact]
    public async Task NewContract_ValidDraft_RedirectsToTheContractPage()
    {
        var reference = "WEB-" + Guid.NewGuid().ToString("N")[..8];
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var response = await client.PostForm("/Contracts/New", await ValidDraft(reference));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());
        Assert.Contains(id.ToString(), response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1_250_000m, await app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.AnnualValue).SingleAsync()).ContinueWith(t => t.Result.Amount, TaskScheduler.Default));
    }

    [Fact]
    public async Task Targets_BlankGridCell_IsReportedOnThatCell()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var reference = "WEB-" + Guid.NewGuid().ToString("N")[..8];
        await client.PostForm("/Contracts/New", await ValidDraft(reference));
        var contractId = await app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());
        var added = await client.PostForm($"/Contracts/{contractId}/Indicators/New", new Dictionary<string, string>
        {
            ["Input.Name"] = "Families whose needs were met",
            ["Input.Definition"] = "Families closed with needs met, as a share of families closed.",
            ["Input.Unit"] = "Percentage",
            ["Input.Polarity"] = "HigherIsBetter",
            ["Input.RbaQuestion"] = "IsAnyoneBetterOff",
            ["Input.DataSource"] = "Provider case records",
            ["Input.NumeratorLabel"] = "Families with needs met",
            ["Input.DenominatorLabel"] = "Families closed",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var indicatorId = await app.Db(async db => (await db.Contracts.Where(c => c.Reference == reference).SingleAsync()).Indicators[0].Id.Value);
        var url = $"/Contracts/{contractId}/Indicators/{indicatorId}/Targets";
        var grid = new Dictionary<string, string> { ["Input.Mode"] = "EachPeriod" };
        var (_, form) = await client.Get(url);
        foreach (var input in form.QuerySelectorAll("input[name$='].Value']").OfType<IHtmlInputElement>())
        {
            grid[input.Name!] = "75";
        }

        Assert.Equal(12, grid.Count - 1);
        grid["Input.Targets[1].Value"] = string.Empty;

        var response = await client.PostForm(url, grid);

        var document = await PageClient.Html(response);
        Assert.Contains("Enter a target for 2026-27 Q2", document.QuerySelector(".govuk-error-summary")?.TextContent ?? "(no summary)", StringComparison.Ordinal);
        Assert.Equal(0, await app.Db(async db => (await db.Contracts.Where(c => c.Reference == reference).SingleAsync()).Indicators[0].Targets.Count));
    }
}
