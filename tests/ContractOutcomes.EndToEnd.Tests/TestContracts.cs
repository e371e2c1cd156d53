using ContractOutcomes.Application.Contracts.ActivateContract;
using ContractOutcomes.Application.Contracts.AddIndicator;
using ContractOutcomes.Application.Contracts.CreateDraftContract;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.QueryReturn;
using ContractOutcomes.Application.Returns.SaveReturnDraft;
using ContractOutcomes.Application.Returns.SubmitReturn;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>A draft contract made for one test through the app's own use cases, as the commissioner.</summary>
public sealed record TestContract(Guid ContractId, Guid IndicatorId, string Reference);

/// <summary>Builds contracts a test needs in a particular state, without driving the browser through every form.</summary>
public static class TestContracts
{
    /// <summary>The first reporting period of the contracts made here, as the return pages' addresses spell it.</summary>
    public const string FirstPeriodSlug = "2026-27-Q1";

    private const string FirstPeriod = "2026-27 Q1";

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

    /// <summary>
    /// A <see cref="ReadyDraft"/>, activated. Its term starts on 1 April 2026, so its 2026-27 Q1 and Q2 returns are open
    /// and nobody has started them: returns a test can put in any state without touching the demo returns that other
    /// tests read. Its provider's user is <see cref="DemoUsers.CharityProvider"/>.
    /// </summary>
    public static async Task<TestContract> Active(BrowserFixture fixture)
    {
        var contract = await ReadyDraft(fixture);
        await fixture.SendAs(DemoUsers.Commissioner, new ActivateContract(contract.ContractId, null, FewerKpisConfirmed: true));
        return contract;
    }

    /// <summary>An <see cref="Active"/> contract whose 2026-27 Q1 return is a draft, complete and ready to submit (late).</summary>
    public static async Task<TestContract> WithDraftReturn(BrowserFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var contract = await Active(fixture);
        await fixture.SendAs(DemoUsers.CharityProvider, new SaveReturnDraft(
            contract.ContractId, FirstPeriod, null, [new FigureInput(contract.IndicatorId, null, 152, 200, "Six young people lost their tenancies after rent arrears built up over the summer.")]));
        return contract;
    }

    /// <summary>An <see cref="Active"/> contract whose 2026-27 Q1 return the provider submitted and the commissioner then queried.</summary>
    public static async Task<TestContract> WithQueriedReturn(BrowserFixture fixture)
    {
        var contract = await WithDraftReturn(fixture);
        await fixture.SendAs(DemoUsers.CharityProvider, new SubmitReturn(contract.ContractId, FirstPeriod, null));
        await fixture.SendAs(DemoUsers.Commissioner, new QueryReturn(
            contract.ContractId, FirstPeriod, null, [new QueryQuestion(contract.IndicatorId, "76% is well below the 80% target. Which tenancies ended early, and why?")]));
        return contract;
    }
}
