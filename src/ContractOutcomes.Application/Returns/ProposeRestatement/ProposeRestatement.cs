using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Application.Returns.ProposeRestatement;

/// <summary>
/// Proposes a corrected figure for an accepted return, with the reason. Nothing changes until a
/// commissioner approves it. Returns the restatement's id.
/// </summary>
[AuthorizeRoles(Roles.Provider)]
public sealed record ProposeRestatement(
    Guid ContractId,
    string Period,
    int? ExpectedVersion,
    Guid IndicatorId,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    string? Commentary,
    string? Reason) : ICommand<Guid>;

public sealed class ProposeRestatementHandler(
    IContractRepository contracts, IReturnRepository returns, IReportingCalendar calendar, IClock clock, ICurrentUser user)
    : IRequestHandler<ProposeRestatement, Guid>
{
    public async Task<Guid> Handle(ProposeRestatement request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (contract, quarterlyReturn) = await ReturnAccess.LoadForProviderAsync(
            contracts, returns, calendar, clock, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var indicator = contract.Indicators.FirstOrDefault(i => i.Id.Value == request.IndicatorId)
            ?? throw new InputValidationException(nameof(request.IndicatorId), "Select the indicator whose figure is wrong");
        var errors = Figure.Check(indicator, request.Value, request.Numerator, request.Denominator)
            .GroupBy(p => p.PropertyName ?? nameof(request.Value))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors[nameof(request.Reason)] = ["Enter the reason for the restatement"];
        }

        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }

        var restatement = quarterlyReturn.ProposeRestatement(
            contract,
            new FigureEntry(indicator.Id, request.Value, request.Numerator, request.Denominator, request.Commentary),
            request.Reason!,
            user.AsActor(),
            clock.Now);
        return restatement.Id;
    }
}
