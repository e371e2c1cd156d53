using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Organisations;
using FluentValidation;

namespace ContractOutcomes.Application.Users;

internal static class UserRules
{
    public const int DisplayNameMaxLength = 100;
    public const int MinimumPasswordLength = PasswordPolicy.MinimumLength;

    /// <summary>Provider users belong to providers; commissioners and administrators to commissioning bodies.</summary>
    public static async Task CheckOrganisationFitsRoleAsync(IOrganisationRepository organisations, Guid? organisationId, string role, CancellationToken cancellationToken)
    {
        var organisation = organisationId is { } id
            ? await organisations.FindAsync(new OrganisationId(id), cancellationToken).ConfigureAwait(false)
            : null;
        if (organisation is null)
        {
            throw new InputValidationException("OrganisationId", "Select an organisation from the list");
        }

        var needsProvider = role == Roles.Provider;
        if (needsProvider != organisation.IsProvider)
        {
            throw new BusinessRuleException(
                needsProvider
                    ? $"{organisation.Name} is not a provider: provider users must belong to a provider"
                    : $"{organisation.Name} is a provider: {role.ToLowerInvariant()}s must belong to a commissioning body",
                "OrganisationId");
        }
    }

    public static void AddAccountRules<T>(AbstractValidator<T> validator, Func<T, string?> displayName, Func<T, string?> role, Func<T, Guid?> organisationId)
    {
        validator.RuleFor(x => displayName(x)).NotEmpty().WithMessage("Enter the person's full name")
            .MaximumLength(DisplayNameMaxLength).WithMessage($"Full name must be {DisplayNameMaxLength} characters or fewer")
            .OverridePropertyName("DisplayName");
        validator.RuleFor(x => role(x)).Must(r => r is not null && Roles.All.Contains(r)).WithMessage("Select a role")
            .OverridePropertyName("Role");
        validator.RuleFor(x => organisationId(x)).NotEmpty().WithMessage("Select an organisation")
            .OverridePropertyName("OrganisationId");
    }
}
