namespace ContractOutcomes.Application.Common.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Commissioner = "Commissioner";
    public const string Provider = "Provider";

    public static IReadOnlyList<string> All { get; } = [Administrator, Commissioner, Provider];
}

/// <summary>The roles that may send a request; checked for every request before its handler runs.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>Marks a request that anyone, even an anonymous caller, may send.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AllowAnonymousRequestAttribute : Attribute;
