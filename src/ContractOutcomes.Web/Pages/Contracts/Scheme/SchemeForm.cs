using System.Globalization;
using ContractOutcomes.Application.Incentives.Common;
using ContractOutcomes.Application.Incentives.GetIncentiveScheme;
using ContractOutcomes.Domain.Incentives;
using ContractOutcomes.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContractOutcomes.Web.Pages.Contracts.Scheme;

/// <summary>
/// One indicator's part of the scheme form, as typed. Every mechanism's boxes are posted (with JavaScript off they
/// are all shown); only those of the chosen mechanism are read. The weight is shared by the three weighted mechanisms.
/// </summary>
public sealed class IncentiveField
{
    public Guid IndicatorId { get; set; }

    /// <summary>"None" (not in the scheme) or the name of an <see cref="IncentiveMechanism"/>.</summary>
    public string? Mechanism { get; set; }

    public string? WeightPercent { get; set; }

    public string? GoodPercent { get; set; }

    public string? ApproachingPercent { get; set; }

    public string? RequiresImprovementPercent { get; set; }

    public string? InadequatePercent { get; set; }

    public string? Floor { get; set; }

    public string? Stretch { get; set; }

    public string? BonusCap { get; set; }

    public string? PricePerOutcome { get; set; }

    public string? Threshold { get; set; }

    public string? Cap { get; set; }

    public string? CreditAmount { get; set; }
}

/// <summary>The scheme as read from the form, ready to send to the define or preview use case.</summary>
public sealed record ParsedScheme(
    decimal? ShareAtRiskPercent, decimal? AnnualCap, decimal? TermCap, decimal? ServiceCreditCapPercent, IReadOnlyList<IncentiveInput> Incentives);

/// <summary>
/// The incentive scheme form: the scheme's share at risk and caps, and a fieldset per indicator in the contract's
/// order. Field names match the use case's problem names ("Incentives[2].Floor" is <c>Input.Incentives[2].Floor</c>),
/// so every refusal lands beside the box it is about.
/// </summary>
public sealed class SchemeForm
{
    public const string NotInScheme = "None";

    /// <summary>The problem name the scheme gives weights that do not add up; shown above the indicators.</summary>
    public const string WeightsField = "Input.Weights";

    /// <summary>The parts of an indicator's fieldset that have a box (or radios) of their own.</summary>
    public static IReadOnlyList<string> Parts { get; } =
    [
        nameof(IncentiveField.Mechanism), nameof(IncentiveField.WeightPercent), nameof(IncentiveField.GoodPercent),
        nameof(IncentiveField.ApproachingPercent), nameof(IncentiveField.RequiresImprovementPercent), nameof(IncentiveField.InadequatePercent),
        nameof(IncentiveField.Floor), nameof(IncentiveField.Stretch), nameof(IncentiveField.BonusCap),
        nameof(IncentiveField.PricePerOutcome), nameof(IncentiveField.Threshold), nameof(IncentiveField.Cap), nameof(IncentiveField.CreditAmount),
    ];

    public static IReadOnlyList<string> SchemeFields { get; } =
        ["Input.ShareAtRiskPercent", "Input.AnnualCap", "Input.TermCap", "Input.ServiceCreditCapPercent", WeightsField];

    public string? ShareAtRiskPercent { get; set; }

    public string? AnnualCap { get; set; }

    public string? TermCap { get; set; }

    public string? ServiceCreditCapPercent { get; set; }

    public IList<IncentiveField> Incentives { get; } = [];

    public static string FieldName(int index, string part) =>
        string.Create(CultureInfo.InvariantCulture, $"Input.{nameof(Incentives)}[{index}].{part}");

    public static string FieldId(int index, string part) =>
        string.Create(CultureInfo.InvariantCulture, $"Input_{nameof(Incentives)}_{index}__{part}");

    /// <summary>The form filled from the saved scheme: a fieldset for every indicator, "Not in the scheme" where it has no incentive.</summary>
    public static SchemeForm From(IncentiveSchemeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var scheme = view.Scheme;
        var form = new SchemeForm
        {
            ShareAtRiskPercent = Editable(scheme?.ShareAtRiskPercent),
            AnnualCap = Editable(scheme?.AnnualCap?.Amount),
            TermCap = Editable(scheme?.TermCap?.Amount),
            ServiceCreditCapPercent = Editable(scheme?.ServiceCreditCapPercent),
        };
        foreach (var indicator in view.Indicators)
        {
            var incentive = scheme?.Incentives.FirstOrDefault(i => i.IndicatorId == indicator.Id);
            form.Incentives.Add(incentive is null
                ? new IncentiveField { IndicatorId = indicator.Id, Mechanism = NotInScheme }
                : new IncentiveField
                {
                    IndicatorId = indicator.Id,
                    Mechanism = incentive.Mechanism.ToString(),
                    WeightPercent = Editable(incentive.WeightPercent),
                    GoodPercent = Editable(incentive.GoodPercent),
                    ApproachingPercent = Editable(incentive.ApproachingPercent),
                    RequiresImprovementPercent = Editable(incentive.RequiresImprovementPercent),
                    InadequatePercent = Editable(incentive.InadequatePercent),
                    Floor = Editable(incentive.Floor),
                    Stretch = Editable(incentive.Stretch),
                    BonusCap = Editable(incentive.BonusCap?.Amount),
                    PricePerOutcome = Editable(incentive.PricePerOutcome?.Amount),
                    Threshold = Editable(incentive.Threshold),
                    Cap = Editable(incentive.Cap?.Amount),
                    CreditAmount = Editable(incentive.CreditAmount?.Amount),
                });
        }

        return form;
    }

