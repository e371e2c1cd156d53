using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK textarea: <c>&lt;govuk-textarea asp-for="Input.Notes" label="Notes" hint="..." rows="5"
/// textarea-class="..." label-class="..." label-is-page-heading="false" spellcheck="true" /&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper(IHtmlGenerator generator) : GovukFieldTagHelperBase(generator)
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("rows")]
    public int Rows { get; set; } = 5;

    [HtmlAttributeName("textarea-class")]
    public string? TextareaClass { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

    [HtmlAttributeName("spellcheck")]
    public bool? Spellcheck { get; set; }

    [HtmlAttributeName("autocomplete")]
    public string? Autocomplete { get; set; }

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

        var textarea = GovukMarkup.Element(
            "textarea",
            GovukMarkup.Classes("govuk-textarea", error is null ? null : "govuk-textarea--error", TextareaClass));
        textarea.Attributes["id"] = id;
        textarea.Attributes["name"] = FieldName;
        textarea.Attributes["rows"] = (Rows > 0 ? Rows : 5).ToString(CultureInfo.InvariantCulture);
        if (Spellcheck is { } spellcheck)
        {
            textarea.Attributes["spellcheck"] = spellcheck ? "true" : "false";
        }

        var describedBy = GovukMarkup.DescribedBy(hintId, errorId);
        if (describedBy is not null)
        {
            textarea.Attributes["aria-describedby"] = describedBy;
        }

        if (!string.IsNullOrEmpty(Autocomplete))
        {
            textarea.Attributes["autocomplete"] = Autocomplete;
        }

        // A newline straight after <textarea> is dropped by HTML parsers; add one so a value that starts with a
        // newline survives the round trip (ASP.NET Core's own textarea helper does the same).
        textarea.InnerHtml.AppendLine();
        textarea.InnerHtml.Append(CurrentValue() ?? string.Empty);
        content.AppendHtml(textarea);
        output.Content.SetHtmlContent(content);
    }
}
