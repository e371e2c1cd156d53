using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Performance;

namespace ContractOutcomes.Application.Common.Interfaces;

public interface IPeriodEvaluationRepository
{
    /// <summary>Every stored evaluation of the contract, tracked for change.</summary>
    Task<List<PeriodEvaluation>> ForContractAsync(ContractId contractId, CancellationToken cancellationToken);

    Task<PeriodEvaluation?> FindAsync(ContractId contractId, ReportingPeriod period, CancellationToken cancellationToken);

    void Add(PeriodEvaluation evaluation);
}

public interface IEscalationCaseRepository
{
    Task<EscalationCase?> FindAsync(ContractId contractId, CancellationToken cancellationToken);

    void Add(EscalationCase escalationCase);
}

/// <summary>
/// Which contracts the current unit of work changed something that their evaluation is calculated from:
/// the contract's terms, an accepted (or formerly accepted) return, or a commissioner's rating decision.
/// </summary>
public interface IEvaluationInputs
{
    IReadOnlyCollection<ContractId> ContractsChanged();
}
