using System.Globalization;
using ContractOutcomes.Application.Notifications.ListNotifications;
using ContractOutcomes.Application.Notifications.MarkNotificationsRead;
using ContractOutcomes.Application.Notifications.OpenNotification;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Notifications;

/// <summary>The signed-in user's notifications, newest first, unread ones marked, with "Mark all as read".</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public NotificationList Notifications { get; private set; } = new([], 0, 0, 1);

    // Query values are read as text, so a mistyped address shows the first page rather than an error.
    public async Task OnGetAsync(string? pageNumber, CancellationToken cancellationToken)
    {
        var page = int.TryParse(pageNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        Notifications = await Mediator.Send(new ListNotifications(page), cancellationToken);
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken cancellationToken)
    {
        var marked = await Mediator.Send(new MarkNotificationsRead(), cancellationToken);
        StatusMessage = marked == 0 ? "You have no unread notifications" : "All notifications marked as read";
        return RedirectToPage("/Notifications/Index");
    }

    /// <summary>Following an unread notification marks it read, then goes to the page it is about.</summary>
    public async Task<IActionResult> OnGetOpenAsync(long id, CancellationToken cancellationToken)
    {
        var link = await Mediator.Send(new OpenNotification(id), cancellationToken);
        return SafeLink(link) is { } local ? LocalRedirect(local) : RedirectToPage("/Notifications/Index");
    }

    public string? OpenLink(long id) => Url.Page("/Notifications/Index", "Open", new { id });

    public string? PageLink(int page) =>
        Url.Page("/Notifications/Index", new { pageNumber = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture) });

    /// <summary>
    /// The notification's page when it is a path on this site. Notifications are written only by the product,
    /// but a link is never rendered unless it is local, so a bad row cannot send anyone elsewhere.
    /// </summary>
    public static string? SafeLink(string link) =>
        link is { Length: > 1 } && link[0] == '/' && link[1] is not ('/' or '\\') ? link : null;
}
