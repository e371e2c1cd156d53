using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Contracts.SetTargets;

/// <summary>A target for one reporting period, for example ("2025-26 Q1", 85).</summary>
public sealed record PeriodTarget(string? Period, decimal? Value);

/// <summary>
/// Sets a draft indicator's targets: either <see cref="AllPeriods"/> for every period of the term, or
/// one value per period in <see cref="Targets"/>, which must then cover every period of the term.
/// </summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record SetTargets(
    Guid ContractId,
    Guid IndicatorId,
    int? ExpectedVersion,
    decimal? AllPeriods,
    IReadOnlyList<PeriodTarget>? Targets) : ICommand<Unit>;

public sealed class SetTargetsValidator : AbstractValidator<SetTargets>
{
    public SetTargetsValidator()
    {
        RuleFor(x => x.Targets).NotEmpty().When(x => x.AllPeriods is null)
            .WithMessage("Enter a target for every period, or one target for all periods");
        RuleFor(x => x.AllPeriods).GreaterThanOrEqualTo(0).WithMessage("The target must be 0 or more");
        When(x => x.AllPeriods is null, () =>
            RuleForEach(x => x.Targets).ChildRules(t =>
            {
                t.RuleFor(p => p.Period).Must(p => ReportingPeriod.TryParse(p, out _))
                    .WithMessage(p => $"'{p.Period}' is not a reporting period; use the form 2025-26 Q1");
                t.RuleFor(p => p.Value).NotNull().WithMessage(p => $"Enter a target for {p.Period}")
                    .GreaterThanOrEqualTo(0).WithMessage(p => $"The target for {p.Period} must be 0 or more");
            }));
    }
}

public sealed class SetTargetsHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<SetTargets, Unit>
{
    public async Task<Unit> Handle(SetTargets request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var indicator = contract.Indicator(new IndicatorId(request.IndicatorId));
        var periods = contract.Term.Periods;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var targets = new Dictionary<ReportingPeriod, decimal>();
        if (request.AllPeriods is { } all)
        {
            var problem = OutcomeIndicator.WhyInvalid(indicator.Unit, all, "The target");
            if (problem is not null)
            {
                throw new InputValidationException(nameof(request.AllPeriods), problem);
            }

            foreach (var period in periods)
            {
                targets[period] = all;
            }
        }
        else
        {
            var given = request.Targets ?? [];
            for (var i = 0; i < given.Count; i++)
            {
                var period = ReportingPeriod.Parse(given[i].Period!);
                var key = $"{nameof(request.Targets)}[{i}].{nameof(PeriodTarget.Value)}";
                if (!contract.Term.Covers(period))
                {
                    errors[key] = [$"{period} is outside the contract term"];
                    continue;
                }

                if (!targets.TryAdd(period, given[i].Value!.Value))
                {
                    errors[key] = [$"{period} is given more than once"];
                    continue;
                }

                var problem = OutcomeIndicator.WhyInvalid(indicator.Unit, given[i].Value!.Value, $"The target for {period}");
                if (problem is not null)
                {
                    errors[key] = [problem];
                }
            }

            var missing = periods.Where(p => !targets.ContainsKey(p)).Select(p => $"Enter a target for {p}").ToArray();
            if (missing.Length > 0)
            {
                errors[nameof(request.Targets)] = missing;
            }
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        contract.SetTargets(indicator.Id, targets);
        return Unit.Value;
    }
}
