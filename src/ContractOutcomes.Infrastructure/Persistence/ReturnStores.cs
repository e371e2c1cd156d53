using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Notifications;
using ContractOutcomes.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Infrastructure.Persistence;

internal sealed class ReturnRepository(AppDbContext db) : IReturnRepository
{
    public Task<QuarterlyReturn?> FindAsync(ContractId contractId, ReportingPeriod period, CancellationToken cancellationToken) =>
        db.Returns.FirstOrDefaultAsync(r => r.ContractId == contractId && r.Period == period, cancellationToken);

    public async Task<List<QuarterlyReturn>> ForContractAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        var stored = await db.Returns.Where(r => r.ContractId == contractId).ToListAsync(cancellationToken).ConfigureAwait(false);
        stored.AddRange(db.ChangeTracker.Entries<QuarterlyReturn>()
            .Where(e => e.State == EntityState.Added && e.Entity.ContractId == contractId)
            .Select(e => e.Entity));
        return stored;
    }

    public void Add(QuarterlyReturn quarterlyReturn) => db.Returns.Add(quarterlyReturn);
}

/// <summary>A row of stored evidence content, keyed by its SHA-256.</summary>
public sealed class EvidenceContent
{
    public required string Sha256 { get; init; }

    public required byte[] Content { get; init; }

    public long SizeBytes { get; init; }

    public DateTimeOffset StoredAt { get; init; }
}

internal sealed class EvidenceStore(AppDbContext db, IClock clock) : IEvidenceStore
{
    public async Task StoreAsync(string sha256, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var pending = db.ChangeTracker.Entries<EvidenceContent>().Any(e => e.Entity.Sha256 == sha256);
        if (pending || await db.EvidenceContents.AnyAsync(e => e.Sha256 == sha256, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        db.EvidenceContents.Add(new EvidenceContent { Sha256 = sha256, Content = content, SizeBytes = content.LongLength, StoredAt = clock.Now });
    }

    public Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken) =>
        db.EvidenceContents.AsNoTracking().Where(e => e.Sha256 == sha256).Select(e => e.Content).FirstOrDefaultAsync(cancellationToken)!;
}

internal sealed class NotificationRepository(AppDbContext db) : INotificationRepository
{
    public void Add(Notification notification) => db.Notifications.Add(notification);

    public Task<bool> ExistsAsync(string deduplicationKey, CancellationToken cancellationToken) =>
        db.Notifications.AnyAsync(n => n.DeduplicationKey == deduplicationKey, cancellationToken);

    public Task<int> MarkAllReadAsync(string recipientUserId, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Notifications.Where(n => n.RecipientUserId == recipientUserId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, at), cancellationToken);

    public async Task<bool> MarkReadAsync(string recipientUserId, long notificationId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await db.Notifications.Where(n => n.Id == notificationId && n.RecipientUserId == recipientUserId && n.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, at), cancellationToken).ConfigureAwait(false) == 1;
}

/// <summary>
/// The system clock, which a scope may move to another moment: loading the demo history replays each
/// return at the time it happened in the story, so lateness and the audit trail read true.
/// </summary>
public sealed class Clock(TimeProvider time) : IClock
{
    private DateTimeOffset? _fixed;

    public DateTimeOffset Now => _fixed ?? time.GetUtcNow();

    public void Set(DateTimeOffset moment) => _fixed = moment;
}
