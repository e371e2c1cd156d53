using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using MediatR;

namespace ContractOutcomes.Application.Notifications.OpenNotification;

/// <summary>
/// Opens one of the signed-in user's notifications: marks it read and returns the page it is about.
/// Another user's notification is reported as not found.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record OpenNotification(long NotificationId) : ICommand<string>;

public sealed class OpenNotificationHandler(IReadStore store, INotificationRepository notifications, ICurrentUser user, IClock clock)
    : IRequestHandler<OpenNotification, string>
{
    public async Task<string> Handle(OpenNotification request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recipient = user.UserId;
        var link = await store.FirstOrDefaultAsync(
            store.Notifications.Where(n => n.Id == request.NotificationId && n.RecipientUserId == recipient).Select(n => n.Link),
            cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The notification");
        await notifications.MarkReadAsync(recipient, request.NotificationId, clock.Now, cancellationToken).ConfigureAwait(false);
        return link;
    }
}
