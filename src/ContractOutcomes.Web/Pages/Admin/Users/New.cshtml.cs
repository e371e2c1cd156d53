using System.Globalization;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Application.Users;
using ContractOutcomes.Application.Users.CreateUser;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Admin.Users;

public sealed class NewModel(IMediator mediator) : AppPageModel(mediator)
{
    public static string PasswordHint { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"At least {PasswordPolicy.MinimumLength} characters. A passphrase of three or four random words is a good choice.");

    [BindProperty]
    public UserInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> OrganisationOptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadOrganisationsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(
            new CreateUser(Input.Email, Input.DisplayName, Input.Role, Input.ParsedOrganisationId, Input.Password), cancellationToken);
        if (succeeded)
        {
            StatusMessage = $"{Input.DisplayName!.Trim()} has been added. Give them their password in a secure way.";
            return RedirectToPage("/Admin/Users/Index");
        }

        await LoadOrganisationsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadOrganisationsAsync(CancellationToken cancellationToken) =>
        OrganisationOptions = UserOptions.Organisations(await Mediator.Send(new ListOrganisations(), cancellationToken));
}
