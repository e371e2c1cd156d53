using ContractOutcomes.Application.Contracts.UpdateDraftContract;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>Changes the terms of a draft contract. An active contract's terms change only through a variation.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class EditModel(IMediator mediator) : ContractPageModel(mediator), IContractTermsPage
{
    [BindProperty]
    public ContractTermsForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> ProviderOptions { get; private set; } = [];

    public bool IsDraft => Contract.Status == ContractStatus.Draft;

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "CommissionerId" };

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = ContractTermsForm.From(Contract);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var parsed = Input.Parse(ModelState);
        if (ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(
                new UpdateDraftContract(
                    id,
                    ExpectedVersion,
                    Input.Reference,
                    Input.Title,
                    Input.ServiceArea,
                    Input.ProviderId,
                    parsed.TermStart,
                    parsed.TermEnd,
                    parsed.AnnualValue,
                    Input.Eligibility,
                    Input.TypesToSend,
                    Input.IsLightTouch),
                cancellationToken);
            if (succeeded)
            {
                StatusMessage = "Contract terms saved";
                return RedirectToPage("/Contracts/Details", new { id });
            }
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        if (IsDraft)
        {
            ProviderOptions = ContractDisplay.ProviderOptions(await Mediator.Send(new ListOrganisations(OrganisationKind.Provider), cancellationToken));
        }
    }
}
