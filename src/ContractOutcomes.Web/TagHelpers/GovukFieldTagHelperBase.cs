using Microsoft.AspNetCore.Html;
using System.Collections;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// Shared plumbing for GOV.UK form components bound with <c>asp-for</c>: the field's name and id (the same
/// ones ASP.NET Core generates), its first ModelState error, and the value to show (what the user typed, when
/// the form is redisplayed, otherwise the model value).
/// </summary>
public abstract class GovukFieldTagHelperBase : TagHelper
{
    protected GovukFieldTagHelperBase(IHtmlGenerator generator)
    {
        Generator = generator;
    }

    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    protected IHtmlGenerator Generator { get; }

    /// <summary>The form field name, for example <c>Input.Target</c>.</summary>
    protected string FieldName => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);

    /// <summary>The element id ASP.NET Core would generate for <paramref name="name"/>, for example <c>Input_Target</c>.</summary>
    protected string IdFor(string name) => TagBuilder.CreateSanitizedId(name, Generator.IdAttributeDotReplacement);

    protected string FieldId => IdFor(FieldName);

    /// <summary>The display name from [Display(Name)] or the property name, used when no label/legend is given.</summary>
    protected string DefaultLabel => For.Metadata.GetDisplayName();

    protected string? DefaultHint => For.Metadata.Description;

    /// <summary>Records the field (for the error summary's ordering), then renders it with <see cref="Render"/>.</summary>
    public sealed override void Process(TagHelperContext context, TagHelperOutput output)
    {
        GovukFieldOrder.Register(ViewContext.HttpContext, FieldName);
        Render(context, output);
    }

    protected abstract void Render(TagHelperContext context, TagHelperOutput output);

    /// <summary>The hint, then the error message, as every GOV.UK field shows them between its label and its control.</summary>
    protected static void AppendHintAndError(HtmlContentBuilder content, string? hintId, string? hint, string? errorId, string? error)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (hintId is not null)
        {
            content.AppendHtml(GovukMarkup.Hint(hintId, hint!));
        }

        if (errorId is not null)
        {
            content.AppendHtml(GovukMarkup.ErrorMessage(errorId, error!));
        }
    }

    protected void RenderAsFormGroup(TagHelperOutput output, bool hasError)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-form-group", System.Text.Encodings.Web.HtmlEncoder.Default);
        if (hasError)
        {
            output.AddClass("govuk-form-group--error", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
    }

    /// <summary>The first error recorded for <paramref name="name"/>, or null.</summary>
    protected string? FirstError(string name)
    {
        if (!ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) || entry.Errors.Count == 0)
        {
            return null;
        }

        return ErrorText(entry.Errors[0]);
    }

    internal static string ErrorText(ModelError error) =>
        string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value" : error.ErrorMessage;

    /// <summary>The value to show: what was posted (even when it failed to bind), else the formatted model value.</summary>
    protected string? CurrentValue()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.AttemptedValue is not null)
        {
            return entry.AttemptedValue;
        }

        return Format(For.Model);
    }

    /// <summary>The posted values (checkboxes), else the items of the model collection, else null.</summary>
    protected IReadOnlyCollection<string>? CurrentValues()
    {
        if (ViewContext.ViewData.ModelState.TryGetValue(FieldName, out var entry) && entry.RawValue is not null)
        {
            return entry.RawValue switch
            {
                string single => [single],
                IEnumerable many => many.Cast<object?>().Select(Format).OfType<string>().ToArray(),
                var other => [Format(other) ?? string.Empty],
            };
        }

        return For.Model switch
        {
            null => null,
            string single => [single],
            IEnumerable many => many.Cast<object?>().Select(Format).OfType<string>().ToArray(),
            var other => [Format(other) ?? string.Empty],
        };
    }

    private string? Format(object? value)
    {
        if (value is null)
        {
            return null;
        }

        var editFormat = For.Metadata.EditFormatString;
        if (!string.IsNullOrEmpty(editFormat) && value is not IEnumerable)
        {
            return string.Format(CultureInfo.CurrentCulture, editFormat, value);
        }

        return value is IFormattable formattable
            ? formattable.ToString(null, CultureInfo.CurrentCulture)
            : value.ToString();
    }
}
