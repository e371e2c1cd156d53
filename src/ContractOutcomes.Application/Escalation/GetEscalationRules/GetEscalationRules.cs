using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using MediatR;

namespace ContractOutcomes.Application.Escalation.GetEscalationRules;

/// <summary>
/// One of the contract's escalation rules: in words (<see cref="Description"/>, as <see cref="EscalationRule.Describe"/>
/// says it) and as the fields the commissioner entered, so an editor can show it back.
/// </summary>
public sealed record EscalationRuleView(
    int Number,
    EscalationRuleKind Kind,
    string KindName,
    string Description,
    EscalationStage Stage,
    string StageName,
    Guid? IndicatorId,
    string? IndicatorName,
    PerformanceRating? AtOrBelow,
    int? Periods,
    int? IndicatorCount,
    int? DaysLate,
    decimal? ScoreBelow);

public sealed record RuleIndicatorOption(Guid Id, string Name);

/// <summary>
/// A contract's escalation rules. <see cref="ContractVersion"/> is what a change sends back as its expected version;
/// <see cref="CanEdit"/> is true only for the contract's commissioner while it is a draft.
/// </summary>
public sealed record EscalationRulesView(
    Guid ContractId,
    string ContractReference,
    string ContractTitle,
    string ProviderName,
    ContractStatus ContractStatus,
    int ContractVersion,
    bool CanEdit,
    int MaxRules,
    IReadOnlyList<EscalationRuleView> Rules,
    IReadOnlyList<RuleIndicatorOption> Indicators);

/// <summary>The contract's escalation rules in words; anyone who may see the contract may read them.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetEscalationRules(Guid ContractId) : IQuery<EscalationRulesView>;

public sealed class GetEscalationRulesHandler(IReadStore store, ICurrentUser user) : IRequestHandler<GetEscalationRules, EscalationRulesView>
{
    public async Task<EscalationRulesView> Handle(GetEscalationRules request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contractId = new ContractId(request.ContractId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.VisibleTo(user).Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The contract");
        var providerName = await store.FirstOrDefaultAsync(
            store.Organisations.Where(o => o.Id == contract.ProviderId).Select(o => o.Name), cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var isCommissioner = user.IsInRole(Roles.Commissioner) && contract.CommissionerId == user.OrganisationId;
        return new EscalationRulesView(
            contract.Id.Value,
            contract.Reference,
            contract.Title,
            providerName,
            contract.Status,
            contract.Version,
            isCommissioner && contract.Status == ContractStatus.Draft,
            Contract.MaxEscalationRules,
            [.. EscalationWords.Rules(contract)],
            [.. contract.Indicators.OrderBy(i => i.DisplayOrder).Select(i => new RuleIndicatorOption(i.Id.Value, i.Name))]);
    }
}

/// <summary>How the escalation queries put rules and stages into words, so the rules page and the escalation page agree.</summary>
internal static class EscalationWords
{
    public const string RemovedIndicator = "An indicator no longer in the contract";

    public static IEnumerable<EscalationRuleView> Rules(Contract contract)
    {
        var name = IndicatorNames(contract);
        return contract.EscalationRules.OrderBy(r => r.Number).Select(r => new EscalationRuleView(
            r.Number,
            r.Kind,
            r.Kind.DisplayName(),
            r.Describe(name),
            r.Stage,
            r.Stage.DisplayName(),
            r.IndicatorId?.Value,
            r.IndicatorId is { } id ? name(id) : null,
            r.AtOrBelow,
            r.Periods,
            r.IndicatorCount,
            r.DaysLate,
            r.ScoreBelow));
    }

    /// <summary>"Any indicator rated Inadequate or worse for 2 consecutive periods: improvement plan", or "Rule 1" if the rule has gone.</summary>
    public static string DescribeRule(Contract contract, int number)
    {
        var rule = contract.EscalationRules.FirstOrDefault(r => r.Number == number);
        return rule is null ? $"Rule {number}" : rule.Describe(IndicatorNames(contract));
    }

    public static Func<IndicatorId, string> IndicatorNames(Contract contract)
    {
        var names = contract.Indicators.ToDictionary(i => i.Id, i => i.Name);
        return id => names.TryGetValue(id, out var found) ? found : RemovedIndicator;
    }
}
