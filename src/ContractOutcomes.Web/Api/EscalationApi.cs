using ContractOutcomes.Application.Escalation.GetEscalation;
using ContractOutcomes.Application.Escalation.GetEscalationRules;
using ContractOutcomes.Application.Escalation.RecordEscalationDecision;
using ContractOutcomes.Application.Escalation.SetEscalationRules;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Web.Pages.Contracts.Escalation;
using MediatR;

namespace ContractOutcomes.Web.Api;

/// <summary>
/// Escalation over JSON: where a contract stands, the commissioner's decisions, and the rules. The same use cases
/// as the escalation pages. The escalation's ETag is the escalation case's version; the rules' ETag is the
/// contract's version, because the rules are part of the contract's terms.
/// </summary>
public static class EscalationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var contract = api.MapGroup("/contracts/{contractId:guid}").WithTags("Escalation");

        contract.MapGet("/escalation", async (IMediator mediator, HttpContext http, Guid contractId, CancellationToken ct) =>
            {
                var view = await mediator.Send(new GetEscalation(contractId), ct);
                ETags.Set(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("GetEscalation")
            .WithSummary("Where the contract stands on the escalation ladder: stage, dates, the contract performance notice clock, rules firing now, history and the decisions you may take.")
            .WithDescription("The ETag header carries the escalation case's version (0 before the contract has one). Send it as If-Match with a decision.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        contract.MapPost("/escalation/decisions", async (IMediator mediator, HttpContext http, Guid contractId, EscalationDecisionBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                try
                {
                    await mediator.Send(new RecordEscalationDecision(contractId, ETags.IfMatch(http), body.Decision, body.Note, body.DueOn, body.ToStage), ct);
                }
                catch (BusinessRuleException e)
                {
                    // The escalation case names its own fields; the client sent these ones.
                    throw EscalationDisplay.InRequestTerms(e);
                }

                var view = await mediator.Send(new GetEscalation(contractId), ct);
                ETags.Set(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("RecordEscalationDecision")
            .WithSummary("Records a decision (Commissioner): Acknowledge (note), AgreeImprovementPlan (dueOn, note), IssueFormalNotice (dueOn is the improvement deadline, note) or Deescalate (toStage, note as the reason).")
            .WithDescription("Answers with the escalation as GET shows it after the decision, and its new ETag. Send If-Match with the ETag from GET to guard against deciding on an out-of-date position.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        contract.MapGet("/escalation-rules", async (IMediator mediator, HttpContext http, Guid contractId, CancellationToken ct) =>
            {
                var view = await mediator.Send(new GetEscalationRules(contractId), ct);
                ETags.Set(http, view.ContractVersion);
                return TypedResults.Ok(view);
            })
            .WithName("GetEscalationRules")
            .WithSummary("The contract's escalation rules, each in words with the stage it raises the contract to.")
            .WithDescription("The ETag header carries the contract's version. Send it as If-Match when replacing the rules.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        contract.MapPut("/escalation-rules", async (IMediator mediator, HttpContext http, Guid contractId, EscalationRulesBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                await mediator.Send(new SetEscalationRules(contractId, ETags.IfMatch(http), body.Rules ?? []), ct);
                var view = await mediator.Send(new GetEscalationRules(contractId), ct);
                ETags.Set(http, view.ContractVersion);
                return TypedResults.Ok(view);
            })
            .WithName("SetEscalationRules")
            .WithSummary("Replaces a draft contract's escalation rules, numbered in the order given (Commissioner).")
            .WithDescription(
                "Each rule gives 'kind' and 'stage' and the fields its kind uses: ConsecutivePeriods (indicatorId or null for any, atOrBelow, periods), " +
                "IndicatorsInPeriod (indicatorCount, atOrBelow), LateReturn (daysLate), WeightedScoreBelow (scoreBelow). Problems are named 'rules[i].field'. " +
                "Rules change only while the contract is a draft. Send If-Match with the contract's ETag.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}

/// <param name="Decision">Acknowledge, AgreeImprovementPlan, IssueFormalNotice or Deescalate.</param>
/// <param name="Note">The note; for Deescalate, the reason (required).</param>
/// <param name="DueOn">AgreeImprovementPlan: the date the plan is due. IssueFormalNotice: the improvement deadline.</param>
/// <param name="ToStage">Deescalate: the lower stage to move the contract down to.</param>
public sealed record EscalationDecisionBody(EscalationDecision? Decision, string? Note, DateOnly? DueOn, EscalationStage? ToStage);

public sealed record EscalationRulesBody(IReadOnlyList<EscalationRuleInput>? Rules);
