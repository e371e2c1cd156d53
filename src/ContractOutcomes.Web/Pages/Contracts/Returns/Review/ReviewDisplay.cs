using System.Globalization;
using ContractOutcomes.Application.Returns.GetReturn;

namespace ContractOutcomes.Web.Pages.Contracts.Returns.Review;

/// <summary>Words the review pages and the home page add to <see cref="ReturnDisplay"/>.</summary>
public static class ReviewDisplay
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"due today", "due in 1 day", "due in 5 days".</summary>
    public static string DueIn(int days) => days switch
    {
        0 => "due today",
        1 => "due in 1 day",
        _ => string.Create(EnglishUk, $"due in {days:#,##0} days"),
    };

    /// <summary>
    /// Why the commissioner cannot act on the return now, in words, or null when it is waiting for review.
    /// <paramref name="action"/> is what they came to do: "queried" or "accepted".
    /// </summary>
    public static string? WhyNotReviewable(ReturnView view, string action)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.State switch
        {
            ReturnState.Submitted => null,
            ReturnState.NotYetOpen => $"The return for {view.Period} is not open yet, so there is nothing to review.",
            ReturnState.NotStarted => $"{view.ProviderName} has not started the return for {view.Period}, so it cannot be {action}.",
            ReturnState.Draft => $"The return for {view.Period} has not been submitted: it is still a draft, so it cannot be {action}.",
            ReturnState.Queried => $"This return has been queried and is waiting for {view.ProviderName} to answer and submit it again, so it cannot be {action} now.",
            ReturnState.Accepted => view.AcceptedByName is { } by && view.AcceptedAt is { } at
                ? $"This return has already been accepted (by {by} on {ContractDisplay.When(at)}). Its figures are locked."
                : "This return has already been accepted. Its figures are locked.",
            _ => $"This return cannot be {action} now.",
        };
    }
}
