using System.Globalization;
using ContractOutcomes.Application.Audit.Common;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.Csv;
using ContractOutcomes.Domain.Common;
using FluentValidation;
using MediatR;

namespace ContractOutcomes.Application.Audit.ExportContractAudit;

/// <summary>
/// The entries of a contract's audit trail that match the filter, newest first, as a CSV file with every
/// value in full, one row per changed value. Text people typed is made safe to open in a spreadsheet (see <see cref="CsvCells.Safe"/>).
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record ExportContractAudit(
    Guid ContractId,
    DateOnly? FromDate = null,
    DateOnly? ToDate = null,
    string? Action = null,
    string? Who = null,
    string? EntityType = null,
    string? Period = null) : IQuery<FileDownload>, IContractAuditFilter
{
    /// <summary>
    /// Keeps a download within what a spreadsheet opens comfortably and what one request should build in memory.
    /// A larger trail is exported newest first up to this many entries; the file name and the page say so.
    /// </summary>
    public const int MaxRows = 100_000;

    /// <summary>One row per changed value, so each value is a cell of its own that a spreadsheet can filter.</summary>
    public static readonly IReadOnlyList<string> Headers =
        ["When (UK time)", "Who", "Action", "Record", "Record id", "Period", "Indicator", "Change", "Field", "Before", "After"];
}

public sealed class ExportContractAuditValidator : AbstractValidator<ExportContractAudit>
{
    public ExportContractAuditValidator() => Include(new ContractAuditFilterValidator());
}

public sealed class ExportContractAuditHandler(IReadStore store, ICurrentUser user, IClock clock) : IRequestHandler<ExportContractAudit, FileDownload>
{
    public async Task<FileDownload> Handle(ExportContractAudit request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = await AuditTrail.LoadAsync(store, user, request.ContractId, cancellationToken).ConfigureAwait(false);
        var ids = await AuditTrail.MatchingIdsAsync(store, context, request, cancellationToken).ConfigureAwait(false);
        var exported = ids.Count > ExportContractAudit.MaxRows ? [.. ids.Take(ExportContractAudit.MaxRows)] : ids;

        var rows = new List<IReadOnlyList<string?>>(exported.Count);
        await foreach (var row in AuditTrail.RowsAsync(store, context, exported, cancellationToken).ConfigureAwait(false))
        {
            var when = UkTime.ToUk(row.OccurredAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            IReadOnlyList<string?> Row(AuditFieldChange? change) =>
            [
                when, row.UserName, row.ActionText, row.EntityTypeText, row.EntityId, row.Period, row.Indicator, row.ChangeText,
                change?.Field, change?.Before, change?.After,
            ];

            // An entry that records no values (a removal of an empty row, say) still gets a row of its own.
            if (row.Changes.Count == 0)
            {
                rows.Add(Row(null));
            }

            rows.AddRange(row.Changes.Select(Row));
        }

        var content = CsvExport.Write(ExportContractAudit.Headers, rows);
        var name = SafeFileName(context.Reference) + "-audit-" + clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            + (exported.Count < ids.Count ? $"-newest-{ExportContractAudit.MaxRows}" : string.Empty) + ".csv";
        return new FileDownload(name, "text/csv; charset=utf-8", content);
    }

    // References may hold slashes and full stops, which a file name must not.
    private static string SafeFileName(string reference) =>
        new([.. reference.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
}
