using System.Reflection;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Notifications;
using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Infrastructure.Persistence;

internal sealed class ContractRepository(AppDbContext db) : IContractRepository
{
    public Task<Contract?> FindAsync(ContractId id, CancellationToken cancellationToken) =>
        db.Contracts.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<bool> ReferenceExistsAsync(OrganisationId commissionerId, string reference, ContractId? except, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): references are unique whatever their case
        var lowered = reference.ToLowerInvariant();
        return db.Contracts.AnyAsync(
            c => c.CommissionerId == commissionerId && c.Reference.ToLower() == lowered && (except == null || c.Id != except),
            cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }

    public void Add(Contract contract) => db.Contracts.Add(contract);
}

internal sealed class OrganisationRepository(AppDbContext db) : IOrganisationRepository
{
    public Task<Organisation?> FindAsync(OrganisationId id, CancellationToken cancellationToken) =>
        db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public Task<bool> NameExistsAsync(string name, OrganisationId? except, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower()
        var lowered = name.ToLowerInvariant();
        return db.Organisations.AnyAsync(o => o.Name.ToLower() == lowered && (except == null || o.Id != except), cancellationToken);
#pragma warning restore CA1304, CA1311, CA1862
    }

    public void Add(Organisation organisation) => db.Organisations.Add(organisation);
}

internal sealed class ReadStore(AppDbContext db) : IReadStore
{
    public IQueryable<Contract> Contracts => db.Contracts.AsNoTracking();

    public IQueryable<Organisation> Organisations => db.Organisations.AsNoTracking();

    public IQueryable<AuditEntry> AuditEntries => db.AuditEntries.AsNoTracking();

    public IQueryable<Domain.Returns.QuarterlyReturn> Returns => db.Returns.AsNoTracking();

    public IQueryable<Domain.Notifications.Notification> Notifications => db.Notifications.AsNoTracking();

    public IQueryable<Domain.Performance.PeriodEvaluation> PeriodEvaluations => db.PeriodEvaluations.AsNoTracking();

    public IQueryable<Domain.Escalation.EscalationCase> EscalationCases => db.EscalationCases.AsNoTracking();

    public Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        EntityFrameworkQueryableExtensions.ToListAsync(query, cancellationToken);

    public Task<T?> FirstOrDefaultAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(query, cancellationToken);

    public Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        EntityFrameworkQueryableExtensions.CountAsync(query, cancellationToken);
}

/// <summary>
/// Saves the command's changes in one transaction and, only once they are committed, publishes the
/// domain events the aggregates raised (see docs/adr: side effects after commit).
/// </summary>
internal sealed class UnitOfWork(AppDbContext db, IMediator publisher) : IUnitOfWork
{
    private static readonly MethodInfo PublishMethod = typeof(UnitOfWork).GetMethod(nameof(PublishAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var raisers = db.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).Where(e => e.DomainEvents.Count > 0).ToArray();
        var events = raisers.SelectMany(e => e.DomainEvents).ToArray();
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(
                "Someone else changed this while you were working on it. Reload the page to see their changes, then try again.", e);
        }
        catch (DbUpdateException e) when (e.Entries.Any(x => x.State == EntityState.Added && x.Entity is Domain.Returns.QuarterlyReturn))
        {
            // Two people opened the same period's return at the same moment: the unique index on contract and
            // period let only one of them create it. For the other this is an ordinary conflict.
            throw new ConcurrencyConflictException(
                "Someone else started this return at the same time. Reload the page to see their figures, then try again.", e);
        }

        foreach (var raiser in raisers)
        {
            raiser.ClearDomainEvents();
        }

        foreach (var domainEvent in events)
        {
            await ((Task)PublishMethod.MakeGenericMethod(domainEvent.GetType()).Invoke(this, [domainEvent, cancellationToken])!).ConfigureAwait(false);
        }
    }

    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var result = await work().ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
    }

    private Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent =>
        publisher.Publish(new DomainEventNotification<TEvent>(domainEvent), cancellationToken);
}

internal sealed class AuditScope : IAuditScope
{
    public string Action { get; set; } = "Unrecorded";
}
