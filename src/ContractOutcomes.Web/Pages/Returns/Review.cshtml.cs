using ContractOutcomes.Application.Returns.ListReturnsForReview;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Pages.Returns;

/// <summary>The commissioner's work list: returns to review, restatements to decide and overdue returns.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ReviewModel(IMediator mediator) : PageModel
{
    public ReviewWorkList WorkList { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        WorkList = await mediator.Send(new ListReturnsForReview(), cancellationToken);
}
