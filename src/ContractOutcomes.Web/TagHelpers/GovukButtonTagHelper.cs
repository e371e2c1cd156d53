using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK button: <c>&lt;govuk-button&gt;Save&lt;/govuk-button&gt;</c> renders
/// <c>&lt;button type="submit" class="govuk-button" data-module="govuk-button"&gt;</c>.
/// <list type="bullet">
/// <item><c>type="submit|button|reset"</c> (default submit); <c>type="link"</c> or an <c>href</c> renders a link styled as a
/// button (<c>&lt;a href role="button" draggable="false"&gt;</c>).</item>
/// <item>Flags, written bare or as ="true"/"false": <c>secondary</c>, <c>warning</c>, <c>inverse</c>,
/// <c>prevent-double-click</c>, <c>disabled</c>.</item>
/// <item>Any other attribute (<c>name</c>, <c>value</c>, <c>id</c>, <c>formaction</c>, <c>class</c>…) is passed through.</item>
/// </list>
/// </summary>
[HtmlTargetElement("govuk-button")]
public sealed class GovukButtonTagHelper : TagHelper
{
    private static readonly string[] Flags = ["secondary", "warning", "inverse", "prevent-double-click", "disabled"];

    [HtmlAttributeName("type")]
    public string ButtonType { get; set; } = "submit";

    [HtmlAttributeName("href")]
    public string? Href { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var set = Flags.ToDictionary(f => f, f => GovukMarkup.IsFlagSet(context, f), StringComparer.Ordinal);
        foreach (var flag in Flags)
        {
            output.Attributes.RemoveAll(flag);
        }

        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-button", HtmlEncoder.Default);
        if (set["secondary"])
        {
            output.AddClass("govuk-button--secondary", HtmlEncoder.Default);
        }

        if (set["warning"])
        {
            output.AddClass("govuk-button--warning", HtmlEncoder.Default);
        }

        if (set["inverse"])
        {
            output.AddClass("govuk-button--inverse", HtmlEncoder.Default);
        }

        output.Attributes.SetAttribute("data-module", "govuk-button");

        if (!string.IsNullOrEmpty(Href) || string.Equals(ButtonType, "link", StringComparison.OrdinalIgnoreCase))
        {
            output.TagName = "a";
            output.Attributes.SetAttribute("href", string.IsNullOrEmpty(Href) ? "#" : Href);
            output.Attributes.SetAttribute("role", "button");
            output.Attributes.SetAttribute("draggable", "false");
            return;
        }

        output.TagName = "button";
        output.Attributes.SetAttribute("type", string.IsNullOrWhiteSpace(ButtonType) ? "submit" : ButtonType);
        if (set["disabled"])
        {
            output.Attributes.SetAttribute("disabled", "disabled");
            output.Attributes.SetAttribute("aria-disabled", "true");
        }

        if (set["prevent-double-click"])
        {
            output.Attributes.SetAttribute("data-prevent-double-click", "true");
        }
    }
}
