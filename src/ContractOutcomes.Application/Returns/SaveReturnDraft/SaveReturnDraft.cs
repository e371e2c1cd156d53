using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Returns.SaveReturnDraft;

/// <summary>
/// Saves a provider's figures so far. Only the indicators given change; an entry left wholly blank clears
/// that indicator. Opens the return if this is the first save. Returns the return's new version.
/// </summary>
[AuthorizeRoles(Roles.Provider)]
public sealed record SaveReturnDraft(Guid ContractId, string Period, int? ExpectedVersion, IReadOnlyList<FigureInput>? Figures) : ICommand<int>;

public sealed class SaveReturnDraftValidator : AbstractValidator<SaveReturnDraft>
{
    public SaveReturnDraftValidator() =>
        RuleFor(x => x.Figures).NotNull().WithMessage("Enter at least one figure");
}

public sealed class SaveReturnDraftHandler(
    IContractRepository contracts, IReturnRepository returns, IReportingCalendar calendar, IClock clock, ICurrentUser user)
    : IRequestHandler<SaveReturnDraft, int>
{
    public async Task<int> Handle(SaveReturnDraft request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (contract, quarterlyReturn) = await ReturnAccess.LoadForProviderAsync(
            contracts, returns, calendar, clock, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var entries = FigureInputs.ToEntries(contract, request.Figures);
        quarterlyReturn.SaveDraft(contract, entries, user.AsActor(), clock.Now);
        return quarterlyReturn.Version;
    }
}
