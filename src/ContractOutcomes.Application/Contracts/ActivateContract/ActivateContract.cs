using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Contracts.ActivateContract;

/// <param name="FewerKpisConfirmed">
/// The commissioner confirms that fewer than three KPIs is appropriate for a contract above the
/// Procurement Act 2023 s52 threshold; ignored when the duty does not apply.
/// </param>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record ActivateContract(Guid ContractId, int? ExpectedVersion, bool FewerKpisConfirmed) : ICommand<Unit>;

public sealed class ActivateContractHandler(
    IContractRepository contracts, IOrganisationRepository organisations, ICurrentUser user, IClock clock)
    : IRequestHandler<ActivateContract, Unit>
{
    public async Task<Unit> Handle(ActivateContract request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var provider = await organisations.FindAsync(contract.ProviderId, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The contract's provider");
        contract.Activate(provider, request.FewerKpisConfirmed, clock.Now);
        return Unit.Value;
    }
}
