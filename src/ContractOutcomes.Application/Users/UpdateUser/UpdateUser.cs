using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Common;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Users.UpdateUser;

[AuthorizeRoles(Roles.Administrator)]
public sealed record UpdateUser(string UserId, string? DisplayName, string? Role, Guid? OrganisationId, bool IsDisabled) : ICommand<Unit>;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator() => UserRules.AddAccountRules(this, x => x.DisplayName, x => x.Role, x => x.OrganisationId);
}

public sealed class UpdateUserHandler(IUserAccounts accounts, IOrganisationRepository organisations, ICurrentUser currentUser)
    : IRequestHandler<UpdateUser, Unit>
{
    public async Task<Unit> Handle(UpdateUser request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _ = await accounts.FindAsync(request.UserId, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException("The user");
        if (request.UserId == currentUser.UserId && (request.IsDisabled || request.Role != Roles.Administrator))
        {
            // Stops the last administrator locking everyone out of administration by accident.
            throw new BusinessRuleException("You cannot disable your own account or remove your own administrator role", "Role");
        }

        await UserRules.CheckOrganisationFitsRoleAsync(organisations, request.OrganisationId, request.Role!, cancellationToken).ConfigureAwait(false);
        await accounts.UpdateAsync(request.UserId, request.DisplayName!.Trim(), request.Role!, new OrganisationId(request.OrganisationId!.Value), request.IsDisabled, cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }
}
