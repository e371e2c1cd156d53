using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Contracts;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Contracts.EndContract;

[AuthorizeRoles(Roles.Commissioner)]
public sealed record EndContract(Guid ContractId, int? ExpectedVersion, DateOnly? EndedOn, string? Reason) : ICommand<Unit>;

public sealed class EndContractValidator : AbstractValidator<EndContract>
{
    public EndContractValidator()
    {
        RuleFor(x => x.EndedOn).NotNull().WithMessage("Enter the date the contract ends");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason the contract is ending")
            .MaximumLength(Contract.EndReasonMaxLength).WithMessage($"Reason must be {Contract.EndReasonMaxLength} characters or fewer");
    }
}

public sealed class EndContractHandler(IContractRepository contracts, ICurrentUser user, IClock clock) : IRequestHandler<EndContract, Unit>
{
    public async Task<Unit> Handle(EndContract request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        contract.End(request.EndedOn!.Value, request.Reason!, clock.Now);
        return Unit.Value;
    }
}
