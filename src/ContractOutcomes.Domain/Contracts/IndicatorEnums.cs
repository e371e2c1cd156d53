namespace ContractOutcomes.Domain.Contracts;

public enum ContractStatus
{
    Draft = 1,
    Active = 2,
    Ended = 3,
}

public enum IndicatorUnit
{
    Percentage = 1,
    Count = 2,
    RatePer10000 = 3,
    Days = 4,
    Money = 5,
}

public enum Polarity
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
}

/// <summary>The Results-Based Accountability question an indicator answers.</summary>
public enum RbaQuestion
{
    HowMuchDidWeDo = 1,
    HowWellDidWeDoIt = 2,
    IsAnyoneBetterOff = 3,
}

/// <summary>
/// The scale the Procurement Act 2023 uses for published KPI assessments (Good to Inadequate, and
/// Other where the commissioner records why none of those applies), plus Not reported where no
/// accepted figure exists after the return's due date.
/// </summary>
public enum PerformanceRating
{
    Good = 1,
    ApproachingTarget = 2,
    RequiresImprovement = 3,
    Inadequate = 4,
    NotReported = 5,
    Other = 6,
}

public static class ContractDisplayNames
{
    public static string DisplayName(this ContractStatus status) => status.ToString();

    public static string DisplayName(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => "Percentage",
        IndicatorUnit.Count => "Count",
        IndicatorUnit.RatePer10000 => "Rate per 10,000",
        IndicatorUnit.Days => "Days",
        IndicatorUnit.Money => "Pounds (£)",
        _ => unit.ToString(),
    };

    public static string DisplayName(this Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "Higher is better",
        Polarity.LowerIsBetter => "Lower is better",
        _ => polarity.ToString(),
    };

    public static string DisplayName(this RbaQuestion question) => question switch
    {
        RbaQuestion.HowMuchDidWeDo => "How much did we do?",
        RbaQuestion.HowWellDidWeDoIt => "How well did we do it?",
        RbaQuestion.IsAnyoneBetterOff => "Is anyone better off?",
        _ => question.ToString(),
    };

    public static string DisplayName(this PerformanceRating rating) => rating switch
    {
        PerformanceRating.Good => "Good",
        PerformanceRating.ApproachingTarget => "Approaching target",
        PerformanceRating.RequiresImprovement => "Requires improvement",
        PerformanceRating.Inadequate => "Inadequate",
        PerformanceRating.NotReported => "Not reported",
        PerformanceRating.Other => "Other",
        _ => rating.ToString(),
    };

    /// <summary>
    /// Whether a rating is the given rating or worse. Not reported counts as worse than Inadequate, so
    /// not sending a return never escapes a rule; Other is outside the scale and never matches.
    /// </summary>
    public static bool IsAtOrBelow(this PerformanceRating rating, PerformanceRating threshold) =>
        rating != PerformanceRating.Other && threshold != PerformanceRating.Other && rating >= threshold;

    /// <summary>Whether figures are captured as a numerator over a denominator.</summary>
    public static bool IsRatio(this IndicatorUnit unit) => unit is IndicatorUnit.Percentage or IndicatorUnit.RatePer10000;

    /// <summary>Formats a figure in the indicator's unit, for example "85.0%" or "£1,200".</summary>
    public static string Format(this IndicatorUnit unit, decimal value)
    {
        var culture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        return unit switch
        {
            IndicatorUnit.Percentage => value.ToString("0.0##", culture) + "%",
            IndicatorUnit.RatePer10000 => value.ToString("#,##0.0##", culture) + " per 10,000",
            IndicatorUnit.Days => value.ToString("#,##0.##", culture) + " days",
            IndicatorUnit.Money => value.ToString("C0", culture),
            _ => value.ToString("#,##0.##", culture),
        };
    }
}
