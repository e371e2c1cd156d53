using System.Globalization;
using ContractOutcomes.Application.Audit.ExportContractAudit;
using ContractOutcomes.Application.Audit.GetContractAudit;
using ContractOutcomes.Web.Forms;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>
/// A contract's whole audit trail: filterable by date, action, person, type of record and period, a page at a
/// time, with the matching entries as a CSV download (<c>/Contracts/{id}/Audit/Export</c>). The filter is a GET
/// form, so a filtered view can be bookmarked or shared. Who may see which entries is the use case's decision.
/// </summary>
public sealed class AuditModel(IMediator mediator) : AppPageModel(mediator)
{
    /// <summary>Values longer than this are cut short on the page; the CSV has them in full.</summary>
    public const int LongestValueShown = 120;

    [BindProperty(SupportsGet = true)]
    public DateInput FromDate { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput ToDate { get; set; } = new();

    /// <summary>The use case, for example "SubmitReturn". Not called "Action", which routing reserves.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? PageNumber { get; set; }

    public ContractAuditPage Audit { get; private set; } = default!;

    /// <summary>False when the filter has errors: the page then shows them and no entries.</summary>
    public bool ShowResults { get; private set; }

    public bool IsFiltered =>
        !FromDate.IsEmpty || !ToDate.IsEmpty || !string.IsNullOrWhiteSpace(ActionName) || !string.IsNullOrWhiteSpace(Who)
        || !string.IsNullOrWhiteSpace(EntityType) || !string.IsNullOrWhiteSpace(Period);

    public IReadOnlyList<SelectListItem> ActionOptions =>
        [new("Any action", string.Empty), .. Audit.Options.Actions.Select(o => new SelectListItem(o.Text, o.Value))];

    public IReadOnlyList<SelectListItem> EntityTypeOptions =>
        [new("Any type of record", string.Empty), .. Audit.Options.EntityTypes.Select(o => new SelectListItem(o.Text, o.Value))];

    public IReadOnlyList<SelectListItem> WhoOptions =>
        [new("Anyone", string.Empty), .. Audit.Options.Users.Select(u => new SelectListItem(u, u))];

    public IReadOnlyList<SelectListItem> PeriodOptions =>
        [new("Any period", string.Empty), .. Audit.Options.Periods.Select(p => new SelectListItem(p, p))];

    // Errors from the use case are reported under its own property names, which are the field names here.
    protected override string FieldPrefix => string.Empty;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = FilterRequest(id);
        var page = int.TryParse(PageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        if (request is not null)
        {
            var (succeeded, audit) = await TrySendAsync(request with { Page = page }, cancellationToken);
            if (succeeded)
            {
                Audit = audit!;
                ShowResults = true;
                return;
            }
        }

        // The filter lists and the heading still come from the contract's trail, unfiltered.
        Audit = await Mediator.Send(new GetContractAudit(id), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = FilterRequest(id);
        if (request is not null)
        {
            var (succeeded, file) = await TrySendAsync(
                new ExportContractAudit(request.ContractId, request.FromDate, request.ToDate, request.Action, request.Who, request.EntityType, request.Period),
                cancellationToken);
            if (succeeded)
            {
                return File(file!.Content, file.ContentType, file.FileName);
            }
        }

        // The audit page shows what is wrong with the filter, beside the field.
        return Redirect(AuditPath(id, page: null));
    }

    public string AuditPath(Guid id, int? page) => Url.Page("/Contracts/Audit", null, new { id }) + FilterQuery(page);

    public string ExportPath(Guid id) => Url.Page("/Contracts/Audit", "Export", new { id }) + FilterQuery(page: null);

    /// <summary>The filter as it was entered, so links keep it (and a mistake in it stays visible).</summary>
    private string FilterQuery(int? page)
    {
        var query = new QueryBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name, value.Trim());
            }
        }

        Add("FromDate.Day", FromDate.Day);
        Add("FromDate.Month", FromDate.Month);
        Add("FromDate.Year", FromDate.Year);
        Add("ToDate.Day", ToDate.Day);
        Add("ToDate.Month", ToDate.Month);
        Add("ToDate.Year", ToDate.Year);
        Add(nameof(ActionName), ActionName);
        Add(nameof(Who), Who);
        Add(nameof(EntityType), EntityType);
        Add(nameof(Period), Period);
        if (page is > 1)
        {
            Add(nameof(PageNumber), page.Value.ToString(CultureInfo.InvariantCulture));
        }

        return query.ToString();
    }

    /// <summary>The request the filter describes, or null (with the errors in ModelState) when a date is not a real date.</summary>
    private GetContractAudit? FilterRequest(Guid id)
    {
        var from = Date(FromDate, nameof(FromDate), "From date");
        var to = Date(ToDate, nameof(ToDate), "To date");
        return ModelState.IsValid
            ? new GetContractAudit(id, from, to, Blank(ActionName), Blank(Who), Blank(EntityType), Blank(Period))
            : null;
    }

    private DateOnly? Date(DateInput input, string field, string label)
    {
        if (input.IsEmpty)
        {
            return null;
        }

        if (input.TryGetDate(out var date))
        {
            return date;
        }

        ModelState.AddModelError(field, $"{label} must be a real date, like 27 3 2026");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
