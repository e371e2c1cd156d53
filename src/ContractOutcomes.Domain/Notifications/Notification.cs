namespace ContractOutcomes.Domain.Notifications;

public enum NotificationKind
{
    ReturnSubmitted = 1,
    ReturnQueried = 2,
    ReturnAccepted = 3,
    ReturnRestated = 4,
    ReturnDueSoon = 5,
    RestatementProposed = 6,
    RestatementRejected = 7,
    ReturnWithdrawn = 8,
}

/// <summary>
/// A message in one user's in-app notifications. Created after the change it reports has been saved;
/// <see cref="DeduplicationKey"/>, when set, makes creating the same notification twice harmless.
/// </summary>
public sealed class Notification
{
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 300;
    public const int KeyMaxLength = 200;

    private Notification()
    {
        RecipientUserId = string.Empty;
        Text = string.Empty;
        Link = string.Empty;
    }

    public Notification(string recipientUserId, NotificationKind kind, string text, string link, DateTimeOffset createdAt, string? deduplicationKey = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentNullException.ThrowIfNull(link);
        RecipientUserId = recipientUserId;
        Kind = kind;
        Text = text.Length <= TextMaxLength ? text : text[..TextMaxLength];
        Link = link;
        CreatedAt = createdAt;
        DeduplicationKey = deduplicationKey;
    }

    public long Id { get; private init; }

    public string RecipientUserId { get; private init; }

    public NotificationKind Kind { get; private init; }

    public string Text { get; private init; }

    /// <summary>The page the notification is about, as a path within the site.</summary>
    public string Link { get; private init; }

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset? ReadAt { get; private set; }

    public string? DeduplicationKey { get; private init; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
