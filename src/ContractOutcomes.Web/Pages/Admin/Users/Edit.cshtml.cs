using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Application.Users.GetUser;
using ContractOutcomes.Application.Users.UpdateUser;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Admin.Users;

/// <summary>
/// Changes a user's name, role and organisation, or disables the account. A change of role or a disabled account
/// signs the user out everywhere (the identity store renews their security stamp).
/// </summary>
public sealed class EditModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public UserInput Input { get; set; } = new();

    /// <summary>The user as saved (for the heading and the email address, which cannot be changed here).</summary>
    public UserSummary SavedUser { get; private set; } = default!;

    public IEnumerable<SelectListItem> OrganisationOptions { get; private set; } = [];

    public async Task OnGetAsync(string id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Input = new UserInput
        {
            DisplayName = SavedUser.DisplayName,
            Role = SavedUser.Role,
            OrganisationId = SavedUser.OrganisationId.ToString(),
            IsDisabled = SavedUser.IsDisabled,
        };
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(
            new UpdateUser(id, Input.DisplayName, Input.Role, Input.ParsedOrganisationId, Input.IsDisabled), cancellationToken);
        if (succeeded)
        {
            StatusMessage = $"{Input.DisplayName!.Trim()}'s account has been updated";
            return RedirectToPage("/Admin/Users/Index");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string id, CancellationToken cancellationToken)
    {
        SavedUser = await Mediator.Send(new GetUser(id), cancellationToken);
        OrganisationOptions = UserOptions.Organisations(await Mediator.Send(new ListOrganisations(), cancellationToken));
    }
}
