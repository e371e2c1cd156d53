using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Performance.Common;
using ContractOutcomes.Application.Performance.RecordOtherRating;
using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Performance.WithdrawOtherRating;

/// <summary>
/// A commissioner withdraws an Other rating: the calculated rating applies again, and the period's payments and
/// the escalation are recalculated in the same save. <see cref="ExpectedVersion"/> is the period evaluation's
/// version the commissioner saw. Returns its new version.
/// </summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record WithdrawOtherRating(Guid ContractId, string? Period, Guid IndicatorId, int? ExpectedVersion) : ICommand<int>;

public sealed class WithdrawOtherRatingHandler(
    IContractRepository contracts,
    IPeriodEvaluationRepository evaluations,
    ContractEvaluator evaluator,
    ICurrentUser user) : IRequestHandler<WithdrawOtherRating, int>
{
    public async Task<int> Handle(WithdrawOtherRating request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var evaluation = await OtherRatingDecisions.LoadAsync(
            contracts, evaluations, user, request.ContractId, request.Period, request.IndicatorId, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        evaluation.WithdrawOther(new IndicatorId(request.IndicatorId));

        // See RecordOtherRating: recalculated now so the version returned is the one saved.
        await evaluator.ReevaluateAsync(evaluation.ContractId, cancellationToken).ConfigureAwait(false);
        return evaluation.Version;
    }
}
