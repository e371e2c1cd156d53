using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Application.Contracts.RemoveIndicator;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Indicators;

/// <summary>Asks the commissioner to confirm, then removes an indicator from a draft contract.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class RemoveModel(IMediator mediator) : ContractPageModel(mediator)
{
    public IndicatorView Indicator { get; private set; } = default!;

    public bool IsDraft => Contract.Status == ContractStatus.Draft;

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "IndicatorId" };

    public async Task OnGetAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken) =>
        await LoadAsync(id, indicatorId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(new RemoveIndicator(id, indicatorId, ExpectedVersion), cancellationToken);
        if (succeeded)
        {
            StatusMessage = "Indicator removed";
            return RedirectToPage("/Contracts/Details", null, new { id }, "indicators");
        }

        await LoadAsync(id, indicatorId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        Indicator = FindIndicator(indicatorId);
    }
}
