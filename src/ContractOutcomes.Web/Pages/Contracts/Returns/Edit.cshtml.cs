using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Application.Returns.SaveReturnDraft;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>
/// The return form: a figure and commentary per indicator, saved as a draft or saved on the way to checking
/// and submitting. When someone else saved the return since the form was opened, the save is refused, the
/// page lists what they changed and keeps everything typed, and saving again replaces their figures.
/// </summary>
[Authorize(Policy = Policies.Provider)]
public sealed class EditReturnModel(IMediator mediator) : ReturnPageModel(mediator)
{
    public const string ConflictTitle = "Someone else changed this return while you were working on it";

    [BindProperty]
    public ReturnFiguresForm Input { get; set; } = new();

    /// <summary>Set when the last save was refused because someone else had changed the return.</summary>
    public bool HadConflict { get; private set; }

    public string ErrorSummaryTitle => HadConflict ? ConflictTitle : "There is a problem";

    /// <summary>Domain rules name a figure's part without saying which indicator; those go to the summary only.</summary>
    protected override IReadOnlySet<string> FieldsWithoutInput { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "IndicatorId", "Value", "Numerator", "Denominator", "Commentary" };

    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        await LoadReturnAsync(id, period, cancellationToken);
        Input = ReturnFiguresForm.From(Return);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string period, string? save, CancellationToken cancellationToken)
    {
        await LoadReturnAsync(id, period, cancellationToken);
        if (!Input.Matches(Return))
        {
            // The contract's indicators are not the ones the form was built from; start again from the saved figures.
            ModelState.Clear();
            Input = ReturnFiguresForm.From(Return);
            ModelState.AddModelError(string.Empty, "The indicators of this contract have changed since you opened the form. Check the figures and save again");
            return Page();
        }

        var figures = Input.Read(Return, ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (succeeded, _) = await TrySendAsync(new SaveReturnDraft(id, period, ExpectedVersion, figures), cancellationToken);
        if (succeeded)
        {
            if (string.Equals(save, "draft", StringComparison.Ordinal))
            {
                StatusMessage = "Your figures have been saved as a draft";
                return RedirectToPage("/Contracts/Returns/Edit", new { id, period });
            }

            return RedirectToPage("/Contracts/Returns/Check", new { id, period });
        }

        await LoadReturnAsync(id, period, cancellationToken);
        if (ExpectedVersion is { } expected && expected != Return.Version)
        {
            ReportConflict();
        }

        return Page();
    }

    /// <summary>
    /// Lists what the other person changed beside the boxes concerned, keeps what this user typed (ModelState
    /// still holds it), and moves the hidden version and "as first seen" values on, so that saving again is a
    /// deliberate choice to replace their figures.
    /// </summary>
    private void ReportConflict()
    {
        HadConflict = true;
        ModelState.Remove(string.Empty);
        var changes = Input.ChangesSince(Return);
        foreach (var change in changes)
        {
            ModelState.AddModelError(change.Field, change.Message);
        }

        if (changes.Count == 0)
        {
            var who = string.IsNullOrWhiteSpace(Return.LastChangedByName) ? "Someone else" : Return.LastChangedByName;
            var when = Return.LastChangedAt is { } at ? $" at {ContractDisplay.When(at)}" : string.Empty;
            ModelState.AddModelError(string.Empty, Return.State is ReturnState.Draft or ReturnState.Queried
                ? $"{who} changed the return{when}; the figures are the same as when you opened it"
                : $"{who} changed the return{when}: it is now {ReturnDisplay.StateText(Return.State).ToLowerInvariant()}");
        }

        Input.TakeOriginalsFrom(Return);
        ExpectedVersion = Return.Version;
    }
}
