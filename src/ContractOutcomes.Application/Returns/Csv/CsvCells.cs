using System.Globalization;

namespace ContractOutcomes.Application.Returns.Csv;

/// <summary>Cell values for the CSV files the product writes.</summary>
public static class CsvCells
{
    /// <summary>
    /// The text of a cell, made safe to open in a spreadsheet. Excel, LibreOffice and Google Sheets treat
    /// a cell that starts with =, +, - or @ as a formula and run it when the file is opened, and a leading
    /// tab or carriage return can hide such a start. Text typed by users (commentary, names) could then
    /// run =HYPERLINK(...) or DDE commands on a commissioner's computer (CSV or formula injection). A
    /// leading single quote makes the spreadsheet show the cell as text; the OWASP guidance on CSV
    /// injection recommends exactly this.
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    /// <summary>
    /// Undoes <see cref="Safe"/> for a cell read back from a file the product wrote: a single quote in
    /// front of a character that starts a formula is removed, so commentary such as "- fewer referrals"
    /// survives a download and an upload unchanged.
    /// </summary>
    public static string Unescape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? text[1..] : text;
    }

    /// <summary>
    /// A number as a CSV cell: invariant culture, no thousands separators and no trailing zeros after
    /// the decimal point (85.50 is "85.5", 100.00 is "100"), so spreadsheets in any locale read it
    /// back as the same number. Null is an empty cell.
    /// </summary>
    public static string Number(decimal? value) =>
        value is { } number ? number.ToString("0.############################", CultureInfo.InvariantCulture) : string.Empty;
}
