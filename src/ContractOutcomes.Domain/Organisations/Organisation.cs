using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Organisations;

/// <summary>A commissioning body (a council) or a provider it contracts with.</summary>
public sealed class Organisation : AggregateRoot<OrganisationId>
{
    public const int NameMaxLength = 200;

    private Organisation()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    /// <summary>Set for providers only.</summary>
    public OrganisationType? OrganisationType { get; private set; }

    public bool IsNotForProfit { get; private set; }

    public bool IsProvider => Kind == OrganisationKind.Provider;

    public static Organisation CreateCommissioningBody(string name) =>
        Create(name, OrganisationKind.CommissioningBody, null, isNotForProfit: true);

    public static Organisation CreateProvider(string name, OrganisationType type, bool isNotForProfit) =>
        Create(name, OrganisationKind.Provider, type, isNotForProfit);

    public void Update(string name, OrganisationType? type, bool isNotForProfit)
    {
        Name = Guard.Text(name, "the organisation's name", NameMaxLength, nameof(Name));
        ApplyProfile(Kind, type, isNotForProfit);
        Touch();
    }

    private static Organisation Create(string name, OrganisationKind kind, OrganisationType? type, bool isNotForProfit)
    {
        var organisation = new Organisation
        {
            Id = OrganisationId.New(),
            Name = Guard.Text(name, "the organisation's name", NameMaxLength, nameof(Name)),
            Kind = kind,
        };
        organisation.ApplyProfile(kind, type, isNotForProfit);
        return organisation;
    }

    private void ApplyProfile(OrganisationKind kind, OrganisationType? type, bool isNotForProfit)
    {
        if (kind == OrganisationKind.Provider)
        {
            if (type is null || !Enum.IsDefined(type.Value))
            {
                throw new BusinessRuleException("Select the provider's organisation type", nameof(OrganisationType));
            }

            if (type == Organisations.OrganisationType.PrivateCompany && isNotForProfit)
            {
                throw new BusinessRuleException(
                    "A private company cannot be marked as not-for-profit", nameof(IsNotForProfit));
            }

            OrganisationType = type;
            IsNotForProfit = isNotForProfit;
        }
        else
        {
            // A commissioning body has no provider profile; ignoring what was sent keeps the data honest.
            OrganisationType = null;
            IsNotForProfit = true;
        }
    }
}
