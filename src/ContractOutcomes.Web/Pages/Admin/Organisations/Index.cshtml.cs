using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Web.Infrastructure;
using MediatR;

namespace ContractOutcomes.Web.Pages.Admin.Organisations;

public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organisations = await Mediator.Send(new ListOrganisations(), cancellationToken);
}
