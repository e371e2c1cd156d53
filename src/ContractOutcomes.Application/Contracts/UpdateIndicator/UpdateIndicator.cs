using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Contracts.UpdateIndicator;

[AuthorizeRoles(Roles.Commissioner)]
public sealed record UpdateIndicator(
    Guid ContractId,
    Guid IndicatorId,
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
    string? BaselinePeriod) : ICommand<Unit>, IIndicatorInput;

public sealed class UpdateIndicatorValidator : AbstractValidator<UpdateIndicator>
{
    public UpdateIndicatorValidator() => Include(new IndicatorInputValidator());
}

public sealed class UpdateIndicatorHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<UpdateIndicator, Unit>
{
    public async Task<Unit> Handle(UpdateIndicator request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        contract.UpdateIndicator(new IndicatorId(request.IndicatorId), request.ToDefinition());
        return Unit.Value;
    }
}
