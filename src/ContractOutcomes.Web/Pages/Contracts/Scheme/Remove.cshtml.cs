using ContractOutcomes.Application.Incentives.GetIncentiveScheme;
using ContractOutcomes.Application.Incentives.RemoveIncentiveScheme;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Scheme;

/// <summary>Asks the commissioner to confirm removing a draft contract's incentive scheme, then removes it.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class RemoveModel(IMediator mediator) : ContractPageModel(mediator)
{
    public IncentiveSchemeView Scheme { get; private set; } = default!;

    public string SchemePath => Url.Page("/Contracts/Scheme/Index", new { id = Contract.Id }) ?? ContractPath;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!Scheme.CanEdit || Scheme.Scheme is null)
        {
            return Page();
        }

        var (succeeded, _) = await TrySendAsync(new RemoveIncentiveScheme(id, ExpectedVersion), cancellationToken);
        if (succeeded)
        {
            StatusMessage = "Incentive scheme removed";
            return RedirectToPage("/Contracts/Scheme/Index", new { id });
        }

        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        Scheme = await Mediator.Send(new GetIncentiveScheme(id), cancellationToken);
    }
}
