using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Incentives;

/// <summary>
/// How one indicator's results are paid for. Each factory checks its own numbers; whether the numbers
/// fit the indicator (its unit, polarity and targets) and the rest of the scheme is checked by
/// <see cref="IncentiveScheme.Define"/>. The properties a mechanism does not use are null.
/// </summary>
public sealed class IndicatorIncentive
{
    // For EF Core, which materialises the owned type through its properties.
    private IndicatorIncentive()
    {
    }

    private IndicatorIncentive(IndicatorId indicatorId, IncentiveMechanism mechanism)
    {
        IndicatorId = indicatorId;
        Mechanism = mechanism;
    }

    public IndicatorId IndicatorId { get; private init; }

    public IncentiveMechanism Mechanism { get; private init; }

    /// <summary>The indicator's share of the at-risk amount; null for a service credit, which carries no weight.</summary>
    public decimal? WeightPercent { get; private init; }

    /// <summary>Rating bands: the percentage of the at-risk amount earned when rated Good.</summary>
    public decimal? GoodPercent { get; private init; }

    public decimal? ApproachingPercent { get; private init; }

    public decimal? RequiresImprovementPercent { get; private init; }

    public decimal? InadequatePercent { get; private init; }

    /// <summary>Graded: the result (in the indicator's unit) at or beyond which nothing is earned.</summary>
    public decimal? Floor { get; private init; }

    /// <summary>Graded: the result at which the whole bonus cap is earned.</summary>
    public decimal? Stretch { get; private init; }

    /// <summary>Graded: the most bonus one period can earn.</summary>
    public Money? BonusCap { get; private init; }

    public Money? PricePerOutcome { get; private init; }

    /// <summary>Rate card: outcomes up to and including this many earn nothing.</summary>
    public decimal? Threshold { get; private init; }

    /// <summary>Rate card: the most one period can earn.</summary>
    public Money? Cap { get; private init; }

    public Money? CreditAmount { get; private init; }

    public bool IsWeighted => Mechanism.IsWeighted();

    public static IndicatorIncentive RatingBands(
        IndicatorId indicatorId, decimal weightPercent, decimal good, decimal approaching, decimal requiresImprovement, decimal inadequate)
    {
        var problems = new List<RuleViolation>();
        CheckIndicator(indicatorId, problems);
        CheckWeight(weightPercent, problems);
        var bands = new (decimal Percent, string Rating, string Property)[]
        {
            (good, "Good", nameof(GoodPercent)),
            (approaching, "Approaching target", nameof(ApproachingPercent)),
            (requiresImprovement, "Requires improvement", nameof(RequiresImprovementPercent)),
            (inadequate, "Inadequate", nameof(InadequatePercent)),
        };
        for (var i = 0; i < bands.Length; i++)
        {
            var (percent, rating, property) = bands[i];
            if (percent is < 0 or > 100)
            {
                problems.Add(new RuleViolation($"The percentage earned at {rating} must be between 0% and 100%", property));
            }
            else if (i > 0 && bands[i - 1].Percent is >= 0 and <= 100 && percent > bands[i - 1].Percent)
            {
                problems.Add(new RuleViolation(
                    $"The percentage earned at {rating} must be the same as or less than at {bands[i - 1].Rating}, so that better performance never pays less",
                    property));
            }
        }

        ThrowIfAny(problems);
        return new IndicatorIncentive(indicatorId, IncentiveMechanism.RatingBands)
        {
            WeightPercent = weightPercent,
            GoodPercent = good,
            ApproachingPercent = approaching,
            RequiresImprovementPercent = requiresImprovement,
            InadequatePercent = inadequate,
        };
    }

    public static IndicatorIncentive Graded(IndicatorId indicatorId, decimal weightPercent, decimal floor, decimal? stretch, decimal? bonusCap)
    {
        var problems = new List<RuleViolation>();
        CheckIndicator(indicatorId, problems);
        CheckWeight(weightPercent, problems);
        if (floor < 0)
        {
            problems.Add(new RuleViolation("The floor must be 0 or more", nameof(Floor)));
        }

        if (stretch is < 0)
        {
            problems.Add(new RuleViolation("The stretch target must be 0 or more", nameof(Stretch)));
        }

        if (stretch is not null && bonusCap is null)
        {
            problems.Add(new RuleViolation("Enter a bonus cap for the stretch target, or remove the stretch target", nameof(BonusCap)));
        }

        if (stretch is null && bonusCap is not null)
        {
            problems.Add(new RuleViolation("Enter a stretch target for the bonus, or remove the bonus cap", nameof(Stretch)));
        }

        if (bonusCap is { } cap)
        {
            CheckAmount(cap, "The bonus cap", "cannot be below £0", nameof(BonusCap), problems);
        }

        ThrowIfAny(problems);
        return new IndicatorIncentive(indicatorId, IncentiveMechanism.Graded)
        {
            WeightPercent = weightPercent,
            Floor = floor,
            Stretch = stretch,
            BonusCap = bonusCap is { } b ? Money.FromPounds(b) : null,
        };
    }

