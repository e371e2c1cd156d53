using ContractOutcomes.Application.Performance.GetPortfolio;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Organisations;
using MediatR;

namespace ContractOutcomes.Web.Api;

/// <summary>The portfolio dashboard over JSON: the same rows, summaries and filter options as the /Portfolio page.</summary>
public static class PortfolioApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet(
                "/portfolio",
                async (IMediator mediator, string? providerId, OrganisationType? organisationType, string? serviceArea, EscalationStage? stage, string? period, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new GetPortfolio(providerId, organisationType, serviceArea, stage, period), ct)))
            .WithTags("Performance").WithName("GetPortfolio")
            .WithSummary("Every contract you may see with its overall position, escalation stage, outstanding returns and money for the financial year to date, and summaries across them. Filter by providerId, organisationType, serviceArea, stage; period (\"2026-27-Q2\") shows that period instead of each contract's latest evaluated one.")
            .ProducesValidationProblem();
    }
}
