using System.Globalization;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Escalation.GetEscalationRules;
using ContractOutcomes.Application.Escalation.SetEscalationRules;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Escalation;

/// <summary>
/// A contract's escalation rules in words, and for its commissioner while it is a draft, an editor: one fieldset per
/// rule, "Add another rule" and "Remove" buttons that post the form back and show it again (so they work without
/// JavaScript), and "Save rules", which replaces every rule at once.
/// </summary>
public sealed class RulesModel(IMediator mediator) : AppPageModel(mediator)
{
    public const string AddCommand = "add";
    public const string SaveCommand = "save";
    public const string RemovePrefix = "remove-";

    public EscalationRulesView View { get; private set; } = default!;

    /// <summary>The contract version the editor was built from.</summary>
    [BindProperty(Name = "expectedVersion")]
    public int? ExpectedVersion { get; set; }

    /// <summary>Which button was pressed: "add", "remove-{row}" or "save" (also when the form is sent with Enter).</summary>
    [BindProperty(Name = "command")]
    public string? Command { get; set; }

    [BindProperty]
    public List<RuleRow> Rules { get; set; } = [];

    public int FormVersion => ExpectedVersion ?? View.ContractVersion;

    public string ContractPath => Url.Page("/Contracts/Details", new { id = View.ContractId }) ?? "/Contracts";

    public string EscalationPath => Url.Page("/Contracts/Escalation/Index", new { id = View.ContractId }) ?? "/Contracts";

    public IReadOnlyList<SelectListItem> IndicatorOptions =>
        [new SelectListItem("Any indicator", string.Empty), .. View.Indicators.Select(i => new SelectListItem(i.Name, i.Id.ToString()))];

    public IReadOnlyList<SelectListItem> RatingOptions { get; } = EscalationDisplay.RatingOptions();

    public IReadOnlyList<SelectListItem> StageOptions { get; } = EscalationDisplay.StageOptions(EscalationDisplay.RaisableStages, "Select a stage");

    protected override string FieldPrefix => string.Empty;

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        Rules = [.. View.Rules.Select(RuleRow.From)];
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (!User.IsInRole(Roles.Commissioner))
        {
            return Forbid();
        }

        if (Command == AddCommand)
        {
            // The rows are shown again from the model, not from what was posted, because the rows have moved.
            ModelState.Clear();
            if (Rules.Count >= View.MaxRules)
            {
                ModelState.AddModelError(nameof(Rules), $"A contract can have at most {View.MaxRules} escalation rules");
            }
            else
            {
                Rules.Add(new RuleRow());
            }

            return Page();
        }

