using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Domain.Organisations;
using MediatR;

namespace ContractOutcomes.Web.Api;

public static class OrganisationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/organisations", async (IMediator mediator, OrganisationKind? kind, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOrganisations(kind), ct)))
            .WithTags("Organisations").WithName("ListOrganisations")
            .WithSummary("Organisations, for choosing a contract's provider (Administrator, Commissioner).");
    }
}
