namespace ContractOutcomes.Domain.Common;

/// <summary>
/// Base for aggregates: owns the domain events raised by one unit of work and the version used
/// for optimistic concurrency, so two users editing the same aggregate cannot silently overwrite each other.
/// </summary>
public abstract class AggregateRoot<TId> : IHasDomainEvents
    where TId : struct
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public TId Id { get; protected init; }

    /// <summary>Incremented by every change; stored as the concurrency token.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    public void ClearDomainEvents() => _domainEvents.Clear();

    protected void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    /// <summary>Marks the aggregate as changed so the stored version moves on.</summary>
    protected void Touch() => Version++;
}

public interface IDomainEvent;

public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
