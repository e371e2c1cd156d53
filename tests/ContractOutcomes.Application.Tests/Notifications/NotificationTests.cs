using ContractOutcomes.Application.Notifications.CountUnreadNotifications;
using ContractOutcomes.Application.Notifications.ListNotifications;
using ContractOutcomes.Application.Notifications.MarkNotificationsRead;
using ContractOutcomes.Application.Notifications.NotifyReturnsDueSoon;
using ContractOutcomes.Application.Returns.AcceptReturn;
using ContractOutcomes.Application.Returns.QueryReturn;
using ContractOutcomes.Application.Returns.SubmitReturn;
using ContractOutcomes.Application.Returns.WithdrawReturn;
using ContractOutcomes.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Application.Tests.Notifications;

[Collection(ApplicationTestGroup.Name)]
public sealed class NotificationTests(ApplicationFixture app)
{
    private const string Q1 = "2026-27 Q1";
    private const string Q2 = "2026-27 Q2";

    [Fact]
    public async Task SubmitReturn_NotifiesTheCommissionersAndNotTheProvider()
    {
        var (contractId, indicatorId, reference) = await LanternContracts.NewAsync(app);

        await LanternContracts.SubmitAsync(app, contractId, indicatorId, Q1);

        var link = $"/Contracts/{contractId}/Returns/2026-27-Q1";
        var sent = await Sent(NotificationKind.ReturnSubmitted, link);
        var commissioners = new[]
        {
            await LanternContracts.UserIdAsync(app, ApplicationFixture.Commissioner),
            await LanternContracts.UserIdAsync(app, LanternContracts.Tom),
        };
        Assert.Equal(commissioners.Order(StringComparer.Ordinal), sent.Select(n => n.RecipientUserId).Order(StringComparer.Ordinal));
        Assert.All(sent, n => Assert.Equal($"Lantern Young People's Voice submitted the 2026-27 Q1 return for {reference}", n.Text));
        Assert.All(sent, n => Assert.Null(n.ReadAt));
        var jess = await LanternContracts.UserIdAsync(app, LanternContracts.Jess);
        Assert.False(await app.Db(db => db.Notifications.AnyAsync(n => n.RecipientUserId == jess && n.Link == link)));
        var list = await app.SendAs(ApplicationFixture.Commissioner, new ListNotifications());
        var item = Assert.Single(list.Items, i => i.Link == link);
        Assert.False(item.IsRead);
        Assert.Equal(NotificationKind.ReturnSubmitted, item.Kind);
    }

    [Fact]
    public async Task AcceptReturn_NotifiesOnlyTheProvidersUsers()
    {
        var (contractId, indicatorId, reference) = await LanternContracts.NewAsync(app);
        await LanternContracts.SubmitAsync(app, contractId, indicatorId, Q1);

        await app.SendAs(ApplicationFixture.Commissioner, new AcceptReturn(contractId, Q1, null));

        var link = $"/Contracts/{contractId}/Returns/2026-27-Q1";
        var accepted = Assert.Single(await Sent(NotificationKind.ReturnAccepted, link));
        Assert.Equal(await LanternContracts.UserIdAsync(app, LanternContracts.Jess), accepted.RecipientUserId);
        Assert.Equal($"Wessex County Council accepted the 2026-27 Q1 return for {reference}", accepted.Text);
        var list = await app.SendAs(LanternContracts.Jess, new ListNotifications());
        Assert.Contains(list.Items, i => i.Link == link && i.Kind == NotificationKind.ReturnAccepted && !i.IsRead);
    }

    [Fact]
    public async Task QueryAndWithdraw_TellTheOtherSideOnly()
    {
        var (contractId, indicatorId, reference) = await LanternContracts.NewAsync(app);
        await LanternContracts.SubmitAsync(app, contractId, indicatorId, Q2);
        await app.SendAs(LanternContracts.Jess, new WithdrawReturn(contractId, Q2, null));
        await app.SendAs(LanternContracts.Jess, new SubmitReturn(contractId, Q2, null));

        await app.SendAs(ApplicationFixture.Commissioner, new QueryReturn(contractId, Q2, null, [new QueryQuestion(indicatorId, "Please check the denominator")]));

        var link = $"/Contracts/{contractId}/Returns/2026-27-Q2";
        var jess = await LanternContracts.UserIdAsync(app, LanternContracts.Jess);
        Assert.Equal(2, (await Sent(NotificationKind.ReturnWithdrawn, link)).Count(n => n.RecipientUserId != jess));
        var submitted = await Sent(NotificationKind.ReturnSubmitted, link);
        // Submitted, withdrawn and submitted again: two submissions, each told to both commissioners.
        Assert.Equal(4, submitted.Count);
        Assert.Equal(4, submitted.Select(n => n.DeduplicationKey).Distinct().Count());
        var queried = Assert.Single(await Sent(NotificationKind.ReturnQueried, link));
        Assert.Equal(jess, queried.RecipientUserId);
        Assert.Equal($"Wessex County Council queried 1 figure in the 2026-27 Q2 return for {reference}", queried.Text);
    }

