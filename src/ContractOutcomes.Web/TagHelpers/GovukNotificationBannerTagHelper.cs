using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK notification banner:
/// <c>&lt;govuk-notification-banner type="success|important" title="Success" heading="Contract activated" title-id="..."&gt;more content&lt;/govuk-notification-banner&gt;</c>.
/// A success banner has role="alert" (and takes focus); an important one is a region. The optional <c>heading</c>
/// is rendered as <c>p.govuk-notification-banner__heading</c> before any content. Give each banner on a page its own
/// <c>title-id</c> when there is more than one.
/// </summary>
[HtmlTargetElement("govuk-notification-banner")]
public sealed class GovukNotificationBannerTagHelper : TagHelper
{
    [HtmlAttributeName("type")]
    public string BannerType { get; set; } = "important";

    /// <summary>Defaults to "Success" or "Important".</summary>
    [HtmlAttributeName("title")]
    public string? Title { get; set; }

    [HtmlAttributeName("heading")]
    public string? Heading { get; set; }

    [HtmlAttributeName("title-id")]
    public string TitleId { get; set; } = "govuk-notification-banner-title";

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var success = string.Equals(BannerType, "success", StringComparison.OrdinalIgnoreCase);
        if (!success && !string.Equals(BannerType, "important", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown <govuk-notification-banner> type '{BannerType}'.");
        }

        var childContent = await output.GetChildContentAsync().ConfigureAwait(false);

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-notification-banner", HtmlEncoder.Default);
        if (success)
        {
            output.AddClass("govuk-notification-banner--success", HtmlEncoder.Default);
        }

        output.Attributes.SetAttribute("role", success ? "alert" : "region");
        output.Attributes.SetAttribute("aria-labelledby", TitleId);
        output.Attributes.SetAttribute("data-module", "govuk-notification-banner");

        var header = GovukMarkup.Element("div", "govuk-notification-banner__header");
        var title = GovukMarkup.Element("h2", "govuk-notification-banner__title", Title ?? (success ? "Success" : "Important"));
        title.Attributes["id"] = TitleId;
        header.InnerHtml.AppendHtml(title);

        var body = GovukMarkup.Element("div", "govuk-notification-banner__content");
        if (!string.IsNullOrEmpty(Heading))
        {
            body.InnerHtml.AppendHtml(GovukMarkup.Element("p", "govuk-notification-banner__heading", Heading));
        }

        body.InnerHtml.AppendHtml(childContent);

        var content = new HtmlContentBuilder();
        content.AppendHtml(header);
        content.AppendHtml(body);
        output.Content.SetHtmlContent(content);
    }
}
