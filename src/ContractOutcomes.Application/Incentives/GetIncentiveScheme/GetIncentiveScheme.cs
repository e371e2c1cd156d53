using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Application.Incentives.PreviewIncentiveScheme;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using MediatR;

namespace ContractOutcomes.Application.Incentives.GetIncentiveScheme;

/// <summary>
/// A contract's incentive scheme as saved, with what it pays in the preview period, so commissioners and
/// providers can check the arithmetic. Providers see their own organisation's contracts once they are active.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetIncentiveScheme(Guid ContractId) : IQuery<IncentiveSchemeView>;

/// <param name="Version">The contract's version: send it back as the expected version with a change.</param>
/// <param name="Scheme">Null when the contract has no incentive scheme.</param>
/// <param name="Preview">What the saved scheme pays in the preview period; null when there is no scheme.</param>
/// <param name="CanEdit">The user is a commissioner of the contract and it is still a draft.</param>
public sealed record IncentiveSchemeView(
    Guid ContractId,
    string Reference,
    string Title,
    ContractStatus Status,
    int Version,
    IReadOnlyList<SchemeIndicatorView> Indicators,
    SchemeTermsView? Scheme,
    SchemePreviewView? Preview,
    bool CanEdit);

/// <param name="TargetsSummary">"85.0%" when every period has the same target, otherwise the range, or "Not set".</param>
public sealed record SchemeIndicatorView(Guid Id, string Name, IndicatorUnit Unit, Polarity Polarity, string TargetsSummary);

public sealed record SchemeTermsView(
    decimal ShareAtRiskPercent,
    Money? AnnualCap,
    Money? TermCap,
    decimal? ServiceCreditCapPercent,
    IReadOnlyList<IndicatorIncentiveView> Incentives);

/// <summary>One indicator's incentive; the fields its mechanism does not use are null.</summary>
public sealed record IndicatorIncentiveView(
    Guid IndicatorId,
    string IndicatorName,
    IncentiveMechanism Mechanism,
    decimal? WeightPercent,
    decimal? GoodPercent,
    decimal? ApproachingPercent,
    decimal? RequiresImprovementPercent,
    decimal? InadequatePercent,
    decimal? Floor,
    decimal? Stretch,
    Money? BonusCap,
    Money? PricePerOutcome,
    decimal? Threshold,
    Money? Cap,
    Money? CreditAmount);

/// <summary>
/// <see cref="SchemePreviewResult"/> with plain ids, as pages and the API show it: what a scheme pays in one
/// period at each rating and at sample results, and the most the provider can lose.
/// </summary>
public sealed record SchemePreviewView(
    ReportingPeriod Period,
    Money AnnualValue,
    Money BaseFeePerPeriod,
    string BaseFeeExplanation,
    Money AtRiskPerPeriod,
    string AtRiskExplanation,
    Money MaximumServiceCreditsPerPeriod,
    string MaximumServiceCreditsExplanation,
    Money MaximumLossPerPeriod,
    string MaximumLossPerPeriodExplanation,
    Money MaximumLossPerYear,
    string MaximumLossPerYearExplanation,
    IReadOnlyList<IncentivePreviewView> Incentives)
{
    public static SchemePreviewView From(SchemePreviewResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new SchemePreviewView(
            result.Period,
            result.AnnualValue,
            result.BaseFeePerPeriod,
            result.BaseFeeExplanation,
            result.AtRiskPerPeriod,
            result.AtRiskExplanation,
            result.MaximumServiceCreditsPerPeriod,
            result.MaximumServiceCreditsExplanation,
            result.MaximumLossPerPeriod,
            result.MaximumLossPerPeriodExplanation,
            result.MaximumLossPerYear,
            result.MaximumLossPerYearExplanation,
            [.. result.Incentives.Select(i => new IncentivePreviewView(
                i.IndicatorId.Value, i.IndicatorName, i.Mechanism, i.Summary, i.AtRisk, i.AtRiskExplanation, i.ServiceCredit, i.Samples, i.Note))]);
    }
}

/// <param name="ServiceCredit">The credit a service-credit indicator deducts; £0.00 for the other mechanisms.</param>
/// <param name="Note">Why some samples are missing, when they are.</param>
public sealed record IncentivePreviewView(
    Guid IndicatorId,
    string IndicatorName,
    IncentiveMechanism Mechanism,
    string Summary,
    Money AtRisk,
    string AtRiskExplanation,
    Money ServiceCredit,
    IReadOnlyList<PreviewSample> Samples,
    string? Note);

public sealed class GetIncentiveSchemeHandler(IReadStore store, ICurrentUser user, IClock clock) : IRequestHandler<GetIncentiveScheme, IncentiveSchemeView>
{
    public async Task<IncentiveSchemeView> Handle(GetIncentiveScheme request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = new ContractId(request.ContractId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.VisibleTo(user).Where(c => c.Id == id), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The contract");

        var indicators = contract.Indicators.OrderBy(i => i.DisplayOrder).ToList();
        var names = indicators.ToDictionary(i => i.Id, i => i.Name);
        var order = indicators.Select((indicator, index) => (indicator.Id, index)).ToDictionary(x => x.Id, x => x.index);
        var scheme = contract.IncentiveScheme;

        // The preview runs the same calculation as the payment statements, for the period the scheme applies to now.
        var preview = scheme is null
            ? null
            : SchemePreviewView.From(SchemePreview.For(scheme, contract.TermsFor(PreviewIncentiveSchemeHandler.PreviewPeriod(contract, clock.Today))));

        return new IncentiveSchemeView(
            contract.Id.Value,
            contract.Reference,
            contract.Title,
            contract.Status,
            contract.Version,
            [.. indicators.Select(i => new SchemeIndicatorView(i.Id.Value, i.Name, i.Unit, i.Polarity, TargetsSummary(i)))],
            scheme is null ? null : new SchemeTermsView(
                scheme.ShareAtRiskPercent,
                scheme.AnnualCap,
                scheme.TermCap,
                scheme.ServiceCreditCapPercent,
                [.. scheme.Incentives
                    .OrderBy(i => order.TryGetValue(i.IndicatorId, out var position) ? position : int.MaxValue)
                    .Select(i => ToView(i, names.TryGetValue(i.IndicatorId, out var name) ? name : "Unknown indicator"))]),
            preview,
            contract.Status == ContractStatus.Draft && user.IsInRole(Roles.Commissioner) && contract.CommissionerId == user.OrganisationId);
    }

    private static IndicatorIncentiveView ToView(IndicatorIncentive incentive, string name) => new(
        incentive.IndicatorId.Value,
        name,
        incentive.Mechanism,
        incentive.WeightPercent,
        incentive.GoodPercent,
        incentive.ApproachingPercent,
        incentive.RequiresImprovementPercent,
        incentive.InadequatePercent,
        incentive.Floor,
        incentive.Stretch,
        incentive.BonusCap,
        incentive.PricePerOutcome,
        incentive.Threshold,
        incentive.Cap,
        incentive.CreditAmount);

    private static string TargetsSummary(OutcomeIndicator indicator)
    {
        var targets = indicator.Targets.OrderBy(t => t.Period).ToList();
        return targets.Count == 0 ? "Not set"
            : targets.Select(t => t.Value).Distinct().Count() == 1 ? indicator.Unit.Format(targets[0].Value)
            : $"{indicator.Unit.Format(targets[0].Value)} in {targets[0].Period} to {indicator.Unit.Format(targets[^1].Value)} in {targets[^1].Period}";
    }
}
