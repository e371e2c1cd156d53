using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>
/// The failure policy for the API (docs/adr/0007): every error is an RFC 9457 problem document, and
/// field errors are keyed by the JSON property name the client sent.
/// </summary>
public static class ProblemResponses
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path },
            options: null,
            contentType: "application/problem+json");
    }

    /// <summary>Null when the exception is not one the policy knows, which makes it a 500.</summary>
    public static ProblemDetails? FromException(Exception exception) => exception switch
    {
        InputValidationException e => new ValidationProblemDetails(ToJsonKeys(e.Errors))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid input",
            Detail = "Correct the fields listed in 'errors' and send the request again.",
        },
        BusinessRuleException e => new ValidationProblemDetails(
            e.Violations.GroupBy(v => JsonKey(v.PropertyName ?? string.Empty)).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()))
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request breaks a business rule",
            Detail = e.Message,
        },
        ConcurrencyConflictException e => new ProblemDetails { Status = StatusCodes.Status412PreconditionFailed, Title = "The resource has changed", Detail = e.Message },
        NotFoundException e => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = e.Message },
        ForbiddenException e => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = e.Message },
        BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request could not be read", Detail = BadRequestDetail(e) },
        _ => null,
    };

    private static string BadRequestDetail(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json
            ? $"The request body is not valid JSON for this operation: {json.Message}"
            : e.Message;

    private static Dictionary<string, string[]> ToJsonKeys(IReadOnlyDictionary<string, string[]> errors) =>
        errors.GroupBy(e => JsonKey(e.Key)).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);

    /// <summary>"Targets[0].Value" becomes "targets[0].value", matching the JSON the client sent.</summary>
    public static string JsonKey(string key) =>
        string.Join('.', (key ?? string.Empty).Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
