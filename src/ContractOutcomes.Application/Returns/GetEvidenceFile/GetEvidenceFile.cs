using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Domain.Common;
using MediatR;

namespace ContractOutcomes.Application.Returns.GetEvidenceFile;

/// <summary>An evidence file's content, for someone who may see the return it belongs to.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetEvidenceFile(Guid ContractId, string Period, Guid EvidenceId) : IQuery<FileDownload>;

public sealed class GetEvidenceFileHandler(IReadStore store, IEvidenceStore evidence, ICurrentUser user) : IRequestHandler<GetEvidenceFile, FileDownload>
{
    public async Task<FileDownload> Handle(GetEvidenceFile request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = ReturnAccess.ParsePeriod(request.Period);
        var contractId = new ContractId(request.ContractId);
        var file = await store.FirstOrDefaultAsync(
            store.Returns.VisibleTo(user)
                .Where(r => r.ContractId == contractId && r.Period == period)
                .SelectMany(r => r.Evidence)
                .Where(e => e.Id == request.EvidenceId)
                .Select(e => new { e.FileName, e.ContentType, e.Sha256 }),
            cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The evidence file");
        var content = await evidence.ReadAsync(file.Sha256, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The evidence file");
        return new FileDownload(file.FileName, file.ContentType, content);
    }
}
