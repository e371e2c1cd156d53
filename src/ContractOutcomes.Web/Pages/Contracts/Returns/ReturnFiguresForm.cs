using System.Globalization;
using System.Text.RegularExpressions;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>
/// Reads a figure as a person types it. Thousands separators are allowed only in the right places ("1,250"),
/// so a European decimal comma or a slip ("1,2,3") is refused rather than silently read as another number.
/// A leading "£" and a trailing "%" are ignored, as the boxes show them beside the figure anyway.
/// </summary>
public static partial class FigureText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim();
        if (cleaned.StartsWith('£'))
        {
            cleaned = cleaned[1..].TrimStart();
        }

        if (cleaned.EndsWith('%'))
        {
            cleaned = cleaned[..^1].TrimEnd();
        }

        return PlainNumber().IsMatch(cleaned)
            && decimal.TryParse(
                cleaned.Replace(",", string.Empty, StringComparison.Ordinal),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out value);
    }

    /// <summary>Null when blank; adds "{what} must be a number, like 42 or 1,250" beside the field when it is not one.</summary>
    public static decimal? Read(ModelStateDictionary modelState, string field, string? text, string what)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TryParse(text, out var value))
        {
            return value;
        }

        modelState.AddModelError(field, $"{what} must be a number, like 42 or 1,250");
        return null;
    }

    /// <summary>A stored figure as it goes back into a box: "85", "1250.5".</summary>
    public static string? Editable(decimal? value) => ContractDisplay.Editable(value);

    /// <summary>A figure in a sentence: "1,250.5".</summary>
    public static string Words(decimal value) => value.ToString("#,##0.####", CultureInfo.GetCultureInfo("en-GB"));

    [GeneratedRegex(@"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}

/// <summary>
/// One indicator's boxes on the return form, as typed, with the values the user first saw (the Original*
/// fields, posted back hidden) so that a change someone else made meanwhile can be described precisely.
/// </summary>
public sealed class FigureField
{
    public Guid IndicatorId { get; set; }

    public string? Value { get; set; }

    public string? Numerator { get; set; }

    public string? Denominator { get; set; }

    public string? Commentary { get; set; }

    public string? OriginalValue { get; set; }

    public string? OriginalNumerator { get; set; }

    public string? OriginalDenominator { get; set; }

    public string? OriginalCommentary { get; set; }
}

/// <summary>Something another user changed in a return while this user was editing it.</summary>
/// <param name="Field">The form field it concerns, or empty for the return as a whole.</param>
public sealed record OtherChange(string Field, string Message);

/// <summary>The return form: a figure and commentary per indicator, in the order the contract lists them.</summary>
public sealed class ReturnFiguresForm
{
    public IList<FigureField> Figures { get; } = [];

    public static ReturnFiguresForm From(ReturnView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var form = new ReturnFiguresForm();
        foreach (var line in view.Lines)
        {
            var field = new FigureField { IndicatorId = line.IndicatorId };
            SetOriginals(field, line);
            field.Value = field.OriginalValue;
            field.Numerator = field.OriginalNumerator;
            field.Denominator = field.OriginalDenominator;
            field.Commentary = field.OriginalCommentary;
            form.Figures.Add(field);
        }

        return form;
    }

    public static string FieldName(int index, string part) =>
        string.Create(CultureInfo.InvariantCulture, $"Input.{nameof(Figures)}[{index}].{part}");

    /// <summary>The element id of a box, for links from the error summary and the check answers page.</summary>
    public static string FieldId(int index, string part) =>
        string.Create(CultureInfo.InvariantCulture, $"Input_{nameof(Figures)}_{index}__{part}");

    /// <summary>The box that holds the figure: the numerator for a ratio, else the value.</summary>
    public static string FigurePart(ReturnLineView line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Unit.IsRatio() ? nameof(FigureField.Numerator) : nameof(FigureField.Value);
    }

    /// <summary>Whether the posted rows are the contract's indicators in the same order.</summary>
    public bool Matches(ReturnView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return Figures.Select(f => f.IndicatorId).SequenceEqual(view.Lines.Select(l => l.IndicatorId));
    }

    /// <summary>
    /// The figures to send, one per indicator in form order (so the use case's <c>Figures[i]</c> errors land beside
    /// the right boxes). A box that is not a number gets a message beside it and the form is not worth sending.
    /// </summary>
    public IReadOnlyList<FigureInput> Read(ReturnView view, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(modelState);
        var lines = view.Lines.ToDictionary(l => l.IndicatorId);
        var inputs = new List<FigureInput>();
        for (var i = 0; i < Figures.Count; i++)
        {
            var field = Figures[i];
            if (!lines.TryGetValue(field.IndicatorId, out var line))
            {
                continue;
            }

            if (line.Unit.IsRatio())
            {
                var numerator = FigureText.Read(modelState, FieldName(i, nameof(FigureField.Numerator)), field.Numerator, $"The numerator for {line.Name}");
                var denominator = FigureText.Read(modelState, FieldName(i, nameof(FigureField.Denominator)), field.Denominator, $"The denominator for {line.Name}");
                inputs.Add(new FigureInput(line.IndicatorId, null, numerator, denominator, field.Commentary));
            }
            else
            {
                var value = FigureText.Read(modelState, FieldName(i, nameof(FigureField.Value)), field.Value, $"The value for {line.Name}");
                inputs.Add(new FigureInput(line.IndicatorId, value, null, null, field.Commentary));
            }
        }

        return inputs;
    }

    /// <summary>
    /// What is different in the return now from what the user first saw, field by field, credited to whoever
    /// changed the return last (the return records who last changed it, not who changed each figure).
    /// </summary>
    public IReadOnlyList<OtherChange> ChangesSince(ReturnView current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var by = string.IsNullOrWhiteSpace(current.LastChangedByName) ? "someone else" : current.LastChangedByName;
        var changes = new List<OtherChange>();
        for (var i = 0; i < Figures.Count; i++)
        {
            var field = Figures[i];
            var line = current.Lines.FirstOrDefault(l => l.IndicatorId == field.IndicatorId);
            if (line is null)
            {
                continue;
            }

            var now = new FigureField();
            SetOriginals(now, line);
            if (line.Unit.IsRatio())
            {
                AddNumberChange(changes, i, nameof(FigureField.Numerator), line.Name, "numerator", field.OriginalNumerator, now.OriginalNumerator, by);
                AddNumberChange(changes, i, nameof(FigureField.Denominator), line.Name, "denominator", field.OriginalDenominator, now.OriginalDenominator, by);
            }
            else
            {
                AddNumberChange(changes, i, nameof(FigureField.Value), line.Name, "value", field.OriginalValue, now.OriginalValue, by);
            }

            var before = Blank(field.OriginalCommentary);
            var after = Blank(now.OriginalCommentary);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                var what = (before, after) switch
                {
                    (null, _) => "commentary added",
                    (_, null) => "commentary removed",
                    _ => "commentary changed",
                };
                changes.Add(new OtherChange(FieldName(i, nameof(FigureField.Commentary)), $"{line.Name}: {what} by {by}"));
            }
        }

        return changes;
    }

    /// <summary>Makes the hidden "as first seen" values the current ones, so saving again deliberately replaces them.</summary>
    public void TakeOriginalsFrom(ReturnView current)
    {
        ArgumentNullException.ThrowIfNull(current);
        foreach (var field in Figures)
        {
            if (current.Lines.FirstOrDefault(l => l.IndicatorId == field.IndicatorId) is { } line)
            {
                SetOriginals(field, line);
            }
        }
    }

    private static void SetOriginals(FigureField field, ReturnLineView line)
    {
        var ratio = line.Unit.IsRatio();
        field.OriginalValue = ratio ? null : FigureText.Editable(line.Value);
        field.OriginalNumerator = ratio ? FigureText.Editable(line.Numerator) : null;
        field.OriginalDenominator = ratio ? FigureText.Editable(line.Denominator) : null;
        field.OriginalCommentary = line.Commentary;
    }

    private static void AddNumberChange(List<OtherChange> changes, int index, string part, string name, string what, string? before, string? after, string by)
    {
        decimal? was = FigureText.TryParse(before, out var b) ? b : null;
        decimal? now = FigureText.TryParse(after, out var a) ? a : null;
        if (was == now)
        {
            return;
        }

        var message = (was, now) switch
        {
            (null, { } n) => $"{name}: {what} {FigureText.Words(n)} entered by {by}",
            ({ } w, null) => $"{name}: {what} {FigureText.Words(w)} removed by {by}",
            _ => $"{name}: {what} changed from {FigureText.Words(was!.Value)} to {FigureText.Words(now!.Value)} by {by}",
        };
        changes.Add(new OtherChange(FieldName(index, part), message));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}