        if (Command?.StartsWith(RemovePrefix, StringComparison.Ordinal) == true)
        {
            ModelState.Clear();
            if (int.TryParse(Command.AsSpan(RemovePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row < Rules.Count)
            {
                Rules.RemoveAt(row);
            }

            return Page();
        }

        var inputs = Rules.Select((row, i) => row.ToInput(i, ModelState)).ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (succeeded, _) = await TrySendAsync(new SetEscalationRules(id, ExpectedVersion, inputs), cancellationToken);
        if (succeeded)
        {
            StatusMessage = "Escalation rules saved";
            TempData["StatusDetail"] = Rules.Count switch
            {
                0 => "The contract has no escalation rules.",
                1 => "The contract has 1 escalation rule.",
                _ => string.Create(CultureInfo.InvariantCulture, $"The contract has {Rules.Count} escalation rules."),
            };
            return RedirectToPage("/Contracts/Escalation/Rules", new { id });
        }

        // The request names the rating "AtOrBelow"; each kind of rule has its own rating box on the form.
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].RatingField is { } ratingField)
            {
                MoveErrors($"Rules[{i}].AtOrBelow", $"Rules[{i}].{ratingField}");
            }
        }

        return Page();
    }

    public static string ItemId(string baseId, int position) => TagHelpers.GovukMarkup.ItemId(baseId, position);

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        View = await Mediator.Send(new GetEscalationRules(id), cancellationToken);

    private void MoveErrors(string from, string to)
    {
        if (!ModelState.TryGetValue(from, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
        ModelState.Remove(from);
        foreach (var message in messages)
        {
            ModelState.AddModelError(to, message);
        }
    }
}

/// <summary>
/// One rule as typed into the editor. Everything is text, so what was typed can be shown again when it is wrong,
/// and each kind of rule has its own boxes (so the two rating boxes are separate fields).
/// </summary>
public sealed class RuleRow
{
    public string? Kind { get; set; }

    public string? IndicatorId { get; set; }

    public string? ConsecutiveRating { get; set; }

    public string? Periods { get; set; }

    public string? CountRating { get; set; }

    public string? IndicatorCount { get; set; }

    public string? DaysLate { get; set; }

    public string? ScoreBelow { get; set; }

    public string? Stage { get; set; }

    public EscalationRuleKind? ParsedKind => EscalationDisplay.Parse<EscalationRuleKind>(Kind);

    /// <summary>The form field that holds the rating for this row's kind of rule, if it has one.</summary>
    public string? RatingField => ParsedKind switch
    {
        EscalationRuleKind.ConsecutivePeriods => nameof(ConsecutiveRating),
        EscalationRuleKind.IndicatorsInPeriod => nameof(CountRating),
        _ => null,
    };

    public static RuleRow From(EscalationRuleView rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var rating = rule.AtOrBelow?.ToString();
        return new RuleRow
        {
            Kind = rule.Kind.ToString(),
            IndicatorId = rule.IndicatorId?.ToString(),
            ConsecutiveRating = rule.Kind == EscalationRuleKind.ConsecutivePeriods ? rating : null,
            CountRating = rule.Kind == EscalationRuleKind.IndicatorsInPeriod ? rating : null,
            Periods = rule.Periods?.ToString(CultureInfo.InvariantCulture),
            IndicatorCount = rule.IndicatorCount?.ToString(CultureInfo.InvariantCulture),
            DaysLate = rule.DaysLate?.ToString(CultureInfo.InvariantCulture),
            ScoreBelow = FormValues.Format(rule.ScoreBelow),
            Stage = rule.Stage.ToString(),
        };
    }

    /// <summary>
    /// The request's view of the row: only the boxes its kind uses are read. A number that is not a number is
    /// recorded in <paramref name="modelState"/> beside its box; an empty box is left for the request to ask for.
    /// </summary>
    public EscalationRuleInput ToInput(int row, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var kind = ParsedKind;
        var prefix = string.Create(CultureInfo.InvariantCulture, $"Rules[{row}].");
        var rule = string.Create(CultureInfo.InvariantCulture, $"(rule {row + 1})");
        int? Whole(string? text, string field, string what)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            modelState.AddModelError(prefix + field, $"{what} must be a whole number {rule}");
            return null;
        }

        decimal? score = null;
        if (kind == EscalationRuleKind.WeightedScoreBelow && !string.IsNullOrWhiteSpace(ScoreBelow))
        {
            if (FormValues.TryParseNumber(ScoreBelow, out var parsed))
            {
                score = parsed;
            }
            else
            {
                modelState.AddModelError(prefix + nameof(ScoreBelow), $"The score must be a number {rule}");
            }
        }

        return new EscalationRuleInput(
            kind,
            EscalationDisplay.Parse<EscalationStage>(Stage),
            kind == EscalationRuleKind.ConsecutivePeriods && Guid.TryParse(IndicatorId, out var indicator) ? indicator : null,
            kind switch
            {
                EscalationRuleKind.ConsecutivePeriods => EscalationDisplay.Parse<PerformanceRating>(ConsecutiveRating),
                EscalationRuleKind.IndicatorsInPeriod => EscalationDisplay.Parse<PerformanceRating>(CountRating),
                _ => null,
            },
            kind == EscalationRuleKind.ConsecutivePeriods ? Whole(Periods, nameof(Periods), "The number of consecutive periods") : null,
            kind == EscalationRuleKind.IndicatorsInPeriod ? Whole(IndicatorCount, nameof(IndicatorCount), "The number of indicators") : null,
            kind == EscalationRuleKind.LateReturn ? Whole(DaysLate, nameof(DaysLate), "The number of days late") : null,
            score);
    }
}
