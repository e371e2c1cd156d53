using ContractOutcomes.Application.Common.Behaviours;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Performance.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ContractOutcomes.Infrastructure.Pipeline;

public static class ApplicationRegistration
{
    /// <summary>
    /// Registers the mediator, every handler and validator of the Application assembly, and the pipeline.
    /// It lives here, not in Application, so that Application depends on nothing but Domain, MediatR and FluentValidation.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        var assembly = typeof(ICurrentUser).Assembly;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    services.AddScoped(contract, type);
                }
                else if (definition == typeof(INotificationHandler<>))
                {
                    // Each handler runs behind a guard, so a side effect that fails after the commit is logged
                    // and never turns the user's saved change into an error (ADR 0008).
                    services.TryAddScoped(type);
                    services.AddScoped(contract, typeof(GuardedNotificationHandler<,>).MakeGenericType(contract.GetGenericArguments()[0], type));
                }
                else if (definition == typeof(IValidator<>) && !contract.GetGenericArguments()[0].IsInterface)
                {
                    // Validators are stateless and costly to build (they compile their rules), so build each once.
                    services.AddSingleton(contract, type);
                }
            }
        }

        // Order matters: outermost first. Authorisation runs before validation so that a caller who
        // may not use a use case learns nothing from its validation messages.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehaviour<,>));

        // Inside the unit of work: recalculates evaluations after the handler, before the save.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ReevaluationBehaviour<,>));
        services.AddScoped<ContractEvaluator>();
        return services;
    }
}

/// <summary>
/// Runs one notification handler and, if it fails, logs the failure and drops whatever it left unsaved.
/// Handlers run after the command's change is committed, so their failure must not reach the user as an
/// error for a change that was in fact saved; the log is how anyone learns that a side effect was missed.
/// </summary>
internal sealed partial class GuardedNotificationHandler<TNotification, THandler>(
    THandler inner, Persistence.AppDbContext db, ILogger<GuardedNotificationHandler<TNotification, THandler>> logger)
    : INotificationHandler<TNotification>
    where TNotification : INotification
    where THandler : INotificationHandler<TNotification>
{
    public async Task Handle(TNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            await inner.Handle(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a side effect is logged, not shown: the change itself is already saved.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // What the failed handler added would otherwise be saved, or fail again, with the next handler's work.
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToArray())
            {
                entry.State = EntityState.Detached;
            }

            Failed(logger, typeof(THandler).Name, NameOf(typeof(TNotification)), e);
        }
    }

    /// <summary>"DomainEventNotification&lt;ReturnSubmitted&gt;" rather than "DomainEventNotification`1".</summary>
    private static string NameOf(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(NameOf))}>"
            : type.Name;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed to handle {Notification}; the change that raised it is saved")]
    private static partial void Failed(ILogger logger, string handler, string notification, Exception exception);
}
