using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// Small builders for the pieces of GOV.UK Frontend 6 markup that several components share (label, hint,
/// error message, fieldset). Everything goes through <see cref="TagBuilder"/>, which HTML-encodes attribute
/// values and text, so callers never concatenate user text into HTML.
/// </summary>
internal static class GovukMarkup
{
    public static string Classes(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));

    /// <summary>Space-separated ids for aria-describedby, or null when there are none.</summary>
    public static string? DescribedBy(params string?[] ids)
    {
        var joined = Classes(ids);
        return joined.Length == 0 ? null : joined;
    }

    public static TagBuilder Element(string tagName, string? classes, string? text = null)
    {
        var element = new TagBuilder(tagName);
        if (!string.IsNullOrEmpty(classes))
        {
            element.Attributes["class"] = classes;
        }

        if (text is not null)
        {
            element.InnerHtml.Append(text);
        }

        return element;
    }

    public static TagBuilder Void(string tagName)
    {
        var element = new TagBuilder(tagName) { TagRenderMode = TagRenderMode.StartTag };
        return element;
    }

    /// <summary>A label; when it is the page heading it is wrapped in <c>h1.govuk-label-wrapper</c>.</summary>
    public static IHtmlContent Label(string forId, string text, string? extraClasses, bool isPageHeading)
    {
        var label = Element("label", Classes("govuk-label", extraClasses), text);
        label.Attributes["for"] = forId;
        if (!isPageHeading)
        {
            return label;
        }

        var heading = Element("h1", "govuk-label-wrapper");
        heading.InnerHtml.AppendHtml(label);
        return heading;
    }

    public static TagBuilder Hint(string id, string text, string? extraClasses = null)
    {
        var hint = Element("div", Classes("govuk-hint", extraClasses), text);
        hint.Attributes["id"] = id;
        return hint;
    }

    public static TagBuilder ErrorMessage(string id, string message)
    {
        var error = Element("p", "govuk-error-message");
        error.Attributes["id"] = id;
        error.InnerHtml.AppendHtml(Element("span", "govuk-visually-hidden", "Error:"));
        error.InnerHtml.Append(" " + message);
        return error;
    }

    public static TagBuilder Fieldset(
        string legend, string? legendClasses, bool legendIsPageHeading, string? describedBy, string? role, IHtmlContent content)
    {
        var fieldset = Element("fieldset", "govuk-fieldset");
        if (role is not null)
        {
            fieldset.Attributes["role"] = role;
        }

        if (describedBy is not null)
        {
            fieldset.Attributes["aria-describedby"] = describedBy;
        }

        var legendElement = Element("legend", Classes("govuk-fieldset__legend", legendClasses));
        if (legendIsPageHeading)
        {
            legendElement.InnerHtml.AppendHtml(Element("h1", "govuk-fieldset__heading", legend));
        }
        else
        {
            legendElement.InnerHtml.Append(legend);
        }

        fieldset.InnerHtml.AppendHtml(legendElement);
        fieldset.InnerHtml.AppendHtml(content);
        return fieldset;
    }

    /// <summary>The id of the n-th (1-based) radio or checkbox: the first has no suffix, so error summary links work.</summary>
    public static string ItemId(string baseId, int position) =>
        position == 1 ? baseId : baseId + "-" + position.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a boolean attribute that may be written without a value (<c>secondary</c>) or with one
    /// (<c>secondary="true"</c>); only the value "false" turns it off.
    /// </summary>
    public static bool IsFlagSet(Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext context, string name)
    {
        if (!context.AllAttributes.TryGetAttribute(name, out var attribute))
        {
            return false;
        }

        var value = attribute.Value?.ToString();
        return !string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
    }
}
