using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// What GOV.UK radios and checkboxes share: a fieldset with legend, hint and error message around a list
/// of choices, each an input with its own label. Subclasses say which kind of input and which are chosen.
/// </summary>
public abstract class GovukChoicesTagHelperBase(IHtmlGenerator generator) : GovukFieldTagHelperBase(generator)
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

    /// <summary>"radios" or "checkboxes": the GOV.UK component name, which is also the class prefix.</summary>
    protected abstract string Component { get; }

    /// <summary>"radio" or "checkbox".</summary>
    protected abstract string InputType { get; }

    /// <summary>Extra modifier classes for the list, such as the inline radios layout.</summary>
    protected virtual string? Modifier => null;

    /// <summary>Whether the choice with this value is selected, given what was posted or is in the model.</summary>
    protected abstract Func<SelectListItem, string, bool> SelectionTest();

    protected override void Render(TagHelperContext context, TagHelperOutput output)
    {
        var id = FieldId;
        var error = FirstError(FieldName);
        var hint = Hint ?? DefaultHint;
        var hintId = string.IsNullOrEmpty(hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

        RenderAsFormGroup(output, error is not null);
        var inner = new HtmlContentBuilder();
        AppendHintAndError(inner, hintId, hint, errorId, error);

        var list = GovukMarkup.Element("div", GovukMarkup.Classes($"govuk-{Component}", Modifier, Small ? $"govuk-{Component}--small" : null));
        list.Attributes["data-module"] = $"govuk-{Component}";
        var isSelected = SelectionTest();
        var position = 0;
        foreach (var item in Items ?? [])
        {
            position++;
            var itemId = GovukMarkup.ItemId(id, position);
            var value = item.Value ?? item.Text;
            var row = GovukMarkup.Element("div", $"govuk-{Component}__item");
            var input = GovukMarkup.Void("input");
            input.Attributes["class"] = $"govuk-{Component}__input";
            input.Attributes["id"] = itemId;
            input.Attributes["name"] = FieldName;
            input.Attributes["type"] = InputType;
            input.Attributes["value"] = value;
            if (isSelected(item, value))
            {
                input.Attributes["checked"] = "checked";
            }

            if (item.Disabled)
            {
                input.Attributes["disabled"] = "disabled";
            }

            row.InnerHtml.AppendHtml(input);
            row.InnerHtml.AppendHtml(GovukMarkup.Label(itemId, item.Text, $"govuk-{Component}__label", isPageHeading: false));
            list.InnerHtml.AppendHtml(row);
        }

        inner.AppendHtml(list);
        output.Content.SetHtmlContent(GovukMarkup.Fieldset(
            Legend ?? DefaultLabel,
            LegendClass ?? (LegendIsPageHeading ? "govuk-fieldset__legend--l" : null),
            LegendIsPageHeading,
            GovukMarkup.DescribedBy(hintId, errorId),
            role: null,
            inner));
    }
}
