using ContractOutcomes.Application.Incentives.GetIncentiveScheme;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Scheme;

/// <summary>
/// A contract's incentive scheme in words, with what it pays at each rating and at sample results. Commissioners and
/// the contract's provider read it; a contract the user may not see is not found.
/// </summary>
[Authorize]
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public IncentiveSchemeView Scheme { get; private set; } = default!;

    public string ContractPath => Url.Page("/Contracts/Details", new { id = Scheme.ContractId }) ?? "/Contracts";

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        Scheme = await Mediator.Send(new GetIncentiveScheme(id), cancellationToken);

    /// <summary>The indicator an incentive is for, for its unit; null if the contract no longer has it.</summary>
    public SchemeIndicatorView? IndicatorFor(Guid indicatorId) => Scheme.Indicators.FirstOrDefault(i => i.Id == indicatorId);
}
