using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.Notifications.CountUnreadNotifications;

/// <summary>
/// How many of the signed-in user's notifications are unread: one COUNT over an index, cheap enough for
/// every page's header. Nothing is cached in the process, because several web nodes may serve one user.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record CountUnreadNotifications : IQuery<int>;

public sealed class CountUnreadNotificationsHandler(IReadStore store, ICurrentUser user) : IRequestHandler<CountUnreadNotifications, int>
{
    public Task<int> Handle(CountUnreadNotifications request, CancellationToken cancellationToken)
    {
        var userId = user.UserId;
        return store.CountAsync(store.Notifications.Where(n => n.RecipientUserId == userId && n.ReadAt == null), cancellationToken);
    }
}
