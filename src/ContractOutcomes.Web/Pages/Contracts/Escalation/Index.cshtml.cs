using ContractOutcomes.Application.Escalation.RecordEscalationDecision;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Escalation;

/// <summary>
/// Where a contract stands on the escalation ladder: the stage, the dates that matter, what is firing now and the
/// history. The contract's commissioner records decisions from here; its provider may read everything.
/// </summary>
public sealed class EscalationModel(IMediator mediator) : EscalationPageModel(mediator)
{
    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadEscalationAsync(id, cancellationToken);

    public string DecidePath(EscalationDecision decision) =>
        Url.Page("/Contracts/Escalation/Decide", new { id = Escalation.ContractId, decision = decision.ToString() }) ?? "/Contracts";
}
