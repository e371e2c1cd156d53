using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Application.Incentives.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Incentives;
using MediatR;

namespace ContractOutcomes.Application.Incentives.PreviewIncentiveScheme;

/// <summary>
/// What a scheme as entered would pay, without saving it: at each rating and at sample values, and the
/// most the provider could lose in a period and a year. Refused with the same problems as saving it.
/// </summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record PreviewIncentiveScheme(
    Guid ContractId,
    decimal? ShareAtRiskPercent,
    decimal? AnnualCap,
    decimal? TermCap,
    decimal? ServiceCreditCapPercent,
    IReadOnlyList<IncentiveInput> Incentives) : IQuery<SchemePreviewResult>, ISchemeInput;

public sealed class PreviewIncentiveSchemeHandler(IContractRepository contracts, ICurrentUser user, IClock clock)
    : IRequestHandler<PreviewIncentiveScheme, SchemePreviewResult>
{
    public async Task<SchemePreviewResult> Handle(PreviewIncentiveScheme request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contract = await contracts.LoadForChangeAsync(request.ContractId, user, expectedVersion: null, cancellationToken).ConfigureAwait(false);
        return SchemePreview.For(request.Build(contract), contract.TermsFor(PreviewPeriod(contract, clock.Today)));
    }

    /// <summary>A draft previews its first period; a running contract the current one, within its term.</summary>
    public static ReportingPeriod PreviewPeriod(Contract contract, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Status == ContractStatus.Draft)
        {
            return contract.Term.FirstPeriod;
        }

        var current = ReportingPeriod.Containing(today);
        return current < contract.Term.FirstPeriod ? contract.Term.FirstPeriod
            : current > contract.Term.LastPeriod ? contract.Term.LastPeriod
            : current;
    }
}
