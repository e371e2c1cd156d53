using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Organisations;

namespace ContractOutcomes.Domain.Tests.Organisations;

public sealed class OrganisationTests
{
    [Fact]
    public void CreateProvider_PrivateCompanyMarkedNotForProfit_IsRefused()
    {
        var error = Assert.Throws<BusinessRuleException>(() =>
            Organisation.CreateProvider("Halden Home Care Ltd", OrganisationType.PrivateCompany, isNotForProfit: true));

        Assert.Equal("IsNotForProfit", error.PropertyName);
    }

    [Fact]
    public void CreateCommissioningBody_HasNoProviderProfile()
    {
        var council = Organisation.CreateCommissioningBody("  Wessex County Council ");

        Assert.Equal("Wessex County Council", council.Name);
        Assert.Null(council.OrganisationType);
        Assert.False(council.IsProvider);
    }

    [Fact]
    public void Update_ChangesProfileAndVersion()
    {
        var provider = Organisation.CreateProvider("Fernleigh CIC", OrganisationType.CommunityInterestCompany, isNotForProfit: true);

        provider.Update("Fernleigh Family Partnership CIC", OrganisationType.Charity, isNotForProfit: true);

        Assert.Equal(OrganisationType.Charity, provider.OrganisationType);
        Assert.Equal(1, provider.Version);
    }
}
