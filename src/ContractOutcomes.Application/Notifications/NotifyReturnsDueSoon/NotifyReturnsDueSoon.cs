using System.Globalization;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Notifications.Common;
using ContractOutcomes.Domain.Calendar;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Notifications;
using ContractOutcomes.Domain.Returns;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Notifications.NotifyReturnsDueSoon;

/// <summary>
/// Reminds each provider user of every return of theirs that is open (its period has ended and it is neither
/// submitted nor accepted) and due within <see cref="WorkingDays"/> working days. One reminder per user, contract
/// and period, however often this runs, so a daily job and a start-up run can both send it safely.
/// Sent by the system rather than a person, like <c>CreateFirstAdministrator</c>; it reveals nothing to its sender.
/// </summary>
[AllowAnonymousRequest]
public sealed record NotifyReturnsDueSoon(int WorkingDays = NotifyReturnsDueSoon.DefaultWorkingDays) : ICommand<int>
{
    public const int DefaultWorkingDays = 5;
}

public sealed class NotifyReturnsDueSoonValidator : AbstractValidator<NotifyReturnsDueSoon>
{
    public NotifyReturnsDueSoonValidator() =>
        RuleFor(x => x.WorkingDays).InclusiveBetween(1, ReturnDueDates.MaxWorkingDays)
            .WithMessage($"The reminder period must be between 1 and {ReturnDueDates.MaxWorkingDays} working days");
}

/// <summary>Returns the number of reminders created.</summary>
public sealed class NotifyReturnsDueSoonHandler(
    IReadStore store, IUserAccounts users, INotificationRepository notifications, IReportingCalendar calendar, IClock clock)
    : IRequestHandler<NotifyReturnsDueSoon, int>
{
    public async Task<int> Handle(NotifyReturnsDueSoon request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = clock.Today;
        if (!WorkingDayCalendar.EnglandAndWales.TryAddWorkingDays(today, request.WorkingDays, out var horizon))
        {
            // Past the end of the bank holiday list no due date is known, so there is nothing to remind anyone of.
            return 0;
        }

        // A return is due at most ReturnDueDates.MaxWorkingDays (about twelve weeks) after its period ends, so only
        // the two periods before today's can have a return due from today on.
        var latest = ReportingPeriod.Containing(today).Previous();
        var earliest = latest.Previous();
        ReportingPeriod[] periods = [latest, earliest];
        var contracts = await store.ToListAsync(
            store.Contracts.Where(c => c.Status != ContractStatus.Draft)
                .Select(c => new { c.Id, c.Reference, c.ProviderId, c.Term.Start, c.Term.End, c.EndedOn }),
            cancellationToken).ConfigureAwait(false);
        var saved = (await store.ToListAsync(
                store.Returns.Where(r => r.Period == latest || r.Period == earliest).Select(r => new { r.ContractId, r.Period, r.Status, r.DueOn }),
                cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => (r.ContractId, r.Period));

        var recipients = new Dictionary<OrganisationId, IReadOnlyList<string>>();
        var created = 0;
        foreach (var contract in contracts)
        {
            var term = ContractTerm.Of(contract.Start, contract.End);
            foreach (var period in periods)
            {
                if (!ReportingSchedule.PeriodsOwed(term, contract.EndedOn).Contains(period))
                {
                    continue;
                }

                DateOnly? dueOn;
                if (saved.TryGetValue((contract.Id, period), out var stored))
                {
                    if (stored.Status is ReturnStatus.Submitted or ReturnStatus.Accepted)
                    {
                        continue;
                    }

                    dueOn = stored.DueOn;
                }
                else
                {
                    dueOn = calendar.DueDate(period);
                }

                if (dueOn is not { } due || due < today || due > horizon)
                {
                    continue;
                }

                if (!recipients.TryGetValue(contract.ProviderId, out var userIds))
                {
                    userIds = await users.UserIdsAsync(contract.ProviderId, Roles.Provider, cancellationToken).ConfigureAwait(false);
                    recipients[contract.ProviderId] = userIds;
                }

                var text = $"The {period} return for {contract.Reference} is due on {ReturnLinks.Date(due)}";
                var link = ReturnLinks.To(contract.Id, period);
                foreach (var userId in userIds.Distinct(StringComparer.Ordinal))
                {
                    var key = DeduplicationKeys.Of(string.Create(CultureInfo.InvariantCulture, $"due-soon:{contract.Id}:{period.Slug}:{userId}"));
                    if (await notifications.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
                    {
                        continue;
                    }

                    notifications.Add(new Notification(userId, NotificationKind.ReturnDueSoon, text, link, clock.Now, key));
                    created++;
                }
            }
        }

        return created;
    }
}
