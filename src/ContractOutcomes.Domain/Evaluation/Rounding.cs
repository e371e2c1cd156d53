using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Evaluation;

/// <summary>
/// The one rounding rule for every calculated figure, stated here and used everywhere: calculate with
/// full decimal precision, then round half away from zero — money to the penny at each
/// indicator-period line (totals are sums of rounded lines), calculated figures (ratio values,
/// variances, percentages of target) to 4 decimal places when stored, and to 1 decimal place when shown.
/// </summary>
public static class Rounding
{
    public const MidpointRounding Rule = MidpointRounding.AwayFromZero;

    /// <summary>Decimal places kept when a calculated figure is stored.</summary>
    public const int StoredDecimals = 4;

    /// <summary>Decimal places shown for a calculated percentage.</summary>
    public const int ShownDecimals = 1;

    public static decimal Stored(decimal value) => decimal.Round(value, StoredDecimals, Rule);

    public static decimal Shown(decimal value) => decimal.Round(value, ShownDecimals, Rule);

    public static Money Penny(decimal pounds) => Money.FromPounds(pounds);
}
