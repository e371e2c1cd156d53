using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK radios in a fieldset: <c>&lt;govuk-radios asp-for="Input.Status" legend="Status" hint="..." asp-items="Model.Statuses"
/// inline="false" small="false" legend-class="govuk-fieldset__legend--m" legend-is-page-heading="false" /&gt;</c>.
/// The first radio's id is the field id (for example <c>Input_Status</c>), the others get <c>-2</c>, <c>-3</c>…,
/// so an error summary link to the field lands on the first radio.
/// </summary>
[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper(IHtmlGenerator generator) : GovukFieldTagHelperBase(generator)
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    [HtmlAttributeName("small")]
    public bool Small { get; set; }

    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    protected override void Render(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = FirstError(FieldName);
        var hint = Hint ?? DefaultHint;
        var hintId = string.IsNullOrEmpty(hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

        RenderAsFormGroup(output, error is not null);
        var inner = new HtmlContentBuilder();
        if (hintId is not null)
        {
            inner.AppendHtml(GovukMarkup.Hint(hintId, hint!));
        }

        if (errorId is not null)
        {
            inner.AppendHtml(GovukMarkup.ErrorMessage(errorId, error!));
        }

        var radios = GovukMarkup.Element(
            "div",
            GovukMarkup.Classes("govuk-radios", Inline ? "govuk-radios--inline" : null, Small ? "govuk-radios--small" : null));
        radios.Attributes["data-module"] = "govuk-radios";
        var current = CurrentValue();
        var position = 0;
        foreach (var item in Items ?? [])
        {
            position++;
            var itemId = GovukMarkup.ItemId(id, position);
            var value = item.Value ?? item.Text;
            var row = GovukMarkup.Element("div", "govuk-radios__item");
            var input = GovukMarkup.Void("input");
            input.Attributes["class"] = "govuk-radios__input";
            input.Attributes["id"] = itemId;
            input.Attributes["name"] = FieldName;
            input.Attributes["type"] = "radio";
            input.Attributes["value"] = value;
            if (current is null ? item.Selected : string.Equals(value, current, StringComparison.Ordinal))
            {
                input.Attributes["checked"] = "checked";
            }

            if (item.Disabled)
            {
                input.Attributes["disabled"] = "disabled";
            }

            row.InnerHtml.AppendHtml(input);
            row.InnerHtml.AppendHtml(GovukMarkup.Label(itemId, item.Text, "govuk-radios__label", isPageHeading: false));
            radios.InnerHtml.AppendHtml(row);
        }

        inner.AppendHtml(radios);
        output.Content.SetHtmlContent(GovukMarkup.Fieldset(
            Legend ?? DefaultLabel,
            LegendClass ?? (LegendIsPageHeading ? "govuk-fieldset__legend--l" : null),
            LegendIsPageHeading,
            GovukMarkup.DescribedBy(hintId, errorId),
            role: null,
            inner));
    }
}
