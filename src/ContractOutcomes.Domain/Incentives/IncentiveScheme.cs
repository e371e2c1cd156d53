using System.Globalization;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Incentives;

/// <summary>What scheme validation needs to know about one of the contract's indicators.</summary>
/// <param name="Targets">Every target the indicator has over the term.</param>
public sealed record SchemeIndicator(IndicatorId IndicatorId, string Name, IndicatorUnit Unit, Polarity Polarity, IReadOnlyList<decimal> Targets);

/// <summary>
/// How money follows outcomes on one contract: the share of the annual value at risk, spread over
/// indicators by weight, the mechanism each indicator is paid by, and the caps. Immutable: a change is
/// a new scheme, defined again and checked whole.
/// </summary>
public sealed class IncentiveScheme
{
    private readonly List<IndicatorIncentive> _incentives = [];

    // For EF Core.
    private IncentiveScheme()
    {
    }

    private IncentiveScheme(decimal shareAtRiskPercent, Money? annualCap, Money? termCap, decimal? serviceCreditCapPercent, IEnumerable<IndicatorIncentive> incentives)
    {
        ShareAtRiskPercent = shareAtRiskPercent;
        AnnualCap = annualCap;
        TermCap = termCap;
        ServiceCreditCapPercent = serviceCreditCapPercent;
        _incentives.AddRange(incentives);
    }

    /// <summary>A scheme with nothing at risk and no incentives: the provider is paid the whole annual value.</summary>
    public static IncentiveScheme None => new(0, null, null, null, []);

    /// <summary>The percentage of the annual value that depends on outcomes (0 to 100).</summary>
    public decimal ShareAtRiskPercent { get; private init; }

    /// <summary>The most that outcome payments can add up to in one financial year.</summary>
    public Money? AnnualCap { get; private init; }

    /// <summary>The most that outcome payments can add up to over the whole term.</summary>
    public Money? TermCap { get; private init; }

    /// <summary>The most that service credits can take off one period's base fee, as a percentage of it.</summary>
    public decimal? ServiceCreditCapPercent { get; private init; }

    public IReadOnlyList<IndicatorIncentive> Incentives => _incentives;

    public IndicatorIncentive? IncentiveFor(IndicatorId indicatorId) => _incentives.Find(i => i.IndicatorId == indicatorId);

    /// <summary>
    /// Checks the whole scheme against the contract's indicators and returns it, or refuses it with
    /// every problem at once so the commissioner can fix them together.
    /// </summary>
    public static IncentiveScheme Define(
        decimal shareAtRiskPercent,
        decimal? annualCap,
        decimal? termCap,
        decimal? serviceCreditCapPercent,
        IReadOnlyList<IndicatorIncentive> incentives,
        IReadOnlyList<SchemeIndicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(incentives);
        ArgumentNullException.ThrowIfNull(indicators);
        var problems = new List<RuleViolation>();

        var shareValid = shareAtRiskPercent is >= 0 and <= 100;
        if (!shareValid)
        {
            problems.Add(new RuleViolation("The share at risk must be between 0% and 100%", nameof(ShareAtRiskPercent)));
        }

        CheckCap(annualCap, "The annual cap", nameof(AnnualCap), problems);
        CheckCap(termCap, "The term cap", nameof(TermCap), problems);
        if (serviceCreditCapPercent is < 0 or > 100)
        {
            problems.Add(new RuleViolation("The service credit cap must be between 0% and 100% of the base fee", nameof(ServiceCreditCapPercent)));
        }

        var byId = indicators.ToDictionary(i => i.IndicatorId);
        var seen = new HashSet<IndicatorId>();
        for (var index = 0; index < incentives.Count; index++)
        {
            var incentive = incentives[index] ?? throw new ArgumentException("An incentive is missing.", nameof(incentives));
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Incentives[{index}].");
            if (!byId.TryGetValue(incentive.IndicatorId, out var indicator))
            {
                problems.Add(new RuleViolation(
                    string.Create(CultureInfo.InvariantCulture, $"Incentive {index + 1} is for an indicator that is not on this contract"),
                    prefix + nameof(IndicatorIncentive.IndicatorId)));
                continue;
            }

            if (!seen.Add(incentive.IndicatorId))
            {
                problems.Add(new RuleViolation(
                    $"{indicator.Name} has more than one incentive; give each indicator only one",
                    prefix + nameof(IndicatorIncentive.IndicatorId)));
            }

            switch (incentive.Mechanism)
            {
                case IncentiveMechanism.Graded:
                    CheckGraded(incentive, indicator, prefix, problems);
                    break;
                case IncentiveMechanism.RateCard:
                    CheckRateCard(indicator, prefix, problems);
                    break;
            }
        }

        var weighted = incentives.Where(i => i.IsWeighted).ToList();
        if (weighted.Count > 0)
        {
            var total = weighted.Sum(i => i.WeightPercent ?? 0);
            if (total != 100)
            {
                problems.Add(new RuleViolation($"The weights must add up to 100%; they add up to {Words.Percent(total)}", "Weights"));
            }
        }

        if (shareValid && shareAtRiskPercent > 0 && weighted.Count == 0)
        {
            problems.Add(new RuleViolation(
                $"With {Words.Percent(shareAtRiskPercent)} at risk, at least one indicator must be paid by rating band, graded payment or rate card; add one or set the share at risk to 0%",
                nameof(ShareAtRiskPercent)));
        }

        if (shareValid && shareAtRiskPercent == 0 && weighted.Count > 0)
        {
            problems.Add(new RuleViolation(
                "Enter a share at risk more than 0%: with nothing at risk, the weighted indicators cannot earn anything",
                nameof(ShareAtRiskPercent)));
        }

        var firstCredit = incentives.FirstOrDefault(i => i.Mechanism == IncentiveMechanism.ServiceCredit && byId.ContainsKey(i.IndicatorId));
        if (firstCredit is not null && serviceCreditCapPercent is null)
        {
            problems.Add(new RuleViolation(
                $"Enter a service credit cap, as a percentage of the base fee, because {byId[firstCredit.IndicatorId].Name} has a service credit",
                nameof(ServiceCreditCapPercent)));
        }

        if (problems.Count > 0)
        {
            throw new BusinessRuleException(problems);
        }

        return new IncentiveScheme(
            shareAtRiskPercent,
            annualCap is { } a ? Money.FromPounds(a) : null,
            termCap is { } t ? Money.FromPounds(t) : null,
            serviceCreditCapPercent,
            incentives);
    }

