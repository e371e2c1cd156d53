using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Application.Contracts.Common;

/// <summary>
/// Who may see and change which contracts. Commissioners see their own body's contracts; providers see
/// only their own organisation's contracts, and only once they are active; administrators see all.
/// A contract the caller may not see is reported as not found, so its existence is not revealed.
/// </summary>
public static class ContractAccess
{
    public static IQueryable<Contract> VisibleTo(this IQueryable<Contract> contracts, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Administrator))
        {
            return contracts;
        }

        var organisationId = user.OrganisationId ?? new OrganisationId(Guid.Empty);
        if (user.IsInRole(Roles.Commissioner))
        {
            return contracts.Where(c => c.CommissionerId == organisationId);
        }

        return user.IsInRole(Roles.Provider)
            ? contracts.Where(c => c.ProviderId == organisationId && c.Status != ContractStatus.Draft)
            : contracts.Where(_ => false);
    }

    /// <summary>Loads a contract for a commissioner to change, checking it is theirs and unchanged since they read it.</summary>
    public static async Task<Contract> LoadForChangeAsync(
        this IContractRepository contracts, Guid contractId, ICurrentUser user, int? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(user);
        var contract = await contracts.FindAsync(new ContractId(contractId), cancellationToken).ConfigureAwait(false);
        if (contract is null || contract.CommissionerId != user.OrganisationId)
        {
            throw new NotFoundException("The contract");
        }

        if (expectedVersion is { } version && version != contract.Version)
        {
            throw new ConcurrencyConflictException();
        }

        return contract;
    }
}
