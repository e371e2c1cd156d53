using System.Text.Json;
using System.Text.Json.Serialization;
using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Web.Api;

/// <summary>Reporting periods travel as their label, "2025-26 Q1".</summary>
public sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReportingPeriod.TryParse(reader.GetString(), out var period)
            ? period
            : throw new JsonException("A reporting period is written like \"2025-26 Q1\".");

    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Label);
    }
}

/// <summary>Money travels as a number of pounds.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Money.FromPounds(reader.GetDecimal());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Amount);
    }
}
