using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Notifications;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Domain.Performance;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Application.Common.Interfaces;

public interface IContractRepository
{
    Task<Contract?> FindAsync(ContractId id, CancellationToken cancellationToken);

    Task<bool> ReferenceExistsAsync(OrganisationId commissionerId, string reference, ContractId? except, CancellationToken cancellationToken);

    void Add(Contract contract);
}

public interface IOrganisationRepository
{
    Task<Organisation?> FindAsync(OrganisationId id, CancellationToken cancellationToken);

    Task<bool> NameExistsAsync(string name, OrganisationId? except, CancellationToken cancellationToken);

    void Add(Organisation organisation);
}

/// <summary>Saves everything a command changed in one transaction, then publishes its domain events.</summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs work that must save more than once (for example, through the identity store) as one
    /// transaction: all of it is kept, or none.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken);
}

/// <summary>Names the use case whose changes are being recorded in the audit trail.</summary>
public interface IAuditScope
{
    string Action { get; set; }
}

/// <summary>
/// Read-only access for queries: every source is untracked, and the async helpers run the query in the
/// database, so query handlers project just what a page needs without knowing the persistence library.
/// </summary>
public interface IReadStore
{
    IQueryable<Contract> Contracts { get; }

    IQueryable<Organisation> Organisations { get; }

    IQueryable<AuditEntry> AuditEntries { get; }

    IQueryable<QuarterlyReturn> Returns { get; }

    IQueryable<Notification> Notifications { get; }

    IQueryable<PeriodEvaluation> PeriodEvaluations { get; }

    IQueryable<EscalationCase> EscalationCases { get; }

    Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);

    Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken);
}
