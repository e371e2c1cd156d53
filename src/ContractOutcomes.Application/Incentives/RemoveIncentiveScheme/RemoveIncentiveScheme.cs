using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using MediatR;

namespace ContractOutcomes.Application.Incentives.RemoveIncentiveScheme;

/// <summary>Removes a draft contract's incentive scheme: the contract then pays no outcome payments.</summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record RemoveIncentiveScheme(Guid ContractId, int? ExpectedVersion) : ICommand<int>;

public sealed class RemoveIncentiveSchemeHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<RemoveIncentiveScheme, int>
{
    public async Task<int> Handle(RemoveIncentiveScheme request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        contract.RemoveIncentiveScheme();
        return contract.Version;
    }
}
