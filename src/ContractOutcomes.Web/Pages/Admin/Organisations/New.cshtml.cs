using ContractOutcomes.Application.Organisations.CreateOrganisation;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Admin.Organisations;

public sealed class NewModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(
            new CreateOrganisation(Input.Name, Input.ParsedKind, Input.ParsedOrganisationType, Input.IsNotForProfit), cancellationToken);
        if (!succeeded)
        {
            return Page();
        }

        StatusMessage = $"{Input.Name!.Trim()} has been added";
        return RedirectToPage("/Admin/Organisations/Index");
    }
}
