using ContractOutcomes.Application.Returns.WithdrawReturn;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>Takes a submitted return back to change it, until the commissioner has accepted or queried it.</summary>
[Authorize(Policy = Policies.Provider)]
public sealed class WithdrawReturnModel(IMediator mediator) : ReturnPageModel(mediator)
{
    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken) =>
        await LoadReturnAsync(id, period, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(new WithdrawReturn(id, period, ExpectedVersion), cancellationToken);
        if (succeeded)
        {
            StatusMessage = "Return withdrawn";
            TempData["StatusDetail"] = "The commissioner will not review it until you submit it again. Make your changes, then check and submit the return.";
            return RedirectToPage("/Contracts/Returns/Details", new { id, period });
        }

        await LoadReturnAsync(id, period, cancellationToken);
        ExpectedVersion = null;
        return Page();
    }
}
