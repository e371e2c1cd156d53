using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>
/// A page about one contract. It reads the contract for display and posts back the version the user saw
/// (hidden field <c>expectedVersion</c>), so a change made by someone else in the meantime is reported, not overwritten.
/// </summary>
public abstract class ContractPageModel(IMediator mediator) : AppPageModel(mediator)
{
    public ContractView Contract { get; private set; } = default!;

    /// <summary>The contract version the form was built from; posted back by every form that changes the contract.</summary>
    [BindProperty(Name = "expectedVersion")]
    public int? ExpectedVersion { get; set; }

    /// <summary>The version to put in the form: the one posted (so a conflict stays reported until the page is reloaded), else the current one.</summary>
    public int FormVersion => ExpectedVersion ?? Contract.Version;

    public string ContractPath => Url.Page("/Contracts/Details", new { id = Contract.Id }) ?? "/Contracts";

    protected async Task LoadContractAsync(Guid id, CancellationToken cancellationToken) =>
        Contract = await Mediator.Send(new GetContract(id), cancellationToken);

    /// <summary>The indicator of the loaded contract; not found (404) when the contract has no such indicator.</summary>
    protected IndicatorView FindIndicator(Guid indicatorId) =>
        Contract.Indicators.FirstOrDefault(i => i.Id == indicatorId) ?? throw new NotFoundException("The indicator");

    /// <summary>
    /// Moves the errors the domain reported under one field name to the field that shows them on this page
    /// (for example a variation's "AnnualValue" rule to the "New annual value" box).
    /// </summary>
    protected void MoveErrors(string from, string to)
    {
        if (!ModelState.TryGetValue(from, out var entry) || entry.Errors.Count == 0)
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
