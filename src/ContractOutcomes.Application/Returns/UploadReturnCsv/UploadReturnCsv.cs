using System.Security.Cryptography;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.Csv;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Application.Returns.UploadReturnCsv;

public sealed record CsvUploadResult(int Rows, bool ChangedFigures, int Version);

/// <summary>
/// Imports a return's figures from a CSV file: the whole file is checked first, and either every row is
/// saved or none is. Uploading the same file again changes nothing but is recorded.
/// </summary>
[AuthorizeRoles(Roles.Provider)]
public sealed record UploadReturnCsv(Guid ContractId, string Period, int? ExpectedVersion, string? FileName, byte[]? Content) : ICommand<CsvUploadResult>;

public sealed class UploadReturnCsvHandler(
    IContractRepository contracts, IReturnRepository returns, IReportingCalendar calendar, IClock clock, ICurrentUser user)
    : IRequestHandler<UploadReturnCsv, CsvUploadResult>
{
    public async Task<CsvUploadResult> Handle(UploadReturnCsv request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is null || request.Content.Length == 0)
        {
            throw new CsvProblemsException([new CsvProblem(0, null, request.Content is null ? "Select a CSV file" : "The selected file is empty")]);
        }

        var (contract, quarterlyReturn) = await ReturnAccess.LoadForProviderAsync(
            contracts, returns, calendar, clock, user, request.ContractId, request.Period, request.ExpectedVersion, cancellationToken).ConfigureAwait(false);
        if (!quarterlyReturn.CanBeEdited)
        {
            throw new BusinessRuleException(quarterlyReturn.Status == ReturnStatus.Accepted
                ? "This return has been accepted, so a file cannot change its figures. Propose a restatement to correct a figure"
                : "This return has been submitted. Withdraw it before uploading a file");
        }

        var result = ReturnCsv.Read(request.Content, ReturnCsvContexts.For(contract, quarterlyReturn.Period));
        if (!result.IsValid)
        {
            throw new CsvProblemsException(result.Problems);
        }

        // A wholly blank commentary cell leaves existing commentary alone only when the row has no figure either;
        // otherwise the file is the provider's latest word on that indicator.
        var entries = result.Rows
            .Select(r => new FigureEntry(new IndicatorId(r.IndicatorId), r.Value, r.Numerator, r.Denominator, r.Commentary))
            .ToArray();
        var changed = quarterlyReturn.SaveDraft(contract, entries, user.AsActor(), clock.Now);
        var name = Path.GetFileName(request.FileName ?? "upload.csv");
        quarterlyReturn.RecordUpload(
            string.IsNullOrWhiteSpace(name) ? "upload.csv" : name,
            Convert.ToHexStringLower(SHA256.HashData(request.Content)),
            entries.Length,
            changed,
            user.AsActor(),
            clock.Now);
        return new CsvUploadResult(entries.Length, changed, quarterlyReturn.Version);
    }
}