    /// <summary>Whether the posted fieldsets are the contract's indicators in the same order.</summary>
    public bool Matches(IncentiveSchemeView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Incentives.Select(i => i.IndicatorId).SequenceEqual(view.Indicators.Select(i => i.Id));
    }

    /// <summary>The mechanism chosen in a fieldset; null for "Not in the scheme" (or nothing chosen).</summary>
    public static IncentiveMechanism? Chosen(IncentiveField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Enum.TryParse<IncentiveMechanism>(field.Mechanism, ignoreCase: false, out var mechanism) && Enum.IsDefined(mechanism)
            ? mechanism
            : null;
    }

    /// <summary>
    /// Reads the scheme, one incentive per fieldset in form order (so the use case's <c>Incentives[i]</c> problems land
    /// in the right fieldset). Only the boxes the chosen mechanism uses are read; one that is not a number gets a
    /// message beside it.
    /// </summary>
    public ParsedScheme Read(IncentiveSchemeView view, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(modelState);
        var names = view.Indicators.ToDictionary(i => i.Id, i => i.Name);
        var incentives = new List<IncentiveInput>();
        for (var i = 0; i < Incentives.Count; i++)
        {
            var field = Incentives[i];
            var name = names.TryGetValue(field.IndicatorId, out var n) ? n : "the indicator";
            var index = i;
            decimal? Number(string part, string? text, string what) => modelState.Number(FieldName(index, part), text, $"{what} for {name}");

            if (!string.IsNullOrEmpty(field.Mechanism) && field.Mechanism != NotInScheme && Chosen(field) is null)
            {
                modelState.AddModelError(FieldName(i, nameof(IncentiveField.Mechanism)), $"Select how {name} is paid");
                incentives.Add(new IncentiveInput(field.IndicatorId, null));
                continue;
            }

            var mechanism = Chosen(field);
            incentives.Add(mechanism switch
            {
                IncentiveMechanism.RatingBands => new IncentiveInput(
                    field.IndicatorId,
                    mechanism,
                    WeightPercent: Number(nameof(field.WeightPercent), field.WeightPercent, "The weight"),
                    GoodPercent: Number(nameof(field.GoodPercent), field.GoodPercent, "The percentage earned at Good"),
                    ApproachingPercent: Number(nameof(field.ApproachingPercent), field.ApproachingPercent, "The percentage earned at Approaching target"),
                    RequiresImprovementPercent: Number(nameof(field.RequiresImprovementPercent), field.RequiresImprovementPercent, "The percentage earned at Requires improvement"),
                    InadequatePercent: Number(nameof(field.InadequatePercent), field.InadequatePercent, "The percentage earned at Inadequate")),
                IncentiveMechanism.Graded => new IncentiveInput(
                    field.IndicatorId,
                    mechanism,
                    WeightPercent: Number(nameof(field.WeightPercent), field.WeightPercent, "The weight"),
                    Floor: Number(nameof(field.Floor), field.Floor, "The floor"),
                    Stretch: Number(nameof(field.Stretch), field.Stretch, "The stretch target"),
                    BonusCap: Number(nameof(field.BonusCap), field.BonusCap, "The bonus cap")),
                IncentiveMechanism.RateCard => new IncentiveInput(
                    field.IndicatorId,
                    mechanism,
                    WeightPercent: Number(nameof(field.WeightPercent), field.WeightPercent, "The weight"),
                    PricePerOutcome: Number(nameof(field.PricePerOutcome), field.PricePerOutcome, "The price per outcome"),
                    Threshold: Number(nameof(field.Threshold), field.Threshold, "The threshold"),
                    Cap: Number(nameof(field.Cap), field.Cap, "The cap")),
                IncentiveMechanism.ServiceCredit => new IncentiveInput(
                    field.IndicatorId,
                    mechanism,
                    CreditAmount: Number(nameof(field.CreditAmount), field.CreditAmount, "The service credit")),
                _ => new IncentiveInput(field.IndicatorId, null),
            });
        }

        return new ParsedScheme(
            modelState.Number("Input.ShareAtRiskPercent", ShareAtRiskPercent, "The share at risk"),
            modelState.Number("Input.AnnualCap", AnnualCap, "The annual cap"),
            modelState.Number("Input.TermCap", TermCap, "The term cap"),
            modelState.Number("Input.ServiceCreditCapPercent", ServiceCreditCapPercent, "The service credit cap"),
            incentives);
    }

    /// <summary>
    /// Puts each refusal where this form shows it: a problem about which indicator an incentive is for goes beside
    /// that fieldset's mechanism; a name the form has no box for goes to the error summary only.
    /// </summary>
    public void PlaceErrors(ModelStateDictionary modelState, Action<string, string> move)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(move);
        var known = new HashSet<string>(SchemeFields, StringComparer.Ordinal);
        for (var i = 0; i < Incentives.Count; i++)
        {
            foreach (var part in Parts)
            {
                known.Add(FieldName(i, part));
            }

            move(FieldName(i, nameof(IncentiveField.IndicatorId)), FieldName(i, nameof(IncentiveField.Mechanism)));
        }

        foreach (var key in modelState.Where(e => e.Value is { Errors.Count: > 0 } && e.Key.Length > 0 && !known.Contains(e.Key)).Select(e => e.Key).ToList())
        {
            move(key, string.Empty);
        }
    }

    private static string? Editable(decimal? value) => ContractDisplay.Editable(value);
}
