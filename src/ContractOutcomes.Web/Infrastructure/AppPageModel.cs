using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Domain.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Infrastructure;

/// <summary>
/// Base for pages: sends one request and turns input and business-rule failures into GOV.UK error
/// messages beside the right fields. Not-found and forbidden failures go on to the central handler.
/// </summary>
public abstract class AppPageModel(IMediator mediator) : PageModel
{
    protected IMediator Mediator { get; } = mediator;

    /// <summary>Prefix that turns a request property name into the form field name, "Input." by default.</summary>
    protected virtual string FieldPrefix => "Input.";

    /// <summary>Request properties that have no field of their own on this page; their errors go to the summary only.</summary>
    protected virtual IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal);

    protected string? StatusMessage
    {
        get => TempData["StatusMessage"] as string;
        set => TempData["StatusMessage"] = value;
    }

    /// <summary>Sends the request; on failure records the messages in ModelState and returns false.</summary>
    protected async Task<(bool Succeeded, T? Result)> TrySendAsync<T>(IRequest<T> request, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await Mediator.Send(request, cancellationToken));
        }
        catch (InputValidationException e)
        {
            foreach (var (key, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    AddError(FieldFor(key), message);
                }
            }
        }
        catch (BusinessRuleException e)
        {
            foreach (var violation in e.Violations)
            {
                AddError(FieldFor(violation.PropertyName ?? string.Empty), violation.Message);
            }
        }
        catch (ConcurrencyConflictException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }

        return (false, default);
    }

    private void AddError(string field, string message)
    {
        if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Any(e => e.ErrorMessage == message))
        {
            return;
        }

        ModelState.AddModelError(field, message);
    }

    private string FieldFor(string key) =>
        key.Length == 0 || FieldsWithoutInput.Contains(key.Split('[', '.')[0]) ? string.Empty : FieldPrefix + key;
}
