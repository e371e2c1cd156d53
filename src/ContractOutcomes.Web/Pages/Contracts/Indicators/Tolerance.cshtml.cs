using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Indicators;

/// <summary>
/// Sets the tolerance thresholds of a draft indicator, with a preview of the rating bands they make at the first
/// target. For an active contract the thresholds are shown read-only: they change through a variation.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class ToleranceModel(IMediator mediator) : ContractPageModel(mediator)
{
    [BindProperty]
    public ToleranceForm Input { get; set; } = new();

    public IndicatorView Indicator { get; private set; } = default!;

    public bool IsDraft => Contract.Status == ContractStatus.Draft;

    /// <summary>The bands of the thresholds typed, after "Preview bands"; null otherwise.</summary>
    public RatingBandsView? Preview { get; private set; }

    /// <summary>Set when a preview was asked for but the indicator has no target to preview against.</summary>
    public bool PreviewNeedsTarget { get; private set; }

    public RatingBandsView? Current =>
        Indicator.BandsAtFirstTarget.Count > 0
            ? new RatingBandsView($"Current ratings at the first target, {Indicator.FormatValue(Indicator.Targets[0].Value)}", Indicator.BandsAtFirstTarget)
            : null;

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "IndicatorId" };

    public async Task OnGetAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, indicatorId, cancellationToken);
        Input.Fill(Indicator.Tolerance);
    }

    /// <summary>Shows the bands the thresholds would make, without saving them.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, indicatorId, cancellationToken);
        var bands = Input.TryBands(ModelState, Input.Parse(ModelState));
        if (bands is not null)
        {
            if (Indicator.Targets.Count == 0)
            {
                PreviewNeedsTarget = true;
            }
            else
            {
                var target = Indicator.Targets[0].Value;
                Preview = new RatingBandsView(
                    $"Preview: ratings at the first target, {Indicator.FormatValue(target)}",
                    bands.Describe(target, Indicator.Polarity, Indicator.Unit));
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var parsed = Input.Parse(ModelState);
        if (ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(
                new SetTolerance(id, indicatorId, ExpectedVersion, Input.Mode, parsed.GoodWithin, parsed.ApproachingWithin, parsed.RequiresImprovementWithin),
                cancellationToken);
            if (succeeded)
            {
                StatusMessage = "Tolerance thresholds saved";
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
    }
}
