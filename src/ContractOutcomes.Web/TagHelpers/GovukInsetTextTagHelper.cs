using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>GOV.UK inset text: <c>&lt;govuk-inset-text&gt;content&lt;/govuk-inset-text&gt;</c>.</summary>
[HtmlTargetElement("govuk-inset-text")]
public sealed class GovukInsetTextTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-inset-text", HtmlEncoder.Default);
    }
}