    private static void CheckCap(decimal? cap, string what, string property, List<RuleViolation> problems)
    {
        if (cap is < 0)
        {
            problems.Add(new RuleViolation($"{what} cannot be below £0", property));
        }
        else if (cap is { } pounds && decimal.Round(pounds, 2) != pounds)
        {
            problems.Add(new RuleViolation($"{what} must be in pounds and pence, with no more than 2 decimal places", property));
        }
    }

    private static void CheckGraded(IndicatorIncentive incentive, SchemeIndicator indicator, string prefix, List<RuleViolation> problems)
    {
        var higher = indicator.Polarity == Polarity.HigherIsBetter;
        var unit = indicator.Unit;
        var targets = indicator.Targets;

        if (incentive.Floor is { } floor)
        {
            var invalid = OutcomeIndicator.WhyInvalid(unit, floor, $"The floor for {indicator.Name}");
            if (invalid is not null)
            {
                problems.Add(new RuleViolation(invalid, prefix + nameof(IndicatorIncentive.Floor)));
            }
            else if (targets.Count > 0)
            {
                // The floor is checked against the hardest target to stay clear of: the lowest when
                // higher is better, so the floor sits below every target of the term.
                var nearest = higher ? targets.Min() : targets.Max();
                if (higher ? floor >= nearest : floor <= nearest)
                {
                    problems.Add(new RuleViolation(
                        $"The floor for {indicator.Name} must be {(higher ? "below" : "above")} {TargetWords(targets, nearest, higher ? "lowest" : "highest", unit)}{Because(higher)}; it is {unit.Format(floor)}",
                        prefix + nameof(IndicatorIncentive.Floor)));
                }
            }
        }

        if (incentive.Stretch is { } stretch)
        {
            var invalid = OutcomeIndicator.WhyInvalid(unit, stretch, $"The stretch target for {indicator.Name}");
            if (invalid is not null)
            {
                problems.Add(new RuleViolation(invalid, prefix + nameof(IndicatorIncentive.Stretch)));
            }
            else if (targets.Count > 0)
            {
                var furthest = higher ? targets.Max() : targets.Min();
                if (higher ? stretch <= furthest : stretch >= furthest)
                {
                    problems.Add(new RuleViolation(
                        $"The stretch target for {indicator.Name} must be {(higher ? "above" : "below")} {TargetWords(targets, furthest, higher ? "highest" : "lowest", unit)}{Because(higher)}; it is {unit.Format(stretch)}",
                        prefix + nameof(IndicatorIncentive.Stretch)));
                }
            }
        }
    }

    private static string TargetWords(IReadOnlyList<decimal> targets, decimal target, string which, IndicatorUnit unit) =>
        targets.Distinct().Count() == 1
            ? $"its target of {unit.Format(target)}"
            : $"every target, and its {which} target is {unit.Format(target)}";

    private static string Because(bool higherIsBetter) => higherIsBetter ? string.Empty : ", because lower is better";

    private static void CheckRateCard(SchemeIndicator indicator, string prefix, List<RuleViolation> problems)
    {
        if (indicator.Unit is not (IndicatorUnit.Count or IndicatorUnit.Percentage or IndicatorUnit.RatePer10000))
        {
            problems.Add(new RuleViolation(
                $"A rate card pays for each outcome achieved, so it cannot be used for {indicator.Name}, which is measured in {UnitWords(indicator.Unit)}; choose another mechanism",
                prefix + nameof(IndicatorIncentive.Mechanism)));
        }
        else if (indicator.Polarity != Polarity.HigherIsBetter)
        {
            problems.Add(new RuleViolation(
                $"A rate card pays for each outcome achieved, so it cannot be used for {indicator.Name}, where lower is better; choose another mechanism",
                prefix + nameof(IndicatorIncentive.Mechanism)));
        }
    }

    private static string UnitWords(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Days => "days",
        IndicatorUnit.Money => "pounds",
        _ => unit.DisplayName().ToLowerInvariant(),
    };
}
