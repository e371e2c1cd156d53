using System.Security.Cryptography;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>
/// A content security policy with a fresh nonce per request: only our own files and the inline
/// scripts the layout marks with the nonce may run.
/// </summary>
public static class SecurityHeaders
{
    public const string NonceKey = "CspNonce";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        var scripts = context.Request.Path.StartsWithSegments("/swagger")
            ? "'self' 'unsafe-inline'"
            : $"'self' 'nonce-{nonce}'";
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next();
    });
}
