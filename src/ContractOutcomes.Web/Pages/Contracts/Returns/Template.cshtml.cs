using ContractOutcomes.Application.Returns.GetReturnCsvTemplate;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>The CSV template for a return: one row per indicator with its target and any figures already saved.</summary>
public sealed class ReturnTemplateModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string period, CancellationToken cancellationToken) =>
        Downloads.Attachment(this, await mediator.Send(new GetReturnCsvTemplate(id, period), cancellationToken));
}
