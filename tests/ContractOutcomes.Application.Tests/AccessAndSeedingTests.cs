using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Application.Contracts.GetContractHistory;
using ContractOutcomes.Application.Contracts.ListContracts;
using ContractOutcomes.Application.Organisations.CreateOrganisation;
using ContractOutcomes.Application.Organisations.ListOrganisations;
using ContractOutcomes.Application.Users.CreateFirstAdministrator;
using ContractOutcomes.Application.Users.CreateUser;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using ContractOutcomes.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ContractOutcomes.Application.Tests;

[Collection(ApplicationTestGroup.Name)]
public sealed class AccessAndSeedingTests(ApplicationFixture app)
{
    [Fact]
    public async Task DemoData_LoadedThroughUseCases_HasTheSeedPortfolio()
    {
        var all = await app.SendAs(ApplicationFixture.Administrator, new ListContracts(PageSize: 100));
        var seeded = all.Items.Where(c => c.Reference.StartsWith("WCC-", StringComparison.Ordinal)).ToArray();

        Assert.True(seeded.Length >= 5);
        Assert.True(seeded.Select(c => c.ServiceArea).Distinct().Count() >= 5);
        Assert.All(seeded, c => Assert.InRange(c.IndicatorCount, 4, 8));
        Assert.All(seeded, c => Assert.True(c.TermStart <= new DateOnly(2025, 4, 1)));
        Assert.Contains(seeded, c => c.Status == ContractStatus.Draft);
        var providers = await app.SendAs(ApplicationFixture.Administrator, new ListOrganisations(OrganisationKind.Provider));
        Assert.Superset(
            new HashSet<OrganisationType?> { OrganisationType.IndependentTrust, OrganisationType.Charity, OrganisationType.CommunityInterestCompany, OrganisationType.PrivateCompany },
            providers.Select(p => p.OrganisationType).ToHashSet());
    }

    [Fact]
    public async Task DemoData_ActiveContracts_HaveTargetsForEveryPeriod()
    {
        var list = await app.SendAs(ApplicationFixture.Administrator, new ListContracts(Status: ContractStatus.Active, PageSize: 100));
        foreach (var item in list.Items.Where(c => c.Reference.StartsWith("WCC-", StringComparison.Ordinal)))
        {
            var contract = await app.SendAs(ApplicationFixture.Administrator, new GetContract(item.Id));
            Assert.All(contract.Indicators, i => Assert.Equal(0, i.PeriodsWithoutTarget));
            Assert.All(contract.Indicators, i => Assert.NotNull(i.Tolerance));
        }
    }

    [Fact]
    public async Task Initialise_SecondStart_DoesNotLoadDemoDataAgain()
    {
        var before = await app.Db(db => db.Contracts.CountAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var state = await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(CancellationToken.None);
            Assert.False(state.DemoDataLoaded);
        }

        Assert.Equal(before, await app.Db(db => db.Contracts.CountAsync()));
    }

    [Fact]
    public async Task CreateFirstAdministrator_WhenUsersExist_IsRefused()
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(ApplicationFixture.Commissioner,
            new CreateFirstAdministrator("intruder@example.org", "Intruder", "Intruder Council", "a-long-enough-passphrase")));

        Assert.StartsWith("This installation already has users", error.Message, StringComparison.Ordinal);
        Assert.Null(await app.Db(db => db.Users.FirstOrDefaultAsync(u => u.Email == "intruder@example.org")));
    }

    [Fact]
    public async Task ListContracts_AsProvider_ShowsOnlyItsOwnNonDraftContracts()
    {
        var trust = await app.OrganisationId("Wessex Children's Trust");

        var list = await app.SendAs(ApplicationFixture.TrustProvider, new ListContracts(PageSize: 100));

        Assert.NotEmpty(list.Items);
        Assert.All(list.Items, c => Assert.Equal(trust, c.ProviderId));
        Assert.DoesNotContain(list.Items, c => c.Status == ContractStatus.Draft);
    }

    [Fact]
    public async Task GetContract_AnotherProvidersContract_IsNotFound()
    {
        var other = (await app.SendAs(ApplicationFixture.Administrator, new ListContracts("Halden"))).Items[0];

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(ApplicationFixture.TrustProvider, new GetContract(other.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(ApplicationFixture.TrustProvider, new GetContractHistory(other.Id)));
    }

    [Fact]
    public async Task ListOrganisations_AsProvider_IsForbidden() =>
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(ApplicationFixture.TrustProvider, new ListOrganisations()));

    [Fact]
    public async Task CreateUser_ProviderRoleAtTheCouncil_IsRefused()
    {
        var council = await app.OrganisationId("Wessex County Council");

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(ApplicationFixture.Administrator,
            new CreateUser("new.provider@example.com", "New Provider", "Provider", council, "correct-horse-battery")));

        Assert.Equal("OrganisationId", error.PropertyName);
    }

    [Fact]
    public async Task CreateUser_ShortPasswordAndDuplicateEmail_AreInputErrors()
    {
        var council = await app.OrganisationId("Wessex County Council");

        var shortPassword = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(ApplicationFixture.Administrator,
            new CreateUser("someone@example.org", "Someone", "Commissioner", council, "short")));
        var duplicate = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(ApplicationFixture.Administrator,
            new CreateUser(ApplicationFixture.Commissioner, "Priya Again", "Commissioner", council, "a-long-enough-passphrase")));

        Assert.Equal("Password must be 12 characters or more", shortPassword.Errors["Password"][0]);
        Assert.Equal("There is already a user with this email address", duplicate.Errors["Email"][0]);
    }

    [Fact]
    public async Task CreateUser_Audited_WithoutThePasswordHash()
    {
        var council = await app.OrganisationId("Wessex County Council");
        var id = await app.SendAs(ApplicationFixture.Administrator,
            new CreateUser("audited.user@example.org", "Audited User", "Commissioner", council, "a-long-enough-passphrase"));

        var entries = await app.Db(db => db.AuditEntries.Where(a => a.EntityId == id || a.EntityId.StartsWith(id)).ToListAsync());

        var added = Assert.Single(entries, e => e.EntityType == "AppUser");
        Assert.Equal("CreateUser", added.Action);
        Assert.Equal("Sam Whitfield", added.UserName);
        Assert.Contains("audited.user@example.org", added.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", added.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", added.After!, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.EntityType == "UserRole");
    }

    [Fact]
    public async Task CreateOrganisation_DuplicateName_IsRefused()
    {
        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(ApplicationFixture.Administrator,
            new CreateOrganisation("wessex children's trust", OrganisationKind.Provider, OrganisationType.Charity, true)));

        Assert.Equal("Name", error.PropertyName);
    }
}
