using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Contracts.CreateDraftContract;

[AuthorizeRoles(Roles.Commissioner)]
public sealed record CreateDraftContract(
    string? Reference,
    string? Title,
    string? ServiceArea,
    Guid? ProviderId,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    decimal? AnnualValue,
    EligibilityKind? Eligibility,
    IReadOnlyList<OrganisationType>? EligibleOrganisationTypes,
    bool IsLightTouch) : ICommand<Guid>, IContractTermsInput;

public sealed class CreateDraftContractValidator : AbstractValidator<CreateDraftContract>
{
    public CreateDraftContractValidator() => Include(new ContractTermsValidator());
}

public sealed class CreateDraftContractHandler(
    IContractRepository contracts, IOrganisationRepository organisations, ICurrentUser user)
    : IRequestHandler<CreateDraftContract, Guid>
{
    public async Task<Guid> Handle(CreateDraftContract request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var commissioner = await organisations.CommissionerOfAsync(user, cancellationToken).ConfigureAwait(false);
        var provider = await organisations.ProviderAsync(request.ProviderId, cancellationToken).ConfigureAwait(false);
        var reference = request.Reference!.Trim();
        if (await contracts.ReferenceExistsAsync(commissioner.Id, reference, except: null, cancellationToken).ConfigureAwait(false))
        {
            throw new BusinessRuleException($"{commissioner.Name} already has a contract with reference {reference}", nameof(request.Reference));
        }

        var contract = Contract.CreateDraft(request.ToDetails(), commissioner, provider);
        contracts.Add(contract);
        return contract.Id.Value;
    }
}
