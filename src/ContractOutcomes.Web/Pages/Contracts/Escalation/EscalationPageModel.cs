using ContractOutcomes.Application.Escalation.GetEscalation;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Escalation;

/// <summary>
/// A page about one contract's escalation. It reads the escalation for display and posts back the escalation case's
/// version the user saw (hidden field <c>expectedVersion</c>), so a decision someone else recorded in the meantime
/// (or a rule that fired since) is reported rather than decided over.
/// </summary>
public abstract class EscalationPageModel(IMediator mediator) : AppPageModel(mediator)
{
    public EscalationView Escalation { get; private set; } = default!;

    [BindProperty(Name = "expectedVersion")]
    public int? ExpectedVersion { get; set; }

    /// <summary>The version to put in the form: the one posted (so a conflict stays reported until the page is reloaded), else the current one.</summary>
    public int FormVersion => ExpectedVersion ?? Escalation.Version;

    public string ContractPath => Url.Page("/Contracts/Details", new { id = Escalation.ContractId }) ?? "/Contracts";

    public string EscalationPath => Url.Page("/Contracts/Escalation/Index", new { id = Escalation.ContractId }) ?? "/Contracts";

    public string RulesPath => Url.Page("/Contracts/Escalation/Rules", new { id = Escalation.ContractId }) ?? "/Contracts";

    protected async Task LoadEscalationAsync(Guid id, CancellationToken cancellationToken) =>
        Escalation = await Mediator.Send(new GetEscalation(id), cancellationToken);

    /// <summary>Moves the errors recorded under one field name to the field that shows them on this page.</summary>
    protected void MoveErrors(string from, string to)
    {
        if (from == to || !ModelState.TryGetValue(from, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
        ModelState.Remove(from);
        foreach (var message in messages)
        {
            if (!ModelState.TryGetValue(to, out var target) || target.Errors.All(e => e.ErrorMessage != message))
            {
                ModelState.AddModelError(to, message);
            }
        }
    }
}
