using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Organisations;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Users.CreateFirstAdministrator;

/// <summary>
/// Creates the first administrator, and the commissioning body they belong to, on an installation
/// that has no users yet. Run from the command line on the server; refused once any user exists, so
/// it can never be used to take over a running installation.
/// </summary>
[AllowAnonymousRequest]
public sealed record CreateFirstAdministrator(string? Email, string? DisplayName, string? OrganisationName, string? Password) : ICommand<string>;

public sealed class CreateFirstAdministratorValidator : AbstractValidator<CreateFirstAdministrator>
{
    public CreateFirstAdministratorValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an email address").EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org");
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the administrator's full name");
        RuleFor(x => x.OrganisationName).NotEmpty().WithMessage("Enter the name of the commissioning body");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a password")
            .MinimumLength(UserRules.MinimumPasswordLength).WithMessage($"Password must be {UserRules.MinimumPasswordLength} characters or more");
    }
}

public sealed class CreateFirstAdministratorHandler(IUserAccounts accounts, IOrganisationRepository organisations, IUnitOfWork unitOfWork)
    : IRequestHandler<CreateFirstAdministrator, string>
{
    public async Task<string> Handle(CreateFirstAdministrator request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await accounts.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new BusinessRuleException("This installation already has users: an administrator must create new accounts");
        }

        var name = request.OrganisationName!.Trim();
        if (await organisations.NameExistsAsync(name, null, cancellationToken).ConfigureAwait(false))
        {
            throw new BusinessRuleException($"There is already an organisation called {name}", nameof(request.OrganisationName));
        }

        // The organisation must be saved before an account can refer to it; one transaction keeps the
        // two together, so a refused password leaves no orphan organisation behind.
        return await unitOfWork.InTransactionAsync(
            async () =>
            {
                var organisation = Organisation.CreateCommissioningBody(name);
                organisations.Add(organisation);
                await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return await accounts.CreateAsync(
                    new NewUserAccount(request.Email!.Trim(), request.DisplayName!.Trim(), Roles.Administrator, organisation.Id, request.Password!),
                    cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
