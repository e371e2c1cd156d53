using ContractOutcomes.Application.Organisations.GetOrganisation;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Application.Organisations.UpdateOrganisation;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Admin.Organisations;

/// <summary>
/// Changes an organisation's name and, for a provider, its type and not-for-profit flag. Whether it is a commissioning
/// body or a provider cannot change: users and contracts depend on it. The version read with the form is sent back,
/// so a change someone else saved in between is reported instead of overwritten.
/// </summary>
public sealed class EditModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    /// <summary>The organisation as saved (for the heading and to know which questions apply).</summary>
    public OrganisationSummary Organisation { get; private set; } = default!;

    public bool IsProvider => Organisation.Kind == OrganisationKind.Provider;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Organisation = await Mediator.Send(new GetOrganisation(id), cancellationToken);
        Input = new OrganisationInput
        {
            Name = Organisation.Name,
            OrganisationType = Organisation.OrganisationType?.ToString(),
            IsNotForProfit = Organisation.IsNotForProfit,
            ExpectedVersion = Organisation.Version,
        };
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(
            new UpdateOrganisation(id, Input.ExpectedVersion, Input.Name, Input.ParsedOrganisationType, Input.IsNotForProfit), cancellationToken);
        if (succeeded)
        {
            StatusMessage = $"{Input.Name!.Trim()} has been updated";
            return RedirectToPage("/Admin/Organisations/Index");
        }

        // Shown again with the errors: read the saved organisation only for the heading and the questions that apply.
        Organisation = await Mediator.Send(new GetOrganisation(id), cancellationToken);
        return Page();
    }
}
