using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Contracts.UpdateDraftContract;

[AuthorizeRoles(Roles.Commissioner)]
public sealed record UpdateDraftContract(
    Guid ContractId,
    int? ExpectedVersion,
    string? Reference,
    string? Title,
    string? ServiceArea,
    Guid? ProviderId,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    decimal? AnnualValue,
    EligibilityKind? Eligibility,
    IReadOnlyList<OrganisationType>? EligibleOrganisationTypes,
    bool IsLightTouch) : ICommand<Unit>, IContractTermsInput;

public sealed class UpdateDraftContractValidator : AbstractValidator<UpdateDraftContract>
{
    public UpdateDraftContractValidator() => Include(new ContractTermsValidator());
}

public sealed class UpdateDraftContractHandler(
    IContractRepository contracts, IOrganisationRepository organisations, ICurrentUser user)
    : IRequestHandler<UpdateDraftContract, Unit>
{
    public async Task<Unit> Handle(UpdateDraftContract request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var provider = await organisations.ProviderAsync(request.ProviderId, cancellationToken).ConfigureAwait(false);
        var reference = request.Reference!.Trim();
        if (await contracts.ReferenceExistsAsync(contract.CommissionerId, reference, contract.Id, cancellationToken).ConfigureAwait(false))
        {
            throw new BusinessRuleException($"There is already a contract with reference {reference}", nameof(request.Reference));
        }

        contract.UpdateDraft(request.ToDetails(), provider);
        return Unit.Value;
    }
}
