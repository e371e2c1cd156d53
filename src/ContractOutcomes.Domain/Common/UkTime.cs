namespace ContractOutcomes.Domain.Common;

/// <summary>
/// Dates as people in England read them. Due dates and lateness are judged by the UK calendar day, so a
/// return submitted at 00:30 BST on the day after its due date is late even though it is still the due
/// date in UTC.
/// </summary>
public static class UkTime
{
    private static readonly Lazy<TimeZoneInfo> Zone = new(() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc);

    public static TimeZoneInfo TimeZone => Zone.Value;

    public static DateTimeOffset ToUk(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone.Value);

    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(ToUk(moment).DateTime);
}
