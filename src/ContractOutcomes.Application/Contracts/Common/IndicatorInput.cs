using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using FluentValidation;

namespace ContractOutcomes.Application.Contracts.Common;

/// <summary>What a commissioner enters to define an outcome indicator.</summary>
public interface IIndicatorInput
{
    string? Name { get; }

    string? Definition { get; }

    IndicatorUnit? Unit { get; }

    Polarity? Polarity { get; }

    RbaQuestion? RbaQuestion { get; }

    string? DataSource { get; }

    string? NumeratorLabel { get; }

    string? DenominatorLabel { get; }

    decimal? BaselineValue { get; }

    string? BaselinePeriod { get; }
}

public static class IndicatorInputExtensions
{
    public static IndicatorDefinition ToDefinition(this IIndicatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new IndicatorDefinition(
            input.Name!,
            input.Definition!,
            input.Unit!.Value,
            input.Polarity!.Value,
            input.RbaQuestion!.Value,
            input.DataSource!,
            input.NumeratorLabel,
            input.DenominatorLabel,
            input.BaselineValue,
            string.IsNullOrWhiteSpace(input.BaselinePeriod) ? null : ReportingPeriod.Parse(input.BaselinePeriod));
    }
}

public sealed class IndicatorInputValidator : AbstractValidator<IIndicatorInput>
{
    public IndicatorInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the indicator's name")
            .MaximumLength(OutcomeIndicator.NameMaxLength).WithMessage($"Name must be {OutcomeIndicator.NameMaxLength} characters or fewer");
        RuleFor(x => x.Definition).NotEmpty().WithMessage("Enter a definition")
            .MaximumLength(OutcomeIndicator.DefinitionMaxLength).WithMessage($"Definition must be {OutcomeIndicator.DefinitionMaxLength} characters or fewer");
        RuleFor(x => x.Unit).NotNull().WithMessage("Select the unit").IsInEnum().WithMessage("Select the unit");
        RuleFor(x => x.Polarity).NotNull().WithMessage("Select whether higher or lower is better").IsInEnum().WithMessage("Select whether higher or lower is better");
        RuleFor(x => x.RbaQuestion).NotNull().WithMessage("Select the question the indicator answers").IsInEnum().WithMessage("Select the question the indicator answers");
        RuleFor(x => x.DataSource).NotEmpty().WithMessage("Enter the data source")
            .MaximumLength(OutcomeIndicator.DataSourceMaxLength).WithMessage($"Data source must be {OutcomeIndicator.DataSourceMaxLength} characters or fewer");
        When(x => x.Unit is { } unit && unit.IsRatio(), () =>
        {
            RuleFor(x => x.NumeratorLabel).NotEmpty().WithMessage("Enter what the numerator counts")
                .MaximumLength(OutcomeIndicator.LabelMaxLength).WithMessage($"Numerator must be {OutcomeIndicator.LabelMaxLength} characters or fewer");
            RuleFor(x => x.DenominatorLabel).NotEmpty().WithMessage("Enter what the denominator counts")
                .MaximumLength(OutcomeIndicator.LabelMaxLength).WithMessage($"Denominator must be {OutcomeIndicator.LabelMaxLength} characters or fewer");
        });
        RuleFor(x => x.BaselineValue).GreaterThanOrEqualTo(0).WithMessage("The baseline must be 0 or more");
        RuleFor(x => x.BaselineValue).LessThanOrEqualTo(100).When(x => x.Unit == IndicatorUnit.Percentage)
            .WithMessage("The baseline must be 100% or less");
        RuleFor(x => x.BaselinePeriod)
            .Must(p => ReportingPeriod.TryParse(p, out _)).When(x => !string.IsNullOrWhiteSpace(x.BaselinePeriod))
            .WithMessage("Enter the baseline period like 2024-25 Q4");
        RuleFor(x => x.BaselinePeriod).NotEmpty().When(x => x.BaselineValue.HasValue)
            .WithMessage("Enter the period the baseline was measured in");
        RuleFor(x => x.BaselineValue).NotNull().When(x => !string.IsNullOrWhiteSpace(x.BaselinePeriod))
            .WithMessage("Enter the baseline value");
    }
}
