using System.Globalization;
using ContractOutcomes.Application.Contracts.ListContracts;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>The contracts the user may see, with a search and a status filter.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public string? Search { get; private set; }

    /// <summary>The status filter as chosen: empty for all.</summary>
    public string Status { get; private set; } = string.Empty;

    public ContractList Contracts { get; private set; } = new([], 0, 1, ListContracts.DefaultPageSize);

    public IReadOnlyList<SelectListItem> StatusOptions { get; } =
        [new("All", string.Empty), .. ContractDisplay.Options<ContractStatus>(s => s.DisplayName())];

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || Status.Length > 0;

    // Query values are read as text, so a mistyped address shows the first page rather than an error.
    public async Task OnGetAsync(string? search, string? status, string? pageNumber, CancellationToken cancellationToken)
    {
        Search = search?.Trim();
        ContractStatus? statusFilter = Enum.TryParse<ContractStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(status, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? parsed
            : null;
        Status = statusFilter?.ToString() ?? string.Empty;
        var page = int.TryParse(pageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        Contracts = await Mediator.Send(new ListContracts(Search, statusFilter, page), cancellationToken);
    }

    public string? PageLink(int page) => Url.Page(
        "/Contracts/Index",
        new
        {
            search = string.IsNullOrWhiteSpace(Search) ? null : Search,
            status = Status.Length == 0 ? null : Status,
            pageNumber = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        });
}
