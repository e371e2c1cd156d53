using ContractOutcomes.Application.Contracts.AddIndicator;
using ContractOutcomes.Application.Contracts.CreateDraftContract;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Application.Tests;

/// <summary>Valid requests to start from; each test changes only what it is about.</summary>
internal static class ContractRequests
{
    public static CreateDraftContract Draft(Guid providerId, string reference) => new(
        reference,
        "Children's centres outcomes contract",
        "Early help",
        providerId,
        new DateOnly(2026, 4, 1),
        new DateOnly(2029, 3, 31),
        1_200_000m,
        EligibilityKind.AnyProvider,
        [],
        IsLightTouch: false);

    public static AddIndicator Indicator(Guid contractId, string name) => new(
        contractId,
        null,
        name,
        "Families whose needs were met at the end of support, as a share of families closed.",
        IndicatorUnit.Percentage,
        Polarity.HigherIsBetter,
        RbaQuestion.IsAnyoneBetterOff,
        "Provider case records",
        "Families whose needs were met",
        "Families closed in the quarter",
        70m,
        "2025-26 Q4");

    public static string NewReference() => "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}
