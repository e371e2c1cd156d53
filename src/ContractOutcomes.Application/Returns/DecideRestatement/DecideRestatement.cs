using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using MediatR;

namespace ContractOutcomes.Application.Returns.DecideRestatement;

/// <summary>Approves a proposed restatement (the corrected figure takes effect) or rejects it with a reason.</summary>
[AuthorizeRoles(Roles.Commissioner)]
public sealed record DecideRestatement(Guid ContractId, string Period, int? ExpectedVersion, Guid RestatementId, bool? Approve, string? Reason) : ICommand<int>;

public sealed class DecideRestatementHandler(IContractRepository contracts, IReturnRepository returns, IClock clock, ICurrentUser user)
    : IRequestHandler<DecideRestatement, int>
{
    public async Task<int> Handle(DecideRestatement request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Approve is null)
        {
            throw new InputValidationException(nameof(request.Approve), "Select whether to approve or reject the restatement");
        }

        if (request.Approve == false && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new InputValidationException(nameof(request.Reason), "Enter why you are rejecting the restatement");
        }

        var (contract, quarterlyReturn) = await ReturnAccess.LoadForCommissionerAsync(
            contracts, returns, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        if (quarterlyReturn.Restatements.All(r => r.Id != request.RestatementId))
        {
            throw new NotFoundException("The restatement");
        }

        if (request.Approve == true)
        {
            quarterlyReturn.ApproveRestatement(contract, request.RestatementId, user.AsActor(), clock.Now);
        }
        else
        {
            quarterlyReturn.RejectRestatement(contract, request.RestatementId, request.Reason!, user.AsActor(), clock.Now);
        }

        return quarterlyReturn.Version;
    }
}
