using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Application.Performance.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Escalation.RecordEscalationDecision;

public enum EscalationDecision
{
    Acknowledge = 1,
    AgreeImprovementPlan = 2,
    IssueFormalNotice = 3,
    Deescalate = 4,
}

/// <summary>
/// A commissioner's decision on a contract's escalation: acknowledge what fired, agree an improvement plan
/// with a due date, issue a formal notice with an improvement deadline, or de-escalate with a reason.
/// Returns the escalation case's new version.
/// </summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record RecordEscalationDecision(
    Guid ContractId,
    int? ExpectedVersion,
    EscalationDecision? Decision,
    string? Note,
    DateOnly? DueOn = null,
    EscalationStage? ToStage = null) : ICommand<int>;

public sealed class RecordEscalationDecisionValidator : AbstractValidator<RecordEscalationDecision>
{
    public RecordEscalationDecisionValidator()
    {
        RuleFor(x => x.Decision).NotNull().WithMessage("Select a decision").IsInEnum().WithMessage("Select a decision");
        RuleFor(x => x.DueOn).NotNull().When(x => x.Decision == EscalationDecision.AgreeImprovementPlan)
            .WithMessage("Enter the date the improvement plan is due");
        RuleFor(x => x.DueOn).NotNull().When(x => x.Decision == EscalationDecision.IssueFormalNotice)
            .WithMessage("Enter the improvement deadline");
        RuleFor(x => x.ToStage).NotNull().When(x => x.Decision == EscalationDecision.Deescalate)
            .WithMessage("Select the stage to move the contract down to");
        RuleFor(x => x.Note).NotEmpty().When(x => x.Decision == EscalationDecision.Deescalate)
            .WithMessage("Enter the reason for de-escalating");
        RuleFor(x => x.Note).MaximumLength(EscalationEvent.NoteMaxLength)
            .WithMessage($"The note must be {EscalationEvent.NoteMaxLength} characters or fewer");
    }
}

public sealed class RecordEscalationDecisionHandler(
    IContractRepository contracts,
    IEscalationCaseRepository cases,
    ContractEvaluator evaluator,
    ICurrentUser user,
    IClock clock) : IRequestHandler<RecordEscalationDecision, int>
{
    public async Task<int> Handle(RecordEscalationDecision request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The version the caller saw is the escalation case's, checked below, not the contract's.
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        if (contract.Status == ContractStatus.Draft)
        {
            throw new BusinessRuleException("A draft contract has no escalation to decide on");
        }

        // Bring the case up to today first, so the decision is taken on what is firing now.
        await evaluator.ReevaluateAsync(contract.Id, cancellationToken).ConfigureAwait(false);
        var escalationCase = await cases.FindAsync(contract.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The contract's escalation");
        if (request.ExpectedVersion is { } version && version != escalationCase.Version)
        {
            throw new ConcurrencyConflictException();
        }

        var actor = user.AsActor();
        var note = request.Note?.Trim() ?? string.Empty;
        switch (request.Decision)
        {
            case EscalationDecision.Acknowledge:
                escalationCase.Acknowledge(note, actor, clock.Now);
                break;
            case EscalationDecision.AgreeImprovementPlan:
                escalationCase.AgreeImprovementPlan(request.DueOn!.Value, note, actor, clock.Now, clock.Today);
                break;
            case EscalationDecision.IssueFormalNotice:
                escalationCase.IssueFormalNotice(request.DueOn!.Value, note, actor, clock.Now, clock.Today);
                break;
            case EscalationDecision.Deescalate:
                escalationCase.Deescalate(request.ToStage!.Value, note, actor, clock.Now);
                break;
            default:
                throw new InvalidOperationException("The validator lets only known decisions through.");
        }

        return escalationCase.Version;
    }
}
