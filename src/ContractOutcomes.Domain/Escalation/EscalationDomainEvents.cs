using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Escalation;

public sealed record EscalationStageChanged(ContractId ContractId, EscalationStage From, EscalationStage To) : IDomainEvent;

public sealed record EscalationTriggered(ContractId ContractId, int RuleNumber, ReportingPeriod Period, EscalationStage Stage) : IDomainEvent;

public sealed record EscalationTriggerLifted(ContractId ContractId, int RuleNumber, ReportingPeriod Period) : IDomainEvent;

public sealed record EscalationAcknowledged(ContractId ContractId, EscalationStage Stage) : IDomainEvent;

public sealed record ImprovementPlanAgreed(ContractId ContractId, DateOnly DueOn) : IDomainEvent;

public sealed record FormalNoticeIssued(ContractId ContractId, DateOnly ImprovementDeadline) : IDomainEvent;

public sealed record EscalationDeescalated(ContractId ContractId, EscalationStage From, EscalationStage To) : IDomainEvent;

/// <summary>A formal notice's deadline passed with rules still firing: a contract performance notice is due.</summary>
public sealed record ContractFailedToImprove(ContractId ContractId, ReportingPeriod Period, DateOnly FailedOn, DateOnly PerformanceNoticeDueBy) : IDomainEvent;
