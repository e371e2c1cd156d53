using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK text input:
/// <c>&lt;govuk-input asp-for="Input.Target" label="Target" hint="..." type="text|number|email|password|tel|url"
/// input-class="govuk-input--width-10" prefix="£" suffix="%" autocomplete="..." inputmode="decimal"
/// spellcheck="false" label-class="govuk-label--m" label-is-page-heading="false" /&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper(IHtmlGenerator generator) : GovukFieldTagHelperBase(generator)
{
    /// <summary>Label text; defaults to the property's display name.</summary>
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    /// <summary>Hint text; defaults to [Display(Description)].</summary>
    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("type")]
    public string InputType { get; set; } = "text";

    /// <summary>Extra classes on the input, for example <c>govuk-input--width-10</c>.</summary>
    [HtmlAttributeName("input-class")]
    public string? InputClass { get; set; }

    /// <summary>Extra classes on the label, for example <c>govuk-label--l</c>.</summary>
    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("prefix")]
    public string? Prefix { get; set; }

    [HtmlAttributeName("suffix")]
    public string? Suffix { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

    [HtmlAttributeName("inputmode")]
    public string? InputMode { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    protected override void Render(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = FirstError(FieldName);
        var hint = Hint ?? DefaultHint;
        var hintId = string.IsNullOrEmpty(hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

        RenderAsFormGroup(output, error is not null);
        var content = new HtmlContentBuilder();
        content.AppendHtml(GovukMarkup.Label(
            id,
            Label ?? DefaultLabel,
            LabelClass ?? (LabelIsPageHeading ? "govuk-label--l" : null),
            LabelIsPageHeading));
        AppendHintAndError(content, hintId, hint, errorId, error);

        var input = GovukMarkup.Void("input");
        input.Attributes["class"] = GovukMarkup.Classes("govuk-input", InputClass, error is null ? null : "govuk-input--error");
        input.Attributes["id"] = id;
        input.Attributes["name"] = FieldName;
        input.Attributes["type"] = string.IsNullOrWhiteSpace(InputType) ? "text" : InputType;
        var isPassword = string.Equals(InputType, "password", StringComparison.OrdinalIgnoreCase);
        var value = isPassword ? null : CurrentValue();
        if (value is not null)
        {
            input.Attributes["value"] = value;
        }

        if (Spellcheck is { } spellcheck)
        {
            input.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }

        var describedBy = GovukMarkup.DescribedBy(hintId, errorId);
        if (describedBy is not null)
        {
            input.Attributes["aria-describedby"] = describedBy;
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            input.Attributes["autocomplete"] = Autocomplete;
        }

        if (!string.IsNullOrEmpty(InputMode))
        {
            input.Attributes["inputmode"] = InputMode;
        }

        if (string.IsNullOrEmpty(Prefix) && string.IsNullOrEmpty(Suffix))
        {
            content.AppendHtml(input);
        }
        else
        {
            var wrapper = GovukMarkup.Element("div", "govuk-input__wrapper");
            if (!string.IsNullOrEmpty(Prefix))
            {
                wrapper.InnerHtml.AppendHtml(Affix("govuk-input__prefix", Prefix));
            }

            wrapper.InnerHtml.AppendHtml(input);
            if (!string.IsNullOrEmpty(Suffix))
            {
                wrapper.InnerHtml.AppendHtml(Affix("govuk-input__suffix", Suffix));
            }

            content.AppendHtml(wrapper);
        }

        output.Content.SetHtmlContent(content);
    }

    private static TagBuilder Affix(string cssClass, string text)
    {
        var affix = GovukMarkup.Element("div", cssClass, text);
        affix.Attributes["aria-hidden"] = "true";
        return affix;
    }
}
