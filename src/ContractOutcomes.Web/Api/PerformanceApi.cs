using ContractOutcomes.Application.Performance.GetContractPerformance;
using ContractOutcomes.Application.Performance.RecordOtherRating;
using ContractOutcomes.Application.Performance.WithdrawOtherRating;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractOutcomes.Web.Api;

/// <summary>
/// A contract's performance over JSON: the same results, with the same explanations, as the performance pages.
/// {period} is the period's slug ("2026-27-Q1"); its label also works. A period's ETag is the version of its stored
/// evaluation: send it as If-Match when recording or withdrawing an Other rating.
/// </summary>
public static class PerformanceApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var performance = api.MapGroup("/contracts/{contractId:guid}/performance").WithTags("Performance");

        performance.MapGet("/", async (IMediator mediator, Guid contractId, CancellationToken ct) =>
                TypedResults.Ok(PerformanceSummary.From(await mediator.Send(new GetContractPerformance(contractId), ct))))
            .WithName("ListPerformancePeriods")
            .WithSummary("Every reporting period of the contract that has ended: whether it is rated yet and, once it is, its headline results, with the escalation stage.")
            .WithDescription(
                "A period is Evaluated once its return is accepted, or once its due date has passed with nothing submitted (every indicator Not reported). " +
                "AwaitingReview: the return is submitted or queried. NotYetDue: the return's due date has not passed.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        performance.MapGet("/{period}", async (IMediator mediator, HttpContext http, Guid contractId, string period, CancellationToken ct) =>
            {
                var view = await mediator.Send(new GetContractPerformance(contractId, period), ct);
                if (view.Selected?.Evaluation is { } evaluation)
                {
                    ETags.Set(http, evaluation.Version);
                }

                return TypedResults.Ok(view);
            })
            .WithName("GetPeriodPerformance")
            .WithSummary("One period's results: each indicator's rating and scorecard figures, the payment statement and the escalation position, each with its arithmetic in words.")
            .WithDescription(
                "Money is in pounds. Calculated figures are kept to 4 decimal places; the pages show them to 1. " +
                "'selected.notEvaluatedReason' says why a period has no results yet. For an evaluated period the ETag header carries the evaluation's version.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        performance.MapPut("/{period}/other-ratings/{indicatorId:guid}", async (IMediator mediator, HttpContext http, Guid contractId, string period, Guid indicatorId, OtherRatingBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                return Changed(http, await mediator.Send(new RecordOtherRating(contractId, period, indicatorId, ETags.IfMatch(http), body.Reason), ct));
            })
            .WithName("RecordOtherRating")
            .WithSummary("Rates an indicator Other for an evaluated period, with the reason none of the ratings fairly applies (Commissioner). Sending it again changes the reason.")
            .WithDescription(
                "An indicator rated Other earns its full at-risk amount (graded payments earn no bonus), is left out of the overall score and never fires an escalation rule. " +
                "The period's payments and the escalation are recalculated in the same change. Send If-Match with the period's ETag to guard against lost updates.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        performance.MapDelete("/{period}/other-ratings/{indicatorId:guid}", async (IMediator mediator, HttpContext http, Guid contractId, string period, Guid indicatorId, CancellationToken ct) =>
                Changed(http, await mediator.Send(new WithdrawOtherRating(contractId, period, indicatorId, ETags.IfMatch(http)), ct)))
            .WithName("WithdrawOtherRating")
            .WithSummary("Withdraws an Other rating, so the calculated rating applies again and payments and escalation are recalculated (Commissioner).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The answer to a change: the evaluation's new version, in the body and as the ETag.</summary>
    private static Ok<EvaluationVersion> Changed(HttpContext http, int version)
    {
        ETags.Set(http, version);
        return TypedResults.Ok(new EvaluationVersion(version));
    }
}

/// <summary>A period evaluation's version after a change; send it back as If-Match with the next one.</summary>
public sealed record EvaluationVersion(int Version);

/// <param name="Reason">Why none of Good, Approaching target, Requires improvement or Inadequate fairly applies (up to 2,000 characters).</param>
public sealed record OtherRatingBody(string? Reason);

/// <summary>A contract's periods with their headline results, and where the contract stands on the escalation ladder.</summary>
public sealed record PerformanceSummary(
    Guid ContractId,
    string Reference,
    string Title,
    string ProviderName,
    ContractStatus Status,
    EscalationStage EscalationStage,
    string EscalationStageName,
    bool FailedToImprove,
    DateOnly? PerformanceNoticeDueBy,
    IReadOnlyList<PerformancePeriodSummary> Periods)
{
    public static PerformanceSummary From(ContractPerformanceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new PerformanceSummary(
            view.ContractId,
            view.Reference,
            view.Title,
            view.ProviderName,
            view.Status,
            view.Escalation.Stage,
            view.Escalation.StageName,
            view.Escalation.FailedToImprove,
            view.Escalation.PerformanceNoticeDueBy,
            view.Periods);
    }
}
