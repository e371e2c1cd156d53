using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Common;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Users.CreateUser;

[AuthorizeRoles(Roles.Administrator)]
public sealed record CreateUser(string? Email, string? DisplayName, string? Role, Guid? OrganisationId, string? Password) : ICommand<string>;

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.org")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or fewer");
        UserRules.AddAccountRules(this, x => x.DisplayName, x => x.Role, x => x.OrganisationId);
        RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a password")
            .MinimumLength(UserRules.MinimumPasswordLength).WithMessage($"Password must be {UserRules.MinimumPasswordLength} characters or more");
    }
}

public sealed class CreateUserHandler(IUserAccounts accounts, IOrganisationRepository organisations) : IRequestHandler<CreateUser, string>
{
    public async Task<string> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await UserRules.CheckOrganisationFitsRoleAsync(organisations, request.OrganisationId, request.Role!, cancellationToken).ConfigureAwait(false);
        return await accounts.CreateAsync(
            new NewUserAccount(request.Email!.Trim(), request.DisplayName!.Trim(), request.Role!, new OrganisationId(request.OrganisationId!.Value), request.Password!),
            cancellationToken).ConfigureAwait(false);
    }
}
