using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Contracts;

public sealed record ContractDrafted(ContractId ContractId, string Reference) : IDomainEvent;

public sealed record ContractActivated(ContractId ContractId, DateTimeOffset ActivatedAt) : IDomainEvent;

public sealed record ContractVaried(ContractId ContractId, int VariationNumber, VariationKind Kind) : IDomainEvent;

public sealed record ContractEnded(ContractId ContractId, DateOnly EndedOn) : IDomainEvent;
