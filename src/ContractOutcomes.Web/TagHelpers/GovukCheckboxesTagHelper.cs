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
public sealed class GovukCheckboxesTagHelper(IHtmlGenerator generator) : GovukChoicesTagHelperBase(generator)
{
    protected override string Component => "checkboxes";

    protected override string InputType => "checkbox";

    protected override Func<SelectListItem, string, bool> SelectionTest()
    {
        var current = CurrentValues() is { } values ? new HashSet<string>(values, StringComparer.Ordinal) : null;
        return (item, value) => current is null ? item.Selected : current.Contains(value);
    }
}