    public static IndicatorIncentive RateCard(IndicatorId indicatorId, decimal weightPercent, decimal pricePerOutcome, decimal threshold, decimal cap)
    {
        var problems = new List<RuleViolation>();
        CheckIndicator(indicatorId, problems);
        CheckWeight(weightPercent, problems);
        CheckAmount(pricePerOutcome, "The price per outcome", "cannot be negative", nameof(PricePerOutcome), problems);
        if (threshold < 0)
        {
            problems.Add(new RuleViolation("The threshold cannot be negative", nameof(Threshold)));
        }
        else if (threshold != decimal.Truncate(threshold))
        {
            problems.Add(new RuleViolation("The threshold must be a whole number of outcomes", nameof(Threshold)));
        }

        CheckAmount(cap, "The cap", "cannot be below £0", nameof(Cap), problems);
        ThrowIfAny(problems);
        return new IndicatorIncentive(indicatorId, IncentiveMechanism.RateCard)
        {
            WeightPercent = weightPercent,
            PricePerOutcome = Money.FromPounds(pricePerOutcome),
            Threshold = threshold,
            Cap = Money.FromPounds(cap),
        };
    }

    public static IndicatorIncentive ServiceCredit(IndicatorId indicatorId, decimal creditAmount)
    {
        var problems = new List<RuleViolation>();
        CheckIndicator(indicatorId, problems);
        CheckAmount(creditAmount, "The service credit", "cannot be negative", nameof(CreditAmount), problems);
        ThrowIfAny(problems);
        return new IndicatorIncentive(indicatorId, IncentiveMechanism.ServiceCredit) { CreditAmount = Money.FromPounds(creditAmount) };
    }

    /// <summary>The percentage of the at-risk amount a rating earns under rating bands.</summary>
    public decimal BandPercent(PerformanceRating rating) => rating switch
    {
        PerformanceRating.Good => GoodPercent ?? 0,
        PerformanceRating.ApproachingTarget => ApproachingPercent ?? 0,
        PerformanceRating.RequiresImprovement => RequiresImprovementPercent ?? 0,
        PerformanceRating.Inadequate => InadequatePercent ?? 0,

        // Other means the commissioner recorded that the indicator could not fairly be rated, so the
        // provider is not penalised for it.
        PerformanceRating.Other => 100,
        _ => 0,
    };

    private static void CheckIndicator(IndicatorId indicatorId, List<RuleViolation> problems)
    {
        if (indicatorId.Value == Guid.Empty)
        {
            problems.Add(new RuleViolation("Select the indicator", nameof(IndicatorId)));
        }
    }

    private static void CheckWeight(decimal weightPercent, List<RuleViolation> problems)
    {
        if (weightPercent <= 0)
        {
            problems.Add(new RuleViolation("The weight must be more than 0%", nameof(WeightPercent)));
        }
        else if (weightPercent > 100)
        {
            problems.Add(new RuleViolation("The weight must be 100% or less", nameof(WeightPercent)));
        }
    }

    // Amounts must be whole pence so that the arithmetic shown to the provider is exact.
    private static void CheckAmount(decimal pounds, string what, string whenNegative, string property, List<RuleViolation> problems)
    {
        if (pounds < 0)
        {
            problems.Add(new RuleViolation($"{what} {whenNegative}", property));
        }
        else if (pounds == 0)
        {
            problems.Add(new RuleViolation($"{what} must be more than £0", property));
        }
        else if (decimal.Round(pounds, 2) != pounds)
        {
            problems.Add(new RuleViolation($"{what} must be in pounds and pence, with no more than 2 decimal places", property));
        }
    }

    private static void ThrowIfAny(List<RuleViolation> problems)
    {
        if (problems.Count > 0)
        {
            throw new BusinessRuleException(problems);
        }
    }
}
