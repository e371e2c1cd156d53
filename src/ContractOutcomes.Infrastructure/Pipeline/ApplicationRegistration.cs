using ContractOutcomes.Application.Common.Behaviours;
using ContractOutcomes.Application.Common.Interfaces;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

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
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(INotificationHandler<>))
                {
                    services.AddScoped(contract, type);
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
        return services;
    }
}
