using ContractOutcomes.Application.Contracts.CreateDraftContract;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>Creates a draft contract.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class NewModel(IMediator mediator) : AppPageModel(mediator), IContractTermsPage
{
    [BindProperty]
    public ContractTermsForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> ProviderOptions { get; private set; } = [];

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "CommissionerId" };

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var parsed = Input.Parse(ModelState);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (succeeded, id) = await TrySendAsync(
            new CreateDraftContract(
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
        if (!succeeded)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        StatusMessage = $"Draft contract {Input.Reference?.Trim()} created";
        return RedirectToPage("/Contracts/Details", new { id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        ProviderOptions = ContractDisplay.ProviderOptions(await Mediator.Send(new ListOrganisations(OrganisationKind.Provider), cancellationToken));
}
