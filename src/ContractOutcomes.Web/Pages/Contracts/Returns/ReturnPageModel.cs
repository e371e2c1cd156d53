using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>
/// A page about one contract's return for one period. It reads the return for display and posts back the
/// version the user saw (hidden field <c>expectedVersion</c>), so a change someone else made in the meantime
/// is reported rather than overwritten.
/// </summary>
public abstract class ReturnPageModel(IMediator mediator) : AppPageModel(mediator)
{
    public ReturnView Return { get; private set; } = default!;

    /// <summary>The return version the form was built from; posted back by every form that changes the return.</summary>
    [BindProperty(Name = "expectedVersion")]
    public int? ExpectedVersion { get; set; }

    /// <summary>The version to put in the form: the one posted (so a conflict stays reported until the page is reloaded), else the current one.</summary>
    public int FormVersion => ExpectedVersion ?? Return.Version;

    public string ReturnPath => PathTo("/Contracts/Returns/Details");

    public string EditPath => PathTo("/Contracts/Returns/Edit");

    public string CheckPath => PathTo("/Contracts/Returns/Check");

    public string CalendarPath => Url.Page("/Contracts/Returns/Index", new { id = Return.ContractId }) ?? "/Contracts";

    public string ContractPath => Url.Page("/Contracts/Details", new { id = Return.ContractId }) ?? "/Contracts";

    /// <summary>Where a page about this return is, for example <c>/Contracts/{id}/Returns/2026-27-Q2/Edit</c>.</summary>
    public string PathTo(string page, object? values = null)
    {
        var route = new RouteValueDictionary(values) { ["id"] = Return.ContractId, ["period"] = Return.PeriodSlug };
        return Url.Page(page, route) ?? "/Contracts";
    }

    /// <summary>
    /// An address of the review pages, which another part of the product serves; built as text so that this page
    /// does not depend on those pages being present.
    /// </summary>
    public string ReviewPath(string rest) => Url.Content($"~/Contracts/{Return.ContractId}/Returns/{Return.PeriodSlug}/{rest}");

    protected async Task LoadReturnAsync(Guid id, string period, CancellationToken cancellationToken) =>
        Return = await Mediator.Send(new GetReturn(id, period), cancellationToken);
}

/// <summary>What the evidence table partial needs: the page (for the return and its addresses) and whether to offer Remove.</summary>
public sealed record EvidenceTable(ReturnPageModel Page, bool CanRemove);

/// <summary>What the file upload partial shows: its label, hint and the file types the picker offers.</summary>
public sealed record FileUploadField(string Label, string Hint, string Accept);
