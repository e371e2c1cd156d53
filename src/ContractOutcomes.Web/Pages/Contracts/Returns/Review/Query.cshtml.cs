using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Application.Returns.QueryReturn;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns.Review;

/// <summary>Queries a submitted return: a question about each ticked figure, sent back to the provider to answer.</summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class QueryModel(IMediator mediator) : ReviewPageModel(mediator)
{
    /// <summary>One row per indicator of the return, in the return's order; only ticked rows are sent.</summary>
    [BindProperty]
    public List<QueryLine> Questions { get; set; } = [];

    public string? WhyNot => ReviewDisplay.WhyNotReviewable(Return, "queried");

    protected override string FieldPrefix => string.Empty;

    public ReturnLineView? LineFor(Guid indicatorId) => Return.Lines.FirstOrDefault(l => l.IndicatorId == indicatorId);

    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        await LoadReturnAsync(id, period, cancellationToken);
        Questions = [.. Return.Lines.Select(l => new QueryLine { IndicatorId = l.IndicatorId })];
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        var rows = new List<int>();
        var questions = new List<QueryQuestion>();
        for (var i = 0; i < Questions.Count; i++)
        {
            if (Questions[i].Selected)
            {
                rows.Add(i);
                questions.Add(new QueryQuestion(Questions[i].IndicatorId, Questions[i].Comment));
            }
        }

        var (succeeded, _) = await TrySendAsync(new QueryReturn(id, period, ExpectedVersion, questions), cancellationToken);
        if (succeeded)
        {
            return BackToReturn(
                id,
                period,
                "Return queried",
                questions.Count == 1
                    ? "The provider has been asked about 1 figure. They will revise the return and submit it again."
                    : $"The provider has been asked about {questions.Count} figures. They will revise the return and submit it again.");
        }

        MoveIndexedErrors(nameof(Questions), rows);
        MoveIndicatorErrors();
        await LoadReturnAsync(id, period, cancellationToken);

        // Keep what was posted, in the return's order, so each comment stays beside its indicator.
        var posted = Questions;
        Questions = [.. Return.Lines.Select(l => posted.Find(q => q.IndicatorId == l.IndicatorId) ?? new QueryLine { IndicatorId = l.IndicatorId })];
        return Page();
    }

    /// <summary>The return reports a problem with a question under the indicator's id, or under "Indicators" for the whole list.</summary>
    private void MoveIndicatorErrors()
    {
        foreach (var key in ModelState.Keys.ToList())
        {
            var entry = ModelState[key]!;
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            string? target = null;
            if (key == "Indicators")
            {
                target = nameof(Questions);
            }
            else if (Guid.TryParse(key, out var indicatorId) && Questions.FindIndex(q => q.IndicatorId == indicatorId) is var row and >= 0)
            {
                target = $"{nameof(Questions)}[{row}].{nameof(QueryLine.Comment)}";
            }

            if (target is null)
            {
                continue;
            }

            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove(key);
            foreach (var message in messages)
            {
                ModelState.AddModelError(target, message);
            }
        }
    }
}

public sealed class QueryLine
{
    public Guid IndicatorId { get; set; }

    public bool Selected { get; set; }

    public string? Comment { get; set; }
}
