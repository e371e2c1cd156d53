using ContractOutcomes.Application.Contracts.EndContract;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Forms;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>Ends an active contract, with the date and the reason.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class EndModel(IMediator mediator) : ContractPageModel(mediator)
{
    [BindProperty]
    public EndForm Input { get; set; } = new();

    public bool IsActive => Contract.Status == ContractStatus.Active;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadContractAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var endedOn = ModelState.Date("Input.EndedOn", Input.EndedOn, "End date");
        if (ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(new EndContract(id, ExpectedVersion, endedOn, Input.Reason), cancellationToken);
            if (succeeded)
            {
                StatusMessage = "Contract ended";
                return RedirectToPage("/Contracts/Details", new { id });
            }
        }

        await LoadContractAsync(id, cancellationToken);
        return Page();
    }
}

public sealed class EndForm
{
    public DateInput EndedOn { get; set; } = new();

    public string? Reason { get; set; }
}
