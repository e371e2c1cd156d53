using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

// Not "Error": that is a reserved word in Visual Basic (CA1716).
namespace ContractOutcomes.Web.Pages.Errors;

/// <summary>
/// The error pages. The status code pages middleware re-executes this page, with the original method, for any
/// 4xx or 5xx response without a body, and the exception handler re-executes it for an unhandled exception; so it
/// answers every method the same way, needs no antiforgery token and no sign-in, and keeps the original status code.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }

    public ErrorKind Kind => Code switch
    {
        StatusCodes.Status403Forbidden => ErrorKind.Forbidden,
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => ErrorKind.NotFound,
        _ => ErrorKind.ServiceProblem,
    };

    public IActionResult OnGet(int? code) => Render(code);

    public IActionResult OnPost(int? code) => Render(code);

    public IActionResult OnPut(int? code) => Render(code);

    public IActionResult OnDelete(int? code) => Render(code);

    public IActionResult OnPatch(int? code) => Render(code);

    private PageResult Render(int? code)
    {
        // Status code pages re-execute with the original code; the exception handler re-executes /Error/500 after
        // AppExceptionHandler has set the status that fits the exception (404 for "not found", and so on).
        var statusCodeReExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>();
        Code = statusCodeReExecute?.OriginalStatusCode
            ?? (exception is not null && Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : (int?)null)
            ?? (code is >= 400 and <= 599 ? code.Value : StatusCodes.Status500InternalServerError);
        Response.StatusCode = Code;
        return Page();
    }
}

public enum ErrorKind
{
    NotFound,
    Forbidden,
    ServiceProblem,
}
