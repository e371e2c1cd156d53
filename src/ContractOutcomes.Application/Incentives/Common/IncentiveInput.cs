using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;

namespace ContractOutcomes.Application.Incentives.Common;

/// <summary>
/// One indicator's part in an incentive scheme as the commissioner entered it. A blank mechanism leaves the
/// indicator out of the scheme; only the fields its mechanism uses are read.
/// </summary>
public sealed record IncentiveInput(
    Guid IndicatorId,
    IncentiveMechanism? Mechanism,
    decimal? WeightPercent = null,
    decimal? GoodPercent = null,
    decimal? ApproachingPercent = null,
    decimal? RequiresImprovementPercent = null,
    decimal? InadequatePercent = null,
    decimal? Floor = null,
    decimal? Stretch = null,
    decimal? BonusCap = null,
    decimal? PricePerOutcome = null,
    decimal? Threshold = null,
    decimal? Cap = null,
    decimal? CreditAmount = null);

/// <summary>The whole scheme as entered, shared by defining it and previewing it.</summary>
public interface ISchemeInput
{
    decimal? ShareAtRiskPercent { get; }

    decimal? AnnualCap { get; }

    decimal? TermCap { get; }

    decimal? ServiceCreditCapPercent { get; }

    IReadOnlyList<IncentiveInput> Incentives { get; }
}

public static class SchemeInputExtensions
{
    /// <summary>
    /// Builds the scheme against the contract's indicators, or throws one BusinessRuleException listing every
    /// problem, each named <c>Incentives[i].Field</c> (i = position in the input list) or after a scheme field.
    /// </summary>
    public static IncentiveScheme Build(this ISchemeInput input, Contract contract)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(contract);
        var problems = new List<RuleViolation>();
        var incentives = new List<IndicatorIncentive>();
        var positions = new List<int>();
        for (var i = 0; i < input.Incentives.Count; i++)
        {
            var entry = input.Incentives[i];
            if (entry.Mechanism is null)
            {
                continue;
            }

            var indicator = contract.Indicators.FirstOrDefault(x => x.Id.Value == entry.IndicatorId);
            var name = indicator?.Name ?? "the indicator";
            var prefix = $"Incentives[{i}].";
            try
            {
                incentives.Add(Incentive(entry, name, prefix));
                positions.Add(i);
            }
            catch (BusinessRuleException e)
            {
                problems.AddRange(e.Violations.Select(v => v with { PropertyName = prefix + (v.PropertyName ?? nameof(IncentiveInput.Mechanism)) }));
            }
        }

        if (input.ShareAtRiskPercent is null)
        {
            problems.Add(new RuleViolation("Enter the share of the annual value at risk", nameof(ISchemeInput.ShareAtRiskPercent)));
        }

        if (problems.Count > 0)
        {
            throw new BusinessRuleException(problems);
        }

        try
        {
            return IncentiveScheme.Define(
                input.ShareAtRiskPercent!.Value, input.AnnualCap, input.TermCap, input.ServiceCreditCapPercent, incentives, contract.SchemeIndicators());
        }
        catch (BusinessRuleException e)
        {
            // The scheme numbers incentives by their place among those given; map back to the form's rows.
            throw new BusinessRuleException(e.Violations.Select(v => v with { PropertyName = Renumber(v.PropertyName, positions) }).ToArray());
        }
    }

    private static IndicatorIncentive Incentive(IncentiveInput entry, string name, string prefix)
    {
        var id = new IndicatorId(entry.IndicatorId);
        var missing = new List<RuleViolation>();
        decimal Need(decimal? value, string what, string property)
        {
            if (value is null)
            {
                missing.Add(new RuleViolation($"Enter {what} for {name}", property));
            }

            return value ?? 0;
        }

        IndicatorIncentive? built = null;
        switch (entry.Mechanism)
        {
            case IncentiveMechanism.RatingBands:
                var weight = Need(entry.WeightPercent, "the weight", nameof(IncentiveInput.WeightPercent));
                var good = Need(entry.GoodPercent, "the percentage earned at Good", nameof(IncentiveInput.GoodPercent));
                var approaching = Need(entry.ApproachingPercent, "the percentage earned at Approaching target", nameof(IncentiveInput.ApproachingPercent));
                var requires = Need(entry.RequiresImprovementPercent, "the percentage earned at Requires improvement", nameof(IncentiveInput.RequiresImprovementPercent));
                var inadequate = Need(entry.InadequatePercent, "the percentage earned at Inadequate", nameof(IncentiveInput.InadequatePercent));
                if (missing.Count == 0)
                {
                    built = IndicatorIncentive.RatingBands(id, weight, good, approaching, requires, inadequate);
                }

                break;
            case IncentiveMechanism.Graded:
                var gradedWeight = Need(entry.WeightPercent, "the weight", nameof(IncentiveInput.WeightPercent));
                var floor = Need(entry.Floor, "the floor", nameof(IncentiveInput.Floor));
                if (entry.Stretch is not null && entry.BonusCap is null)
                {
                    missing.Add(new RuleViolation($"Enter the bonus cap for {name}, or remove the stretch target", nameof(IncentiveInput.BonusCap)));
                }

                if (entry.Stretch is null && entry.BonusCap is not null)
                {
                    missing.Add(new RuleViolation($"Enter the stretch target for {name}, or remove the bonus cap", nameof(IncentiveInput.Stretch)));
                }

                if (missing.Count == 0)
                {
                    built = IndicatorIncentive.Graded(id, gradedWeight, floor, entry.Stretch, entry.BonusCap);
                }

                break;
            case IncentiveMechanism.RateCard:
                var rateWeight = Need(entry.WeightPercent, "the weight", nameof(IncentiveInput.WeightPercent));
                var price = Need(entry.PricePerOutcome, "the price per outcome", nameof(IncentiveInput.PricePerOutcome));
                var threshold = Need(entry.Threshold, "the threshold", nameof(IncentiveInput.Threshold));
                var cap = Need(entry.Cap, "the cap", nameof(IncentiveInput.Cap));
                if (missing.Count == 0)
                {
                    built = IndicatorIncentive.RateCard(id, rateWeight, price, threshold, cap);
                }

                break;
            case IncentiveMechanism.ServiceCredit:
                var credit = Need(entry.CreditAmount, "the service credit", nameof(IncentiveInput.CreditAmount));
                if (missing.Count == 0)
                {
                    built = IndicatorIncentive.ServiceCredit(id, credit);
                }

                break;
            default:
                missing.Add(new RuleViolation($"Select how {name} is paid", nameof(IncentiveInput.Mechanism)));
                break;
        }

        return missing.Count > 0 ? throw new BusinessRuleException(missing) : built!;
    }

    private static string? Renumber(string? propertyName, List<int> positions)
    {
        if (propertyName is null || !propertyName.StartsWith("Incentives[", StringComparison.Ordinal))
        {
            return propertyName;
        }

        var close = propertyName.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(propertyName.AsSpan(11, close - 11), System.Globalization.CultureInfo.InvariantCulture, out var index) && index < positions.Count
            ? $"Incentives[{positions[index]}]{propertyName[(close + 1)..]}"
            : propertyName;
    }
}
