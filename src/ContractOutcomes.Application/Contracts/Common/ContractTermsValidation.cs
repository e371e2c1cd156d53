using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using FluentValidation;

namespace ContractOutcomes.Application.Contracts.Common;

/// <summary>The terms a commissioner enters when creating or editing a draft contract.</summary>
public interface IContractTermsInput
{
    string? Reference { get; }

    string? Title { get; }

    string? ServiceArea { get; }

    Guid? ProviderId { get; }

    DateOnly? TermStart { get; }

    DateOnly? TermEnd { get; }

    decimal? AnnualValue { get; }

    EligibilityKind? Eligibility { get; }

    IReadOnlyList<OrganisationType>? EligibleOrganisationTypes { get; }

    bool IsLightTouch { get; }
}

public static class ContractTermsInputExtensions
{
    public static ContractDetails ToDetails(this IContractTermsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ContractDetails(
            input.Reference!,
            input.Title!,
            input.ServiceArea!,
            input.TermStart!.Value,
            input.TermEnd!.Value,
            input.AnnualValue!.Value,
            EligibilityRule.Of(input.Eligibility!.Value, input.EligibleOrganisationTypes),
            input.IsLightTouch);
    }
}

public sealed class ContractTermsValidator : AbstractValidator<IContractTermsInput>
{
    public ContractTermsValidator()
    {
        RuleFor(x => x.Reference).NotEmpty().WithMessage("Enter a reference")
            .MaximumLength(Contract.ReferenceMaxLength).WithMessage($"Reference must be {Contract.ReferenceMaxLength} characters or fewer")
            .Matches("^[A-Za-z0-9][A-Za-z0-9/._-]*$").WithMessage("Reference must only include letters, numbers, hyphens, full stops, slashes and underscores");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter a title")
            .MaximumLength(Contract.TitleMaxLength).WithMessage($"Title must be {Contract.TitleMaxLength} characters or fewer");
        RuleFor(x => x.ServiceArea).NotEmpty().WithMessage("Enter the service area")
            .MaximumLength(Contract.ServiceAreaMaxLength).WithMessage($"Service area must be {Contract.ServiceAreaMaxLength} characters or fewer");
        RuleFor(x => x.ProviderId).NotEmpty().WithMessage("Select the provider");
        RuleFor(x => x.TermStart).NotNull().WithMessage("Enter the start date");
        RuleFor(x => x.TermEnd).NotNull().WithMessage("Enter the end date");
        RuleFor(x => x.TermEnd).GreaterThan(x => x.TermStart).When(x => x.TermStart.HasValue && x.TermEnd.HasValue)
            .WithMessage("The end date must be after the start date");
        RuleFor(x => x.AnnualValue).NotNull().WithMessage("Enter the annual value")
            .GreaterThan(0).WithMessage("The annual value must be more than £0")
            .LessThanOrEqualTo(10_000_000_000m).WithMessage("The annual value must be £10,000,000,000 or less")
            .Must(v => v is null || decimal.Round(v.Value, 2) == v.Value).WithMessage("The annual value must be in pounds and pence, like 24000000 or 1250.50");
        RuleFor(x => x.Eligibility).NotNull().WithMessage("Select who may hold the contract")
            .IsInEnum().WithMessage("Select who may hold the contract");
        RuleFor(x => x.EligibleOrganisationTypes).NotEmpty()
            .When(x => x.Eligibility == EligibilityKind.SpecificOrganisationTypes)
            .WithMessage("Select at least one organisation type that may hold the contract");
        RuleForEach(x => x.EligibleOrganisationTypes).IsInEnum().WithMessage("Select a valid organisation type");
    }
}
