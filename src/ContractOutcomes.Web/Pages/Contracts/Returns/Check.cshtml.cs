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

    /// <summary>Each problem links to the box that fixes it: the figure, or the commentary when the figure misses its target.</summary>
    private SubmissionProblem ProblemFor(ReturnProblem problem)
    {
        var index = problem.IndicatorId is { } indicatorId ? Return.Lines.ToList().FindIndex(l => l.IndicatorId == indicatorId) : -1;
        if (index < 0)
        {
            return new SubmissionProblem(problem.Message, EditPath);
        }

        var line = Return.Lines[index];
        var part = line.Value is not null && line.CommentaryRequired
            ? nameof(FigureField.Commentary)
            : ReturnFiguresForm.FigurePart(line);
        return new SubmissionProblem(problem.Message, ChangePath(index, part));
    }
}
