using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Application.Returns.Common;

/// <summary>
/// Who may see and change which returns. A provider sees and changes only its own organisation's returns,
/// a commissioner reviews only its own body's, an administrator may read all. Anything the caller may not
/// see is reported as not found, so its existence is not revealed.
/// </summary>
public static class ReturnAccess
{
    public static IQueryable<QuarterlyReturn> VisibleTo(this IQueryable<QuarterlyReturn> returns, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(Roles.Administrator))
        {
            return returns;
        }

        var organisationId = user.OrganisationId ?? new OrganisationId(Guid.Empty);
        if (user.IsInRole(Roles.Commissioner))
        {
            return returns.Where(r => r.CommissionerId == organisationId);
        }

        return user.IsInRole(Roles.Provider) ? returns.Where(r => r.ProviderId == organisationId) : returns.Where(_ => false);
    }

    public static ReportingPeriod ParsePeriod(string? period) =>
        ReportingPeriod.TryParse(period, out var parsed) ? parsed : throw new NotFoundException("The return");

    /// <summary>Whether the user may see returns of this contract at all.</summary>
    public static bool CanSee(Contract contract, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(Roles.Administrator)
            || (user.IsInRole(Roles.Commissioner) && contract.CommissionerId == user.OrganisationId)
            || (user.IsInRole(Roles.Provider) && contract.ProviderId == user.OrganisationId && contract.Status != ContractStatus.Draft);
    }

    /// <summary>
    /// Loads the return a provider is working on, opening it if this is the first time anyone has touched it.
    /// Only the contract's own provider gets this far; anyone else is told the return does not exist.
    /// </summary>
    public static async Task<(Contract Contract, QuarterlyReturn Return)> LoadForProviderAsync(
        IContractRepository contracts,
        IReturnRepository returns,
        IReportingCalendar calendar,
        IClock clock,
        ICurrentUser user,
        Guid contractId,
        string? period,
        int? expectedVersion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(user);
        var parsed = ParsePeriod(period);
        var contract = await contracts.FindAsync(new ContractId(contractId), cancellationToken).ConfigureAwait(false);
        if (contract is null || !user.IsInRole(Roles.Provider) || contract.ProviderId != user.OrganisationId || contract.Status == ContractStatus.Draft)
        {
            throw new NotFoundException("The return");
        }

        var quarterlyReturn = await returns.FindAsync(contract.Id, parsed, cancellationToken).ConfigureAwait(false);
        if (quarterlyReturn is null)
        {
            var why = QuarterlyReturn.WhyNoReturn(contract, parsed, clock.Today);
            if (why is not null)
            {
                throw new BusinessRuleException(why);
            }

            var dueOn = calendar.DueDate(parsed)
                ?? throw new InvalidOperationException($"The bank holiday list does not reach the due date of {parsed}; extend it (see docs).");
            quarterlyReturn = QuarterlyReturn.Open(contract, parsed, dueOn, clock.Now);
            returns.Add(quarterlyReturn);
        }
        else
        {
            CheckVersion(quarterlyReturn, expectedVersion);
        }

        return (contract, quarterlyReturn);
    }

    /// <summary>Loads a return for its commissioner to review; only the contract's own commissioning body gets this far.</summary>
    public static async Task<(Contract Contract, QuarterlyReturn Return)> LoadForCommissionerAsync(
        IContractRepository contracts,
        IReturnRepository returns,
        ICurrentUser user,
        Guid contractId,
        string? period,
        int? expectedVersion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(user);
        var parsed = ParsePeriod(period);
        var contract = await contracts.FindAsync(new ContractId(contractId), cancellationToken).ConfigureAwait(false);
        if (contract is null || !user.IsInRole(Roles.Commissioner) || contract.CommissionerId != user.OrganisationId)
        {
            throw new NotFoundException("The return");
        }

        var quarterlyReturn = await returns.FindAsync(contract.Id, parsed, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The return");
        CheckVersion(quarterlyReturn, expectedVersion);
        return (contract, quarterlyReturn);
    }

    private static void CheckVersion(QuarterlyReturn quarterlyReturn, int? expectedVersion)
    {
        if (expectedVersion is { } version && version != quarterlyReturn.Version)
        {
            throw new ConcurrencyConflictException(
                $"Someone else changed this return while you were working on it (last change by {quarterlyReturn.LastChangedByName}). Your changes have not been saved.");
        }
    }
}
