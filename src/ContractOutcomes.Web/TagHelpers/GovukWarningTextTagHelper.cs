using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK warning text: <c>&lt;govuk-warning-text&gt;You can be fined…&lt;/govuk-warning-text&gt;</c>
/// (optional <c>icon-fallback-text</c>, default "Warning", read by screen readers instead of the "!" icon).
/// </summary>
[HtmlTargetElement("govuk-warning-text")]
public sealed class GovukWarningTextTagHelper : TagHelper
{
    [HtmlAttributeName("icon-fallback-text")]
    public string IconFallbackText { get; set; } = "Warning";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var childContent = await output.GetChildContentAsync().ConfigureAwait(false);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-warning-text", HtmlEncoder.Default);

        var icon = GovukMarkup.Element("span", "govuk-warning-text__icon", "!");
        icon.Attributes["aria-hidden"] = "true";
        var text = GovukMarkup.Element("strong", "govuk-warning-text__text");
        text.InnerHtml.AppendHtml(GovukMarkup.Element("span", "govuk-visually-hidden", IconFallbackText));
        text.InnerHtml.Append(" ");
        text.InnerHtml.AppendHtml(childContent);

        var content = new HtmlContentBuilder();
        content.AppendHtml(icon);
        content.AppendHtml(text);
        output.Content.SetHtmlContent(content);
    }
}