    [Fact]
    public async Task MarkNotificationsRead_MarksOnlyTheUsersOwn()
    {
        var tom = await LanternContracts.UserIdAsync(app, LanternContracts.Tom);
        var priya = await LanternContracts.UserIdAsync(app, ApplicationFixture.Commissioner);
        await app.Db(db =>
        {
            db.Notifications.Add(new Notification(tom, NotificationKind.ReturnSubmitted, "For Tom", "/Contracts", DateTimeOffset.UtcNow));
            db.Notifications.Add(new Notification(priya, NotificationKind.ReturnSubmitted, "For Priya", "/Contracts", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        var priyaUnread = await app.SendAs(ApplicationFixture.Commissioner, new CountUnreadNotifications());
        Assert.True(await app.SendAs(LanternContracts.Tom, new CountUnreadNotifications()) > 0);

        var marked = await app.SendAs(LanternContracts.Tom, new MarkNotificationsRead());

        Assert.True(marked > 0);
        Assert.Equal(0, await app.SendAs(LanternContracts.Tom, new CountUnreadNotifications()));
        Assert.Equal(priyaUnread, await app.SendAs(ApplicationFixture.Commissioner, new CountUnreadNotifications()));
        var list = await app.SendAs(LanternContracts.Tom, new ListNotifications());
        Assert.Equal(0, list.Unread);
        Assert.All(list.Items, i => Assert.True(i.IsRead));
    }

    [Fact]
    public async Task NotifyReturnsDueSoon_RunTwice_RemindsEachProviderUserOnce()
    {
        var (contractId, _, reference) = await LanternContracts.NewAsync(app);
        // 2026-27 Q2 ended on 30 September 2026 and is due 20 working days later, on Wednesday 28 October.
        var monday = new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero);

        var first = await app.SendAt(monday, null, new NotifyReturnsDueSoon());
        var total = await app.Db(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.ReturnDueSoon));
        var second = await app.SendAt(monday.AddHours(3), null, new NotifyReturnsDueSoon());

        Assert.True(first > 0);
        Assert.Equal(0, second);
        Assert.Equal(total, await app.Db(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.ReturnDueSoon)));
        var reminder = Assert.Single(await Sent(NotificationKind.ReturnDueSoon, $"/Contracts/{contractId}/Returns/2026-27-Q2"));
        Assert.Equal(await LanternContracts.UserIdAsync(app, LanternContracts.Jess), reminder.RecipientUserId);
        Assert.Equal($"The 2026-27 Q2 return for {reference} is due on 28 October 2026", reminder.Text);
        Assert.Equal($"due-soon:{contractId}:2026-27-Q2:{reminder.RecipientUserId}", reminder.DeduplicationKey);
    }

    [Fact]
    public async Task NotifyReturnsDueSoon_NothingDueWithinFiveWorkingDays_RemindsNobody()
    {
        var (contractId, _, _) = await LanternContracts.NewAsync(app);
        // Five working days from Monday 19 October 2026 is Monday 26 October, before the 28 October due date.
        var created = await app.SendAt(new DateTimeOffset(2026, 10, 19, 9, 0, 0, TimeSpan.Zero), null, new NotifyReturnsDueSoon());

        Assert.Equal(0, created);
        Assert.Empty(await Sent(NotificationKind.ReturnDueSoon, $"/Contracts/{contractId}/Returns/2026-27-Q2"));
    }

    private Task<List<Notification>> Sent(NotificationKind kind, string link) =>
        app.Db(db => db.Notifications.AsNoTracking().Where(n => n.Kind == kind && n.Link == link).ToListAsync());
}
