using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Organisations.GetOrganisation;

[AuthorizeRoles(Roles.Administrator)]
public sealed record GetOrganisation(Guid OrganisationId) : IQuery<OrganisationSummary>;

public sealed class GetOrganisationHandler(IReadStore store) : IRequestHandler<GetOrganisation, OrganisationSummary>
{
    public async Task<OrganisationSummary> Handle(GetOrganisation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = new OrganisationId(request.OrganisationId);
        return await store.FirstOrDefaultAsync(
            store.Organisations.Where(o => o.Id == id)
                .Select(o => new OrganisationSummary(o.Id.Value, o.Name, o.Kind, o.OrganisationType, o.IsNotForProfit, o.Version)),
            cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("The organisation");
    }
}
