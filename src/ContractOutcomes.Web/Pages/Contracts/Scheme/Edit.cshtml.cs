using ContractOutcomes.Application.Incentives.DefineIncentiveScheme;
using ContractOutcomes.Application.Incentives.GetIncentiveScheme;
using ContractOutcomes.Application.Incentives.PreviewIncentiveScheme;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Scheme;

/// <summary>
/// Sets a draft contract's incentive scheme on one form. "Preview" shows what the scheme as typed would pay without
/// saving it; "Save scheme" saves it. Every refusal is shown beside the box it is about and everything typed is kept.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class EditModel(IMediator mediator) : ContractPageModel(mediator)
{
    [BindProperty]
    public SchemeForm Input { get; set; } = new();

    public IncentiveSchemeView Scheme { get; private set; } = default!;

    /// <summary>What the scheme as typed would pay, after "Preview"; null otherwise.</summary>
    public SchemePreviewView? Preview { get; private set; }

    public string SchemePath => Url.Page("/Contracts/Scheme/Index", new { id = Contract.Id }) ?? ContractPath;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = SchemeForm.From(Scheme);
    }

    /// <summary>Shows what the scheme as typed would pay, without saving it.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Scheme.CanEdit && Read() is { } parsed)
        {
            var (succeeded, result) = await TrySendAsync(
                new PreviewIncentiveScheme(id, parsed.ShareAtRiskPercent, parsed.AnnualCap, parsed.TermCap, parsed.ServiceCreditCapPercent, parsed.Incentives),
                cancellationToken);
            if (succeeded && result is not null)
            {
                Preview = SchemePreviewView.From(result);
            }

            Input.PlaceErrors(ModelState, MoveErrors);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Scheme.CanEdit && Read() is { } parsed)
        {
            var (succeeded, _) = await TrySendAsync(
                new DefineIncentiveScheme(id, ExpectedVersion, parsed.ShareAtRiskPercent, parsed.AnnualCap, parsed.TermCap, parsed.ServiceCreditCapPercent, parsed.Incentives),
                cancellationToken);
            if (succeeded)
            {
                StatusMessage = "Incentive scheme saved";
                return RedirectToPage("/Contracts/Scheme/Index", new { id });
            }

            Input.PlaceErrors(ModelState, MoveErrors);
        }

        return Page();
    }

    /// <summary>
    /// The scheme as typed, or null when it is not worth sending: a box that is not a number (with a message beside
    /// it), or a form built for other indicators than the contract has now (started again from the saved scheme).
    /// </summary>
    private ParsedScheme? Read()
    {
        if (!Input.Matches(Scheme))
        {
            ModelState.Clear();
            Input = SchemeForm.From(Scheme);
            ModelState.AddModelError(string.Empty, "The indicators of this contract have changed since you opened the form. Check the scheme and try again");
            return null;
        }

        var parsed = Input.Read(Scheme, ModelState);
        return ModelState.IsValid ? parsed : null;
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        Scheme = await Mediator.Send(new GetIncentiveScheme(id), cancellationToken);
    }
}
