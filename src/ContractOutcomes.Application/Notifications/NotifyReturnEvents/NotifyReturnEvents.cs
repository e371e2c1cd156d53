using System.Globalization;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Notifications;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Notifications.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Notifications;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Application.Notifications.NotifyReturnEvents;

/// <summary>
/// Tells the people who must act next when a return moves on: the commissioning body's commissioners when a
/// provider submits, withdraws or proposes a restatement; the provider's users when a commissioner queries,
/// accepts, or decides on a restatement. Runs after the change is committed (ADR 0008). A failure here is
/// caught and logged by the pipeline, so it never fails the change the user made.
/// </summary>
public sealed class NotifyReturnEvents(IReadStore store, IUserAccounts users, INotificationRepository notifications, IUnitOfWork unitOfWork, IClock clock)
    : INotificationHandler<DomainEventNotification<ReturnSubmitted>>,
        INotificationHandler<DomainEventNotification<ReturnWithdrawn>>,
        INotificationHandler<DomainEventNotification<ReturnQueried>>,
        INotificationHandler<DomainEventNotification<ReturnAccepted>>,
        INotificationHandler<DomainEventNotification<RestatementProposed>>,
        INotificationHandler<DomainEventNotification<ReturnRestated>>,
        INotificationHandler<DomainEventNotification<RestatementRejected>>
{
    private enum Audience
    {
        Commissioners,
        ProviderUsers,
    }

    public Task Handle(DomainEventNotification<ReturnSubmitted> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var e = notification.Event;
        return NotifyAsync(
            new Notice(e.ReturnId, e.ContractId, e.Period, NotificationKind.ReturnSubmitted, Audience.Commissioners, [ReturnEventKind.Submitted, ReturnEventKind.Resubmitted]),
            f => e.Resubmission
                ? $"{f.ProviderName} submitted a revised {f.Period} return for {f.Reference}"
                : $"{f.ProviderName} submitted the {f.Period} return for {f.Reference}",
            cancellationToken);
    }

    public Task Handle(DomainEventNotification<ReturnWithdrawn> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var e = notification.Event;
        return NotifyAsync(
            new Notice(e.ReturnId, e.ContractId, e.Period, NotificationKind.ReturnWithdrawn, Audience.Commissioners, [ReturnEventKind.Withdrawn]),
            f => $"{f.ProviderName} withdrew the {f.Period} return for {f.Reference} to make changes",
            cancellationToken);
    }

    public Task Handle(DomainEventNotification<ReturnQueried> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var e = notification.Event;
        var figures = e.Queries == 1 ? "1 figure" : string.Create(CultureInfo.InvariantCulture, $"{e.Queries} figures");
        return NotifyAsync(
            new Notice(e.ReturnId, e.ContractId, e.Period, NotificationKind.ReturnQueried, Audience.ProviderUsers, [ReturnEventKind.Queried]),
            f => $"{f.CommissionerName} queried {figures} in the {f.Period} return for {f.Reference}",
            cancellationToken);
    }

    public Task Handle(DomainEventNotification<ReturnAccepted> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var e = notification.Event;
        return NotifyAsync(
            new Notice(e.ReturnId, e.ContractId, e.Period, NotificationKind.ReturnAccepted, Audience.ProviderUsers, [ReturnEventKind.Accepted]),
            f => $"{f.CommissionerName} accepted the {f.Period} return for {f.Reference}",
            cancellationToken);
    }

    public Task Handle(DomainEventNotification<RestatementProposed> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var e = notification.Event;
        return NotifyAsync(
            new Notice(e.ReturnId, e.ContractId, e.Period, NotificationKind.RestatementProposed, Audience.Commissioners, [ReturnEventKind.RestatementProposed], e.IndicatorId),
            f => $"{f.ProviderName} proposed a restatement of {f.Indicator} in the {f.Period} return for {f.Reference}",
            cancellationToken);
    }

    public Task Handle(DomainEventNotification<ReturnRestated> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var e = notification.Event;
        return NotifyAsync(
            new Notice(e.ReturnId, e.ContractId, e.Period, NotificationKind.ReturnRestated, Audience.ProviderUsers, [ReturnEventKind.RestatementApproved], e.IndicatorId),
            f => $"{f.CommissionerName} approved the restatement of {f.Indicator} in the {f.Period} return for {f.Reference}",
            cancellationToken);
    }

    public Task Handle(DomainEventNotification<RestatementRejected> notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var e = notification.Event;
        return NotifyAsync(
            new Notice(e.ReturnId, e.ContractId, e.Period, NotificationKind.RestatementRejected, Audience.ProviderUsers, [ReturnEventKind.RestatementRejected], e.IndicatorId),
            f => $"{f.CommissionerName} rejected the restatement of {f.Indicator} in the {f.Period} return for {f.Reference}",
            cancellationToken);
    }

    private async Task NotifyAsync(Notice notice, Func<Facts, string> text, CancellationToken cancellationToken)
    {
        var contract = await store.FirstOrDefaultAsync(
            store.Contracts.Where(c => c.Id == notice.ContractId).Select(c => new { c.Reference, c.CommissionerId, c.ProviderId }),
            cancellationToken).ConfigureAwait(false);
        if (contract is null)
        {
            return;
        }

        var names = await store.ToListAsync(
            store.Organisations.Where(o => o.Id == contract.CommissionerId || o.Id == contract.ProviderId).Select(o => new { o.Id, o.Name }),
            cancellationToken).ConfigureAwait(false);
        string? indicator = null;
        if (notice.IndicatorId is { } indicatorId)
        {
            indicator = await store.FirstOrDefaultAsync(
                store.Contracts.Where(c => c.Id == notice.ContractId).SelectMany(c => c.Indicators).Where(i => i.Id == indicatorId).Select(i => i.Name),
                cancellationToken).ConfigureAwait(false);
        }

        // The history entry the event matches makes the notification's key: handling the same event twice
        // (a retried delivery) finds the notification already there and adds nothing.
        var history = await store.ToListAsync(
            store.Returns.Where(r => r.Id == notice.ReturnId).SelectMany(r => r.History).Select(h => new { h.Number, h.Kind }),
            cancellationToken).ConfigureAwait(false);
        var step = history.Where(h => notice.EventKinds.Contains(h.Kind)).Max(h => (int?)h.Number);

        var facts = new Facts(
            contract.Reference,
            names.FirstOrDefault(n => n.Id == contract.ProviderId)?.Name ?? "The provider",
            names.FirstOrDefault(n => n.Id == contract.CommissionerId)?.Name ?? "The commissioner",
            notice.Period.Label,
            indicator ?? "a figure");
        var message = text(facts);
        var link = ReturnLinks.To(notice.ContractId, notice.Period);
        var recipients = notice.Audience == Audience.Commissioners
            ? await users.UserIdsAsync(contract.CommissionerId, Roles.Commissioner, cancellationToken).ConfigureAwait(false)
            : await users.UserIdsAsync(contract.ProviderId, Roles.Provider, cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var recipient in recipients.Distinct(StringComparer.Ordinal))
        {
            var key = step is { } number
                ? DeduplicationKeys.Of(string.Create(CultureInfo.InvariantCulture, $"{notice.Kind}:{notice.ReturnId}:{number}:{recipient}"))
                : null;
            if (key is not null && await notifications.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            notifications.Add(new Notification(recipient, notice.Kind, message, link, clock.Now, key));
            added++;
        }

        if (added > 0)
        {
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record Notice(
        ReturnId ReturnId,
        ContractId ContractId,
        ReportingPeriod Period,
        NotificationKind Kind,
        Audience Audience,
        IReadOnlyList<ReturnEventKind> EventKinds,
        IndicatorId? IndicatorId = null);

    private sealed record Facts(string Reference, string ProviderName, string CommissionerName, string Period, string Indicator);
}
