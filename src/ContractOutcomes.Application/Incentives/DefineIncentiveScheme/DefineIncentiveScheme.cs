using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Application.Incentives.Common;
using MediatR;

namespace ContractOutcomes.Application.Incentives.DefineIncentiveScheme;

/// <summary>Sets (or replaces) a draft contract's incentive scheme. Returns the contract's new version.</summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record DefineIncentiveScheme(
    Guid ContractId,
    int? ExpectedVersion,
    decimal? ShareAtRiskPercent,
    decimal? AnnualCap,
    decimal? TermCap,
    decimal? ServiceCreditCapPercent,
    IReadOnlyList<IncentiveInput> Incentives) : ICommand<int>, ISchemeInput;

public sealed class DefineIncentiveSchemeHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<DefineIncentiveScheme, int>
{
    public async Task<int> Handle(DefineIncentiveScheme request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        contract.DefineIncentiveScheme(request.Build(contract));
        return contract.Version;
    }
}
