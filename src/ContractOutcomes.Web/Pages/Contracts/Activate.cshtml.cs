using ContractOutcomes.Application.Contracts.ActivateContract;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>Check your answers, then activate a draft contract. From then on its terms change only through variations.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ActivateModel(IMediator mediator) : ContractPageModel(mediator)
{
    [BindProperty]
    public ActivateForm Input { get; set; } = new();

    public bool IsDraft => Contract.Status == ContractStatus.Draft;

    /// <summary>Problems with no field on this page: they are fixed on the contract's other pages.</summary>
    protected override IReadOnlySet<string> FieldsWithoutInput { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "Indicators", "Targets", "Tolerance", "ProviderId" };

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        foreach (var problem in Contract.ActivationProblems)
        {
            ModelState.AddModelError(string.Empty, problem.Message);
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(new ActivateContract(id, ExpectedVersion, Input.FewerKpisConfirmed), cancellationToken);
        if (succeeded)
        {
            StatusMessage = "Contract activated. Its terms can now only change through a recorded variation.";
            return RedirectToPage("/Contracts/Details", new { id });
        }

        await LoadContractAsync(id, cancellationToken);
        return Page();
    }
}

public sealed class ActivateForm
{
    public bool FewerKpisConfirmed { get; set; }
}
