using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>A demo account from <c>seeds/users.json</c>.</summary>
public sealed record DemoUser(string Email, string Password, string DisplayName);

/// <summary>The demo accounts the browser tests sign in as.</summary>
public static class DemoUsers
{
    public static readonly DemoUser Commissioner = new("priya.shah@example.org", "demo-commissioner-2026", "Priya Shah");

    public static readonly DemoUser Administrator = new("sam.whitfield@example.org", "demo-administrator-2026", "Sam Whitfield");

    /// <summary>A provider user at Wessex Children's Trust, an independent not-for-profit trust.</summary>
    public static readonly DemoUser TrustProvider = new("grace.okafor@example.com", "demo-provider-2026", "Grace Okafor");

    /// <summary>A provider user at Halden Home Care Ltd, a private company.</summary>
    public static readonly DemoUser PrivateProvider = new("joanna.price@example.com", "demo-provider-2026", "Joanna Price");

    /// <summary>A second commissioner, so tests that change what one user sees (access tokens) leave the first alone.</summary>
    public static readonly DemoUser SecondCommissioner = new("tom.harding@example.org", "demo-commissioner-2026", "Tom Harding");

    /// <summary>A provider user at Tidewell Housing for Young People, a charity (holds WCC-CLS-2023-002).</summary>
    public static readonly DemoUser CharityProvider = new("hannah.lowe@example.com", "demo-provider-2026", "Hannah Lowe");

    /// <summary>A provider user at Fernleigh Family Partnership CIC (holds WCC-FHS-2025-003, whose 2026-27 Q2 return is a draft).</summary>
    public static readonly DemoUser FamilyHelpProvider = new("marcus.bell@example.com", "demo-provider-2026", "Marcus Bell");
}

/// <summary>The seeded contracts and organisations the tests use, and how to find their ids.</summary>
public static class Seeded
{
    /// <summary>Active; held by Wessex Children's Trust.</summary>
    public const string TrustContract = "WCC-CSC-2024-001";

    /// <summary>Active; held by Halden Home Care Ltd.</summary>
    public const string PrivateProviderContract = "WCC-ASC-2023-004";

    /// <summary>A draft that is not ready to activate (one indicator has no targets).</summary>
    public const string DraftContract = "WCC-SMR-2025-007";

    /// <summary>Active; held by Tidewell Housing for Young People. 2026-27 Q1 has a restatement waiting for a decision.</summary>
    public const string AccommodationContract = "WCC-CLS-2023-002";

    /// <summary>Active; held by Fernleigh Family Partnership CIC. 2026-27 Q2 is a draft with figures missing.</summary>
    public const string FamilyHelpContract = "WCC-FHS-2025-003";

    /// <summary>Active; held by Wessex Shared Care Ltd. 2025-26 Q2 was queried, revised and accepted.</summary>
    public const string ShortBreaksContract = "WCC-SBD-2024-005";

    /// <summary>Active; held by Lantern Young People's Voice. 2025-26 Q3 has an approved restatement.</summary>
    public const string AdvocacyContract = "WCC-ADV-2025-006";

    public const string CharityProvider = "Tidewell Housing for Young People";

    public const string Council = "Wessex County Council";

    public static Task<Guid> ContractId(this BrowserFixture fixture, string reference) =>
        fixture.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    /// <summary>The id of the contract's first indicator, in the order the contract shows them.</summary>
    public static async Task<(Guid ContractId, Guid IndicatorId)> FirstIndicator(this BrowserFixture fixture, string reference)
    {
        var contract = await fixture.Db(db => db.Contracts.AsNoTracking().SingleAsync(c => c.Reference == reference));
        return (contract.Id.Value, contract.Indicators.OrderBy(i => i.DisplayOrder).First().Id.Value);
    }

    public static Task<Guid> OrganisationId(this BrowserFixture fixture, string name) =>
        fixture.Db(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id.Value).SingleAsync());

    public static Task<string> UserId(this BrowserFixture fixture, DemoUser user) =>
        fixture.Db(db => db.Users.Where(u => u.Email == user.Email).Select(u => u.Id).SingleAsync());
}
