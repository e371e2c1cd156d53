using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Contracts;

public enum VariationKind
{
    AnnualValue = 1,
    TermEnd = 2,
    Target = 3,
    Tolerance = 4,
}

/// <summary>What a variation needs besides the change itself: why, from when, who and when recorded.</summary>
public sealed record VariationContext(string Reason, ReportingPeriod EffectiveFrom, Actor RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A recorded change to the terms of an Active contract. Variations are never edited or removed:
/// they are the history that explains why today's terms differ from those first agreed.
/// </summary>
public sealed class ContractVariation
{
    public const int ReasonMaxLength = 2000;
    public const int DescriptionMaxLength = 1000;

    private ContractVariation()
    {
        Description = string.Empty;
        Reason = string.Empty;
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
    }

    public Guid Id { get; private init; }

    /// <summary>1 for the first variation of a contract, and so on.</summary>
    public int Number { get; private init; }

    public VariationKind Kind { get; private init; }

    /// <summary>What changed, before and after, in words.</summary>
    public string Description { get; private init; }

    public string Reason { get; private init; }

    public ReportingPeriod EffectiveFrom { get; private init; }

    public string RecordedByUserId { get; private init; }

    public string RecordedByName { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }

    internal static ContractVariation Record(int number, VariationKind kind, string description, VariationContext context) => new()
    {
        Id = Guid.CreateVersion7(),
        Number = number,
        Kind = kind,
        Description = description,
        Reason = Guard.Text(context.Reason, "the reason for the variation", ReasonMaxLength, nameof(Reason)),
        EffectiveFrom = context.EffectiveFrom,
        RecordedByUserId = context.RecordedBy.UserId,
        RecordedByName = context.RecordedBy.Name,
        RecordedAt = context.RecordedAt,
    };
}
