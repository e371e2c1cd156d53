using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>
/// One period's return: its figures against their targets, ratings once accepted, the commissioner's queries,
/// evidence, restatements and history, and the actions the signed-in user may take now. Anyone who may see
/// the contract may read it.
/// </summary>
public sealed class ReturnDetailsModel(IMediator mediator) : ReturnPageModel(mediator)
{
    public IReadOnlyList<(ReturnLineView Line, QueryView Query)> OpenQueries { get; private set; } = [];

    public IReadOnlyList<RestatementView> PendingRestatements =>
        [.. Return.Restatements.Where(r => r.Status == RestatementStatus.Proposed)];

    public bool HasRatings => Return.Lines.Any(l => l.Rating is not null);

    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken)
    {
        await LoadReturnAsync(id, period, cancellationToken);
        OpenQueries = [.. Return.Lines.SelectMany(l => l.Queries.Where(q => q.IsOpen).Select(q => (l, q)))];
    }
}
