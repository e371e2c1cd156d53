using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK select: <c>&lt;govuk-select asp-for="Input.ProviderId" label="Provider" hint="..." asp-items="Model.Providers"
/// select-class="..." label-class="..." label-is-page-heading="false" /&gt;</c>. An option is selected when its value
/// (or text, when it has no value) equals the current value; with no current value, <see cref="SelectListItem.Selected"/> counts.
/// </summary>
[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper(IHtmlGenerator generator) : GovukFieldTagHelperBase(generator)
{
    [HtmlAttributeName("label")]
    public string? Label { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("select-class")]
    public string? SelectClass { get; set; }

    [HtmlAttributeName("label-class")]
    public string? LabelClass { get; set; }

    [HtmlAttributeName("label-is-page-heading")]
    public bool LabelIsPageHeading { get; set; }

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

        var select = GovukMarkup.Element(
            "select",
            GovukMarkup.Classes("govuk-select", SelectClass, error is null ? null : "govuk-select--error"));
        select.Attributes["id"] = id;
        select.Attributes["name"] = FieldName;
        var describedBy = GovukMarkup.DescribedBy(hintId, errorId);
        if (describedBy is not null)
        {
            select.Attributes["aria-describedby"] = describedBy;
        }

        var current = CurrentValue();
        foreach (var item in Items ?? [])
        {
            var option = GovukMarkup.Element("option", null, item.Text);
            if (item.Value is not null)
            {
                option.Attributes["value"] = item.Value;
            }

            var effectiveValue = item.Value ?? item.Text;
            var selected = current is null ? item.Selected : string.Equals(effectiveValue, current, StringComparison.Ordinal);
            if (selected)
            {
                option.Attributes["selected"] = "selected";
            }

            if (item.Disabled)
            {
                option.Attributes["disabled"] = "disabled";
            }

            select.InnerHtml.AppendHtml(option);
        }

        content.AppendHtml(select);
        output.Content.SetHtmlContent(content);
    }
}
