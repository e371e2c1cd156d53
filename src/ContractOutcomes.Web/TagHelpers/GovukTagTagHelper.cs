using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK tag: <c>&lt;govuk-tag colour="green"&gt;Active&lt;/govuk-tag&gt;</c>. Colours: grey, green, teal, turquoise,
/// blue (the default), light-blue, purple, magenta, pink, red, orange, yellow. GOV.UK Frontend 6 renamed turquoise to
/// teal and pink to magenta, and dropped light-blue (its blue is the old light blue), so those names are mapped.
/// </summary>
[HtmlTargetElement("govuk-tag")]
public sealed class GovukTagTagHelper : TagHelper
{
    private static readonly Dictionary<string, string?> ColourClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["blue"] = null,
        ["light-blue"] = null,
        ["grey"] = "govuk-tag--grey",
        ["green"] = "govuk-tag--green",
        ["teal"] = "govuk-tag--teal",
        ["turquoise"] = "govuk-tag--teal",
        ["purple"] = "govuk-tag--purple",
        ["magenta"] = "govuk-tag--magenta",
        ["pink"] = "govuk-tag--magenta",
        ["red"] = "govuk-tag--red",
        ["orange"] = "govuk-tag--orange",
        ["yellow"] = "govuk-tag--yellow",
    };

    [HtmlAttributeName("colour")]
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? modifier = null;
        if (!string.IsNullOrWhiteSpace(Colour) && !ColourClasses.TryGetValue(Colour.Trim(), out modifier))
        {
            throw new InvalidOperationException($"Unknown <govuk-tag> colour '{Colour}'.");
        }

        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-tag", HtmlEncoder.Default);
        if (modifier is not null)
        {
            output.AddClass(modifier, HtmlEncoder.Default);
        }
    }
}
