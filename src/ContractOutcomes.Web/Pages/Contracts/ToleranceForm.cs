using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts;

/// <summary>
/// Tolerance thresholds as typed: how far a result may fall short of its target for each rating. Used on the
/// thresholds page of a draft indicator and, for an active contract, on the variation page.
/// </summary>
public class ToleranceForm
{
    public ToleranceMode? Mode { get; set; }

    public string? GoodWithin { get; set; }

    public string? ApproachingWithin { get; set; }

    public string? RequiresImprovementWithin { get; set; }

    public static IReadOnlyList<SelectListItem> ModeOptions { get; } =
    [
        new("Absolute: in the indicator's own unit, for example percentage points", nameof(ToleranceMode.Absolute)),
        new("Relative: as a percentage of the target", nameof(ToleranceMode.Relative)),
    ];

    public void Fill(ToleranceBands? tolerance)
    {
        if (tolerance is null)
        {
            return;
        }

        Mode = tolerance.Mode;
        GoodWithin = ContractDisplay.Editable(tolerance.GoodWithin);
        ApproachingWithin = ContractDisplay.Editable(tolerance.ApproachingWithin);
        RequiresImprovementWithin = ContractDisplay.Editable(tolerance.RequiresImprovementWithin);
    }

    /// <summary>Reads the three thresholds; adds a message beside each one that is not a number.</summary>
    public ParsedTolerance Parse(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return new ParsedTolerance(
            modelState.Number("Input.GoodWithin", GoodWithin, "Good threshold"),
            modelState.Number("Input.ApproachingWithin", ApproachingWithin, "Approaching target threshold"),
            modelState.Number("Input.RequiresImprovementWithin", RequiresImprovementWithin, "Requires improvement threshold"));
    }

    /// <summary>
    /// The bands the thresholds make, without saving anything (for a preview); null, with messages beside the
    /// fields, when they are incomplete or break a rule.
    /// </summary>
    public ToleranceBands? TryBands(ModelStateDictionary modelState, ParsedTolerance parsed)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(parsed);
        if (Mode is null)
        {
            modelState.AddModelError("Input.Mode", "Select whether thresholds are absolute or relative to the target");
        }

        if (parsed.GoodWithin is null && string.IsNullOrWhiteSpace(GoodWithin))
        {
            modelState.AddModelError("Input.GoodWithin", "Enter the largest shortfall that is still Good");
        }

        if (parsed.ApproachingWithin is null && string.IsNullOrWhiteSpace(ApproachingWithin))
        {
            modelState.AddModelError("Input.ApproachingWithin", "Enter the largest shortfall that is Approaching target");
        }

        if (parsed.RequiresImprovementWithin is null && string.IsNullOrWhiteSpace(RequiresImprovementWithin))
        {
            modelState.AddModelError("Input.RequiresImprovementWithin", "Enter the largest shortfall that Requires improvement");
        }

        if (!modelState.IsValid || Mode is not { } mode || parsed is not { GoodWithin: { } good, ApproachingWithin: { } approaching, RequiresImprovementWithin: { } requiresImprovement })
        {
            return null;
        }

        try
        {
            return ToleranceBands.Of(mode, good, approaching, requiresImprovement);
        }
        catch (BusinessRuleException e)
        {
            foreach (var violation in e.Violations)
            {
                modelState.AddModelError(violation.PropertyName is { Length: > 0 } name ? "Input." + name : string.Empty, violation.Message);
            }

            return null;
        }
    }
}

public sealed record ParsedTolerance(decimal? GoodWithin, decimal? ApproachingWithin, decimal? RequiresImprovementWithin);
