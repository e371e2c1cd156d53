using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Returns.DecideRestatement;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Returns;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns.Review;

/// <summary>Approves a proposed restatement of an accepted figure, or rejects it with a reason.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class RestatementModel(IMediator mediator) : ReviewPageModel(mediator)
{
    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public RestatementView Restatement { get; private set; } = default!;

    /// <summary>The indicator's line in the return as it stands: the accepted figure and commentary.</summary>
    public ReturnLineView? Line => Return.Lines.FirstOrDefault(l => l.IndicatorId == Restatement.IndicatorId);

    public bool IsPending => Restatement.Status == RestatementStatus.Proposed;

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "RestatementId" };

    public async Task OnGetAsync(Guid id, string period, Guid restatementId, CancellationToken cancellationToken) =>
        await LoadAsync(id, period, restatementId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string period, Guid restatementId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, period, restatementId, cancellationToken);
        var (succeeded, _) = await TrySendAsync(new DecideRestatement(id, period, ExpectedVersion, restatementId, Input.Approve, Input.Reason), cancellationToken);
        if (succeeded)
        {
            var r = Restatement;
            return Input.Approve == true
                ? BackToReturn(id, period, "Restatement approved", $"{r.IndicatorName} is now {ReturnDisplay.Proposed(r)} and is marked as restated.")
                : BackToReturn(id, period, "Restatement rejected", $"The accepted figure for {r.IndicatorName} stands.");
        }

        await LoadAsync(id, period, restatementId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, string period, Guid restatementId, CancellationToken cancellationToken)
    {
        await LoadReturnAsync(id, period, cancellationToken);
        Restatement = Return.Restatements.FirstOrDefault(r => r.Id == restatementId) ?? throw new NotFoundException("The restatement");
    }
}

public sealed class DecisionForm
{
    /// <summary>True to approve, false to reject; null until the commissioner chooses.</summary>
    public bool? Approve { get; set; }

    public string? Reason { get; set; }
}
