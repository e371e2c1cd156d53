using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using MediatR;

namespace ContractOutcomes.Application.Contracts.ListContracts;

[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record ListContracts(string? Search = null, ContractStatus? Status = null, int Page = 1, int PageSize = ListContracts.DefaultPageSize)
    : IQuery<ContractList>
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

public sealed record ContractList(IReadOnlyList<ContractListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record ContractListItem(
    Guid Id,
    string Reference,
    string Title,
    string ServiceArea,
    Guid ProviderId,
    string ProviderName,
    ContractStatus Status,
    Money AnnualValue,
    DateOnly TermStart,
    DateOnly TermEnd,
    int IndicatorCount);

public sealed class ListContractsHandler(IReadStore store, ICurrentUser user) : IRequestHandler<ListContracts, ContractList>
{
    public async Task<ContractList> Handle(ListContracts request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pageSize = Math.Clamp(request.PageSize, 1, ListContracts.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var query =
            from c in store.Contracts.VisibleTo(user)
            join p in store.Organisations on c.ProviderId equals p.Id
            select new { Contract = c, ProviderName = p.Name };
        if (request.Status is { } status)
        {
            query = query.Where(x => x.Contract.Status == status);
        }

        var search = request.Search?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(search))
        {
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(); culture-specific overloads are not translatable
            query = query.Where(x =>
                x.Contract.Reference.ToLower().Contains(search)
                || x.Contract.Title.ToLower().Contains(search)
                || x.Contract.ServiceArea.ToLower().Contains(search)
                || x.ProviderName.ToLower().Contains(search));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await store.CountAsync(query, cancellationToken).ConfigureAwait(false);
        var items = await store.ToListAsync(
            query.OrderBy(x => x.Contract.Reference)
                .Skip((page - 1) * pageSize)
                .Take(pageSize)
                .Select(x => new ContractListItem(
                    x.Contract.Id.Value,
                    x.Contract.Reference,
                    x.Contract.Title,
                    x.Contract.ServiceArea,
                    x.Contract.ProviderId.Value,
                    x.ProviderName,
                    x.Contract.Status,
                    x.Contract.AnnualValue,
                    x.Contract.Term.Start,
                    x.Contract.Term.End,
                    x.Contract.Indicators.Count)),
            cancellationToken).ConfigureAwait(false);
        return new ContractList(items, total, page, pageSize);
    }
}
