namespace ContractOutcomes.Domain.Incentives;

/// <summary>How one indicator's results turn into money.</summary>
public enum IncentiveMechanism
{
    /// <summary>A fixed percentage of the at-risk amount is earned at each rating.</summary>
    RatingBands = 1,

    /// <summary>Nothing at a floor, everything at the target, in proportion between; optionally a bonus up to a stretch target.</summary>
    Graded = 2,

    /// <summary>A price for each outcome achieved above a threshold, up to a cap.</summary>
    RateCard = 3,

    /// <summary>A deduction from the base fee when the indicator is rated Inadequate or Not reported.</summary>
    ServiceCredit = 4,
}

public static class IncentiveDisplayNames
{
    public static string DisplayName(this IncentiveMechanism mechanism) => mechanism switch
    {
        IncentiveMechanism.RatingBands => "Payment by rating band",
        IncentiveMechanism.Graded => "Graded payment",
        IncentiveMechanism.RateCard => "Rate card",
        IncentiveMechanism.ServiceCredit => "Service credit",
        _ => mechanism.ToString(),
    };

    /// <summary>Whether the mechanism pays out of the at-risk share, and so needs a weight.</summary>
    public static bool IsWeighted(this IncentiveMechanism mechanism) => mechanism is
        IncentiveMechanism.RatingBands or IncentiveMechanism.Graded or IncentiveMechanism.RateCard;

    public static string DisplayName(this PaymentAdjustmentKind kind) => kind switch
    {
        PaymentAdjustmentKind.AnnualCap => "Annual cap",
        PaymentAdjustmentKind.TermCap => "Term cap",
        PaymentAdjustmentKind.ServiceCreditCap => "Service credit cap",
        _ => kind.ToString(),
    };
}
