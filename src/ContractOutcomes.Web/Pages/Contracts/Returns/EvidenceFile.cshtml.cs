using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.GetEvidenceFile;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>
/// Sends an evidence file to someone who may see its return. Always as an attachment, with the type judged
/// from its content when it was uploaded and no sniffing, so a file can never be opened as a page of this site.
/// </summary>
public sealed class EvidenceFileModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string period, Guid evidenceId, CancellationToken cancellationToken)
    {
        var download = await mediator.Send(new GetEvidenceFile(id, period, evidenceId), cancellationToken);
        return Downloads.Attachment(this, download);
    }
}

/// <summary>How the return pages send a file: as an attachment, with the product's own content type and no sniffing.</summary>
public static class Downloads
{
    public static FileContentResult Attachment(PageModel page, FileDownload download)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(download);
        page.Response.Headers.XContentTypeOptions = "nosniff";
        page.Response.Headers.CacheControl = "private, no-store";
        return page.File(download.Content, download.ContentType, download.FileName);
    }
}
