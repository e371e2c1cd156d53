using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK summary list: <c>&lt;govuk-summary-list&gt;</c> (optional <c>no-border="true"</c>) containing
/// <c>&lt;govuk-summary-row key="Name" change-href="/x/edit" change-text="Change" visually-hidden-text="name"&gt;value&lt;/govuk-summary-row&gt;</c>.
/// Rows without a change link get <c>govuk-summary-list__row--no-actions</c> when another row has one.
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-row")]
public sealed class GovukSummaryListTagHelper : TagHelper
{
    [HtmlAttributeName("no-border")]
    public bool NoBorder { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<GovukSummaryRow>();
        context.Items[typeof(GovukSummaryListTagHelper)] = rows;
        await output.GetChildContentAsync().ConfigureAwait(false);

        var anyActions = rows.Exists(r => !string.IsNullOrEmpty(r.ChangeHref));
        output.TagName = "dl";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-summary-list", System.Text.Encodings.Web.HtmlEncoder.Default);
        if (NoBorder)
        {
            output.AddClass("govuk-summary-list--no-border", System.Text.Encodings.Web.HtmlEncoder.Default);
        }

        var content = new HtmlContentBuilder();
        foreach (var row in rows)
        {
            var hasAction = !string.IsNullOrEmpty(row.ChangeHref);
            var rowElement = GovukMarkup.Element(
                "div",
                GovukMarkup.Classes("govuk-summary-list__row", anyActions && !hasAction ? "govuk-summary-list__row--no-actions" : null));
            rowElement.InnerHtml.AppendHtml(GovukMarkup.Element("dt", "govuk-summary-list__key", row.Key));
            var value = GovukMarkup.Element("dd", "govuk-summary-list__value");
            value.InnerHtml.AppendHtml(row.Value);
            rowElement.InnerHtml.AppendHtml(value);
            if (hasAction)
            {
                var actions = GovukMarkup.Element("dd", "govuk-summary-list__actions");
                var link = GovukMarkup.Element("a", "govuk-link", row.ChangeText);
                link.Attributes["href"] = row.ChangeHref;
                var hidden = row.VisuallyHiddenText ?? row.Key;
                if (!string.IsNullOrEmpty(hidden))
                {
                    link.InnerHtml.AppendHtml(GovukMarkup.Element("span", "govuk-visually-hidden", " " + hidden));
                }

                actions.InnerHtml.AppendHtml(link);
                rowElement.InnerHtml.AppendHtml(actions);
            }

            content.AppendHtml(rowElement);
        }

        output.Content.SetHtmlContent(content);
    }
}

/// <summary>One row of a <see cref="GovukSummaryListTagHelper"/>; its content is the value (HTML allowed).</summary>
[HtmlTargetElement("govuk-summary-row", ParentTag = "govuk-summary-list")]
public sealed class GovukSummaryRowTagHelper : TagHelper
{
    [HtmlAttributeName("key")]
    public string Key { get; set; } = string.Empty;

    /// <summary>Where the "Change" link goes; no link when empty.</summary>
    [HtmlAttributeName("change-href")]
    public string? ChangeHref { get; set; }

    [HtmlAttributeName("change-text")]
    public string ChangeText { get; set; } = "Change";

    /// <summary>Added (visually hidden) after the link text, so "Change" reads as "Change name"; defaults to the key.</summary>
    [HtmlAttributeName("visually-hidden-text")]
    public string? VisuallyHiddenText { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        var value = await output.GetChildContentAsync().ConfigureAwait(false);
        if (context.Items.TryGetValue(typeof(GovukSummaryListTagHelper), out var found) && found is List<GovukSummaryRow> rows)
        {
            rows.Add(new GovukSummaryRow(Key, value, ChangeHref, ChangeText, VisuallyHiddenText));
        }

        output.SuppressOutput();
    }
}

internal sealed record GovukSummaryRow(string Key, IHtmlContent Value, string? ChangeHref, string ChangeText, string? VisuallyHiddenText);
