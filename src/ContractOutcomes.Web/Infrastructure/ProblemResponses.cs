using System.Text.Json;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Returns.Common;
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

    /// <summary>
    /// The problem for a failed API request. A refused CSV file is only an API failure: the upload page
    /// lists the file's problems itself, so it is not mapped for pages (see <see cref="FromException"/>).
    /// </summary>
    public static ProblemDetails? FromApiException(Exception exception) => exception switch
    {
        CsvProblemsException e => CsvProblems(e),
        _ => FromException(exception),
    };

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
        BadHttpRequestException { InnerException: JsonException { Path: { } path } json } => new ValidationProblemDetails(
            new Dictionary<string, string[]>(StringComparer.Ordinal) { [JsonPathKey(path)] = [JsonValueMessage(json)] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body could not be read",
            Detail = "The request body is not valid JSON for this operation. Correct the fields listed in 'errors' and send the request again.",
        },
        BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request could not be read", Detail = BadRequestDetail(e) },
        _ => null,
    };

    private static ProblemDetails CsvProblems(CsvProblemsException e)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The file was not imported",
            Detail = "Nothing in the file was saved. Correct the problems listed in 'problems' (line 0 means the file as a whole) and send the file again.",
        };
        problem.Extensions["problems"] = e.Problems;
        return problem;
    }

    /// <summary>"$.figures[0].value" becomes "figures[0].value", the key the client sent.</summary>
    private static string JsonPathKey(string path) =>
        path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>
    /// What the client should send instead. The parser names the record holding the field rather than the
    /// field's type, so the type is told from what its reader complained about.
    /// </summary>
    private static string JsonValueMessage(JsonException json)
    {
        if (!json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            // Not a value of the wrong type: the JSON itself is broken, or a converter explained the problem.
            var at = json.Message.IndexOf(" Path:", StringComparison.Ordinal);
            return at > 0 ? json.Message[..at] : json.Message;
        }

        var reason = json.InnerException?.Message ?? string.Empty;
        bool Mentions(params string[] words) => words.Any(w => reason.Contains(w, StringComparison.OrdinalIgnoreCase));
        return true switch
        {
            _ when Mentions("Decimal", "Int16", "Int32", "Int64", "Double", "Single", "as a number") => "Enter a number",
            _ when Mentions("Guid") => "Enter an id like 3fa85f64-5717-4562-b3fc-2c963f66afa6",
            _ when Mentions("boolean") => "Enter true or false",
            _ when Mentions("DateOnly", "DateTime") => "Enter a date like 2026-04-01",
            _ when Mentions("as a string") => "Enter text, in quotes",
            _ => "Enter a value of the type the API document gives for this field",
        };
    }

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
