using ContractOutcomes.Application.Contracts.ActivateContract;
using ContractOutcomes.Application.Contracts.AddIndicator;
using ContractOutcomes.Application.Contracts.CreateDraftContract;
using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Application.Contracts.GetContractHistory;
using ContractOutcomes.Application.Contracts.ListContracts;
using ContractOutcomes.Application.Contracts.RemoveIndicator;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Application.Contracts.UpdateDraftContract;
using ContractOutcomes.Application.Contracts.UpdateIndicator;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractOutcomes.Web.Api;

/// <summary>Contract definition over JSON: the same use cases as the pages, for commissioners' own systems.</summary>
public static class ContractsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var contracts = api.MapGroup("/contracts").WithTags("Contracts");

        contracts.MapGet("/", async (IMediator mediator, string? search, ContractStatus? status, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListContracts(search, status, page ?? 1, pageSize ?? ListContracts.DefaultPageSize), ct)))
            .WithName("ListContracts").WithSummary("Lists the contracts you may see, optionally filtered by text and status.");

        contracts.MapGet("/{contractId:guid}", async (IMediator mediator, HttpContext http, Guid contractId, CancellationToken ct) =>
            {
                var contract = await mediator.Send(new GetContract(contractId), ct);
                ETags.Set(http, contract.Version);
                return TypedResults.Ok(contract);
            })
            .WithName("GetContract").WithSummary("A contract with its indicators, targets, tolerances and variations. The ETag header carries its version.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        contracts.MapGet("/{contractId:guid}/history", async (IMediator mediator, Guid contractId, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetContractHistory(contractId), ct)))
            .WithName("GetContractHistory").WithSummary("The contract's audit trail, newest first.");

        contracts.MapPost("/", async Task<Created<CreatedResource>> (IMediator mediator, ContractTermsBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                var id = await mediator.Send(
                    new CreateDraftContract(body.Reference, body.Title, body.ServiceArea, body.ProviderId, body.TermStart, body.TermEnd, body.AnnualValue, body.Eligibility, body.EligibleOrganisationTypes, body.IsLightTouch),
                    ct);
                return TypedResults.Created($"/api/v1/contracts/{id}", new CreatedResource(id));
            })
            .WithName("CreateDraftContract").WithSummary("Creates a draft contract (Commissioner).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status403Forbidden);

        contracts.MapPut("/{contractId:guid}", async (IMediator mediator, HttpContext http, Guid contractId, ContractTermsBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                await mediator.Send(
                    new UpdateDraftContract(contractId, ETags.IfMatch(http), body.Reference, body.Title, body.ServiceArea, body.ProviderId, body.TermStart, body.TermEnd, body.AnnualValue, body.Eligibility, body.EligibleOrganisationTypes, body.IsLightTouch),
                    ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateDraftContract").WithSummary("Changes the terms of a draft contract (Commissioner). Send If-Match to guard against lost updates.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        contracts.MapPost("/{contractId:guid}/indicators", async Task<Created<CreatedResource>> (IMediator mediator, HttpContext http, Guid contractId, IndicatorBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                var id = await mediator.Send(
                    new AddIndicator(contractId, ETags.IfMatch(http), body.Name, body.Definition, body.Unit, body.Polarity, body.RbaQuestion, body.DataSource, body.NumeratorLabel, body.DenominatorLabel, body.BaselineValue, body.BaselinePeriod),
                    ct);
                return TypedResults.Created($"/api/v1/contracts/{contractId}", new CreatedResource(id));
            })
            .WithName("AddIndicator").WithSummary("Adds an outcome indicator to a draft contract (Commissioner).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        contracts.MapPut("/{contractId:guid}/indicators/{indicatorId:guid}", async (IMediator mediator, HttpContext http, Guid contractId, Guid indicatorId, IndicatorBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                await mediator.Send(
                    new UpdateIndicator(contractId, indicatorId, ETags.IfMatch(http), body.Name, body.Definition, body.Unit, body.Polarity, body.RbaQuestion, body.DataSource, body.NumeratorLabel, body.DenominatorLabel, body.BaselineValue, body.BaselinePeriod),
                    ct);
                return TypedResults.NoContent();
            })
            .WithName("UpdateIndicator").WithSummary("Changes an indicator of a draft contract (Commissioner).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        contracts.MapDelete("/{contractId:guid}/indicators/{indicatorId:guid}", async (IMediator mediator, HttpContext http, Guid contractId, Guid indicatorId, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveIndicator(contractId, indicatorId, ETags.IfMatch(http)), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveIndicator").WithSummary("Removes an indicator from a draft contract (Commissioner).");

        contracts.MapPut("/{contractId:guid}/indicators/{indicatorId:guid}/targets", async (IMediator mediator, HttpContext http, Guid contractId, Guid indicatorId, TargetsBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                await mediator.Send(new SetTargets(contractId, indicatorId, ETags.IfMatch(http), body.AllPeriods, body.Targets), ct);
                return TypedResults.NoContent();
            })
            .WithName("SetTargets").WithSummary("Sets an indicator's targets: 'allPeriods' for every period, or one per period in 'targets' (Commissioner).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        contracts.MapPut("/{contractId:guid}/indicators/{indicatorId:guid}/tolerance", async (IMediator mediator, HttpContext http, Guid contractId, Guid indicatorId, ToleranceBody body, CancellationToken ct) =>
            {
                ArgumentNullException.ThrowIfNull(body);
                await mediator.Send(new SetTolerance(contractId, indicatorId, ETags.IfMatch(http), body.Mode, body.GoodWithin, body.ApproachingWithin, body.RequiresImprovementWithin), ct);
                return TypedResults.NoContent();
            })
            .WithName("SetTolerance").WithSummary("Sets the shortfalls from target that map a result to each rating (Commissioner).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        contracts.MapPost("/{contractId:guid}/activation", async (IMediator mediator, HttpContext http, Guid contractId, ActivationBody? body, CancellationToken ct) =>
            {
                await mediator.Send(new ActivateContract(contractId, ETags.IfMatch(http), body?.FewerKpisConfirmed ?? false), ct);
                return TypedResults.NoContent();
            })
            .WithName("ActivateContract").WithSummary("Activates a draft contract once every indicator has targets and thresholds (Commissioner).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}

public sealed record CreatedResource(Guid Id);

public sealed record ContractTermsBody(
    string? Reference,
    string? Title,
    string? ServiceArea,
    Guid? ProviderId,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    decimal? AnnualValue,
    EligibilityKind? Eligibility,
    IReadOnlyList<OrganisationType>? EligibleOrganisationTypes,
    bool IsLightTouch);

public sealed record IndicatorBody(
    string? Name,
    string? Definition,
    IndicatorUnit? Unit,
    Polarity? Polarity,
    RbaQuestion? RbaQuestion,
    string? DataSource,
    string? NumeratorLabel,
    string? DenominatorLabel,
    decimal? BaselineValue,
    string? BaselinePeriod);

public sealed record TargetsBody(decimal? AllPeriods, IReadOnlyList<PeriodTarget>? Targets);

public sealed record ToleranceBody(ToleranceMode? Mode, decimal? GoodWithin, decimal? ApproachingWithin, decimal? RequiresImprovementWithin);

public sealed record ActivationBody(bool FewerKpisConfirmed);
