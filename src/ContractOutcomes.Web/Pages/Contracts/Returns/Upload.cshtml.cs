using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.Csv;
using ContractOutcomes.Application.Returns.UploadReturnCsv;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ContractOutcomes.Web.Pages.Contracts.Returns;

/// <summary>
/// Imports a return's figures from a CSV file. The whole file is checked first: either every row is saved, or
/// nothing is and every problem is listed with its line and column.
/// </summary>
[Authorize(Policy = Policies.Provider)]
[RequestSizeLimit(ReturnCsv.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ReturnCsv.MaxBytes + (64 * 1024))]
public sealed class UploadReturnCsvModel(IMediator mediator) : ReturnPageModel(mediator)
{
    public const string TooLarge = "The selected file must be smaller than 1 MB";

    /// <summary>The use case reports problems with the upload under "File", which is the field's name here too.</summary>
    protected override string FieldPrefix => string.Empty;

    public IReadOnlyList<CsvProblem> Problems { get; private set; } = [];

    public async Task OnGetAsync(Guid id, string period, CancellationToken cancellationToken) =>
        await LoadReturnAsync(id, period, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, string period, [FromForm(Name = ReturnEvidenceModel.FileField)] IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            ModelState.AddModelError(ReturnEvidenceModel.FileField, "Select a CSV file");
        }
        else if (await Uploads.ReadAsync(file, ReturnCsv.MaxBytes, cancellationToken) is not { } content)
        {
            ModelState.AddModelError(ReturnEvidenceModel.FileField, TooLarge);
        }
        else
        {
            try
            {
                var (succeeded, result) = await TrySendAsync(new UploadReturnCsv(id, period, ExpectedVersion: null, file.FileName, content), cancellationToken);
                if (succeeded && result is not null)
                {
                    StatusMessage = result.ChangedFigures
                        ? ContractDisplay.Count(result.Rows, "figure", "figures") + " imported"
                        : "The file matched the saved figures; nothing changed";
                    return RedirectToPage("/Contracts/Returns/Details", new { id, period });
                }
            }
            catch (CsvProblemsException e)
            {
                Problems = e.Problems;
                ModelState.AddModelError(ReturnEvidenceModel.FileField, Problems.Count == 1 && Problems[0].Line == 0
                    ? Problems[0].Message
                    : $"The file was not imported because it has {ContractDisplay.Count(Problems.Count, "problem", "problems")}. Fix {(Problems.Count == 1 ? "it" : "them")} and upload the file again");
            }
        }

        await LoadReturnAsync(id, period, cancellationToken);
        return Page();
    }
}
