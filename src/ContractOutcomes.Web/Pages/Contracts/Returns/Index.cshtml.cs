using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Application.Returns.GetReturnCalendar;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>
/// A contract's reporting calendar: every period of its term, when each return is due, where it stands and
/// how late it is. Anyone who may see the contract may read it.
/// </summary>
public sealed class ReturnCalendarModel(IMediator mediator) : AppPageModel(mediator)
{
    public ReturnCalendarView Calendar { get; private set; } = default!;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Calendar = await Mediator.Send(new GetReturnCalendar(id), cancellationToken);

    public string ReturnPath(ReturnCalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Url.Page("/Contracts/Returns/Details", new { id = Calendar.ContractId, period = entry.PeriodSlug }) ?? "/Contracts";
    }

    /// <summary>The words of the link to a period's return, for what the user can do with it.</summary>
    public string LinkText(ReturnCalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var provider = User.IsInRole(Roles.Provider);
        return entry.State switch
        {
            ReturnState.NotStarted when provider => "Start",
            ReturnState.Draft or ReturnState.Queried when provider => "Continue",
            _ => "View",
        };
    }
}
