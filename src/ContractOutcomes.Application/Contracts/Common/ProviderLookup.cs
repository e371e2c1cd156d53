using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Organisations;

namespace ContractOutcomes.Application.Contracts.Common;

internal static class ProviderLookup
{
    /// <summary>The provider a commissioner picked; an unknown id is an input error on that field.</summary>
    public static async Task<Organisation> ProviderAsync(this IOrganisationRepository organisations, Guid? providerId, CancellationToken cancellationToken)
    {
        var provider = providerId is { } id
            ? await organisations.FindAsync(new OrganisationId(id), cancellationToken).ConfigureAwait(false)
            : null;
        return provider is { IsProvider: true }
            ? provider
            : throw new InputValidationException(nameof(IContractTermsInput.ProviderId), "Select a provider from the list");
    }

    public static async Task<Organisation> CommissionerOfAsync(this IOrganisationRepository organisations, ICurrentUser user, CancellationToken cancellationToken)
    {
        var commissioner = user.OrganisationId is { } id
            ? await organisations.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
        return commissioner ?? throw new ForbiddenException("Your account does not belong to a commissioning body.");
    }
}
