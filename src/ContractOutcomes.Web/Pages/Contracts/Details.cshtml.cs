using ContractOutcomes.Application.Contracts.GetContractHistory;
using ContractOutcomes.Application.Contracts.MoveIndicator;
using ContractOutcomes.Application.Performance.GetContractPerformance;
using ContractOutcomes.Domain.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>
/// One contract: its terms, outcome indicators, activation readiness, variations and history. Everyone who may
/// see the contract may read this page; the reorder buttons are shown to, and only work for, its commissioner.
/// </summary>
public sealed class DetailsModel(IMediator mediator) : ContractPageModel(mediator)
{
    public const int HistoryShown = 50;

    public IReadOnlyList<AuditEntryView> History { get; private set; } = [];

    /// <summary>The latest rated period and the escalation stage; null for a draft, which has no performance yet.</summary>
    public ContractPerformanceView? Performance { get; private set; }

    /// <summary>Whether the user may change the draft's terms and indicators directly.</summary>
    public bool CanChangeDraft => Contract.CanEdit && Contract.Status == ContractStatus.Draft;

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "IndicatorId" };

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid indicatorId, bool up, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(new MoveIndicator(id, indicatorId, up, ExpectedVersion), cancellationToken);
        if (!succeeded)
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        StatusMessage = up ? "Indicator moved up" : "Indicator moved down";
        return RedirectToPage("/Contracts/Details", null, new { id }, $"indicator-{indicatorId}");
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadContractAsync(id, cancellationToken);
        History = await Mediator.Send(new GetContractHistory(id, HistoryShown), cancellationToken);
        Performance = Contract.Status == ContractStatus.Draft ? null : await Mediator.Send(new GetContractPerformance(id), cancellationToken);
    }
}
