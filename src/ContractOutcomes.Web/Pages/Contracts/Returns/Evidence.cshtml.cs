using ContractOutcomes.Application.Returns.AddEvidence;
using ContractOutcomes.Application.Returns.Evidence;
using ContractOutcomes.Application.Returns.RemoveEvidence;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>
/// Adds evidence files to a draft or queried return and removes them. The body limits sit a little above the
/// evidence size limit, so a file just over it gets a clear message here rather than a refused request.
/// Adding or removing a file overwrites nobody's figures, so these changes are not checked against the version seen.
/// </summary>
[Authorize(Policy = Policies.Provider)]
[RequestSizeLimit(EvidenceFiles.MaxBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceFiles.MaxBytes + (256 * 1024))]
public sealed class ReturnEvidenceModel(IMediator mediator) : ReturnPageModel(mediator)
{
    public const string FileField = "File";

    public static string TooLarge => $"The selected file must be smaller than {EvidenceFiles.MaxBytes / (1024 * 1024)} MB";

    /// <summary>The use case names the upload "File", which is the field's name here too.</summary>
    protected override string FieldPrefix => string.Empty;

    public bool CanChange => Return.Can.Edit;

    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken) =>
        await LoadReturnAsync(id, period, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string period, [FromForm(Name = FileField)] IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(FileField, file is null ? "Select a file" : "The selected file is empty");
        }
        else if (await Uploads.ReadAsync(file, EvidenceFiles.MaxBytes, cancellationToken) is not { } content)
        {
            ModelState.AddModelError(FileField, TooLarge);
        }
        else
        {
            var (succeeded, _) = await TrySendAsync(new AddEvidence(id, period, ExpectedVersion: null, file.FileName, content), cancellationToken);
            if (succeeded)
            {
                StatusMessage = $"{EvidenceFiles.SafeFileName(file.FileName)} added";
                return RedirectToPage("/Contracts/Returns/Evidence", new { id, period });
            }
        }

        await LoadReturnAsync(id, period, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string period, Guid evidenceId, CancellationToken cancellationToken)
    {
        await LoadReturnAsync(id, period, cancellationToken);
        if (Return.Evidence.FirstOrDefault(e => e.Id == evidenceId)?.FileName is not { } name)
        {
            ModelState.AddModelError(string.Empty, "That file has already been removed");
            return Page();
        }

        var (succeeded, _) = await TrySendAsync(new RemoveEvidence(id, period, ExpectedVersion: null, evidenceId), cancellationToken);
        if (succeeded)
        {
            StatusMessage = $"{name} removed";
            return RedirectToPage("/Contracts/Returns/Evidence", new { id, period });
        }

        await LoadReturnAsync(id, period, cancellationToken);
        return Page();
    }
}
