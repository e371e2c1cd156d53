using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Organisations;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Organisations.CreateOrganisation;

[AuthorizeRoles(Roles.Administrator)]
public sealed record CreateOrganisation(string? Name, OrganisationKind? Kind, OrganisationType? OrganisationType, bool IsNotForProfit)
    : ICommand<Guid>;

public sealed class CreateOrganisationValidator : AbstractValidator<CreateOrganisation>
{
    public CreateOrganisationValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the organisation's name")
            .MaximumLength(Organisation.NameMaxLength).WithMessage($"Name must be {Organisation.NameMaxLength} characters or fewer");
        RuleFor(x => x.Kind).NotNull().WithMessage("Select whether the organisation is a commissioning body or a provider")
            .IsInEnum().WithMessage("Select whether the organisation is a commissioning body or a provider");
        RuleFor(x => x.OrganisationType).NotNull().When(x => x.Kind == OrganisationKind.Provider)
            .WithMessage("Select the provider's organisation type").IsInEnum().WithMessage("Select the provider's organisation type");
    }
}

public sealed class CreateOrganisationHandler(IOrganisationRepository organisations) : IRequestHandler<CreateOrganisation, Guid>
{
    public async Task<Guid> Handle(CreateOrganisation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name!.Trim();
        if (await organisations.NameExistsAsync(name, except: null, cancellationToken).ConfigureAwait(false))
        {
            throw new BusinessRuleException($"There is already an organisation called {name}", nameof(request.Name));
        }

        var organisation = request.Kind == OrganisationKind.Provider
            ? Organisation.CreateProvider(name, request.OrganisationType!.Value, request.IsNotForProfit)
            : Organisation.CreateCommissioningBody(name);
        organisations.Add(organisation);
        return organisation.Id.Value;
    }
}
