using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Organisations;
using MediatR;

namespace ContractOutcomes.Application.Organisations.ListOrganisations;

/// <summary>
/// Organisations in name order. Administrators see every organisation; commissioners see the list
/// too, because they choose providers for contracts. Providers do not see the list.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner)]
public sealed record ListOrganisations(OrganisationKind? Kind = null) : IQuery<IReadOnlyList<OrganisationSummary>>;

public sealed record OrganisationSummary(Guid Id, string Name, OrganisationKind Kind, OrganisationType? OrganisationType, bool IsNotForProfit, int Version);

public sealed class ListOrganisationsHandler(IReadStore store) : IRequestHandler<ListOrganisations, IReadOnlyList<OrganisationSummary>>
{
    public async Task<IReadOnlyList<OrganisationSummary>> Handle(ListOrganisations request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = store.Organisations;
        if (request.Kind is { } kind)
        {
            query = query.Where(o => o.Kind == kind);
        }

        return await store.ToListAsync(
            query.OrderBy(o => o.Name).Select(o => new OrganisationSummary(o.Id.Value, o.Name, o.Kind, o.OrganisationType, o.IsNotForProfit, o.Version)),
            cancellationToken).ConfigureAwait(false);
    }
}
