using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Common.Notifications;

/// <summary>
/// Carries a domain event to its handlers after the change that raised it is committed, so that a
/// side effect (an email, a recalculation) never acts on a change that was rolled back.
/// </summary>
public sealed record DomainEventNotification<TEvent>(TEvent Event) : INotification
    where TEvent : IDomainEvent;
