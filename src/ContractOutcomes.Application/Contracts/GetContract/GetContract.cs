using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Organisations;
using MediatR;

namespace ContractOutcomes.Application.Contracts.GetContract;

[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetContract(Guid ContractId) : IQuery<ContractView>;

public sealed record ContractView(
    Guid Id,
    int Version,
    string Reference,
    string Title,
    string ServiceArea,
    Guid CommissionerId,
    string CommissionerName,
    Guid ProviderId,
    string ProviderName,
    OrganisationType? ProviderType,
    bool ProviderIsNotForProfit,
    DateOnly TermStart,
    DateOnly TermEnd,
    IReadOnlyList<ReportingPeriod> Periods,
    Money AnnualValue,
    EligibilityKind Eligibility,
    IReadOnlyList<OrganisationType> EligibleOrganisationTypes,
    string EligibilityDescription,
    bool IsLightTouch,
    ContractStatus Status,
    DateTimeOffset? ActivatedAt,
    DateOnly? EndedOn,
    string? EndReason,
    IReadOnlyList<IndicatorView> Indicators,
    IReadOnlyList<VariationView> Variations,
    IReadOnlyList<RuleViolation> ActivationProblems,
    bool KpiDutyApplies,
    bool CanEdit);

public sealed record IndicatorView(
    Guid Id,
    int DisplayOrder,
    string Name,
    string Definition,
    IndicatorUnit Unit,
    Polarity Polarity,
    RbaQuestion RbaQuestion,
    string DataSource,
    string? NumeratorLabel,
    string? DenominatorLabel,
    decimal? BaselineValue,
    ReportingPeriod? BaselinePeriod,
    IReadOnlyList<IndicatorTargetView> Targets,
    int PeriodsWithoutTarget,
    ToleranceBands? Tolerance,
    IReadOnlyList<RatingBand> BandsAtFirstTarget)
{
    public string FormatValue(decimal value) => Unit.Format(value);

    /// <summary>"85.0%" when every period has the same target, otherwise the range.</summary>
    public string TargetSummary =>
        Targets.Count == 0 ? "Not set"
        : Targets.Select(t => t.Value).Distinct().Count() == 1 ? Unit.Format(Targets[0].Value)
        : $"{Unit.Format(Targets[0].Value)} in {Targets[0].Period} to {Unit.Format(Targets[^1].Value)} in {Targets[^1].Period}";
}

public sealed record IndicatorTargetView(ReportingPeriod Period, decimal Value);

public sealed record VariationView(
    int Number, VariationKind Kind, string Description, string Reason, ReportingPeriod EffectiveFrom, string RecordedBy, DateTimeOffset RecordedAt);

public sealed class GetContractHandler(IReadStore store, ICurrentUser user) : IRequestHandler<GetContract, ContractView>
{
    public async Task<ContractView> Handle(GetContract request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = new ContractId(request.ContractId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.VisibleTo(user).Where(c => c.Id == id), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The contract");
        var organisationIds = new[] { contract.CommissionerId, contract.ProviderId };
        var organisations = await store.ToListAsync(store.Organisations.Where(o => organisationIds.Contains(o.Id)), cancellationToken).ConfigureAwait(false);
        var commissioner = organisations.Single(o => o.Id == contract.CommissionerId);
        var provider = organisations.Single(o => o.Id == contract.ProviderId);

        return new ContractView(
            contract.Id.Value,
            contract.Version,
            contract.Reference,
            contract.Title,
            contract.ServiceArea,
            commissioner.Id.Value,
            commissioner.Name,
            provider.Id.Value,
            provider.Name,
            provider.OrganisationType,
            provider.IsNotForProfit,
            contract.Term.Start,
            contract.Term.End,
            contract.Term.Periods,
            contract.AnnualValue,
            contract.Eligibility.Kind,
            contract.Eligibility.AllowedTypes,
            contract.Eligibility.Describe(),
            contract.IsLightTouch,
            contract.Status,
            contract.ActivatedAt,
            contract.EndedOn,
            contract.EndReason,
            [.. contract.Indicators.OrderBy(i => i.DisplayOrder).Select(i => ToView(i, contract.Term))],
            [.. contract.Variations.OrderByDescending(v => v.Number).Select(v => new VariationView(
                v.Number, v.Kind, v.Description, v.Reason, v.EffectiveFrom, v.RecordedByName, v.RecordedAt))],
            contract.Status == ContractStatus.Draft ? contract.ActivationProblems() : [],
            contract.Status == ContractStatus.Draft && contract.KpiDutyApplies,
            user.IsInRole(Roles.Commissioner) && contract.CommissionerId == user.OrganisationId && contract.Status != ContractStatus.Ended);
    }

    private static IndicatorView ToView(OutcomeIndicator indicator, ContractTerm term)
    {
        var targets = indicator.Targets.OrderBy(t => t.Period).Select(t => new IndicatorTargetView(t.Period, t.Value)).ToArray();
        var bands = indicator.Tolerance is { } tolerance && targets.Length > 0
            ? tolerance.Describe(targets[0].Value, indicator.Polarity, indicator.Unit)
            : [];
        return new IndicatorView(
            indicator.Id.Value,
            indicator.DisplayOrder,
            indicator.Name,
            indicator.Definition,
            indicator.Unit,
            indicator.Polarity,
            indicator.RbaQuestion,
            indicator.DataSource,
            indicator.NumeratorLabel,
            indicator.DenominatorLabel,
            indicator.BaselineValue,
            indicator.BaselinePeriod,
            targets,
            indicator.PeriodsWithoutTarget(term).Count,
            indicator.Tolerance,
            bands);
    }
}
