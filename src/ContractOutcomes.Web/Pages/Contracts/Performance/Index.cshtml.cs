using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Performance.GetContractPerformance;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Performance;

/// <summary>
/// A contract's performance for one period: ratings and scorecard figures, the payment statement and the escalation
/// position, each result with its arithmetic. Everyone who may see the contract may read it, so a provider can
/// check the sums; only the contract's commissioner is offered the Other rating decisions.
/// </summary>
public sealed class PerformanceIndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public ContractPerformanceView Performance { get; private set; } = default!;

    public PerformancePeriodView? Selected => Performance.Selected;

    public EvaluatedPeriodView? Evaluation => Performance.Selected?.Evaluation;

    public async Task<IActionResult> OnGetAsync(Guid id, string? period, CancellationToken cancellationToken)
    {
        // The period picker is a form sent with GET, so it works without JavaScript: it arrives as ?period=…
        // and is sent on to the period's own address, which can be bookmarked and shared.
        var picked = RouteData.Values["period"] is null ? Request.Query["period"].ToString() : null;
        if (!string.IsNullOrWhiteSpace(picked))
        {
            if (!ReportingPeriod.TryParse(picked, out var parsed))
            {
                throw new NotFoundException("The period");
            }

            return LocalRedirect(PerformanceDisplay.PerformancePath(id, parsed.Slug));
        }

        Performance = await Mediator.Send(new GetContractPerformance(id, string.IsNullOrWhiteSpace(period) ? null : period), cancellationToken);
        return Page();
    }

    public string Path(string appRelative) => Url.Content(appRelative);
}
