using Microsoft.AspNetCore.Http;

namespace ContractOutcomes.Web.TagHelpers;

/// <summary>
/// The order in which the form-field tag helpers rendered their fields during this request, so the error summary
/// (which renders above them) can list its errors in page order, as GOV.UK asks.
/// </summary>
internal static class GovukFieldOrder
{
    private static readonly object ItemsKey = new();

    public static List<string> Get(HttpContext httpContext)
    {
        if (httpContext.Items.TryGetValue(ItemsKey, out var existing) && existing is List<string> fields)
        {
            return fields;
        }

        fields = [];
        httpContext.Items[ItemsKey] = fields;
        return fields;
    }

    public static void Register(HttpContext httpContext, string fieldName)
    {
        var fields = Get(httpContext);
        if (!fields.Contains(fieldName, StringComparer.Ordinal))
        {
            fields.Add(fieldName);
        }
    }
}
