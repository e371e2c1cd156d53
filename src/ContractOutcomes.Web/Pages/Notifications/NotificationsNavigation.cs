using ContractOutcomes.Application.Notifications.CountUnreadNotifications;
using MediatR;

namespace ContractOutcomes.Web.Pages.Notifications;

/// <summary>The unread count the page header shows beside "Notifications".</summary>
public static partial class NotificationsNavigation
{
    /// <summary>
    /// One COUNT query per page view; not cached, because another web node may have added or read a
    /// notification since. Null for anyone not signed in, and when the count cannot be read: the header is
    /// on every page, error pages included, so it must never be the thing that fails.
    /// </summary>
    public static async Task<int?> UnreadCountAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        try
        {
            return await context.RequestServices.GetRequiredService<IMediator>().Send(new CountUnreadNotifications(), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // The count is a nicety; any failure to read it is logged and the header shows none.
        catch (Exception e)
#pragma warning restore CA1031
        {
            CountFailed(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NotificationsNavigation)), e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count unread notifications for the page header")]
    private static partial void CountFailed(ILogger logger, Exception exception);
}
