using CsvHelper;

namespace ContractOutcomes.Application.Returns.Csv;

/// <summary>Writes the CSV files the product offers for download.</summary>
public static class CsvExport
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // The byte order mark makes Excel read the file as UTF-8 rather than the PC's code page, so "£"
        // and "–" survive a double-click.
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        Separator = ',',
        // Quotes also keep leading and trailing spaces, which some readers would trim.
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        // Every cell goes through CsvCells.Safe instead, so the same rule applies to all exports.
        Injection = CsvInjection.None,
    };

    /// <summary>
    /// A CSV file (RFC 4180, UTF-8 with a byte order mark, CRLF line endings) with a header row and a row
    /// per element of <paramref name="rows"/>. Every cell, the headers included, is passed through
    /// <see cref="CsvCells.Safe"/>; a null cell is empty.
    /// </summary>
    /// <exception cref="ArgumentException">A row does not have one cell per header.</exception>
    public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        if (headers.Count == 0)
        {
            throw new ArgumentException("A CSV file needs at least one column.", nameof(headers));
        }

        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, Options, leaveOpen: true))
        {
            WriteRecord(writer, headers);
            var number = 0;
            foreach (var row in rows)
            {
                number++;
                if (row is null || row.Count != headers.Count)
                {
                    throw new ArgumentException(
                        $"Row {number} has {row?.Count ?? 0} cells; the file has {headers.Count} columns.", nameof(rows));
                }

                WriteRecord(writer, row);
            }
        }

        return output.ToArray();
    }

    private static void WriteRecord(CsvWriter writer, IReadOnlyList<string?> cells)
    {
        foreach (var cell in cells)
        {
            writer.WriteField(CsvCells.Safe(cell));
        }

        writer.EndRecord();
    }
}
