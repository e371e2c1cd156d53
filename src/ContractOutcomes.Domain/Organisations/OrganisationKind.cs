namespace ContractOutcomes.Domain.Organisations;

public enum OrganisationKind
{
    CommissioningBody = 1,
    Provider = 2,
}

/// <summary>What kind of organisation a provider is; a contract's eligibility rule may depend on it.</summary>
public enum OrganisationType
{
    CouncilOwnedCompany = 1,
    IndependentTrust = 2,
    Charity = 3,
    CommunityInterestCompany = 4,
    MutualOrCooperative = 5,
    UserLedOrganisation = 6,
    PrivateCompany = 7,
    NhsBody = 8,
    Other = 9,
}

public static class OrganisationTypeNames
{
    public static string DisplayName(this OrganisationType type) => type switch
    {
        OrganisationType.CouncilOwnedCompany => "Council-owned company",
        OrganisationType.IndependentTrust => "Independent trust",
        OrganisationType.Charity => "Charity",
        OrganisationType.CommunityInterestCompany => "Community interest company",
        OrganisationType.MutualOrCooperative => "Mutual or co-operative",
        OrganisationType.UserLedOrganisation => "User-led organisation",
        OrganisationType.PrivateCompany => "Private company",
        OrganisationType.NhsBody => "NHS body",
        OrganisationType.Other => "Other",
        _ => type.ToString(),
    };

    public static string DisplayName(this OrganisationKind kind) => kind switch
    {
        OrganisationKind.CommissioningBody => "Commissioning body",
        OrganisationKind.Provider => "Provider",
        _ => kind.ToString(),
    };
}
