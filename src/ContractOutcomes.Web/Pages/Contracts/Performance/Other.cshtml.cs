using System.ComponentModel.DataAnnotations;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Performance.GetContractPerformance;
using ContractOutcomes.Application.Performance.RecordOtherRating;
using ContractOutcomes.Application.Performance.WithdrawOtherRating;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Performance;

/// <summary>
/// The commissioner records that none of the ratings fairly applies to an indicator in an evaluated period, with the
/// reason, or withdraws that decision so the calculated rating applies again. Payments and the escalation are
/// recalculated with the change. The form posts back the evaluation's version (hidden <c>expectedVersion</c>), so a
/// change made by someone else in the meantime is reported, not overwritten.
/// </summary>
[Authorize(Policy = Policies.Commissioner)]
public sealed class OtherRatingModel(IMediator mediator) : AppPageModel(mediator)
{
    public ContractPerformanceView Performance { get; private set; } = default!;

    public PerformancePeriodView Selected => Performance.Selected!;

    /// <summary>The indicator's line; null when the period has not been rated yet.</summary>
    public IndicatorPerformanceView? Line { get; private set; }

    [BindProperty]
    public OtherRatingInput Input { get; set; } = new();

    [BindProperty(Name = "expectedVersion")]
    public int? ExpectedVersion { get; set; }

    public int FormVersion => ExpectedVersion ?? Selected.Evaluation?.Version ?? 0;

    public string PerformancePath => Url.Content(PerformanceDisplay.PerformancePath(Performance.ContractId, Selected.PeriodSlug));

    protected override IReadOnlySet<string> FieldsWithoutInput { get; } = new HashSet<string>(StringComparer.Ordinal) { "IndicatorId" };

    public async Task OnGetAsync(Guid id, string period, Guid indicatorId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, period, indicatorId, cancellationToken);
        Input.Reason = Line?.Other?.Reason;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string period, Guid indicatorId, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(new RecordOtherRating(id, period, indicatorId, ExpectedVersion, Input.Reason), cancellationToken);
        await LoadAsync(id, period, indicatorId, cancellationToken);
        if (!succeeded)
        {
            return Page();
        }

        StatusMessage = $"{Line?.Name} is rated Other for {Selected.Period}";
        return Redirect(PerformancePath + $"#indicator-{indicatorId}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string period, Guid indicatorId, CancellationToken cancellationToken)
    {
        var (succeeded, _) = await TrySendAsync(new WithdrawOtherRating(id, period, indicatorId, ExpectedVersion), cancellationToken);
        await LoadAsync(id, period, indicatorId, cancellationToken);
        if (!succeeded)
        {
            return Page();
        }

        StatusMessage = $"The Other rating of {Line?.Name} for {Selected.Period} is withdrawn: it is rated {Line?.RatingName} again";
        return Redirect(PerformancePath + $"#indicator-{indicatorId}");
    }

    private async Task LoadAsync(Guid id, string period, Guid indicatorId, CancellationToken cancellationToken)
    {
        Performance = await Mediator.Send(new GetContractPerformance(id, period), cancellationToken);
        if (!Performance.CanRecordOther)
        {
            throw new NotFoundException("The contract");
        }

        if (Selected.Evaluation is { } evaluation)
        {
            Line = evaluation.Indicators.FirstOrDefault(i => i.IndicatorId == indicatorId) ?? throw new NotFoundException("The indicator");
        }
    }
}

public sealed class OtherRatingInput
{
    [Display(Name = "Why does none of the ratings fairly apply?")]
    public string? Reason { get; set; }
}
