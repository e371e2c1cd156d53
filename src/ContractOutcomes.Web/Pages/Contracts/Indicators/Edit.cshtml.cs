using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Application.Contracts.UpdateIndicator;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Indicators;

/// <summary>Changes an outcome indicator of a draft contract.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class EditModel(IMediator mediator) : ContractPageModel(mediator), IIndicatorPage
{
    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    public IndicatorView Indicator { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> BaselinePeriodOptions { get; private set; } = [];

    public bool IsDraft => Contract.Status == ContractStatus.Draft;

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "Targets", "IndicatorId" };

    public async Task OnGetAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, indicatorId, cancellationToken);
        Input = IndicatorForm.From(Indicator);
        BaselinePeriodOptions = IndicatorForm.BaselinePeriodOptions(Contract, Input.BaselinePeriod);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var baseline = Input.ParseBaseline(ModelState);
        if (ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(
                new UpdateIndicator(
                    id,
                    indicatorId,
                    ExpectedVersion,
                    Input.Name,
                    Input.Definition,
                    Input.Unit,
                    Input.Polarity,
                    Input.RbaQuestion,
                    Input.DataSource,
                    Input.NumeratorLabel,
                    Input.DenominatorLabel,
                    baseline,
                    Input.BaselinePeriod),
                cancellationToken);
            if (succeeded)
            {
                StatusMessage = $"Indicator {Input.Name?.Trim()} saved";
                return RedirectToPage("/Contracts/Details", null, new { id }, $"indicator-{indicatorId}");
            }
        }

        await LoadAsync(id, indicatorId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        Indicator = FindIndicator(indicatorId);
        BaselinePeriodOptions = IndicatorForm.BaselinePeriodOptions(Contract, Input.BaselinePeriod);
    }
}
