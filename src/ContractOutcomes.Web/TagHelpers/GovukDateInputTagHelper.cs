using ContractOutcomes.Web.Forms;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK date input bound to a <see cref="DateInput"/> property:
/// <c>&lt;govuk-date-input asp-for="Input.StartDate" legend="Start date" hint="For example, 27 3 2026"
/// legend-class="..." legend-is-page-heading="false" /&gt;</c>.
/// Renders inputs named <c>Input.StartDate.Day</c>/<c>.Month</c>/<c>.Year</c> with ids <c>Input_StartDate_Day</c> etc.
/// <para>
/// Errors: add the message under the property's key (<c>Input.StartDate</c>) to highlight all three boxes, or under
/// <c>Input.StartDate.Month</c> (etc.) to highlight one box. The error summary links a <c>DateInput</c> key to its
/// day box (<c>#Input_StartDate_Day</c>) by itself — see <see cref="GovukErrorSummaryTagHelper"/>.
/// </para>
/// </summary>
[HtmlTargetElement("govuk-date-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateInputTagHelper(IHtmlGenerator generator) : GovukFieldTagHelperBase(generator)
{
    [HtmlAttributeName("legend")]
    public string? Legend { get; set; }

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeName("legend-class")]
    public string? LegendClass { get; set; }

    [HtmlAttributeName("legend-is-page-heading")]
    public bool LegendIsPageHeading { get; set; }

    protected override void Render(TagHelperContext context, TagHelperOutput output)
    {
        if (For.Metadata.ModelType != typeof(DateInput))
        {
            throw new InvalidOperationException(
                $"<govuk-date-input asp-for=\"{For.Name}\"> must be bound to a {nameof(DateInput)} property, not {For.Metadata.ModelType.Name}.");
        }

        var name = FieldName;
        var id = FieldId;
        var model = For.Model as DateInput;
        var parts = new[]
        {
            new Part(nameof(DateInput.Day), "Day", model?.Day, "govuk-input--width-2"),
            new Part(nameof(DateInput.Month), "Month", model?.Month, "govuk-input--width-2"),
            new Part(nameof(DateInput.Year), "Year", model?.Year, "govuk-input--width-4"),
        };

        var wholeError = FirstError(name);
        var partErrors = parts.Select(p => FirstError(name + "." + p.Property)).ToArray();
        var error = wholeError ?? partErrors.FirstOrDefault(e => e is not null);
        var hint = Hint ?? DefaultHint;
        var hintId = string.IsNullOrEmpty(hint) ? null : id + "-hint";
        var errorId = error is null ? null : id + "-error";

        RenderAsFormGroup(output, error is not null);
        var inner = new HtmlContentBuilder();
        AppendHintAndError(inner, hintId, hint, errorId, error);

        var dateInput = GovukMarkup.Element("div", "govuk-date-input");
        dateInput.Attributes["id"] = id;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var partName = name + "." + part.Property;
            var partId = IdFor(partName);
            var value = ViewContext.ViewData.ModelState.TryGetValue(partName, out var entry) && entry.AttemptedValue is not null
                ? entry.AttemptedValue
                : part.ModelValue;
            var highlighted = wholeError is not null || partErrors[i] is not null;

            var item = GovukMarkup.Element("div", "govuk-date-input__item");
            var group = GovukMarkup.Element("div", "govuk-form-group");
            group.InnerHtml.AppendHtml(GovukMarkup.Label(partId, part.Label, "govuk-date-input__label", isPageHeading: false));
            var input = GovukMarkup.Void("input");
            input.Attributes["class"] = GovukMarkup.Classes(
                "govuk-input", "govuk-date-input__input", part.WidthClass, highlighted ? "govuk-input--error" : null);
            input.Attributes["id"] = partId;
            input.Attributes["name"] = partName;
            input.Attributes["type"] = "text";
            input.Attributes["inputmode"] = "numeric";
            if (!string.IsNullOrEmpty(value))
            {
                input.Attributes["value"] = value;
            }

            group.InnerHtml.AppendHtml(input);
            item.InnerHtml.AppendHtml(group);
            dateInput.InnerHtml.AppendHtml(item);
        }

        inner.AppendHtml(dateInput);
        output.Content.SetHtmlContent(GovukMarkup.Fieldset(
            Legend ?? DefaultLabel,
            LegendClass ?? (LegendIsPageHeading ? "govuk-fieldset__legend--l" : null),
            LegendIsPageHeading,
            GovukMarkup.DescribedBy(hintId, errorId),
            role: "group",
            inner));
    }

    private sealed record Part(string Property, string Label, string? ModelValue, string WidthClass);
}
