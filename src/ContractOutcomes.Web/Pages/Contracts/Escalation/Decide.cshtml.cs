using ContractOutcomes.Application.Escalation.RecordEscalationDecision;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Web.Forms;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Escalation;

/// <summary>
/// One commissioner's decision on a contract's escalation, one page per decision
/// (<c>?decision=Acknowledge</c>, <c>AgreeImprovementPlan</c>, <c>IssueFormalNotice</c>, <c>Deescalate</c>).
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class DecideModel(IMediator mediator) : EscalationPageModel(mediator)
{
    private static readonly HashSet<string> Unplaced = new(StringComparer.Ordinal) { nameof(RecordEscalationDecision.Decision) };

    [BindProperty(SupportsGet = true, Name = "decision")]
    public string? DecisionName { get; set; }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public EscalationDecision Decision { get; private set; }

    public string Title => EscalationDisplay.Title(Decision);

    public string? WhyNot => EscalationDisplay.WhyNot(Escalation, Decision);

    public bool NeedsDate => Decision is EscalationDecision.AgreeImprovementPlan or EscalationDecision.IssueFormalNotice;

    public IReadOnlyList<SelectListItem> LowerStages => EscalationDisplay.StageOptions(Escalation.Can.DeescalateTo, emptyText: null);

    protected override IReadOnlySet<string> FieldsWithoutInput => Unplaced;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!TryReadDecision())
        {
            return NotFound();
        }

        await LoadEscalationAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!TryReadDecision())
        {
            return NotFound();
        }

        DateOnly? dueOn = NeedsDate ? ModelState.Date("Input.DueOn", Input.DueOn, DateLabel) : null;
        EscalationStage? toStage = null;
        if (Decision == EscalationDecision.Deescalate && !string.IsNullOrWhiteSpace(Input.ToStage))
        {
            toStage = EscalationDisplay.Parse<EscalationStage>(Input.ToStage);
            if (toStage is null)
            {
                ModelState.AddModelError("Input.ToStage", "Select the stage to move the contract down to");
            }
        }

        if (ModelState.IsValid)
        {
            var request = new RecordEscalationDecision(id, ExpectedVersion, Decision, Input.Note, dueOn, toStage);
            var (succeeded, _) = await TrySendAsync(request, cancellationToken);
            if (succeeded)
            {
                (StatusMessage, var detail) = Confirmation(dueOn, toStage);
                TempData["StatusDetail"] = detail;
                return RedirectToPage("/Contracts/Escalation/Index", new { id });
            }

            foreach (var domainName in new[] { "Reason", "ImprovementDeadline", "Stage" })
            {
                MoveErrors("Input." + domainName, "Input." + EscalationDisplay.DecisionField(domainName));
            }
        }

        await LoadEscalationAsync(id, cancellationToken);
        return Page();
    }

    /// <summary>The words for the date box, as the "must be a real date" message starts.</summary>
    public string DateLabel => Decision == EscalationDecision.AgreeImprovementPlan ? "The improvement plan's due date" : "The improvement deadline";

    private bool TryReadDecision()
    {
        if (EscalationDisplay.Parse<EscalationDecision>(DecisionName) is not { } decision)
        {
            return false;
        }

        Decision = decision;
        return true;
    }

    private (string Message, string Detail) Confirmation(DateOnly? dueOn, EscalationStage? toStage) => Decision switch
    {
        EscalationDecision.Acknowledge => ("Acknowledgement recorded", "Your note is in the history. The stage has not changed."),
        EscalationDecision.AgreeImprovementPlan => ("Improvement plan agreed", $"The plan is due on {EscalationDisplay.Date(dueOn, "the date you gave")}."),
        EscalationDecision.IssueFormalNotice => (
            "Formal performance notice issued",
            $"The improvement deadline is {EscalationDisplay.Date(dueOn, "the date you gave")}. If a rule is still firing for the last quarter whose return was due by then, the contract will have failed to improve."),
        _ => ("Contract de-escalated", $"The contract is now at {toStage?.InSentence()}."),
    };
}

public sealed class DecisionForm
{
    public DateInput DueOn { get; set; } = new();

    public string? Note { get; set; }

    public string? ToStage { get; set; }
}
