using System.IO.Compression;
using System.Text;
using ContractOutcomes.Application.Returns.Evidence;

namespace ContractOutcomes.Application.Tests.Returns;

public sealed class EvidenceFilesTests
{
    private const string TypesList = "must be a PDF, spreadsheet (XLSX, XLS, ODS or CSV), Word document (DOCX, DOC or ODT), or PNG or JPEG image";

    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static readonly byte[] PngBytes =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
        0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00,
    ];

    private static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    private static readonly byte[] OleBytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00, 0x3E, 0x00, 0x03, 0x00];

    /// <summary>A real ZIP file with the given entries, built as office applications build theirs.</summary>
    internal static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                // OpenDocument requires "mimetype" first and stored uncompressed; other parts are deflated.
                var level = name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal;
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return output.ToArray();
    }

    private static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<Relationships/>"),
        ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"),
        ("xl/worksheets/sheet1.xml", "<worksheet/>"));

    private static byte[] Docx() => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"));

    private static byte[] OpenDocument(string mimeType) => Zip(
        ("mimetype", mimeType),
        ("content.xml", "<office:document-content/>"),
        ("META-INF/manifest.xml", "<manifest:manifest/>"));

    public static TheoryData<string, byte[], string> AllowedFiles() => new()
    {
        { "Quarterly report.pdf", PdfBytes, "application/pdf" },
        { "chart.png", PngBytes, "image/png" },
        { "photo.jpg", JpegBytes, "image/jpeg" },
        { "photo.JPEG", JpegBytes, "image/jpeg" },
        { "figures.xlsx", Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "letter.docx", Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "old figures.xls", OleBytes, "application/vnd.ms-excel" },
        { "old letter.doc", OleBytes, "application/msword" },
        { "figures.ods", OpenDocument("application/vnd.oasis.opendocument.spreadsheet"), "application/vnd.oasis.opendocument.spreadsheet" },
        { "letter.odt", OpenDocument("application/vnd.oasis.opendocument.text"), "application/vnd.oasis.opendocument.text" },
        { "figures.csv", Encoding.UTF8.GetBytes("Month,Referrals\r\nApril,40\r\n"), "text/csv" },
        { "notes.txt", Encoding.Latin1.GetBytes("Spend: £1,200\n"), "text/plain" },
    };

    [Theory]
    [MemberData(nameof(AllowedFiles))]
    public void Check_FileWhoseContentsMatchItsName_IsAllowedWithTheCanonicalType(string fileName, byte[] content, string contentType)
    {
        var check = EvidenceFiles.Check(fileName, content);

        Assert.Equal(new EvidenceFileCheck(true, contentType, null), check);
    }

    public static TheoryData<string, byte[], string> MismatchedFiles() => new()
    {
        { "chart.pdf", PngBytes, "The file called chart.pdf is not a PDF: its contents do not match its name" },
        { "report.png", PdfBytes, "The file called report.png is not a PNG image: its contents do not match its name" },
        { "photo.jpg", PngBytes, "The file called photo.jpg is not a JPEG image: its contents do not match its name" },
        { "letter.xlsx", Docx(), "The file called letter.xlsx is not an Excel spreadsheet (XLSX): its contents do not match its name" },
        { "archive.xlsx", Zip(("readme.txt", "hello"), ("data/figures.csv", "a,b")), "The file called archive.xlsx is not an Excel spreadsheet (XLSX): its contents do not match its name" },
        { "archive.docx", Zip(("readme.txt", "hello")), "The file called archive.docx is not a Word document (DOCX): its contents do not match its name" },
        { "archive.ods", Zip(("mimetype", "application/zip")), "The file called archive.ods is not an OpenDocument spreadsheet (ODS): its contents do not match its name" },
        { "letter.ods", OpenDocument("application/vnd.oasis.opendocument.text"), "The file called letter.ods is not an OpenDocument spreadsheet (ODS): its contents do not match its name" },
        { "figures.xls", Xlsx(), "The file called figures.xls is not an Excel spreadsheet (XLS): its contents do not match its name" },
        { "figures.csv", Xlsx(), "The file called figures.csv is not a CSV file: its contents do not match its name" },
        { "report.txt", PdfBytes, "The file called report.txt is not a text file: its contents do not match its name" },
        { "program.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00], "The file called program.pdf is not a PDF: its contents do not match its name" },
        { "page.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "The file called page.pdf is not a PDF: its contents do not match its name" },
        { "page.txt", Encoding.UTF8.GetBytes("  <html><script>alert(1)</script></html>"), "The file called page.txt is not a text file: its contents do not match its name" },
        { "image.csv", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "The file called image.csv is not a CSV file: its contents do not match its name" },
        { "data.txt", Encoding.Unicode.GetBytes("UTF-16 text has NUL bytes"), "The file called data.txt is not a text file: its contents do not match its name" },
        { "data.txt", [(byte)'a', 0x01, 0x02, (byte)'b'], "The file called data.txt is not a text file: its contents do not match its name" },
        { "broken.xlsx", Encoding.ASCII.GetBytes("PK\u0003\u0004 not really a zip"), "The file called broken.xlsx is not an Excel spreadsheet (XLSX): its contents do not match its name" },
    };

    [Theory]
    [MemberData(nameof(MismatchedFiles))]
    public void Check_ContentsThatDoNotMatchTheName_IsRefused(string fileName, byte[] content, string problem)
    {
        var check = EvidenceFiles.Check(fileName, content);

        Assert.Equal(new EvidenceFileCheck(false, null, problem), check);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("page.html")]
    [InlineData("logo.svg")]
    [InlineData("archive.zip")]
    [InlineData("macro.xlsm")]
    [InlineData("no extension")]
    public void Check_TypeThatIsNotAllowed_ListsTheAllowedTypes(string fileName)
    {
        var check = EvidenceFiles.Check(fileName, PdfBytes);

        Assert.False(check.IsAllowed);
        Assert.Null(check.ContentType);
        Assert.Equal($"The file called {fileName} {TypesList}", check.Problem);
    }

    [Fact]
    public void Check_EmptyFile_IsRefused()
    {
        var check = EvidenceFiles.Check("report.pdf", []);

        Assert.Equal(EvidenceFileCheck.Refused("The selected file is empty"), check);
    }

    [Fact]
    public void Check_FileOverTenMegabytes_IsRefused()
    {
        var content = new byte[EvidenceFiles.MaxBytes + 1];
        PdfBytes.CopyTo(content, 0);

        var check = EvidenceFiles.Check("report.pdf", content);

        Assert.Equal(EvidenceFileCheck.Refused("The selected file must be smaller than 10 MB"), check);
    }

    [Fact]
    public void Check_FileOfExactlyTenMegabytes_IsAllowed()
    {
        var content = new byte[EvidenceFiles.MaxBytes];
        PdfBytes.CopyTo(content, 0);

        var check = EvidenceFiles.Check("report.pdf", content);

        Assert.True(check.IsAllowed);
    }

    [Fact]
    public void Check_WorkbookWithMacros_IsRefused()
    {
        var content = Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"), ("xl/vbaProject.bin", "macros"));

        var check = EvidenceFiles.Check("figures.xlsx", content);

        Assert.Equal(EvidenceFileCheck.Refused("The file called figures.xlsx contains macros. Save it without macros and upload it again"), check);
    }

    [Fact]
    public void Check_NameWithAPath_NamesOnlyTheFileInTheProblem()
    {
        var check = EvidenceFiles.Check(@"C:\Users\sam\Desktop\chart.pdf", PngBytes);

        Assert.Equal("The file called chart.pdf is not a PDF: its contents do not match its name", check.Problem);
    }

    [Theory]
    [InlineData(@"C:\Users\sam\Documents\report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a<b>c:d\"e|f?g*h.pdf", "abcdefgh.pdf")]
    [InlineData("  too   many \t spaces  .pdf", "too many spaces.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("bell\u0007name\u0000.docx", "bellname.docx")]
    [InlineData("report.pdf. . .", "report.pdf")]
    [InlineData("CON.pdf", "evidence.pdf")]
    [InlineData("lpt1", "evidence")]
    [InlineData(".pdf", "evidence.pdf")]
    [InlineData("", "evidence")]
    [InlineData("   ", "evidence")]
    [InlineData("folder/", "evidence")]
    [InlineData("Café – résumé.docx", "Café – résumé.docx")]
    public void SafeFileName_UnsafeName_IsCleaned(string fileName, string expected)
    {
        var safe = EvidenceFiles.SafeFileName(fileName);

        Assert.Equal(expected, safe);
        Assert.Equal(safe, EvidenceFiles.SafeFileName(safe));
    }

    [Fact]
    public void SafeFileName_LongName_IsCutTo150CharactersKeepingTheExtension()
    {
        var fileName = new string('a', 200) + ".xlsx";

        var safe = EvidenceFiles.SafeFileName(fileName);

        Assert.Equal(EvidenceFiles.FileNameMaxLength, safe.Length);
        Assert.Equal(new string('a', 145) + ".xlsx", safe);
    }

    [Fact]
    public void SafeFileName_LongNameEndingInAnEmoji_DoesNotCutTheEmojiInHalf()
    {
        // 145 + 2 UTF-16 code units for the emoji + 4 for ".pdf" is 151: the cut falls inside the emoji.
        var fileName = new string('a', 145) + "😀.pdf";

        var safe = EvidenceFiles.SafeFileName(fileName);

        Assert.Equal(new string('a', 145) + ".pdf", safe);
        Assert.True(safe.Length <= EvidenceFiles.FileNameMaxLength);
    }
}
