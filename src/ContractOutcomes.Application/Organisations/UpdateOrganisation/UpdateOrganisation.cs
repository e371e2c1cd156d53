using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Organisations;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Organisations.UpdateOrganisation;

[AuthorizeRoles(Roles.Administrator)]
public sealed record UpdateOrganisation(Guid OrganisationId, int? ExpectedVersion, string? Name, OrganisationType? OrganisationType, bool IsNotForProfit)
    : ICommand<Unit>;

public sealed class UpdateOrganisationValidator : AbstractValidator<UpdateOrganisation>
{
    public UpdateOrganisationValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the organisation's name")
            .MaximumLength(Organisation.NameMaxLength).WithMessage($"Name must be {Organisation.NameMaxLength} characters or fewer");
        RuleFor(x => x.OrganisationType).IsInEnum().WithMessage("Select the provider's organisation type");
    }
}

public sealed class UpdateOrganisationHandler(IOrganisationRepository organisations) : IRequestHandler<UpdateOrganisation, Unit>
{
    public async Task<Unit> Handle(UpdateOrganisation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = new OrganisationId(request.OrganisationId);
        var organisation = await organisations.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The organisation");
        if (request.ExpectedVersion is { } version && version != organisation.Version)
        {
            throw new ConcurrencyConflictException();
        }

        var name = request.Name!.Trim();
        if (await organisations.NameExistsAsync(name, id, cancellationToken).ConfigureAwait(false))
        {
            throw new BusinessRuleException($"There is already an organisation called {name}", nameof(request.Name));
        }

        organisation.Update(name, request.OrganisationType, request.IsNotForProfit);
        return Unit.Value;
    }
}
