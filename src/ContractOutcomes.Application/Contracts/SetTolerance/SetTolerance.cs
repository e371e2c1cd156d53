using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Contracts.SetTolerance;

/// <summary>The thresholds that map a result to a rating; shared by draft editing and variations.</summary>
public interface IToleranceInput
{
    ToleranceMode? Mode { get; }

    decimal? GoodWithin { get; }

    decimal? ApproachingWithin { get; }

    decimal? RequiresImprovementWithin { get; }
}

public sealed class ToleranceInputValidator : AbstractValidator<IToleranceInput>
{
    public ToleranceInputValidator()
    {
        RuleFor(x => x.Mode).NotNull().WithMessage("Select whether thresholds are absolute or relative to the target")
            .IsInEnum().WithMessage("Select whether thresholds are absolute or relative to the target");
        RuleFor(x => x.GoodWithin).NotNull().WithMessage("Enter the largest shortfall that is still Good")
            .GreaterThanOrEqualTo(0).WithMessage("The Good threshold must be 0 or more");
        RuleFor(x => x.ApproachingWithin).NotNull().WithMessage("Enter the largest shortfall that is Approaching target")
            .GreaterThanOrEqualTo(x => x.GoodWithin ?? 0).WithMessage("The Approaching target threshold must be the same as or larger than the Good threshold");
        RuleFor(x => x.RequiresImprovementWithin).NotNull().WithMessage("Enter the largest shortfall that Requires improvement")
            .GreaterThanOrEqualTo(x => x.ApproachingWithin ?? 0).WithMessage("The Requires improvement threshold must be the same as or larger than the Approaching target threshold");
        RuleFor(x => x.RequiresImprovementWithin).LessThanOrEqualTo(100).When(x => x.Mode == ToleranceMode.Relative)
            .WithMessage("A relative threshold must be 100% of the target or less");
    }
}

public static class ToleranceInputExtensions
{
    public static ToleranceBands ToBands(this IToleranceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ToleranceBands.Of(input.Mode!.Value, input.GoodWithin!.Value, input.ApproachingWithin!.Value, input.RequiresImprovementWithin!.Value);
    }
}

[AuthorizeRoles(Roles.Commissioner)]
public sealed record SetTolerance(
    Guid ContractId,
    Guid IndicatorId,
    int? ExpectedVersion,
    ToleranceMode? Mode,
    decimal? GoodWithin,
    decimal? ApproachingWithin,
    decimal? RequiresImprovementWithin) : ICommand<Unit>, IToleranceInput;

public sealed class SetToleranceValidator : AbstractValidator<SetTolerance>
{
    public SetToleranceValidator() => Include(new ToleranceInputValidator());
}

public sealed class SetToleranceHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<SetTolerance, Unit>
{
    public async Task<Unit> Handle(SetTolerance request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        contract.SetTolerance(new IndicatorId(request.IndicatorId), request.ToBands());
        return Unit.Value;
    }
}
