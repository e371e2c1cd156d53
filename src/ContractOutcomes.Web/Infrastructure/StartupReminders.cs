using ContractOutcomes.Application.Notifications.NotifyReturnsDueSoon;
using MediatR;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>
/// Sends the "return due soon" notifications once at start-up, until the scheduler of a later release sends
/// them every day. The request is idempotent, so a restart or a second node starting at the same time adds nothing.
/// </summary>
public static partial class StartupReminders
{
    public static async Task SendAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new NotifyReturnsDueSoon(), app.Lifetime.ApplicationStopping);
        }
#pragma warning disable CA1031 // a failed reminder must never stop the application starting; it is logged
        catch (Exception e)
#pragma warning restore CA1031
        {
            ReminderFailed(app.Logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send the due-soon return reminders at start-up")]
    private static partial void ReminderFailed(ILogger logger, Exception exception);
}
