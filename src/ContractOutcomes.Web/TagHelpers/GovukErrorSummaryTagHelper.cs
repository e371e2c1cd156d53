using System.Text.Encodings.Web;
using ContractOutcomes.Web.Forms;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// GOV.UK error summary: <c>&lt;govuk-error-summary /&gt;</c> (optional <c>title="..."</c>). Renders nothing while
/// ModelState is valid; otherwise lists every ModelState error. An error under key <c>K</c> links to <c>#id</c>, where id
/// is <c>K</c> with <c>.</c>, <c>[</c>, <c>]</c> replaced by <c>_</c> (the id ASP.NET Core and these tag helpers give the
/// field); errors with an empty key (whole-form errors) are listed without a link.
/// <para>
/// Date inputs (the anchor rule): when <c>K</c> names a <see cref="DateInput"/> property of the page model (found from the
/// model metadata, for example <c>Input.StartDate</c>), the link goes to its day box, <c>#Input_StartDate_Day</c>.
/// The rule needs nothing from the page and does not depend on the order in which the tag helpers render.
/// </para>
/// <para>
/// Order: whole-form errors first, then errors in the order their fields appear on the page (for fields rendered
/// with these tag helpers), then any others in ModelState order.
/// </para>
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper(IHtmlGenerator generator, IModelMetadataProvider metadataProvider) : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    [HtmlAttributeName("title")]
    public string Title { get; set; } = "There is a problem";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var modelState = ViewContext.ViewData.ModelState;
        if (modelState.IsValid || modelState.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var errors = new List<SummaryError>();
        var seen = new HashSet<(string, string)>();
        foreach (var (key, entry) in modelState)
        {
            foreach (var error in entry.Errors)
            {
                var message = GovukFieldTagHelperBase.ErrorText(error);
                if (seen.Add((key, message)))
                {
                    errors.Add(new SummaryError(key, message, string.IsNullOrEmpty(key) ? null : AnchorFor(key)));
                }
            }
        }

        var list = new SummaryErrorList(errors, GovukFieldOrder.Get(ViewContext.HttpContext));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-error-summary", System.Text.Encodings.Web.HtmlEncoder.Default);
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");

        // role="alert" sits on a child, as in GOV.UK Frontend, so the focus script and the announcement do not race.
        var alert = GovukMarkup.Element("div", null);
        alert.Attributes["role"] = "alert";
        alert.InnerHtml.AppendHtml(GovukMarkup.Element("h2", "govuk-error-summary__title", Title));
        var body = GovukMarkup.Element("div", "govuk-error-summary__body");
        body.InnerHtml.AppendHtml(list);
        alert.InnerHtml.AppendHtml(body);
        output.Content.SetHtmlContent(alert);
    }

    private string AnchorFor(string key)
    {
        var target = IsDateInput(key) ? key + "." + nameof(DateInput.Day) : key;
        return TagBuilder.CreateSanitizedId(target, generator.IdAttributeDotReplacement);
    }

    /// <summary>Whether <paramref name="key"/> (for example <c>Input.Periods[2].Start</c>) names a <see cref="DateInput"/>.</summary>
    private bool IsDateInput(string key)
    {
        var rootType = (ViewContext.ActionDescriptor as CompiledPageActionDescriptor)?.HandlerTypeInfo?.AsType()
            ?? ViewContext.ViewData.ModelMetadata?.ModelType;
        if (rootType is null)
        {
            return false;
        }

        ModelMetadata? metadata = metadataProvider.GetMetadataForType(rootType);
        foreach (var segment in key.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var propertyName = bracket < 0 ? segment : segment[..bracket];
            if (propertyName.Length > 0)
            {
                metadata = metadata?.Properties[propertyName];
            }

            for (var i = 0; bracket >= 0 && i < segment.Length; i++)
            {
                if (segment[i] == '[')
                {
                    metadata = metadata?.ElementMetadata;
                }
            }

            if (metadata is null)
            {
                return false;
            }
        }

        return metadata?.ModelType == typeof(DateInput);
    }

    private sealed record SummaryError(string Key, string Message, string? Anchor);

    /// <summary>
    /// The list of errors, built only when the page is written out. Razor buffers the whole page before writing it,
    /// so by then every field tag helper further down the page has recorded its position in <see cref="GovukFieldOrder"/>,
    /// and the errors can follow the order of the fields. Whole-form errors (empty key) come first; errors for fields
    /// that were not rendered by these tag helpers come last, in ModelState order.
    /// </summary>
    private sealed class SummaryErrorList(List<SummaryError> errors, List<string> fieldOrder) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var list = GovukMarkup.Element("ul", "govuk-list govuk-error-summary__list");
            foreach (var error in errors.OrderBy(Position))
            {
                var item = new TagBuilder("li");
                if (error.Anchor is null)
                {
                    item.InnerHtml.Append(error.Message);
                }
                else
                {
                    var link = GovukMarkup.Element("a", null, error.Message);
                    link.Attributes["href"] = "#" + error.Anchor;
                    item.InnerHtml.AppendHtml(link);
                }

                list.InnerHtml.AppendHtml(item);
            }

            list.WriteTo(writer, encoder);
        }

        private int Position(SummaryError error)
        {
            if (string.IsNullOrEmpty(error.Key))
            {
                return -1;
            }

            // A field's own key, or a part of it (Input.StartDate.Month belongs to Input.StartDate).
            var index = fieldOrder.FindIndex(f =>
                string.Equals(error.Key, f, StringComparison.Ordinal)
                || error.Key.StartsWith(f + ".", StringComparison.Ordinal));
            return index < 0 ? int.MaxValue : index;
        }
    }
}
