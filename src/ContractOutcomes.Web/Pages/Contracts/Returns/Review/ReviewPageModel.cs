using System.Globalization;
using System.Text.RegularExpressions;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns.Review;

/// <summary>
/// A commissioner's page about one return (query, accept, decide a restatement). It reads the return for display
/// and posts back the version the commissioner saw (hidden field <c>expectedVersion</c>), so a change made by
/// someone else in the meantime (the provider withdrawing it, a colleague accepting it) is reported, not overwritten.
/// </summary>
public abstract partial class ReviewPageModel(IMediator mediator) : AppPageModel(mediator)
{
    public ReturnView Return { get; private set; } = default!;

    [BindProperty(Name = "expectedVersion")]
    public int? ExpectedVersion { get; set; }

    /// <summary>The version to put in the form: the one posted (so a conflict stays reported until the page is reloaded), else the current one.</summary>
    public int FormVersion => ExpectedVersion ?? Return.Version;

    /// <summary>The return page, where every review action comes back to.</summary>
    public string ReturnPath => Url.Content(ReturnPage(Return.ContractId, Return.PeriodSlug));

    public string QueryPath => Url.Content(ReturnPage(Return.ContractId, Return.PeriodSlug) + "/Query");

    /// <summary>The app-relative address of a return page, for example <c>~/Contracts/{id}/Returns/2026-27-Q2</c>.</summary>
    public static string ReturnPage(Guid contractId, string periodSlug) =>
        string.Create(CultureInfo.InvariantCulture, $"~/Contracts/{contractId}/Returns/{Uri.EscapeDataString(periodSlug)}");

    protected async Task LoadReturnAsync(Guid id, string period, CancellationToken cancellationToken) =>
        Return = await Mediator.Send(new GetReturn(id, period), cancellationToken);

    /// <summary>Back to the return page with a success banner (Post/Redirect/Get): what was done, and what happens next.</summary>
    protected IActionResult BackToReturn(Guid id, string period, string message, string? detail = null)
    {
        StatusMessage = message;
        TempData["StatusDetail"] = detail;
        return LocalRedirect(ReturnPage(id, ReportingPeriod.TryParse(period, out var parsed) ? parsed.Slug : period));
    }

    /// <summary>
    /// Moves errors a request reported for its <c>Questions[i]</c> entries to the form rows they came from: the
    /// request lists only the ticked rows, so its index i is not the row's index on the page.
    /// </summary>
    protected void MoveIndexedErrors(string collection, IReadOnlyList<int> rowOfRequestIndex)
    {
        ArgumentNullException.ThrowIfNull(rowOfRequestIndex);
        var errors = ModelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, Match: IndexedKey().Match(e.Key), Messages: e.Value!.Errors.Select(x => x.ErrorMessage).ToList()))
            .Where(e => e.Match.Success && e.Match.Groups["name"].Value == collection)
            .ToList();
        foreach (var (key, _, _) in errors)
        {
            ModelState.Remove(key);
        }

        foreach (var (_, match, messages) in errors)
        {
            var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
            var row = index < rowOfRequestIndex.Count ? rowOfRequestIndex[index] : index;
            var target = string.Create(CultureInfo.InvariantCulture, $"{collection}[{row}]{match.Groups["rest"].Value}");
            foreach (var message in messages)
            {
                ModelState.AddModelError(target, message);
            }
        }
    }

    [GeneratedRegex(@"^(?<name>\w+)\[(?<index>\d+)\](?<rest>.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IndexedKey();
}
