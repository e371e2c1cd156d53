using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Performance;
using ContractOutcomes.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Infrastructure.Persistence;

internal sealed class PeriodEvaluationRepository(AppDbContext db) : IPeriodEvaluationRepository
{
    public Task<List<PeriodEvaluation>> ForContractAsync(ContractId contractId, CancellationToken cancellationToken) =>
        db.PeriodEvaluations.Where(e => e.ContractId == contractId).ToListAsync(cancellationToken);

    public Task<PeriodEvaluation?> FindAsync(ContractId contractId, ReportingPeriod period, CancellationToken cancellationToken) =>
        db.PeriodEvaluations.FirstOrDefaultAsync(e => e.ContractId == contractId && e.Period == period, cancellationToken);

    public void Add(PeriodEvaluation evaluation) => db.PeriodEvaluations.Add(evaluation);
}

internal sealed class EscalationCaseRepository(AppDbContext db) : IEscalationCaseRepository
{
    public async Task<EscalationCase?> FindAsync(ContractId contractId, CancellationToken cancellationToken) =>
        db.EscalationCases.Local.FirstOrDefault(c => c.Id == contractId)
        ?? await db.EscalationCases.FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken).ConfigureAwait(false);

    public void Add(EscalationCase escalationCase) => db.EscalationCases.Add(escalationCase);
}

/// <summary>Reads the change tracker to find contracts whose evaluation inputs the unit of work changed.</summary>
internal sealed class EvaluationInputs(AppDbContext db) : IEvaluationInputs
{
    public IReadOnlyCollection<ContractId> ContractsChanged()
    {
        var changed = new HashSet<ContractId>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Contract contract when contract.Status != ContractStatus.Draft:
                    changed.Add(contract.Id);
                    break;
                case QuarterlyReturn quarterlyReturn when entry.State == EntityState.Modified
                    && (quarterlyReturn.Status == ReturnStatus.Accepted
                        || entry.Property(nameof(QuarterlyReturn.Status)).OriginalValue is ReturnStatus.Accepted):
                    changed.Add(quarterlyReturn.ContractId);
                    break;
                case PeriodEvaluation evaluation when entry.State == EntityState.Modified:
                    changed.Add(evaluation.ContractId);
                    break;
            }
        }

        return changed;
    }
}
