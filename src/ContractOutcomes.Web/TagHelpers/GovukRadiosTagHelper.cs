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
public sealed class GovukRadiosTagHelper(IHtmlGenerator generator) : GovukChoicesTagHelperBase(generator)
{
    [HtmlAttributeName("inline")]
    public bool Inline { get; set; }

    protected override string Component => "radios";

    protected override string InputType => "radio";

    protected override string? Modifier => Inline ? "govuk-radios--inline" : null;

    protected override Func<SelectListItem, string, bool> SelectionTest()
    {
        var current = CurrentValue();
        return (item, value) => current is null ? item.Selected : string.Equals(value, current, StringComparison.Ordinal);
    }
}
