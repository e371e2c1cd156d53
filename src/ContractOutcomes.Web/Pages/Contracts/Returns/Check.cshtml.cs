using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Application.Returns.SubmitReturn;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>A problem that stops the return being submitted, with a link to the box that fixes it.</summary>
public sealed record SubmissionProblem(string Message, string Href);

/// <summary>
/// Check your answers before submitting: every figure and commentary with a link to change it, the evidence,
/// anything that still stops the return being submitted, and the declaration.
/// </summary>
[Authorize(Policy = Policies.Provider)]
public sealed class CheckReturnModel(IMediator mediator) : ReturnPageModel(mediator)
{
    public IReadOnlyList<SubmissionProblem> Problems { get; private set; } = [];

    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken) =>
        await LoadAsync(id, period, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(new SubmitReturn(id, period, ExpectedVersion), cancellationToken);
        if (succeeded)
        {
            StatusMessage = "Return submitted";
            TempData["StatusDetail"] =
                "The commissioner has been told. They will review the figures and either accept the return or query any figure "
                + "they have questions about; you will be notified either way. Until they act, you can withdraw the return to make changes.";
            return RedirectToPage("/Contracts/Returns/Details", new { id, period });
        }

        await LoadAsync(id, period, cancellationToken);

        // The problems that stopped it are listed from the return itself, each linked to its box; only the rest stay in the summary.
        var others = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)
            .Where(m => Problems.All(p => p.Message != m)).Distinct().ToList();
        ModelState.Clear();
        foreach (var message in others)
        {
            ModelState.AddModelError(string.Empty, message);
        }

        // Shown the current answers now, the user may submit them; the version moves on with them.
        ExpectedVersion = null;
        return Page();
    }

    /// <summary>Where to change a figure or commentary: the Edit page, at the box.</summary>
    public string ChangePath(int index, string part) => $"{EditPath}#{ReturnFiguresForm.FieldId(index, part)}";

    private async Task LoadAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        await LoadReturnAsync(id, period, cancellationToken);
        Problems = [.. Return.SubmissionProblems.Select(ProblemFor)];
    }

    /// <summary>
    /// The problems come as sentences naming the indicator ("Enter a figure for X", "Explain why X missed its target…");
    /// the longest indicator name found in the sentence says which box to link to.
    /// </summary>
    private SubmissionProblem ProblemFor(string message)
    {
        var index = -1;
        var longest = 0;
        for (var i = 0; i < Return.Lines.Count; i++)
        {
            var name = Return.Lines[i].Name;
            if (name.Length > longest && message.Contains(name, StringComparison.Ordinal))
            {
                index = i;
                longest = name.Length;
            }
        }

        if (index < 0)
        {
            return new SubmissionProblem(message, EditPath);
        }

        var line = Return.Lines[index];
        var part = line.Value is not null && line.CommentaryRequired
            ? nameof(FigureField.Commentary)
            : ReturnFiguresForm.FigurePart(line);
        return new SubmissionProblem(message, ChangePath(index, part));
    }
}
