using System.Globalization;
using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Application.Notifications.Common;

internal static class ReturnLinks
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The return's page, as a path within the site.</summary>
    public static string To(ContractId contractId, ReportingPeriod period) =>
        string.Create(CultureInfo.InvariantCulture, $"/Contracts/{contractId.Value}/Returns/{period.Slug}");

    /// <summary>For example "28 October 2026".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnglishUk);
}
