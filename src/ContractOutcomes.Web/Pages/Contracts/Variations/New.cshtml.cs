using ContractOutcomes.Application.Contracts.VaryContract;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Forms;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Variations;

/// <summary>Records a variation to an active contract: what changes, from which period, and why.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class NewModel(IMediator mediator) : ContractPageModel(mediator)
{
    [BindProperty]
    public VariationForm Input { get; set; } = new();

    public bool IsActive => Contract.Status == ContractStatus.Active;

    public IReadOnlyList<SelectListItem> PeriodOptions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> IndicatorOptions { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> KindOptions { get; } =
    [
        new("Annual value", nameof(VariationKind.AnnualValue)),
        new("Term end date", nameof(VariationKind.TermEnd)),
        new("A target", nameof(VariationKind.Target)),
        new("Tolerance thresholds", nameof(VariationKind.Tolerance)),
    ];

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        // VaryContractValidator lets an empty period through (its NotEmpty rule sits under a When), and the
        // handler cannot read one, so ask for it here, with the other questions the request would have asked.
        if (string.IsNullOrWhiteSpace(Input.EffectiveFrom))
        {
            if (Input.Kind is null)
            {
                ModelState.AddModelError("Input.Kind", "Select what the variation changes");
            }

            ModelState.AddModelError("Input.EffectiveFrom", "Select the period the variation takes effect from");
            if (string.IsNullOrWhiteSpace(Input.Reason))
            {
                ModelState.AddModelError("Input.Reason", "Enter the reason for the variation");
            }
        }

        // Only the section for the chosen change is read; the others may hold anything.
        decimal? newAnnualValue = null;
        DateOnly? newTermEnd = null;
        Guid? indicatorId = null;
        decimal? newTarget = null;
        ParsedTolerance tolerance = new(null, null, null);
        switch (Input.Kind)
        {
            case VariationKind.AnnualValue:
                newAnnualValue = ModelState.Number("Input.NewAnnualValue", Input.NewAnnualValue, "New annual value");
                break;
            case VariationKind.TermEnd:
                newTermEnd = ModelState.Date("Input.NewTermEnd", Input.NewTermEnd, "New end date");
                break;
            case VariationKind.Target:
                indicatorId = Input.TargetIndicatorId;
                newTarget = ModelState.Number("Input.NewTarget", Input.NewTarget, "New target");
                break;
            case VariationKind.Tolerance:
                indicatorId = Input.ToleranceIndicatorId;
                tolerance = Input.Parse(ModelState);
                break;
            default:
                break;
        }

        if (ModelState.IsValid)
        {
            var (succeeded, number) = await TrySendAsync(
                new VaryContract(
                    id,
                    ExpectedVersion,
                    Input.Kind,
                    Input.Reason,
                    Input.EffectiveFrom,
                    newAnnualValue,
                    newTermEnd,
                    indicatorId,
                    newTarget,
                    Input.Kind == VariationKind.Tolerance ? Input.Mode : null,
                    tolerance.GoodWithin,
                    tolerance.ApproachingWithin,
                    tolerance.RequiresImprovementWithin),
                cancellationToken);
            if (succeeded)
            {
                StatusMessage = $"Variation {number} recorded";
                return RedirectToPage("/Contracts/Details", null, new { id }, "variations");
            }

            // The domain names what it checked; show each message beside the box that holds it on this page.
            MoveErrors("Input.AnnualValue", "Input.NewAnnualValue");
            MoveErrors("Input.TermEnd", "Input.NewTermEnd");
            MoveErrors("Input.TermStart", "Input.NewTermEnd");
            MoveErrors("Input.Value", "Input.NewTarget");
            MoveErrors("Input.IndicatorId", Input.Kind == VariationKind.Tolerance ? "Input.ToleranceIndicatorId" : "Input.TargetIndicatorId");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        PeriodOptions = ContractDisplay.PeriodOptions(Contract.Periods, "Select a period");
        IndicatorOptions =
        [
            new SelectListItem("Select an indicator", string.Empty),
            .. Contract.Indicators.Select(i => new SelectListItem($"{i.DisplayOrder}. {i.Name} (target {i.TargetSummary})", i.Id.ToString())),
        ];
    }
}

/// <summary>A variation as typed. The tolerance fields are inherited so the shared tolerance fields can be used.</summary>
public sealed class VariationForm : ToleranceForm
{
    public VariationKind? Kind { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? Reason { get; set; }

    public string? NewAnnualValue { get; set; }

    public DateInput NewTermEnd { get; set; } = new();

    public Guid? TargetIndicatorId { get; set; }

    public string? NewTarget { get; set; }

    public Guid? ToleranceIndicatorId { get; set; }
}
