using System.Security.Cryptography;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.Evidence;
using MediatR;

namespace ContractOutcomes.Application.Returns.AddEvidence;

/// <summary>
/// Attaches an evidence file to a draft or queried return. Its type is judged from its content, not its
/// name or the browser's claim, and its SHA-256 is kept so anyone can check it is unchanged. Returns its id.
/// </summary>
[AuthorizeRoles(Roles.Provider)]
public sealed record AddEvidence(Guid ContractId, string Period, int? ExpectedVersion, string? FileName, byte[]? Content) : ICommand<Guid>;

public sealed class AddEvidenceHandler(
    IContractRepository contracts, IReturnRepository returns, IReportingCalendar calendar, IClock clock, ICurrentUser user, IEvidenceStore store)
    : IRequestHandler<AddEvidence, Guid>
{
    public async Task<Guid> Handle(AddEvidence request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is null || string.IsNullOrWhiteSpace(request.FileName))
        {
            throw new InputValidationException("File", "Select a file");
        }

        var fileName = EvidenceFiles.SafeFileName(request.FileName);
        var check = EvidenceFiles.Check(fileName, request.Content);
        if (!check.IsAllowed)
        {
            throw new InputValidationException("File", check.Problem!);
        }

        var (_, quarterlyReturn) = await ReturnAccess.LoadForProviderAsync(
            contracts, returns, calendar, clock, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        var file = quarterlyReturn.AddEvidence(fileName, check.ContentType!, request.Content.LongLength, sha256, user.AsActor(), clock.Now);
        await store.StoreAsync(sha256, request.Content, cancellationToken).ConfigureAwait(false);
        return file.Id;
    }
}
