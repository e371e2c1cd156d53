using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Notifications;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Application.Common.Interfaces;

public interface IReturnRepository
{
    Task<QuarterlyReturn?> FindAsync(ContractId contractId, ReportingPeriod period, CancellationToken cancellationToken);

    /// <summary>Every return of the contract, including any added in the current unit of work.</summary>
    Task<List<QuarterlyReturn>> ForContractAsync(ContractId contractId, CancellationToken cancellationToken);

    void Add(QuarterlyReturn quarterlyReturn);
}

/// <summary>
/// Evidence file contents, stored once per SHA-256 apart from the return that lists them, in the same
/// database so that every web node sees every file and a backup holds the evidence with the figures.
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Adds the content to the current unit of work unless content with this hash is already stored.</summary>
    Task StoreAsync(string sha256, byte[] content, CancellationToken cancellationToken);

    Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken);
}

public interface INotificationRepository
{
    void Add(Notification notification);

    Task<bool> ExistsAsync(string deduplicationKey, CancellationToken cancellationToken);

    Task<int> MarkAllReadAsync(string recipientUserId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Marks one notification read if it is the recipient's and still unread; false otherwise.</summary>
    Task<bool> MarkReadAsync(string recipientUserId, long notificationId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>
/// The time now and today's date in England. A port rather than <see cref="TimeProvider"/> directly so that
/// loading the demo history can replay events at the times they happened in the story.
/// </summary>
public interface IClock
{
    DateTimeOffset Now { get; }

    DateOnly Today => UkTime.DateOf(Now);
}

/// <summary>When each period's return is due: a number of working days after the period ends.</summary>
public interface IReportingCalendar
{
    int DueWorkingDays { get; }

    /// <summary>Null when the bank holiday list does not yet reach far enough to know the date.</summary>
    DateOnly? DueDate(ReportingPeriod period);
}
