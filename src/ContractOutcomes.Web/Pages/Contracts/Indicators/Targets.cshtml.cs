using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Indicators;

/// <summary>
/// Sets a draft indicator's targets, either one figure for every period or one per period. For an active
/// contract the targets are shown read-only: they change through a variation.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class TargetsModel(IMediator mediator) : ContractPageModel(mediator)
{
    [BindProperty]
    public TargetsForm Input { get; set; } = new();

    public IndicatorView Indicator { get; private set; } = default!;

    public bool IsDraft => Contract.Status == ContractStatus.Draft;

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "IndicatorId" };

    public async Task OnGetAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, indicatorId, cancellationToken);
        Input = TargetsForm.From(Contract, Indicator);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var (allPeriods, targets) = Input.Parse(ModelState);
        if (ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(new SetTargets(id, indicatorId, ExpectedVersion, allPeriods, targets), cancellationToken);
            if (succeeded)
            {
                StatusMessage = "Targets saved";
                return RedirectToPage("/Contracts/Details", null, new { id }, $"indicator-{indicatorId}");
            }
        }

        await LoadAsync(id, indicatorId, cancellationToken);
        Input.FillGrid(Contract, Indicator);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        Indicator = FindIndicator(indicatorId);
    }
}
