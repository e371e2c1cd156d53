using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Performance;

namespace ContractOutcomes.Application.Performance.Common;

/// <summary>
/// Recalculates a contract's stored evaluations and escalation case from its terms, accepted returns and
/// rating decisions, inside the current unit of work, so results never lag behind the change that
/// caused them. Recalculating when nothing changed writes nothing.
/// </summary>
public sealed class ContractEvaluator(
    IContractRepository contracts,
    IReturnRepository returns,
    IPeriodEvaluationRepository evaluations,
    IEscalationCaseRepository escalationCases,
    IReportingCalendar calendar,
    IClock clock)
{
    public async Task ReevaluateAsync(ContractId contractId, CancellationToken cancellationToken)
    {
        var contract = await contracts.FindAsync(contractId, cancellationToken).ConfigureAwait(false);
        if (contract is null || contract.Status == ContractStatus.Draft)
        {
            return;
        }

        var today = clock.Today;
        var now = clock.Now;
        var contractReturns = await returns.ForContractAsync(contractId, cancellationToken).ConfigureAwait(false);
        var stored = await evaluations.ForContractAsync(contractId, cancellationToken).ConfigureAwait(false);
        var others = stored
            .SelectMany(e => e.OtherRatings.Select(o => (Key: (e.Period, o.IndicatorId), o.Reason)))
            .ToDictionary(x => x.Key, x => x.Reason);

        var result = ContractAssessment.Assess(
            contract,
            contractReturns.Select(r => ReturnFacts.Of(r, today)).ToArray(),
            others,
            calendar.DueDate,
            today);

        foreach (var period in result.Periods)
        {
            var evaluation = stored.Find(e => e.Period == period.Period);
            if (evaluation is null)
            {
                evaluation = PeriodEvaluation.Start(contractId, period.Period);
                evaluations.Add(evaluation);
            }

            evaluation.Apply(period, now);
        }

        var escalationCase = await escalationCases.FindAsync(contractId, cancellationToken).ConfigureAwait(false);
        if (escalationCase is null)
        {
            escalationCase = EscalationCase.Open(contractId);
            escalationCases.Add(escalationCase);
        }

        escalationCase.Synchronise(result.Triggers, result.Ratings, today, now);
    }
}
