using MediatR;

namespace ContractOutcomes.Application.Common.Interfaces;

/// <summary>A use case that changes state: its changes are saved, audited and published as one unit.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A use case that only reads.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
