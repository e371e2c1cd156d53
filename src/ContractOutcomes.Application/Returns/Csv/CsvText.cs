using System.Text;

namespace ContractOutcomes.Application.Returns.Csv;

/// <summary>
/// Turns the bytes of an uploaded CSV or text file into text. Spreadsheets save CSV in one of three ways
/// in practice: UTF-8 with a byte order mark (Excel's "CSV UTF-8"), UTF-8 without one (LibreOffice,
/// Google Sheets, most tools) and Windows-1252 (Excel's plain "CSV" on a UK Windows PC, where "£" is the
/// single byte 0xA3). Anything that is valid UTF-8 is read as UTF-8; anything else as Windows-1252, which
/// gives every byte a meaning, so the figures still read correctly whatever the text contains.
/// </summary>
public static class CsvText
{
    private const int Windows1252CodePage = 1252;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = CreateWindows1252();

    /// <summary>Decodes the file; the byte order mark, if any, is not part of the result.</summary>
    /// <exception cref="CsvTextException">The file is UTF-16 or UTF-32, or is not a text file.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE starts like UTF-16 LE, so it is checked first.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new CsvTextException("The file is saved as UTF-32 text. Save it as CSV UTF-8 and upload it again");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new CsvTextException("The file is saved as UTF-16 (Unicode) text. Save it as CSV UTF-8 and upload it again");
        }

        if (FileSignatures.IsZip(bytes) || FileSignatures.IsOleCompoundFile(bytes))
        {
            throw new CsvTextException("The file is a spreadsheet or document, not a CSV file. In your spreadsheet, save it as CSV UTF-8 and upload that");
        }

        if (bytes.Contains((byte)0))
        {
            throw new CsvTextException("The file is not a text file. Save it as CSV UTF-8 and upload it again");
        }

        ReadOnlySpan<byte> utf8Bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(utf8Bom))
        {
            // Excel's "CSV UTF-8": the bytes after the mark are UTF-8 by declaration. Invalid sequences,
            // which Excel does not write, become U+FFFD rather than refusing the whole file.
            return Encoding.UTF8.GetString(bytes[utf8Bom.Length..]);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    private static Encoding CreateWindows1252()
    {
        // Code pages other than the Unicode ones and Latin-1 come from this provider, which is part of
        // .NET; registering it again is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Windows1252CodePage);
    }
}

/// <summary>The first bytes of the binary formats that uploads are told apart by.</summary>
internal static class FileSignatures
{
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\x03\x04"u8);

    public static bool IsOleCompoundFile(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    public static bool IsPng(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
}
