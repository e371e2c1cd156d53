using ContractOutcomes.Application.Contracts.AddIndicator;
using ContractOutcomes.Application.Contracts.CreateDraftContract;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>A draft contract made for one test through the app's own use cases, as the commissioner.</summary>
public sealed record TestContract(Guid ContractId, Guid IndicatorId, string Reference);

/// <summary>Builds contracts a test needs in a particular state, without driving the browser through every form.</summary>
public static class TestContracts
{
    public static string NewReference() => "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>
    /// A draft for a not-for-profit provider worth £6,000,000 a year with one indicator and its targets; with
    /// <paramref name="withTolerance"/> it also has thresholds, so it is ready to activate — but, with fewer than
    /// three KPIs above the Procurement Act threshold, its activation asks for the KPI confirmation.
    /// </summary>
    public static async Task<TestContract> ReadyDraft(BrowserFixture fixture, bool withTolerance = true, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var commissioner = DemoUsers.Commissioner;
        reference ??= NewReference();
        var providerId = await fixture.OrganisationId(Seeded.CharityProvider);
        var contractId = await fixture.SendAs(commissioner, new CreateDraftContract(
            reference,
            "Floating support for young people",
            "Young people's housing",
            providerId,
            new DateOnly(2026, 4, 1),
            new DateOnly(2027, 3, 31),
            6_000_000m,
            EligibilityKind.NotForProfitOnly,
            [],
            IsLightTouch: false));
        var indicatorId = await fixture.SendAs(commissioner, new AddIndicator(
            contractId,
            null,
            "Young people who sustain their tenancy",
            "Young people still in their tenancy six months after support started, as a share of all who started support.",
            IndicatorUnit.Percentage,
            Polarity.HigherIsBetter,
            RbaQuestion.IsAnyoneBetterOff,
            "Provider case records",
            "Young people still in their tenancy after six months",
            "Young people who started support six months earlier",
            72m,
            "2025-26 Q4"));
        await fixture.SendAs(commissioner, new SetTargets(contractId, indicatorId, null, 80m, null));
        if (withTolerance)
        {
            await fixture.SendAs(commissioner, new SetTolerance(contractId, indicatorId, null, ToleranceMode.Absolute, 2m, 5m, 10m));
        }

        return new TestContract(contractId, indicatorId, reference);
    }
}
