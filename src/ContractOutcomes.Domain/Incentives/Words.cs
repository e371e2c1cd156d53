using System.Globalization;
using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Incentives;

/// <summary>
/// How numbers appear in explanations, in one place so every explanation of the same amount reads the
/// same on screen, in the API and in the worked examples.
/// </summary>
internal static class Words
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A percentage the commissioner typed (share, weight, band): "8%", "12.5%".</summary>
    public static string Percent(decimal percent) => percent.ToString("0.####", EnglishUk) + "%";

    /// <summary>A plain number in a formula, without its unit: "82", "77.5", "1,250".</summary>
    public static string Number(decimal value) => value.ToString("#,##0.####", EnglishUk);

    /// <summary>A count of outcomes: "130 outcomes", "1 outcome".</summary>
    public static string Outcomes(decimal count) => count == 1 ? "1 outcome" : $"{Number(count)} outcomes";

    /// <summary>An annual value: whole pounds where there are no pence, "£24,000,000".</summary>
    public static string AnnualValue(Money amount) => amount.ToShortString();
}
