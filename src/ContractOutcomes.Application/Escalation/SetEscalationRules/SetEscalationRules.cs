using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using MediatR;

namespace ContractOutcomes.Application.Escalation.SetEscalationRules;

/// <summary>One escalation rule as the commissioner entered it; only the fields its kind uses are read.</summary>
public sealed record EscalationRuleInput(
    EscalationRuleKind? Kind,
    EscalationStage? Stage,
    Guid? IndicatorId = null,
    PerformanceRating? AtOrBelow = null,
    int? Periods = null,
    int? IndicatorCount = null,
    int? DaysLate = null,
    decimal? ScoreBelow = null);

/// <summary>Replaces a draft contract's escalation rules. Returns the contract's new version.</summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record SetEscalationRules(Guid ContractId, int? ExpectedVersion, IReadOnlyList<EscalationRuleInput> Rules) : ICommand<int>;

public sealed class SetEscalationRulesHandler(IContractRepository contracts, ICurrentUser user) : IRequestHandler<SetEscalationRules, int>
{
    public async Task<int> Handle(SetEscalationRules request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        contract.SetEscalationRules(Build(request.Rules, contract));
        return contract.Version;
    }

    /// <summary>Builds every rule, or throws one exception listing each problem as <c>Rules[i].Field</c>.</summary>
    public static IReadOnlyList<EscalationRule> Build(IReadOnlyList<EscalationRuleInput> inputs, Contract contract)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(contract);
        var rules = new List<EscalationRule>();
        var problems = new List<RuleViolation>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var prefix = $"Rules[{i}].";
            var missing = new List<RuleViolation>();
            T Need<T>(T? value, string message, string property)
                where T : struct
            {
                if (value is null)
                {
                    missing.Add(new RuleViolation($"{message} (rule {i + 1})", prefix + property));
                }

                return value ?? default;
            }

            var stage = Need(input.Stage, "Select the stage the rule raises", nameof(EscalationRuleInput.Stage));
            IndicatorId? indicator = input.IndicatorId is { } id ? new IndicatorId(id) : null;
            if (indicator is { } named && contract.Indicators.All(x => x.Id != named))
            {
                missing.Add(new RuleViolation($"Select an indicator of this contract (rule {i + 1})", prefix + nameof(EscalationRuleInput.IndicatorId)));
            }

            Func<EscalationRule>? make = input.Kind switch
            {
                EscalationRuleKind.ConsecutivePeriods => Make(
                    Need(input.AtOrBelow, "Select the rating", nameof(EscalationRuleInput.AtOrBelow)),
                    Need(input.Periods, "Enter the number of consecutive periods", nameof(EscalationRuleInput.Periods)),
                    (rating, periods) => () => EscalationRule.ConsecutivePeriods(rules.Count + 1, indicator, rating, periods, stage)),
                EscalationRuleKind.IndicatorsInPeriod => Make(
                    Need(input.AtOrBelow, "Select the rating", nameof(EscalationRuleInput.AtOrBelow)),
                    Need(input.IndicatorCount, "Enter the number of indicators", nameof(EscalationRuleInput.IndicatorCount)),
                    (rating, count) => () => EscalationRule.IndicatorsInPeriod(rules.Count + 1, count, rating, stage)),
                EscalationRuleKind.LateReturn => Make(
                    Need(input.DaysLate, "Enter the number of days late", nameof(EscalationRuleInput.DaysLate)),
                    0,
                    (days, _) => () => EscalationRule.LateReturn(rules.Count + 1, days, stage)),
                EscalationRuleKind.WeightedScoreBelow => Make(
                    Need(input.ScoreBelow, "Enter the score", nameof(EscalationRuleInput.ScoreBelow)),
                    0,
                    (score, _) => () => EscalationRule.WeightedScoreBelow(rules.Count + 1, score, stage)),
                _ => null,
            };
            if (make is null)
            {
                missing.Add(new RuleViolation($"Select the kind of rule (rule {i + 1})", prefix + nameof(EscalationRuleInput.Kind)));
            }

            if (missing.Count > 0)
            {
                problems.AddRange(missing);
                continue;
            }

            try
            {
                rules.Add(make!());
            }
            catch (BusinessRuleException e)
            {
                problems.AddRange(e.Violations.Select(v => v with { Message = $"{v.Message} (rule {i + 1})", PropertyName = prefix + v.PropertyName }));
            }
        }

        return problems.Count > 0 ? throw new BusinessRuleException(problems) : rules;
    }

    private static Func<EscalationRule> Make<TA, TB>(TA a, TB b, Func<TA, TB, Func<EscalationRule>> make) => make(a, b);
}
