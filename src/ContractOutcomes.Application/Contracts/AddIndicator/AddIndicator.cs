using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Contracts;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Contracts.AddIndicator;

[AuthorizeRoles(Roles.Commissioner)]
public sealed record AddIndicator(
    Guid ContractId,
    int? ExpectedVersion,
    string? Name,
    string? Definition,
    IndicatorUnit? Unit,
    Polarity? Polarity,
    RbaQuestion? RbaQuestion,
    string? DataSource,
    string? NumeratorLabel,
    string? DenominatorLabel,
    decimal? BaselineValue,
    string? BaselinePeriod) : ICommand<Guid>, IIndicatorInput;

public sealed class AddIndicatorValidator : AbstractValidator<AddIndicator>
{
    public AddIndicatorValidator() => Include(new IndicatorInputValidator());
}

public sealed class AddIndicatorHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<AddIndicator, Guid>
{
    public async Task<Guid> Handle(AddIndicator request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        return contract.AddIndicator(request.ToDefinition()).Id.Value;
    }
}
