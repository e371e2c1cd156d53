using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Contracts.VaryContract;

/// <summary>
/// Records a variation to an Active contract. Which of the optional fields are needed depends on
/// <see cref="Kind"/>: a new annual value, a new end date, an indicator and its new target, or an
/// indicator and its new tolerance thresholds.
/// </summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record VaryContract(
    Guid ContractId,
    int? ExpectedVersion,
    VariationKind? Kind,
    string? Reason,
    string? EffectiveFrom,
    decimal? NewAnnualValue = null,
    DateOnly? NewTermEnd = null,
    Guid? IndicatorId = null,
    decimal? NewTarget = null,
    ToleranceMode? Mode = null,
    decimal? GoodWithin = null,
    decimal? ApproachingWithin = null,
    decimal? RequiresImprovementWithin = null) : ICommand<int>, IToleranceInput;

public sealed class VaryContractValidator : AbstractValidator<VaryContract>
{
    public VaryContractValidator()
    {
        RuleFor(x => x.Kind).NotNull().WithMessage("Select what the variation changes")
            .IsInEnum().WithMessage("Select what the variation changes");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Enter the reason for the variation")
            .MaximumLength(ContractVariation.ReasonMaxLength).WithMessage($"Reason must be {ContractVariation.ReasonMaxLength} characters or fewer");
        RuleFor(x => x.EffectiveFrom).NotEmpty().WithMessage("Select the period the variation takes effect from");
        RuleFor(x => x.EffectiveFrom).Must(p => ReportingPeriod.TryParse(p, out _)).When(x => !string.IsNullOrWhiteSpace(x.EffectiveFrom))
            .WithMessage("Enter the period like 2025-26 Q1");
        RuleFor(x => x.NewAnnualValue).NotNull().When(x => x.Kind == VariationKind.AnnualValue).WithMessage("Enter the new annual value")
            .GreaterThan(0).WithMessage("The annual value must be more than £0");
        RuleFor(x => x.NewTermEnd).NotNull().When(x => x.Kind == VariationKind.TermEnd).WithMessage("Enter the new end date");
        RuleFor(x => x.IndicatorId).NotEmpty().When(x => x.Kind is VariationKind.Target or VariationKind.Tolerance)
            .WithMessage("Select the indicator");
        RuleFor(x => x.NewTarget).NotNull().When(x => x.Kind == VariationKind.Target).WithMessage("Enter the new target")
            .GreaterThanOrEqualTo(0).WithMessage("The target must be 0 or more");
        When(x => x.Kind == VariationKind.Tolerance, () => Include(new ToleranceInputValidator()));
    }
}

public sealed class VaryContractHandler(IContractRepository contracts, ICurrentUser user, IClock clock)
    : IRequestHandler<VaryContract, int>
{
    public async Task<int> Handle(VaryContract request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var context = new VariationContext(request.Reason!, ReportingPeriod.Parse(request.EffectiveFrom!), user.AsActor(), clock.Now);
        try
        {
            var variation = request.Kind switch
            {
                VariationKind.AnnualValue => contract.VaryAnnualValue(request.NewAnnualValue!.Value, context),
                VariationKind.TermEnd => contract.VaryTermEnd(request.NewTermEnd!.Value, context),
                VariationKind.Target => contract.VaryTarget(new IndicatorId(request.IndicatorId!.Value), request.NewTarget!.Value, context),
                VariationKind.Tolerance => contract.VaryTolerance(new IndicatorId(request.IndicatorId!.Value), request.ToBands(), context),
                _ => throw new BusinessRuleException("Select what the variation changes", nameof(request.Kind)),
            };
            return variation.Number;
        }
        catch (BusinessRuleException e)
        {
            // The domain names the contract's own terms; this request names the new values.
            throw new BusinessRuleException([.. e.Violations.Select(v => v with { PropertyName = RequestField(v.PropertyName) })]);
        }
    }

    private static string? RequestField(string? domainProperty) => domainProperty switch
    {
        "AnnualValue" => nameof(VaryContract.NewAnnualValue),
        "TermEnd" or "TermStart" => nameof(VaryContract.NewTermEnd),
        "Value" => nameof(VaryContract.NewTarget),
        _ => domainProperty,
    };
}
