using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Organisations;

namespace ContractOutcomes.Domain.Contracts;

public enum EligibilityKind
{
    AnyProvider = 1,
    NotForProfitOnly = 2,
    SpecificOrganisationTypes = 3,
}

/// <summary>
/// Who may hold a contract. Government may restrict some services to, for example, not-for-profit
/// providers only; the rule is checked whenever a provider is assigned and again at activation.
/// </summary>
public sealed record EligibilityRule
{
    private EligibilityRule(EligibilityKind kind, IReadOnlyList<OrganisationType> allowedTypes)
    {
        Kind = kind;
        AllowedTypes = allowedTypes;
    }

    public static EligibilityRule AnyProvider { get; } = new(EligibilityKind.AnyProvider, []);

    public static EligibilityRule NotForProfitOnly { get; } = new(EligibilityKind.NotForProfitOnly, []);

    public EligibilityKind Kind { get; }

    public IReadOnlyList<OrganisationType> AllowedTypes { get; }

    public static EligibilityRule Of(EligibilityKind kind, IEnumerable<OrganisationType>? allowedTypes)
    {
        var types = (allowedTypes ?? []).Distinct().Order().ToArray();
        return kind switch
        {
            EligibilityKind.AnyProvider => AnyProvider,
            EligibilityKind.NotForProfitOnly => NotForProfitOnly,
            EligibilityKind.SpecificOrganisationTypes when types.Length == 0 =>
                throw new BusinessRuleException("Select at least one organisation type that may hold the contract", "EligibleOrganisationTypes"),
            EligibilityKind.SpecificOrganisationTypes => new EligibilityRule(kind, types),
            _ => throw new BusinessRuleException("Select who may hold the contract", "Eligibility"),
        };
    }

    /// <summary>Null when the provider may hold the contract; otherwise why not, in words for the user.</summary>
    public string? WhyIneligible(Organisation provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!provider.IsProvider)
        {
            return $"{provider.Name} is not a provider";
        }

        return Kind switch
        {
            EligibilityKind.NotForProfitOnly when !provider.IsNotForProfit =>
                $"{provider.Name} is not a not-for-profit organisation, and this contract is for not-for-profit providers only",
            EligibilityKind.SpecificOrganisationTypes when !AllowedTypes.Contains(provider.OrganisationType!.Value) =>
                $"{provider.Name} is {Article(provider.OrganisationType!.Value.DisplayName())} {provider.OrganisationType!.Value.DisplayName().ToLowerInvariant()}, and this contract is only for: {Describe()}",
            _ => null,
        };
    }

    private static string Article(string noun) => "AEIOUaeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    public string Describe() => Kind switch
    {
        EligibilityKind.AnyProvider => "Any provider",
        EligibilityKind.NotForProfitOnly => "Not-for-profit providers only",
        _ => string.Join(", ", AllowedTypes.Select(t => t.DisplayName().ToLowerInvariant())),
    };

    public bool Equals(EligibilityRule? other) =>
        other is not null && Kind == other.Kind && AllowedTypes.SequenceEqual(other.AllowedTypes);

    public override int GetHashCode() => HashCode.Combine(Kind, AllowedTypes.Count);
}
