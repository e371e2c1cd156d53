using ContractOutcomes.Application.Returns.AcceptReturn;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns.Review;

/// <summary>Accepts a submitted return after the commissioner has checked its figures; accepted figures are locked.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class AcceptModel(IMediator mediator) : ReviewPageModel(mediator)
{
    public string? WhyNot => ReviewDisplay.WhyNotReviewable(Return, "accepted");

    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken) =>
        await LoadReturnAsync(id, period, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(new AcceptReturn(id, period, ExpectedVersion), cancellationToken);
        if (succeeded)
        {
            return BackToReturn(id, period, "Return accepted", "Its figures are now locked and count towards ratings and payments.");
        }

        await LoadReturnAsync(id, period, cancellationToken);
        return Page();
    }
}
