using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Performance.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Performance;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Performance.RecordOtherRating;

/// <summary>
/// A commissioner records that none of the ratings fairly applies to an indicator in an evaluated period, and
/// why. The indicator is then rated Other: it earns its at-risk amount, is left out of the overall score and
/// never fires an escalation rule. The period's payments and the escalation are recalculated in the same save.
/// <see cref="ExpectedVersion"/> is the period evaluation's version the commissioner saw. Returns its new version.
/// </summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record RecordOtherRating(Guid ContractId, string? Period, Guid IndicatorId, int? ExpectedVersion, string? Reason) : ICommand<int>;

public sealed class RecordOtherRatingValidator : AbstractValidator<RecordOtherRating>
{
    public RecordOtherRatingValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter why none of the ratings applies")
            .MaximumLength(OtherRating.ReasonMaxLength).WithMessage($"The reason must be {OtherRating.ReasonMaxLength} characters or fewer");
    }
}

public sealed class RecordOtherRatingHandler(
    IContractRepository contracts,
    IPeriodEvaluationRepository evaluations,
    ContractEvaluator evaluator,
    ICurrentUser user,
    IClock clock) : IRequestHandler<RecordOtherRating, int>
{
    public async Task<int> Handle(RecordOtherRating request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await OtherRatingDecisions.LoadAsync(
            contracts, evaluations, user, request.ContractId, request.Period, request.IndicatorId, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        evaluation.RecordOther(new IndicatorId(request.IndicatorId), request.Reason ?? string.Empty, user.AsActor(), clock.Now);

        // Recalculated here as well as by the pipeline (which then finds nothing left to do), so the version
        // returned is the one saved and the caller can send it straight back with the next change.
        await evaluator.ReevaluateAsync(evaluation.ContractId, cancellationToken).ConfigureAwait(false);
        return evaluation.Version;
    }
}

/// <summary>Loading the period evaluation a commissioner's Other rating decision is about.</summary>
public static class OtherRatingDecisions
{
    /// <summary>
    /// The stored evaluation of the period, tracked for change. Only the contract's commissioning body gets this
    /// far; anyone else, an unknown period or an indicator the period did not evaluate, is told it was not found.
    /// A period with no results yet is refused with the reason.
    /// </summary>
    public static async Task<PeriodEvaluation> LoadAsync(
        IContractRepository contracts,
        IPeriodEvaluationRepository evaluations,
        ICurrentUser user,
        Guid contractId,
        string? period,
        Guid indicatorId,
        int? expectedVersion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentNullException.ThrowIfNull(user);
        var contract = await contracts.FindAsync(new ContractId(contractId), cancellationToken).ConfigureAwait(false);
        if (contract is null || !user.IsInRole(Roles.Commissioner) || contract.CommissionerId != user.OrganisationId)
        {
            throw new NotFoundException("The contract");
        }

        if (!ReportingPeriod.TryParse(period, out var parsed) || !contract.Term.Covers(parsed))
        {
            throw new NotFoundException("The period");
        }

        var evaluation = await evaluations.FindAsync(contract.Id, parsed, cancellationToken).ConfigureAwait(false)
            ?? throw new BusinessRuleException(
                $"{parsed} has not been rated yet, so there is no rating to replace. A period is rated once its return is accepted, or as Not reported once its due date has passed with nothing submitted");
        if (evaluation.Indicators.All(i => i.IndicatorId.Value != indicatorId))
        {
            throw new NotFoundException("The indicator");
        }

        if (expectedVersion is { } version && version != evaluation.Version)
        {
            throw new ConcurrencyConflictException(
                "Someone else changed this period's results while you were working on them. Reload the page to see the latest results, then try again.");
        }

        return evaluation;
    }
}
