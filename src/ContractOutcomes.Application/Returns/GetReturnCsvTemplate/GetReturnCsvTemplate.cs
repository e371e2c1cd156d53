using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.Csv;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using MediatR;

namespace ContractOutcomes.Application.Returns.GetReturnCsvTemplate;

/// <summary>A CSV template for one contract and period, with the targets and any figures already saved.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetReturnCsvTemplate(Guid ContractId, string Period) : IQuery<FileDownload>;

public sealed class GetReturnCsvTemplateHandler(IReadStore store, ICurrentUser user) : IRequestHandler<GetReturnCsvTemplate, FileDownload>
{
    public async Task<FileDownload> Handle(GetReturnCsvTemplate request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = ReturnAccess.ParsePeriod(request.Period);
        var contractId = new ContractId(request.ContractId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false);
        if (contract is null || !ReturnAccess.CanSee(contract, user) || contract.Status == ContractStatus.Draft || !contract.Term.Covers(period))
        {
            throw new NotFoundException("The return");
        }

        var saved = await store.FirstOrDefaultAsync(store.Returns.Where(r => r.ContractId == contractId && r.Period == period), cancellationToken).ConfigureAwait(false);
        // Saved figures go into the template only for the provider: a draft is theirs until it is submitted.
        var mine = user.IsInRole(Roles.Provider) && contract.ProviderId == user.OrganisationId;
        var existing = !mine ? null : saved?.Figures.ToDictionary(
            f => f.IndicatorId.Value,
            f => new ReturnCsvRow(f.IndicatorId.Value, 0, f.Numerator is null ? f.Value : null, f.Numerator, f.Denominator, f.Commentary));
        var content = ReturnCsv.WriteTemplate(ReturnCsvContexts.For(contract, period), existing);
        return new FileDownload($"{contract.Reference}-{period.Slug}-return.csv", "text/csv; charset=utf-8", content);
    }
}
