using ContractOutcomes.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>
/// The last line of the failure policy: API requests get problem details, pages get the 403, 404 or
/// error page. Nothing unhandled reaches a user as a stack trace.
/// </summary>
public sealed partial class AppExceptionHandler(ILogger<AppExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // The middleware has already pointed the request at the error page: use the path that failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path.Value ?? string.Empty;
        var isApi = path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
        var problem = isApi ? ProblemResponses.FromApiException(exception) : ProblemResponses.FromException(exception);
        if (problem is null)
        {
            Unhandled(logger, exception, path);
        }

        if (isApi)
        {
            problem ??= new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Sorry, there is a problem with the service",
                Detail = "The error has been logged. Try again later.",
            };
            problem.Instance = path;
            httpContext.Response.StatusCode = problem.Status ?? 500;
            // Serialised as its runtime type so ValidationProblemDetails keeps its "errors".
            await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, "application/problem+json", cancellationToken);
            return true;
        }

        httpContext.Response.StatusCode = exception switch
        {
            NotFoundException => StatusCodes.Status404NotFound,
            ForbiddenException => StatusCodes.Status403Forbidden,
            BadHttpRequestException bad => bad.StatusCode,
            _ => StatusCodes.Status500InternalServerError,
        };

        // Not handled here: the exception handler middleware re-executes the error page.
        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Path}")]
    private static partial void Unhandled(ILogger logger, Exception exception, string path);
}
