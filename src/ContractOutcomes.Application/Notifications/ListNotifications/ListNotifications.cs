using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Notifications;
using MediatR;

namespace ContractOutcomes.Application.Notifications.ListNotifications;

/// <summary>The signed-in user's notifications, newest first, a page at a time, with how many are unread.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record ListNotifications(int Page = 1) : IQuery<NotificationList>
{
    public const int PageSize = 25;
}

public sealed record NotificationItem(long Id, NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationList(IReadOnlyList<NotificationItem> Items, int Total, int Unread, int Page)
{
    public int PageCount => Math.Max(1, (Total + ListNotifications.PageSize - 1) / ListNotifications.PageSize);
}

public sealed class ListNotificationsHandler(IReadStore store, ICurrentUser user) : IRequestHandler<ListNotifications, NotificationList>
{
    public async Task<NotificationList> Handle(ListNotifications request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var userId = user.UserId;
        var mine = store.Notifications.Where(n => n.RecipientUserId == userId);
        var unread = await store.CountAsync(mine.Where(n => n.ReadAt == null), cancellationToken).ConfigureAwait(false);
        // Newest first by when each was created, sorted here because SQLite cannot order times stored with an
        // offset; only two small columns of the user's own notifications are read to do it.
        var stamps = await store.ToListAsync(mine.Select(n => new { n.Id, n.CreatedAt }), cancellationToken).ConfigureAwait(false);
        var ids = stamps.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * ListNotifications.PageSize).Take(ListNotifications.PageSize).Select(n => n.Id).ToList();
        var items = (await store.ToListAsync(
                mine.Where(n => ids.Contains(n.Id)).Select(n => new NotificationItem(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt != null)),
                cancellationToken).ConfigureAwait(false))
            .OrderBy(n => ids.IndexOf(n.Id))
            .ToList();
        var total = stamps.Count;
        return new NotificationList(items, total, unread, page);
    }
}
