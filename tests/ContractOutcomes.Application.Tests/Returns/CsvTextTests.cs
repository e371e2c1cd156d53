using System.Text;
using ContractOutcomes.Application.Returns.Csv;

namespace ContractOutcomes.Application.Tests.Returns;

public sealed class CsvTextTests
{
    [Fact]
    public void Decode_Utf8File_ReadsPoundSignsAndDashes()
    {
        var text = CsvText.Decode(ReturnFiles.Bytes("valid-utf8.csv"));

        Assert.StartsWith("Contract reference,", text, StringComparison.Ordinal);
        Assert.Contains("Above target – two new key workers", text, StringComparison.Ordinal);
        Assert.Contains("Pounds (£)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8FileWithByteOrderMark_LeavesTheMarkOut()
    {
        var withoutBom = CsvText.Decode(ReturnFiles.Bytes("valid-utf8.csv"));

        var withBom = CsvText.Decode(ReturnFiles.Bytes("valid-utf8-bom.csv"));

        Assert.Equal('C', withBom[0]);
        Assert.Equal(withoutBom, withBom.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Decode_Windows1252File_ReadsPoundSignAndEnDashBytes()
    {
        var bytes = ReturnFiles.Bytes("windows-1252.csv");

        var text = CsvText.Decode(bytes);

        Assert.Contains((byte)0xA3, bytes);
        Assert.Contains((byte)0x96, bytes);
        Assert.Contains("Spent £238,400 – £11,600 under budget", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', text);
    }

    [Fact]
    public void Decode_Empty_IsEmptyText()
    {
        var text = CsvText.Decode([]);

        Assert.Equal(string.Empty, text);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'a', 0 }, "UTF-16")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'a' }, "UTF-16")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'a', 0, 0, 0 }, "UTF-32")]
    public void Decode_Utf16OrUtf32WithByteOrderMark_AsksForUtf8(byte[] bytes, string encoding)
    {
        var error = Assert.Throws<CsvTextException>(() => CsvText.Decode(bytes));

        Assert.Equal($"The file is saved as {encoding}{(encoding == "UTF-16" ? " (Unicode)" : "")} text. Save it as CSV UTF-8 and upload it again", error.Message);
    }

    [Fact]
    public void Decode_BinaryWithNulBytes_IsNotText()
    {
        var error = Assert.Throws<CsvTextException>(() => CsvText.Decode([(byte)'a', 0, (byte)'b']));

        Assert.Equal("The file is not a text file. Save it as CSV UTF-8 and upload it again", error.Message);
    }

    [Fact]
    public void Decode_ZipFile_SaysItIsASpreadsheetNotCsv()
    {
        var error = Assert.Throws<CsvTextException>(() => CsvText.Decode(EvidenceFilesTests.Zip(("xl/workbook.xml", "<workbook/>"))));

        Assert.StartsWith("The file is a spreadsheet or document, not a CSV file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8WithoutMark_IsPreferredOverWindows1252()
    {
        // "Ã©" would be the Windows-1252 reading of the two UTF-8 bytes of "é".
        var text = CsvText.Decode(Encoding.UTF8.GetBytes("Café"));

        Assert.Equal("Café", text);
    }
}
