using ContractOutcomes.Application.Contracts.AddIndicator;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Indicators;

/// <summary>Adds an outcome indicator to a draft contract.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class NewModel(IMediator mediator) : ContractPageModel(mediator), IIndicatorPage
{
    [BindProperty]
    public IndicatorForm Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> BaselinePeriodOptions { get; private set; } = [];

    public bool IsDraft => Contract.Status == ContractStatus.Draft;

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "Targets", "IndicatorId" };

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var baseline = Input.ParseBaseline(ModelState);
        if (ModelState.IsValid)
        {
            var (succeeded, indicatorId) = await TrySendAsync(
                new AddIndicator(
                    id,
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
                StatusMessage = $"Indicator {Input.Name?.Trim()} added. Now set its targets and tolerance thresholds.";
                return RedirectToPage("/Contracts/Details", null, new { id }, $"indicator-{indicatorId}");
            }
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        BaselinePeriodOptions = IndicatorForm.BaselinePeriodOptions(Contract, Input.BaselinePeriod);
    }
}
