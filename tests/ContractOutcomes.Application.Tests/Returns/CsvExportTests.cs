using System.Globalization;
using System.Text;
using ContractOutcomes.Application.Returns.Csv;

namespace ContractOutcomes.Application.Tests.Returns;

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=SUM(1)", "'=SUM(1)")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Open\")", "'=HYPERLINK(\"http://evil.example\",\"Open\")")]
    public void Safe_TextThatStartsLikeAFormula_IsPrefixedWithAQuote(string text, string expected)
    {
        var safe = CsvCells.Safe(text);

        Assert.Equal(expected, safe);
    }

    [Theory]
    [InlineData("Families supported", "Families supported")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =1", " =1")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Safe_OrdinaryText_IsUnchanged(string? text, string expected)
    {
        var safe = CsvCells.Safe(text);

        Assert.Equal(expected, safe);
    }

    [Theory]
    [InlineData("'=SUM(1)", "=SUM(1)")]
    [InlineData("'-1", "-1")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("'", "'")]
    public void Unescape_UndoesSafe(string text, string expected)
    {
        var original = CsvCells.Unescape(text);

        Assert.Equal(expected, original);
    }

    [Theory]
    [InlineData("85.50", "85.5")]
    [InlineData("100.00", "100")]
    [InlineData("1234567.125", "1234567.125")]
    [InlineData("0.000", "0")]
    [InlineData("0.05", "0.05")]
    [InlineData("-12.10", "-12.1")]
    public void Number_Decimal_IsInvariantWithoutSeparatorsOrTrailingZeros(string value, string expected)
    {
        var number = decimal.Parse(value, CultureInfo.InvariantCulture);

        var cell = CsvCells.Number(number);

        Assert.Equal(expected, cell);
    }

    [Fact]
    public void Number_UnderAGermanCulture_StillUsesAPoint()
    {
        var original = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var cell = CsvCells.Number(1234.5m);

            Assert.Equal("1234.5", cell);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Number_Null_IsAnEmptyCell()
    {
        var cell = CsvCells.Number(null);

        Assert.Equal(string.Empty, cell);
    }

    [Fact]
    public void Write_AnyFile_StartsWithAByteOrderMarkAndEndsLinesWithCrlf()
    {
        var file = CsvExport.Write(["Name", "Value"], [["Referrals", "134"], ["Days", "7.5"]]);

        Assert.Equal([0xEF, 0xBB, 0xBF], file[..3]);
        Assert.Equal("Name,Value\r\nReferrals,134\r\nDays,7.5\r\n", Encoding.UTF8.GetString(file.AsSpan(3)));
    }

    [Fact]
    public void Write_CellsWithQuotesCommasLineBreaksAndSpaces_RoundTripThroughCsvHelper()
    {
        string?[] row = ["He said \"fine\", then left", "Line one\r\nLine two\nLine three", "  padded  ", null, "£1,200 – ok"];

        var file = CsvExport.Write(["A", "B", "C", "D", "E"], [row]);

        var records = ReturnCsvTests.CsvRecords(file);
        Assert.Equal(2, records.Count);
        Assert.Equal(["A", "B", "C", "D", "E"], records[0]);
        Assert.Equal(["He said \"fine\", then left", "Line one\r\nLine two\nLine three", "  padded  ", "", "£1,200 – ok"], records[1]);
        Assert.Contains("\"He said \"\"fine\"\", then left\"", Encoding.UTF8.GetString(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CellsThatStartLikeFormulas_AreEscapedInTheFile()
    {
        var file = CsvExport.Write(["=Header"], [["=SUM(1)"], ["+1"], ["-1"], ["@x"], ["\tx"]]);

        var records = ReturnCsvTests.CsvRecords(file);
        Assert.Equal(["'=Header", "'=SUM(1)", "'+1", "'-1", "'@x", "'\tx"], records.Select(r => Assert.Single(r)));
    }

    [Fact]
    public void Write_RowWithTheWrongNumberOfCells_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => CsvExport.Write(["A", "B"], [["1", "2"], ["only one"]]));

        Assert.StartsWith("Row 2 has 1 cells; the file has 2 columns.", error.Message, StringComparison.Ordinal);
    }
}
