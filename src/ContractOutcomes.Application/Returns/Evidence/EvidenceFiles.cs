using System.Globalization;
using System.IO.Compression;
using System.Text;
using ContractOutcomes.Application.Returns.Csv;

namespace ContractOutcomes.Application.Returns.Evidence;

/// <summary>
/// Whether an uploaded evidence file may be kept. When it may, <see cref="ContentType"/> is the type to
/// store and serve it with; otherwise <see cref="Problem"/> says why not, for the person uploading it.
/// </summary>
public sealed record EvidenceFileCheck(bool IsAllowed, string? ContentType, string? Problem)
{
    public static EvidenceFileCheck Allowed(string contentType) => new(true, contentType, null);

    public static EvidenceFileCheck Refused(string problem) => new(false, null, problem);
}

/// <summary>
/// Decides what an uploaded evidence file is from its contents, not from the name or the content type
/// the browser sent, both of which the uploader controls. A file is kept only when its contents are one
/// of the allowed formats and its extension names that same format, so a file is never served as
/// something it is not (an HTML page or script renamed .pdf is refused).
/// </summary>
public static class EvidenceFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 150;

    private const string FallbackFileName = "evidence";

    // Extensions longer than this are part of the name (a.reallylongwordafterthedot), not a file type.
    private const int ExtensionMaxLength = 16;

    private static readonly FileKind Pdf = new("a PDF", "application/pdf", Starts(FileSignatures.IsPdf));
    private static readonly FileKind Png = new("a PNG image", "image/png", Starts(FileSignatures.IsPng));
    private static readonly FileKind Jpeg = new("a JPEG image", "image/jpeg", Starts(FileSignatures.IsJpeg));
    private static readonly FileKind Xlsx = new(
        "an Excel spreadsheet (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IsOfficeOpenXml("xl/workbook.xml"));
    private static readonly FileKind Docx = new(
        "a Word document (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", IsOfficeOpenXml("word/document.xml"));

    // The old binary formats share one container; telling a workbook from a document would mean reading
    // its directory, and either is harmless to keep, so the extension decides.
    private static readonly FileKind Xls = new("an Excel spreadsheet (XLS)", "application/vnd.ms-excel", Starts(FileSignatures.IsOleCompoundFile));
    private static readonly FileKind Doc = new("a Word document (DOC)", "application/msword", Starts(FileSignatures.IsOleCompoundFile));
    private static readonly FileKind Ods = new(
        "an OpenDocument spreadsheet (ODS)", "application/vnd.oasis.opendocument.spreadsheet", IsOpenDocument("application/vnd.oasis.opendocument.spreadsheet"));
    private static readonly FileKind Odt = new(
        "an OpenDocument text document (ODT)", "application/vnd.oasis.opendocument.text", IsOpenDocument("application/vnd.oasis.opendocument.text"));
    private static readonly FileKind Csv = new("a CSV file", "text/csv", IsPlainText);
    private static readonly FileKind Text = new("a text file", "text/plain", IsPlainText);

    private static readonly Dictionary<string, FileKind> KindsByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".xlsx"] = Xlsx,
        [".docx"] = Docx,
        [".xls"] = Xls,
        [".doc"] = Doc,
        [".ods"] = Ods,
        [".odt"] = Odt,
        [".csv"] = Csv,
        [".txt"] = Text,
    };

    // Names Windows keeps for devices, whatever extension follows.
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>Whether the content is of a kind; <paramref name="zip"/> is what a ZIP file holds, when it is one.</summary>
    private delegate bool ContentTest(ReadOnlySpan<byte> content, ZipContents? zip);

    private delegate bool SignatureTest(ReadOnlySpan<byte> content);

    /// <summary>Checks an uploaded file: its size, its extension, and that its contents are what the extension says.</summary>
    public static EvidenceFileCheck Check(string fileName, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (content.IsEmpty)
        {
            return EvidenceFileCheck.Refused("The selected file is empty");
        }

        if (content.Length > MaxBytes)
        {
            return EvidenceFileCheck.Refused("The selected file must be smaller than 10 MB");
        }

        var name = SafeFileName(fileName);
        if (!KindsByExtension.TryGetValue(Path.GetExtension(name), out var kind))
        {
            return EvidenceFileCheck.Refused(
                $"The file called {name} must be a PDF, spreadsheet (XLSX, XLS, ODS or CSV), Word document (DOCX, DOC or ODT), or PNG or JPEG image");
        }

        var zip = ZipContents.Read(content);
        if (!kind.Test(content, zip))
        {
            return EvidenceFileCheck.Refused($"The file called {name} is not {kind.Description}: its contents do not match its name");
        }

        if (zip is not null && zip.HasMacros)
        {
            return EvidenceFileCheck.Refused($"The file called {name} contains macros. Save it without macros and upload it again");
        }

        return EvidenceFileCheck.Allowed(kind.ContentType);
    }

    /// <summary>
    /// A name that is safe to store and to offer for download on any system: no folders, no control or
    /// invisible formatting characters (which can disguise an extension), none of the characters
    /// Windows forbids, single spaces, at most <see cref="FileNameMaxLength"/> characters with the
    /// extension kept. "evidence" when nothing usable is left.
    /// </summary>
    public static string SafeFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);

        // Browsers on Windows have been known to send the whole path.
        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];
        var builder = new StringBuilder(name.Length);
        var lastWasSpace = false;
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            if (Rune.IsControl(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.PrivateUse
                || rune == Rune.ReplacementChar
                || (rune.IsAscii && "<>:\"/\\|?*".Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                continue;
            }

            builder.Append(rune);
            lastWasSpace = false;
        }

        // Windows drops trailing dots and spaces, which would change the extension.
        name = builder.ToString().Trim().TrimEnd('.', ' ');
        var extension = Path.GetExtension(name);
        if (extension.Length > ExtensionMaxLength || extension.Contains(' ', StringComparison.Ordinal))
        {
            extension = string.Empty;
        }

        var stem = name[..^extension.Length].TrimEnd('.', ' ');
        var device = stem.Split('.')[0].TrimEnd();
        if (stem.Length == 0 || ReservedNames.Contains(device))
        {
            stem = FallbackFileName;
        }

        var room = FileNameMaxLength - extension.Length;
        if (stem.Length > room)
        {
            // Never cut a character outside the Basic Multilingual Plane in half.
            var cut = char.IsLowSurrogate(stem[room]) ? room - 1 : room;
            stem = stem[..cut].TrimEnd('.', ' ');
        }

        return stem + extension;
    }

    private static ContentTest IsOfficeOpenXml(string mainPart) => (_, zip) => zip is not null && zip.EntryNames.Contains(mainPart);

    private static ContentTest IsOpenDocument(string mimeType) => (_, zip) => string.Equals(zip?.MimeType, mimeType, StringComparison.Ordinal);

    private static ContentTest Starts(SignatureTest signature) => (content, _) => signature(content);

    /// <summary>
    /// Plain text: decodes as <see cref="CsvText"/> reads it (no NUL bytes, not a ZIP or OLE file), no
    /// other binary signature, no control characters other than tabs, line breaks and form feeds, and not
    /// markup, which a browser could be talked into rendering as a page.
    /// </summary>
    private static bool IsPlainText(ReadOnlySpan<byte> content, ZipContents? zip)
    {
        if (zip is not null || FileSignatures.IsPdf(content) || FileSignatures.IsPng(content) || FileSignatures.IsJpeg(content))
        {
            return false;
        }

        string text;
        try
        {
            text = CsvText.Decode(content);
        }
        catch (CsvTextException)
        {
            return false;
        }

        return !text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r' or '\f'))
            && !text.TrimStart().StartsWith('<');
    }

    /// <summary>What an office document's ZIP container holds, as far as telling formats apart needs.</summary>
    private sealed class ZipContents
    {
        // The "mimetype" entry of an OpenDocument file is its media type, stored first and uncompressed.
        private const int MimeTypeMaxBytes = 100;

        private ZipContents(HashSet<string> entryNames, string? mimeType)
        {
            EntryNames = entryNames;
            MimeType = mimeType;
        }

        public HashSet<string> EntryNames { get; }

        public string? MimeType { get; }

        public bool HasMacros => EntryNames.Any(e => e.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));

        /// <summary>Null when the content is not a readable ZIP file.</summary>
        public static ZipContents? Read(ReadOnlySpan<byte> content)
        {
            if (!FileSignatures.IsZip(content))
            {
                return null;
            }

            try
            {
                // Only the central directory and the few bytes of "mimetype" are read, so a ZIP bomb
                // costs nothing.
                using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
                var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
                return new ZipContents(names, ReadMimeType(zip));
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return null;
            }
        }

        private static string? ReadMimeType(ZipArchive zip)
        {
            var entry = zip.GetEntry("mimetype");
            if (entry is null)
            {
                return null;
            }

            using var stream = entry.Open();
            var buffer = new byte[MimeTypeMaxBytes];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return Encoding.ASCII.GetString(buffer, 0, length);
        }
    }

    private sealed record FileKind(string Description, string ContentType, ContentTest Test);
}
