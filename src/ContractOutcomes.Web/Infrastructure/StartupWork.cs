using ContractOutcomes.Application.Notifications.NotifyReturnsDueSoon;
using ContractOutcomes.Application.Performance.ReevaluateContracts;
using MediatR;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>
/// Work that depends only on the date, done once at start-up until the scheduler of a later release does it
/// every day: bringing every contract's evaluation up to today (returns passing their due date unsubmitted
/// become Not reported, improvement deadlines pass), then the "return due soon" notifications. Both requests
/// are idempotent, so a restart or a second node starting at the same time adds nothing.
/// </summary>
public static partial class StartupWork
{
    public static async Task RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await SendAsync(app, new ReevaluateContracts(), "bring contract evaluations up to date").ConfigureAwait(false);
        await SendAsync(app, new NotifyReturnsDueSoon(), "send the due-soon return reminders").ConfigureAwait(false);
    }

    private static async Task SendAsync(WebApplication app, IRequest<int> request, string what)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, app.Lifetime.ApplicationStopping).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // failed start-up work must never stop the application starting; it is logged
        catch (Exception e)
#pragma warning restore CA1031
        {
            WorkFailed(app.Logger, what, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {What} at start-up")]
    private static partial void WorkFailed(ILogger logger, string what, Exception exception);
}
