using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ContractOutcomes.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Escalation;

/// <summary>
/// What the escalation tests share. In the shared demo database they change only the escalation case of
/// WCC-SBD-2024-005 (each journey brings it back to routine monitoring) and drafts they create themselves.
/// </summary>
internal static class EscalationTestSupport
{
    public const string Trust = "WCC-CSC-2024-001";
    public const string Halden = "WCC-ASC-2023-004";
    public const string ShortBreaks = "WCC-SBD-2024-005";
    public const string Rule1 = "Any indicator rated Inadequate or worse for 2 consecutive periods: improvement plan";
    public const string SecondCommissioner = "tom.harding@example.org";
    public const string IndicatorName = "Families supported to their goals";

    public static Task<Guid> ContractId(this WebAppFactory app, string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    public static Task<int> CaseVersion(this WebAppFactory app, Guid contractId) =>
        app.Db(db => db.EscalationCases.Where(c => c.Id == new ContractId(contractId)).Select(c => c.Version).SingleAsync());

    /// <summary>Today in the UK, as the app's clock reads it.</summary>
    public static DateOnly Today() => UkTime.DateOf(DateTimeOffset.UtcNow);

    public static async Task<HttpClient> ApiClient(this WebAppFactory app, string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        return client;
    }

    public static Task<PageClient> Commissioner(this WebAppFactory app) =>
        PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

    /// <summary>A new draft contract with one indicator, created through the API as a commissioner would.</summary>
    public static async Task<(Guid ContractId, Guid IndicatorId)> NewDraftAsync(this WebAppFactory app)
    {
        var client = await app.ApiClient(WebAppFactory.Commissioner);
        var provider = await app.Db(db => db.Organisations.Where(o => o.Name == "Wessex Shared Care Ltd").Select(o => o.Id.Value).SingleAsync());
        var created = await client.PostAsJsonAsync(Relative("/api/v1/contracts"), new
        {
            reference = "ESC-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            title = "Short breaks outcomes pilot",
            serviceArea = "Short breaks",
            providerId = provider,
            termStart = "2027-04-01",
            termEnd = "2030-03-31",
            annualValue = 450000,
            eligibility = "AnyProvider",
            eligibleOrganisationTypes = Array.Empty<string>(),
            isLightTouch = false,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contractId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var indicator = await client.PostAsJsonAsync(Relative($"/api/v1/contracts/{contractId}/indicators"), new
        {
            name = IndicatorName,
            definition = "Families whose goals were met at the end of support, as a share of families closed.",
            unit = "Percentage",
            polarity = "HigherIsBetter",
            rbaQuestion = "IsAnyoneBetterOff",
            dataSource = "Provider case records",
            numeratorLabel = "Families whose goals were met",
            denominatorLabel = "Families closed",
            baselineValue = 70,
            baselinePeriod = "2026-27 Q4",
        });
        Assert.Equal(HttpStatusCode.Created, indicator.StatusCode);
        var indicatorId = (await indicator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (contractId, indicatorId);
    }

    public static Uri Relative(string url) => new(url, UriKind.Relative);

    /// <summary>The text of the summary list row with this key.</summary>
    public static string SummaryValue(IDocument document, string key)
    {
        var row = document.QuerySelectorAll(".govuk-summary-list__row")
            .FirstOrDefault(r => r.QuerySelector(".govuk-summary-list__key")?.TextContent.Trim() == key);
        Assert.NotNull(row);
        return Squash(row.QuerySelector(".govuk-summary-list__value")!.TextContent);
    }

    public static IReadOnlyList<string> ErrorSummary(IDocument document) =>
        [.. document.QuerySelectorAll(".govuk-error-summary__list li").Select(li => Squash(li.TextContent))];

    /// <summary>The error message shown beside the field with this id (GOV.UK puts it in "{id}-error").</summary>
    public static string FieldError(IDocument document, string fieldId)
    {
        var error = document.GetElementById(fieldId + "-error");
        Assert.NotNull(error);
        return Squash(error.TextContent).Replace("Error: ", string.Empty, StringComparison.Ordinal);
    }

    public static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string MainText(IDocument document) => Squash(document.QuerySelector("main")!.TextContent);

    /// <summary>
    /// Posts fields to a page as a browser would, with the user's antiforgery token taken from any form on the page
    /// (the sign-out form, when the page has no form of its own).
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithToken(PageClient client, string url, IDictionary<string, string> fields)
    {
        var (_, document) = await client.Get(url);
        var token = document.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement;
        Assert.NotNull(token);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Value };
        using var content = new FormUrlEncodedContent(values);
        return await client.Http.PostAsync(Relative(url), content);
    }
}
