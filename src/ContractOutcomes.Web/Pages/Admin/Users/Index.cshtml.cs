using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Users.ListUsers;
using ContractOutcomes.Web.Infrastructure;
using MediatR;

namespace ContractOutcomes.Web.Pages.Admin.Users;

public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<UserSummary> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Users = await Mediator.Send(new ListUsers(), cancellationToken);
}
