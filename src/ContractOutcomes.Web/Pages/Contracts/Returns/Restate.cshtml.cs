using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Application.Returns.ProposeRestatement;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>A corrected figure as typed, with the reason for the correction.</summary>
public sealed class RestatementForm
{
    public string? Value { get; set; }

    public string? Numerator { get; set; }

    public string? Denominator { get; set; }

    public string? Commentary { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// Proposes a correction to a figure of an accepted return. Nothing changes until a commissioner approves it;
/// both figures are kept either way.
/// </summary>
[Authorize(Policy = Policies.Provider)]
public sealed class RestateModel(IMediator mediator) : ReturnPageModel(mediator)
{
    /// <summary>The indicator whose figure is being corrected, from <c>?indicator=</c> or the hidden field.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    [BindProperty]
    public RestatementForm Input { get; set; } = new();

    public ReturnLineView? Line { get; private set; }

    public IReadOnlyList<SelectListItem> IndicatorOptions { get; private set; } = [];

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "IndicatorId" };

    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        await LoadAsync(id, period, cancellationToken);
        Input.Commentary = Line?.Commentary;
    }

    /// <summary>The first step when no indicator was given: choose it, then come back to the form with it in the address.</summary>
    public async Task<IActionResult> OnPostChooseAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        await LoadAsync(id, period, cancellationToken);
        if (Line is null)
        {
            ModelState.AddModelError(nameof(Indicator), "Select the indicator whose figure is wrong");
            return Page();
        }

        return RedirectToPage("/Contracts/Returns/Restate", new { id, period, indicator = Line.IndicatorId });
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        await LoadAsync(id, period, cancellationToken);
        if (Line is null)
        {
            ModelState.AddModelError(nameof(Indicator), "Select the indicator whose figure is wrong");
            return Page();
        }

        decimal? value = null, numerator = null, denominator = null;
        if (Line.Unit.IsRatio())
        {
            numerator = FigureText.Read(ModelState, "Input.Numerator", Input.Numerator, $"The numerator for {Line.Name}");
            denominator = FigureText.Read(ModelState, "Input.Denominator", Input.Denominator, $"The denominator for {Line.Name}");
        }
        else
        {
            value = FigureText.Read(ModelState, "Input.Value", Input.Value, $"The value for {Line.Name}");
        }

        if (string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", "Enter the reason for the restatement");
        }

        if (ModelState.IsValid)
        {
            var (succeeded, _) = await TrySendAsync(
                new ProposeRestatement(id, period, ExpectedVersion, Line.IndicatorId, value, numerator, denominator, Input.Commentary, Input.Reason),
                cancellationToken);
            if (succeeded)
            {
                StatusMessage = "Restatement proposed";
                TempData["StatusDetail"] =
                    $"The accepted figure for {Line.Name} stays in place until a commissioner approves the correction. You will be notified of their decision.";
                return RedirectToPage("/Contracts/Returns/Details", new { id, period });
            }

            if (Line.Unit.IsRatio())
            {
                // A ratio has no value box: the value is worked out from the numerator and denominator.
                MoveErrors("Input.Value", "Input.Numerator");
            }

            await LoadAsync(id, period, cancellationToken);
            ExpectedVersion = null;
        }

        return Page();
    }

    private async Task LoadAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        await LoadReturnAsync(id, period, cancellationToken);
        Line = Guid.TryParse(Indicator, out var indicatorId) ? Return.Lines.FirstOrDefault(l => l.IndicatorId == indicatorId) : null;
        var pending = Return.Restatements.Where(r => r.Status == RestatementStatus.Proposed).Select(r => r.IndicatorId).ToHashSet();
        IndicatorOptions = [.. Return.Lines.Select(l => new SelectListItem(
            pending.Contains(l.IndicatorId) ? $"{l.Name} (a restatement is waiting for a decision)" : $"{l.Name}: {ReturnDisplay.Figure(l)}",
            l.IndicatorId.ToString())
        {
            Disabled = pending.Contains(l.IndicatorId) || l.Value is null,
        })];
    }

    private void MoveErrors(string from, string to)
    {
        if (!ModelState.TryGetValue(from, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }

        var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
        ModelState.Remove(from);
        foreach (var message in messages)
        {
            ModelState.AddModelError(to, message);
        }
    }
}
