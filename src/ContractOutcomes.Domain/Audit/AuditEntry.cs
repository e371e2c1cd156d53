namespace ContractOutcomes.Domain.Audit;

/// <summary>
/// One recorded change: who changed what, when, through which use case, and the values before and
/// after. Entries are only ever added; nothing in the product updates or deletes them.
/// </summary>
public sealed class AuditEntry
{
    public const int EntityTypeMaxLength = 100;
    public const int EntityIdMaxLength = 100;
    public const int ActionMaxLength = 100;
    public const int UserMaxLength = 256;

    public AuditEntry(
        DateTimeOffset occurredAt,
        string userId,
        string userName,
        string action,
        string entityType,
        string entityId,
        Guid? contractId,
        AuditChangeKind change,
        string? before,
        string? after)
    {
        OccurredAt = occurredAt;
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        ContractId = contractId;
        Change = change;
        Before = before;
        After = after;
    }

    public long Id { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }

    public string UserId { get; private init; }

    public string UserName { get; private init; }

    /// <summary>The use case that made the change, for example "ActivateContract".</summary>
    public string Action { get; private init; }

    public string EntityType { get; private init; }

    public string EntityId { get; private init; }

    /// <summary>The contract the change belongs to, when it belongs to one; lets a contract show its history.</summary>
    public Guid? ContractId { get; private init; }

    public AuditChangeKind Change { get; private init; }

    /// <summary>The changed values before, as JSON; null for an addition.</summary>
    public string? Before { get; private init; }

    /// <summary>The changed values after, as JSON; null for a removal.</summary>
    public string? After { get; private init; }
}

public enum AuditChangeKind
{
    Added = 1,
    Modified = 2,
    Removed = 3,
}
