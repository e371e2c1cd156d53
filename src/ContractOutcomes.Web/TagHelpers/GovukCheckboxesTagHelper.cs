using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK checkboxes in a fieldset, bound to a collection property (for example <c>List&lt;string&gt;</c> or an enum list):
/// <c>&lt;govuk-checkboxes asp-for="Input.Roles" legend="Roles" hint="..." asp-items="Model.RoleOptions" small="false"
/// legend-class="..." legend-is-page-heading="false" /&gt;</c>. Every box posts the same name with its own value.
/// The first checkbox's id is the field id; the others get <c>-2</c>, <c>-3</c>….
/// </summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper(IHtmlGenerator generator) : GovukFieldTagHelperBase(generator)
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

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

        var checkboxes = GovukMarkup.Element("div", GovukMarkup.Classes("govuk-checkboxes", Small ? "govuk-checkboxes--small" : null));
        checkboxes.Attributes["data-module"] = "govuk-checkboxes";
        var current = CurrentValues() is { } values ? new HashSet<string>(values, StringComparer.Ordinal) : null;
        var position = 0;
        foreach (var item in Items ?? [])
        {
            position++;
            var itemId = GovukMarkup.ItemId(id, position);
            var value = item.Value ?? item.Text;
            var row = GovukMarkup.Element("div", "govuk-checkboxes__item");
            var input = GovukMarkup.Void("input");
            input.Attributes["class"] = "govuk-checkboxes__input";
            input.Attributes["id"] = itemId;
            input.Attributes["name"] = FieldName;
            input.Attributes["type"] = "checkbox";
            input.Attributes["value"] = value;
            if (current is null ? item.Selected : current.Contains(value))
            {
                input.Attributes["checked"] = "checked";
            }

            if (item.Disabled)
            {
                input.Attributes["disabled"] = "disabled";
            }

            row.InnerHtml.AppendHtml(input);
            row.InnerHtml.AppendHtml(GovukMarkup.Label(itemId, item.Text, "govuk-checkboxes__label", isPageHeading: false));
            checkboxes.InnerHtml.AppendHtml(row);
        }

        inner.AppendHtml(checkboxes);
        output.Content.SetHtmlContent(GovukMarkup.Fieldset(
            Legend ?? DefaultLabel,
            LegendClass ?? (LegendIsPageHeading ? "govuk-fieldset__legend--l" : null),
            LegendIsPageHeading,
            GovukMarkup.DescribedBy(hintId, errorId),
            role: null,
            inner));
    }
}
