using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using ContractOutcomes.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests;

/// <summary>
/// The contract audit page and its CSV export, the notifications page and the header's unread count. These
/// tests change nothing but Jess Morgan's (Lantern Young People's Voice) notifications.
/// </summary>
[Collection(WebTestGroup.Name)]
public sealed class AuditAndNotificationPageTests(WebAppFactory app)
{
    private const string Jess = "jess.morgan@example.com";

    [Fact]
    public async Task AuditPage_FilterByAction_ShowsOnlyThatAction()
    {
        var adv = await ContractId("WCC-ADV-2025-006");
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (response, document) = await client.Get($"/Contracts/{adv}/Audit?ActionName=AcceptReturn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Audit trail", document.QuerySelector("h1")?.TextContent.Trim());
        var rows = document.QuerySelectorAll("table.govuk-table tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal("Accept return", row.Children[2].TextContent.Trim()));
        var selected = document.QuerySelector("select#ActionName option[selected]");
        Assert.NotNull(selected);
        Assert.Equal("AcceptReturn", selected.GetAttribute("value"));
        var caption = document.QuerySelector("table caption");
        Assert.NotNull(caption);
        Assert.Contains("match the filter", caption.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_DateThatIsNotReal_ShowsTheErrorBesideTheFieldAndKeepsWhatWasTyped()
    {
        var adv = await ContractId("WCC-ADV-2025-006");
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (response, document) = await client.Get($"/Contracts/{adv}/Audit?FromDate.Day=31&FromDate.Month=2&FromDate.Year=2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = document.QuerySelector(".govuk-error-summary");
        Assert.NotNull(summary);
        Assert.Contains("From date must be a real date", summary.TextContent, StringComparison.Ordinal);
        var message = document.QuerySelector("#FromDate-error");
        Assert.NotNull(message);
        Assert.Equal("31", (document.QuerySelector("#FromDate_Day") as IHtmlInputElement)?.Value);
        Assert.StartsWith("Error: ", document.Title, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("table.govuk-table tbody tr"));
    }

    [Fact]
    public async Task AuditExport_FilteredByAction_IsACsvAttachment()
    {
        var adv = await ContractId("WCC-ADV-2025-006");
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);
        var (_, page) = await client.Get($"/Contracts/{adv}/Audit?ActionName=AcceptReturn");
        var link = page.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.StartsWith("Download as CSV", StringComparison.Ordinal));
        Assert.NotNull(link);
        var href = link.GetAttribute("href")!;
        Assert.Equal($"/Contracts/{adv}/Audit/Export?ActionName=AcceptReturn", href);

        var response = await client.Http.GetAsync(new Uri(href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.StartsWith("WCC-ADV-2025-006-audit-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFFWhen (UK time),Who,Action,", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        Assert.All(lines.Skip(1), line => Assert.Contains(",Accept return,", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditPage_Provider_SeesItsOwnContractButNotAnotherProviders()
    {
        var adv = await ContractId("WCC-ADV-2025-006");
        var trust = await ContractId("WCC-CSC-2024-001");
        var client = await PageClient.SignedIn(app, Jess, WebAppFactory.ProviderPassword);

        var (own, ownDocument) = await client.Get($"/Contracts/{adv}/Audit");
        var (other, otherDocument) = await client.Get($"/Contracts/{trust}/Audit");
        var export = await client.Http.GetAsync(new Uri($"/Contracts/{trust}/Audit/Export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.NotEmpty(ownDocument.QuerySelectorAll("table.govuk-table tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("WCC-CSC-2024-001", otherDocument.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
    }

    [Fact]
    public async Task ContractPage_History_LinksToTheAuditTrail()
    {
        var adv = await ContractId("WCC-ADV-2025-006");
        var client = await PageClient.SignedIn(app, Jess, WebAppFactory.ProviderPassword);

        var (_, document) = await client.Get($"/Contracts/{adv}");

        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Contracts/{adv}/Audit");
    }

    [Fact]
    public async Task NotificationsPage_ListsUnreadNotificationsAndMarksThemAllRead()
    {
        var text = $"Test notification {Guid.NewGuid():N}";
        await Notify(text);
        var client = await PageClient.SignedIn(app, Jess, WebAppFactory.ProviderPassword);

        var (before, unreadPage) = await client.Get("/Notifications");
        var response = await client.PostForm("/Notifications", new Dictionary<string, string>(), formAction: "MarkAllRead");
        var (_, readPage) = await client.Get("/Notifications");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var unread = Row(unreadPage, text);
        var marker = unread.QuerySelector("strong .govuk-visually-hidden");
        Assert.NotNull(marker);
        Assert.Equal("Unread:", marker.TextContent.Trim());
        Assert.Matches("^/Notifications\\?id=[0-9]+&handler=Open$", unread.QuerySelector("a")?.GetAttribute("href") ?? string.Empty);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Notifications", response.Headers.Location?.OriginalString);
        var read = Row(readPage, text);
        Assert.Null(read.QuerySelector("strong"));
        Assert.DoesNotContain("Unread:", readPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(readPage.QuerySelectorAll("button").FirstOrDefault(b => b.TextContent.Contains("Mark all as read", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Header_SignedIn_ShowsTheUnreadCount()
    {
        await Notify("Header test notification");
        var jess = await UserId(Jess);
        var client = await PageClient.SignedIn(app, Jess, WebAppFactory.ProviderPassword);
        var unread = await app.Db(db => db.Notifications.CountAsync(n => n.RecipientUserId == jess && n.ReadAt == null));

        var (_, document) = await client.Get("/Contracts");

        var item = document.QuerySelector(".govuk-service-navigation a[href='/Notifications']");
        Assert.NotNull(item);
        Assert.Equal($"Notifications ({unread} unread)", item.TextContent.Trim());
        var hidden = item.QuerySelector(".govuk-visually-hidden");
        Assert.NotNull(hidden);
        Assert.Equal("unread", hidden.TextContent.Trim());
        Assert.Null(document.QuerySelector(".govuk-service-navigation a[href='/Returns/Review']"));
    }

    [Fact]
    public async Task OpenNotification_Own_MarksItReadAndGoesToItsPage()
    {
        var text = $"Open test notification {Guid.NewGuid():N}";
        var id = await Notify(text);
        var client = await PageClient.SignedIn(app, Jess, WebAppFactory.ProviderPassword);
        var (_, page) = await client.Get("/Notifications");
        var href = Row(page, text).QuerySelector("a")?.GetAttribute("href");
        Assert.NotNull(href);

        var response = await client.Http.GetAsync(new Uri(href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Contracts", response.Headers.Location?.OriginalString);
        Assert.NotNull(await app.Db(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task OpenNotification_SomeoneElses_IsNotFoundAndStaysUnread()
    {
        var id = await Notify($"Not Jess's notification {Guid.NewGuid():N}", "grace.okafor@example.com");
        var client = await PageClient.SignedIn(app, Jess, WebAppFactory.ProviderPassword);

        var response = await client.Http.GetAsync(new Uri($"/Notifications?handler=Open&id={id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await app.Db(db => db.Notifications.Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync()));
    }

    [Fact]
    public async Task Header_Commissioner_LinksToReturnsToReview()
    {
        var client = await PageClient.SignedIn(app, WebAppFactory.Commissioner, WebAppFactory.CommissionerPassword);

        var (_, document) = await client.Get("/Contracts");

        var review = document.QuerySelector(".govuk-service-navigation a[href='/Returns/Review']");
        Assert.NotNull(review);
        Assert.Equal("Returns to review", review.TextContent.Trim());
    }

    private static AngleSharp.Dom.IElement Row(IHtmlDocument document, string text)
    {
        var row = document.QuerySelectorAll("table.govuk-table tbody tr").FirstOrDefault(r => r.TextContent.Contains(text, StringComparison.Ordinal));
        Assert.NotNull(row);
        return row;
    }

    private async Task<long> Notify(string text, string recipient = Jess)
    {
        var userId = await UserId(recipient);
        var notification = new Notification(userId, NotificationKind.ReturnAccepted, text, "/Contracts", DateTimeOffset.UtcNow);
        await app.Db(db =>
        {
            db.Notifications.Add(notification);
            return db.SaveChangesAsync();
        });
        return notification.Id;
    }

    private Task<string> UserId(string email) => app.Db(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Guid> ContractId(string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());
}
