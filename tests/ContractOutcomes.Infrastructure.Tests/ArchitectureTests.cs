using System.Reflection;
using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Infrastructure.Tests;

/// <summary>The dependency rule of the clean architecture, checked on the compiled assemblies.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Domain = typeof(Money).Assembly;
    private static readonly Assembly Application = typeof(ContractOutcomes.Application.Common.Interfaces.ICurrentUser).Assembly;
    private static readonly Assembly Infrastructure = typeof(ContractOutcomes.Infrastructure.Persistence.AppDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    private static string[] References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib")];

    [Fact]
    public void Domain_ReferencesNothingButTheRuntime() => Assert.Empty(References(Domain));

    [Fact]
    public void Application_ReferencesOnlyDomainMediatRFluentValidationAndCsvHelper() =>
        Assert.Subset(new HashSet<string> { "ContractOutcomes.Domain", "MediatR", "FluentValidation", "CsvHelper" }, References(Application).ToHashSet());

    [Fact]
    public void Infrastructure_DoesNotReferenceWeb() => Assert.DoesNotContain("ContractOutcomes.Web", References(Infrastructure));

    [Fact]
    public void Infrastructure_ImplementsEveryApplicationPort()
    {
        var ports = Application.GetTypes().Where(t => t is { IsInterface: true, Namespace: "ContractOutcomes.Application.Common.Interfaces" } && !t.IsGenericType
            && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
            && t.Name is not ("ICommand`1" or "IQuery`1"));
        var implemented = Infrastructure.GetTypes().Where(t => t.IsClass).SelectMany(t => t.GetInterfaces()).ToHashSet();

        Assert.All(ports, port => Assert.Contains(port, implemented));
    }

    [Fact]
    public void Aggregates_HaveNoPublicSetters()
    {
        var domainTypes = Domain.GetTypes().Where(t => t.IsClass && t.Namespace?.StartsWith("ContractOutcomes.Domain", StringComparison.Ordinal) == true);
        var publicSetters = domainTypes
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToArray();

        Assert.Empty(publicSetters);
    }

    [Fact]
    public void EveryRequest_SaysWhoMaySendIt()
    {
        var requests = Application.GetTypes().Where(t => t.IsClass && !t.IsAbstract
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.IRequest<>)));

        Assert.All(requests, request => Assert.True(
            request.GetCustomAttribute<ContractOutcomes.Application.Common.Security.AuthorizeRolesAttribute>() is not null
            || request.GetCustomAttribute<ContractOutcomes.Application.Common.Security.AllowAnonymousRequestAttribute>() is not null,
            $"{request.Name} names no roles."));
    }

    [Fact]
    public void Web_IsTheCompositionRoot() => Assert.Contains("ContractOutcomes.Infrastructure", References(Web));
}
