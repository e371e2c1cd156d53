using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK back link: <c>&lt;govuk-back-link href="/Contracts" /&gt;</c> ("Back"), or with content for other text.
/// Put it in <c>@section BeforeContent { ... }</c> so it sits above <c>main</c>.
/// </summary>
[HtmlTargetElement("govuk-back-link")]
public sealed class GovukBackLinkTagHelper : TagHelper
{
    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var childContent = await output.GetChildContentAsync().ConfigureAwait(false);
        output.TagName = "a";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("href", string.IsNullOrEmpty(Href) ? "#" : Href);
        output.AddClass("govuk-back-link", HtmlEncoder.Default);
        if (childContent.IsEmptyOrWhiteSpace)
        {
            output.Content.SetContent("Back");
        }
    }
}
