using ContractOutcomes.Application.Audit.Common;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Audit.GetContractAudit;

/// <summary>
/// One page of a contract's audit trail, newest first, filtered by date, action, user, type of record and
/// period. Anyone who may see the contract may read it: a provider sees the changes to its own contract's
/// terms and returns, never changes to user accounts or access tokens.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetContractAudit(
    Guid ContractId,
    DateOnly? FromDate = null,
    DateOnly? ToDate = null,
    string? Action = null,
    string? Who = null,
    string? EntityType = null,
    string? Period = null,
    int Page = 1) : IQuery<ContractAuditPage>, IContractAuditFilter
{
    public const int PageSize = 50;
}

public sealed record ContractAuditPage(
    Guid ContractId, string Reference, string Title, IReadOnlyList<AuditRow> Rows, int Total, int Page, AuditFilterOptions Options)
{
    public int PageCount => Math.Max(1, (Total + GetContractAudit.PageSize - 1) / GetContractAudit.PageSize);
}

public sealed class GetContractAuditValidator : AbstractValidator<GetContractAudit>
{
    public GetContractAuditValidator() => Include(new ContractAuditFilterValidator());
}

public sealed class GetContractAuditHandler(IReadStore store, ICurrentUser user) : IRequestHandler<GetContractAudit, ContractAuditPage>
{
    public async Task<ContractAuditPage> Handle(GetContractAudit request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = await AuditTrail.LoadAsync(store, user, request.ContractId, cancellationToken).ConfigureAwait(false);
        var ids = await AuditTrail.MatchingIdsAsync(store, context, request, cancellationToken).ConfigureAwait(false);
        var page = Math.Max(1, request.Page);
        var shown = ids.Skip((page - 1) * GetContractAudit.PageSize).Take(GetContractAudit.PageSize).ToList();
        var rows = new List<AuditRow>(shown.Count);
        await foreach (var row in AuditTrail.RowsAsync(store, context, shown, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var options = await AuditTrail.OptionsAsync(store, context, cancellationToken).ConfigureAwait(false);
        return new ContractAuditPage(context.ContractId, context.Reference, context.Title, rows, ids.Count, page, options);
    }
}
