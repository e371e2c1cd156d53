using System.Globalization;
using ContractOutcomes.Application.Common.Exceptions;

namespace ContractOutcomes.Web.Api;

/// <summary>
/// Optimistic concurrency over HTTP: the ETag is an aggregate's version, and If-Match carries the version
/// the client last read into the request's ExpectedVersion.
/// </summary>
internal static class ETags
{
    public static void Set(HttpContext http, int version) =>
        http.Response.Headers.ETag = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version the client last read, from If-Match; null when the header is absent.</summary>
    public static int? IfMatch(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*")
        {
            return null;
        }

        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        return int.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new InputValidationException("If-Match", "If-Match must be an ETag returned by GET, like \"3\"");
    }
}
