using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Indicators;

public enum TargetMode
{
    SameForEveryPeriod = 1,
    EachPeriod = 2,
}

/// <summary>One row of the targets grid: a reporting period and the target typed for it.</summary>
public sealed class TargetCell
{
    public string? Period { get; set; }

    public string? Value { get; set; }
}

/// <summary>An indicator's targets as typed: one for every period, or one per period of the term.</summary>
public sealed class TargetsForm
{
    public TargetMode? Mode { get; set; }

    public string? AllPeriods { get; set; }

    public IList<TargetCell> Targets { get; } = [];

    public static IReadOnlyList<SelectListItem> ModeOptions { get; } =
    [
        new("The same target for every period", nameof(TargetMode.SameForEveryPeriod)),
        new("A target for each period", nameof(TargetMode.EachPeriod)),
    ];

    /// <summary>The form as the indicator's targets stand: one figure when they are all the same, else the grid.</summary>
    public static TargetsForm From(ContractView contract, IndicatorView indicator)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(indicator);
        var form = new TargetsForm();
        var values = indicator.Targets.Select(t => t.Value).Distinct().ToList();
        if (values.Count == 1 && indicator.PeriodsWithoutTarget == 0)
        {
            form.Mode = TargetMode.SameForEveryPeriod;
            form.AllPeriods = ContractDisplay.Editable(values[0]);
        }
        else if (indicator.Targets.Count > 0)
        {
            form.Mode = TargetMode.EachPeriod;
        }

        form.FillGrid(contract, indicator);
        return form;
    }

    /// <summary>
    /// Makes the grid one row per period of the term, keeping what was typed; only rebuilt when the rows
    /// posted do not match the term (so redisplayed values stay beside the right period).
    /// </summary>
    public void FillGrid(ContractView contract, IndicatorView indicator)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(indicator);
        if (Targets.Select(t => t.Period).SequenceEqual(contract.Periods.Select(p => p.Label)))
        {
            return;
        }

        var typed = Targets.Where(t => t.Period is not null).GroupBy(t => t.Period!).ToDictionary(g => g.Key, g => g.First().Value);
        Targets.Clear();
        foreach (var period in contract.Periods)
        {
            Targets.Add(new TargetCell
            {
                Period = period.Label,
                Value = typed.TryGetValue(period.Label, out var value)
                    ? value
                    : ContractDisplay.Editable(indicator.Targets.FirstOrDefault(t => t.Period == period)?.Value),
            });
        }
    }

    /// <summary>
    /// Reads the targets for the chosen way of setting them. Adds a message beside each box that is empty or
    /// not a number; the request is only worth sending when none was added.
    /// </summary>
    public (decimal? AllPeriods, IReadOnlyList<PeriodTarget>? Targets) Parse(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        switch (Mode)
        {
            case TargetMode.SameForEveryPeriod:
                if (string.IsNullOrWhiteSpace(AllPeriods))
                {
                    modelState.AddModelError("Input.AllPeriods", "Enter the target for every period");
                    return (null, null);
                }

                return (modelState.Number("Input.AllPeriods", AllPeriods, "Target"), null);

            case TargetMode.EachPeriod:
                var targets = new List<PeriodTarget>();
                for (var i = 0; i < Targets.Count; i++)
                {
                    var cell = Targets[i];
                    var key = $"Input.Targets[{i}].Value";
                    if (string.IsNullOrWhiteSpace(cell.Value))
                    {
                        modelState.AddModelError(key, $"Enter a target for {cell.Period}");
                        continue;
                    }

                    targets.Add(new PeriodTarget(cell.Period, modelState.Number(key, cell.Value, $"Target for {cell.Period}")));
                }

                return (null, targets);

            default:
                modelState.AddModelError("Input.Mode", "Select whether to set the same target for every period or a target for each period");
                return (null, null);
        }
    }

    /// <summary>The text before and after a figure in this unit, for the boxes: "£", "%", "days".</summary>
    public static (string? Prefix, string? Suffix) Affixes(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => (null, "%"),
        IndicatorUnit.Money => ("£", null),
        IndicatorUnit.Days => (null, "days"),
        IndicatorUnit.RatePer10000 => (null, "per 10,000"),
        _ => (null, null),
    };

    public static string? Baseline(IndicatorView indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.BaselineValue is { } value ? $"{indicator.FormatValue(value)} in {indicator.BaselinePeriod}" : null;
    }

    public static string? CurrentTarget(IndicatorView indicator, string? period)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return ReportingPeriod.TryParse(period, out var parsed) && indicator.Targets.FirstOrDefault(t => t.Period == parsed) is { } target
            ? indicator.FormatValue(target.Value)
            : null;
    }
}
