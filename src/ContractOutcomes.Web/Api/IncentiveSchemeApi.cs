using ContractOutcomes.Application.Incentives.Common;
using ContractOutcomes.Application.Incentives.DefineIncentiveScheme;
using ContractOutcomes.Application.Incentives.GetIncentiveScheme;
using ContractOutcomes.Application.Incentives.PreviewIncentiveScheme;
using ContractOutcomes.Application.Incentives.RemoveIncentiveScheme;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractOutcomes.Web.Api;

/// <summary>
/// A contract's incentive scheme over JSON: the same use cases as the scheme pages. Anyone who may see the contract
/// may read the scheme and its preview; only its commissioner changes it, and only while the contract is a draft.
/// The ETag is the contract's version, to send back as If-Match with a change.
/// </summary>
public static class IncentiveSchemeApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var scheme = api.MapGroup("/contracts/{contractId:guid}/incentive-scheme").WithTags("Incentive schemes");

        scheme.MapGet("/", async (IMediator mediator, HttpContext http, Guid contractId, CancellationToken ct) =>
            {
                var view = await mediator.Send(new GetIncentiveScheme(contractId), ct);
                ETags.Set(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("GetIncentiveScheme")
            .WithSummary("The contract's incentive scheme ('scheme' is null when it has none) and what it pays in the preview period, with the arithmetic.")
            .WithDescription(
                "The preview is worked out for the contract's first period while it is a draft, otherwise for the current period. " +
                "'canEdit' says whether you may change the scheme. The ETag header carries the contract's version.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        scheme.MapPut("/", async Task<Results<Ok<IncentiveSchemeView>, ProblemHttpResult>> (IMediator mediator, HttpContext http, Guid contractId, IncentiveSchemeBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                try
                {
                    await mediator.Send(
                        new DefineIncentiveScheme(contractId, ETags.IfMatch(http), body.ShareAtRiskPercent, body.AnnualCap, body.TermCap, body.ServiceCreditCapPercent, body.Incentives ?? []),
                        ct);
                }
                catch (BusinessRuleException)
                {
                    if (await NotDraftAsync(mediator, contractId, ct) is { } refusal)
                    {
                        return refusal;
                    }

                    throw;
                }

                var view = await mediator.Send(new GetIncentiveScheme(contractId), ct);
                ETags.Set(http, view.Version);
                return TypedResults.Ok(view);
            })
            .WithName("DefineIncentiveScheme")
            .WithSummary("Sets or replaces the incentive scheme of a draft contract (Commissioner). Answers with the scheme as saved and its preview.")
            .WithDescription(
                "Give one entry in 'incentives' per indicator in the scheme, with its 'mechanism' (RatingBands, Graded, RateCard or ServiceCredit) " +
                "and the fields that mechanism uses; an indicator left out, or with a null mechanism, is not in the scheme. " +
                "A refused scheme is a 422 problem whose 'errors' are keyed like 'incentives[2].floor', 'shareAtRiskPercent' or 'weights'. " +
                "409 when the contract is no longer a draft; send If-Match to get 412 instead of overwriting someone else's change.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        scheme.MapDelete("/", async Task<Results<NoContent, ProblemHttpResult>> (IMediator mediator, HttpContext http, Guid contractId, CancellationToken ct) =>
            {
                int version;
                try
                {
                    version = await mediator.Send(new RemoveIncentiveScheme(contractId, ETags.IfMatch(http)), ct);
                }
                catch (BusinessRuleException)
                {
                    if (await NotDraftAsync(mediator, contractId, ct) is { } refusal)
                    {
                        return refusal;
                    }

                    throw;
                }

                ETags.Set(http, version);
                return TypedResults.NoContent();
            })
            .WithName("RemoveIncentiveScheme")
            .WithSummary("Removes the incentive scheme of a draft contract, so nothing is at risk (Commissioner). The ETag header carries the new version.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        scheme.MapPost("/preview", async (IMediator mediator, Guid contractId, IncentiveSchemeBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                var preview = await mediator.Send(
                    new PreviewIncentiveScheme(contractId, body.ShareAtRiskPercent, body.AnnualCap, body.TermCap, body.ServiceCreditCapPercent, body.Incentives ?? []),
                    ct);
                return TypedResults.Ok(SchemePreviewView.From(preview));
            })
            .WithName("PreviewIncentiveScheme")
            .WithSummary("What a scheme would pay at each rating and at sample results, and the most the provider could lose, without saving it (Commissioner).")
            .WithDescription("The body is the same as for PUT. A scheme that could not be saved is refused with the same 422 problem.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// A 409 problem when the refusal was because the contract is no longer a draft (its scheme is then fixed), else null
    /// so the refusal goes on to be reported as the 422 it is.
    /// </summary>
    private static async Task<ProblemHttpResult?> NotDraftAsync(IMediator mediator, Guid contractId, CancellationToken ct)
    {
        var view = await mediator.Send(new GetIncentiveScheme(contractId), ct);
        return view.Status switch
        {
            ContractStatus.Draft => null,
            ContractStatus.Active => TypedResults.Problem(
                "This contract is active, so its incentive scheme cannot change. A scheme can only be set up, changed or removed while the contract is a draft.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The contract is not a draft"),
            _ => TypedResults.Problem(
                "This contract has ended, so its incentive scheme can no longer change.",
                statusCode: StatusCodes.Status409Conflict,
                title: "The contract is not a draft"),
        };
    }
}

/// <summary>An incentive scheme as sent to PUT and to the preview.</summary>
/// <param name="ShareAtRiskPercent">The percentage of the annual value at risk, 0 to 100.</param>
/// <param name="AnnualCap">Optional: the most outcome payments can add up to in a financial year, in pounds.</param>
/// <param name="TermCap">Optional: the most outcome payments can add up to over the term, in pounds.</param>
/// <param name="ServiceCreditCapPercent">The most service credits can take off a quarter's base fee, as a percentage; needed with any service credit.</param>
/// <param name="Incentives">One entry per indicator in the scheme.</param>
public sealed record IncentiveSchemeBody(
    decimal? ShareAtRiskPercent,
    decimal? AnnualCap,
    decimal? TermCap,
    decimal? ServiceCreditCapPercent,
    IReadOnlyList<IncentiveInput>? Incentives);
