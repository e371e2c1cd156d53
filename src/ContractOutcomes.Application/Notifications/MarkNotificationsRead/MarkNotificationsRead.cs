using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.Notifications.MarkNotificationsRead;

/// <summary>Marks every one of the signed-in user's notifications as read; returns how many were unread.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record MarkNotificationsRead : ICommand<int>;

public sealed class MarkNotificationsReadHandler(INotificationRepository notifications, ICurrentUser user, IClock clock)
    : IRequestHandler<MarkNotificationsRead, int>
{
    // Only ever the caller's own: the recipient is the signed-in user, never an id from the request.
    public Task<int> Handle(MarkNotificationsRead request, CancellationToken cancellationToken) =>
        notifications.MarkAllReadAsync(user.UserId, clock.Now, cancellationToken);
}
