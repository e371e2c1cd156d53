using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ContractOutcomes.Infrastructure.Persistence;

internal sealed class OrganisationIdConverter() : ValueConverter<OrganisationId, Guid>(id => id.Value, value => new OrganisationId(value));

internal sealed class ContractIdConverter() : ValueConverter<ContractId, Guid>(id => id.Value, value => new ContractId(value));

internal sealed class IndicatorIdConverter() : ValueConverter<IndicatorId, Guid>(id => id.Value, value => new IndicatorId(value));

internal sealed class ReturnIdConverter() : ValueConverter<ReturnId, Guid>(id => id.Value, value => new ReturnId(value));

/// <summary>Stores a period as its label ("2025-26 Q1"), which sorts in time order.</summary>
internal sealed class ReportingPeriodConverter() : ValueConverter<ReportingPeriod, string>(p => p.Label, label => ReportingPeriod.Parse(label));

internal sealed class MoneyConverter() : ValueConverter<Money, decimal>(m => m.Amount, amount => Money.FromPounds(amount));

/// <summary>Stores an eligibility rule as "Kind" or "Kind:Type,Type" in one column.</summary>
internal sealed class EligibilityRuleConverter() : ValueConverter<EligibilityRule, string>(rule => Write(rule), text => Read(text))
{
    public const int MaxLength = 300;

    private static string Write(EligibilityRule rule) =>
        rule.AllowedTypes.Count == 0 ? rule.Kind.ToString() : $"{rule.Kind}:{string.Join(',', rule.AllowedTypes)}";

    private static EligibilityRule Read(string text)
    {
        var parts = text.Split(':', 2);
        var kind = Enum.Parse<EligibilityKind>(parts[0]);
        var types = parts.Length > 1 ? parts[1].Split(',').Select(Enum.Parse<OrganisationType>).ToArray() : [];
        return EligibilityRule.Of(kind, types);
    }
}
