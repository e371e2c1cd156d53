using System.Text;
using ContractOutcomes.Application.Returns.Csv;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using CsvHelper;

namespace ContractOutcomes.Application.Tests.Returns;

/// <summary>The contract the files in Returns/Files are for, and a way to read them.</summary>
internal static class ReturnFiles
{
    public const string Header = "Contract reference,Period,Indicator,Unit,Target,Value,Numerator,Denominator,Commentary";

    public static readonly ReturnCsvIndicator NeedsMet = new(
        Guid.Parse("0b7f6a52-0c1e-4c8e-9d8a-000000000001"), "Families whose needs were met", IndicatorUnit.Percentage, 70m, "Families whose needs were met", "Families closed");

    public static readonly ReturnCsvIndicator Referrals = new(
        Guid.Parse("0b7f6a52-0c1e-4c8e-9d8a-000000000002"), "Referrals received", IndicatorUnit.Count, 120m, null, null);

    public static readonly ReturnCsvIndicator ReReferrals = new(
        Guid.Parse("0b7f6a52-0c1e-4c8e-9d8a-000000000003"), "Re-referrals per 10000 children", IndicatorUnit.RatePer10000, 45m, "Re-referrals", "Children in the area");

    public static readonly ReturnCsvIndicator DaysToContact = new(
        Guid.Parse("0b7f6a52-0c1e-4c8e-9d8a-000000000004"), "Average days to first contact", IndicatorUnit.Days, 10m, null, null);

    public static readonly ReturnCsvIndicator Spend = new(
        Guid.Parse("0b7f6a52-0c1e-4c8e-9d8a-000000000005"), "Spend on family support", IndicatorUnit.Money, 250_000m, null, null);

    public static readonly ReturnCsvContext Context = new(
        "CO-2025-014", ReportingPeriod.Of(2025, 1), [NeedsMet, Referrals, ReReferrals, DaysToContact, Spend]);

    public static byte[] Bytes(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Returns", "Files", fileName));

    public static ReturnCsvResult Read(string fileName) => ReturnCsv.Read(Bytes(fileName), Context);

    /// <summary>A file from a header and data lines, joined with LF.</summary>
    public static ReturnCsvResult ReadLines(params string[] lines) =>
        ReturnCsv.Read(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"), Context);

    /// <summary>A valid row for an indicator with the given figures.</summary>
    public static string Row(ReturnCsvIndicator indicator, string value, string numerator = "", string denominator = "", string commentary = "") =>
        $"CO-2025-014,2025-26 Q1,{indicator.Name},,,{value},{numerator},{denominator},{commentary}";
}

public sealed class ReturnCsvTests
{
    [Fact]
    public void Read_ValidUtf8File_ReturnsARowPerIndicatorWithItsFigures()
    {
        var result = ReturnFiles.Read("valid-utf8.csv");

        Assert.True(result.IsValid);
        Assert.Equal(
            [
                new ReturnCsvRow(ReturnFiles.NeedsMet.Id, 2, 85m, 17m, 20m, "Above target – two new key workers started in April"),
                new ReturnCsvRow(ReturnFiles.Referrals.Id, 3, 134m, null, null, null),
                new ReturnCsvRow(ReturnFiles.ReReferrals.Id, 4, 40m, 8m, 2000m, null),
                new ReturnCsvRow(ReturnFiles.DaysToContact.Id, 5, 7.5m, null, null, "Measured from referral to first visit"),
                new ReturnCsvRow(ReturnFiles.Spend.Id, 6, 238_400m, null, null, "Underspend of £11,600 on venues"),
            ],
            result.Rows);
    }

    [Fact]
    public void Read_Utf8FileWithByteOrderMarkAndCrlf_ReadsTheSameRows()
    {
        var withoutBom = ReturnFiles.Read("valid-utf8.csv");

        var withBom = ReturnFiles.Read("valid-utf8-bom.csv");

        Assert.True(withBom.IsValid);
        Assert.Equal(withoutBom.Rows, withBom.Rows);
    }

    [Fact]
    public void Read_Windows1252File_DecodesPoundSignsAndDashes()
    {
        var result = ReturnFiles.Read("windows-1252.csv");

        Assert.True(result.IsValid);
        Assert.Equal("Spent £238,400 – £11,600 under budget", result.Rows[0].Commentary);
        Assert.Equal("Referrals from schools – up again", result.Rows[1].Commentary);
    }

    [Fact]
    public void Read_QuotedCommentaryWithCommasQuotesAndLineBreaks_KeepsTheTextAndCountsPhysicalLines()
    {
        var result = ReturnFiles.Read("quoted-commentary.csv");

        Assert.True(result.IsValid);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(
            "Needs met for 17 families, against 14 expected.\n\nThe provider said: \"staffing, not demand, was the constraint\".",
            result.Rows[0].Commentary);
        Assert.Equal(2, result.Rows[0].Line);
        Assert.Equal("Schools, GPs and health visitors", result.Rows[1].Commentary);
        Assert.Equal(5, result.Rows[1].Line);
        Assert.Equal(6, result.Rows[2].Line);
    }

    [Fact]
    public void Read_TrailingBlankLinesBlankRowsAndUnreportedIndicators_AreIgnored()
    {
        var result = ReturnFiles.Read("trailing-blank-lines.csv");

        Assert.True(result.IsValid);
        Assert.Equal([ReturnFiles.Referrals.Id, ReturnFiles.DaysToContact.Id], result.Rows.Select(r => r.IndicatorId));
        Assert.Equal([2, 4], result.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Read_FileWithErrorsOnSeveralLines_ReportsEveryProblemWithItsLineAndColumnAndNoRows()
    {
        var result = ReturnFiles.Read("errors.csv");

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                new CsvProblem(3, "Indicator", "'Children in good health' is not an indicator of this contract"),
                new CsvProblem(4, "Indicator", "'Families whose needs were met' appears more than once (first on line 2)"),
                new CsvProblem(5, "Value", "'abc' is not a number"),
                new CsvProblem(6, "Period", "This file is for 2024-25 Q4; you are uploading the return for 2025-26 Q1"),
                new CsvProblem(7, "Numerator", "Enter the numerator and the denominator for Re-referrals per 10000 children: the value is calculated from them"),
            ],
            result.Problems);
    }

    [Fact]
    public void Read_SpreadsheetExportWithCrlfPercentSignsAndThousandsSeparators_ReadsTheNumbers()
    {
        var result = ReturnFiles.Read("spreadsheet-export.csv");

        Assert.True(result.IsValid);
        Assert.Equal([85m, 1234m, 238_400m, 7.5m], result.Rows.Select(r => r.Value));
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderAndCaseWithAnExtraColumn_MatchesThemByHeader()
    {
        var result = ReturnFiles.Read("reordered-columns.csv");

        Assert.True(result.IsValid);
        Assert.Equal([new ReturnCsvRow(ReturnFiles.NeedsMet.Id, 2, 85m, 17m, 20m, "Reordered columns")], result.Rows);
    }

    [Fact]
    public void Read_EmptyFile_ReportsThatItIsEmpty()
    {
        var result = ReturnCsv.Read([], ReturnFiles.Context);

        Assert.Equal([new CsvProblem(0, null, "The file is empty")], result.Problems);
    }

    [Fact]
    public void Read_OnlyBlankLines_ReportsThatItIsEmpty()
    {
        var result = ReturnCsv.Read("\r\n\r\n  \r\n"u8, ReturnFiles.Context);

        Assert.Equal([new CsvProblem(0, null, "The file is empty")], result.Problems);
    }

    [Fact]
    public void Read_FileOverOneMegabyte_ReportsTheLimitOnly()
    {
        var file = new StringBuilder(ReturnFiles.Header).Append('\n');
        while (file.Length <= ReturnCsv.MaxBytes)
        {
            // Every row would be a problem if it were read: the size is checked before anything is parsed.
            file.Append("Wrong contract,2019-20 Q1,Not an indicator,,,abc,,,\n");
        }

        var result = ReturnCsv.Read(Encoding.UTF8.GetBytes(file.ToString()), ReturnFiles.Context);

        Assert.Equal([new CsvProblem(0, null, "The file must be smaller than 1 MB")], result.Problems);
    }

    [Fact]
    public void Read_MissingColumns_NamesThemAllInOneProblem()
    {
        var result = ReturnFiles.ReadLines(
            "Contract reference,Period,Indicator,Unit,Target,Figure",
            "CO-2025-014,2025-26 Q1,Referrals received,Count,120,134");

        Assert.Equal(
            [new CsvProblem(1, null, "The first row must be the column headings. The file has no columns called 'Value', 'Numerator', 'Denominator' and 'Commentary'")],
            result.Problems);
    }

    [Fact]
    public void Read_ColumnTwice_ReportsIt()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header + ",value", ReturnFiles.Row(ReturnFiles.Referrals, "134"));

        Assert.Equal([new CsvProblem(1, "Value", "The column 'Value' appears more than once")], result.Problems);
    }

    [Fact]
    public void Read_MoreRowsThanTheLimit_ReportsTheFirstRowOverIt()
    {
        var lines = new List<string> { ReturnFiles.Header };
        lines.AddRange(Enumerable.Range(0, ReturnCsv.MaxRows + 1).Select(_ => ReturnFiles.Row(ReturnFiles.Referrals, "")));

        var result = ReturnFiles.ReadLines([.. lines]);

        var problem = Assert.Single(result.Problems, p => p.Column is null);
        Assert.Equal(ReturnCsv.MaxRows + 2, problem.Line);
        Assert.Equal("The file must have no more than 500 rows of figures, one for each indicator", problem.Message);
    }

    [Fact]
    public void Read_AnotherContractsFile_SaysWhichContractItIsFor()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, "CO-2024-001,2025-26 Q1,Referrals received,Count,120,134,,,");

        Assert.Equal([new CsvProblem(2, "Contract reference", "This file is for contract CO-2024-001; you are uploading to CO-2025-014")], result.Problems);
    }

    [Fact]
    public void Read_ContractReferenceAndPeriodInOtherCaseAndSpacing_AreAccepted()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, " co-2025-014 , 2025-26  q1 ,  referrals RECEIVED ,Count,120,134,,,");

        Assert.True(result.IsValid);
        Assert.Equal(ReturnFiles.Referrals.Id, Assert.Single(result.Rows).IndicatorId);
    }

    [Fact]
    public void Read_PeriodThatIsNotAPeriod_SaysWhatFormToUse()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, "CO-2025-014,April 2025,Referrals received,Count,120,134,,,");

        Assert.Equal([new CsvProblem(2, "Period", "'April 2025' is not a reporting period; use the form 2025-26 Q1")], result.Problems);
    }

    [Theory]
    [InlineData("", "20", "", "Numerator", "Enter the numerator and the denominator for Families whose needs were met: the value is calculated from them")]
    [InlineData("17", "", "", "Denominator", "Enter the numerator and the denominator for Families whose needs were met: the value is calculated from them")]
    [InlineData("", "", "85", "Numerator", "Enter the numerator and the denominator for Families whose needs were met: the value is calculated from them")]
    [InlineData("17", "0", "", "Denominator", "The denominator for Families whose needs were met must be more than 0")]
    [InlineData("17.5", "20", "", "Numerator", "The numerator for Families whose needs were met must be a whole number")]
    [InlineData("-1", "20", "", "Numerator", "The numerator for Families whose needs were met must be 0 or more")]
    [InlineData("21", "20", "", "Numerator", "The numerator for Families whose needs were met must not be more than the denominator")]
    [InlineData("17", "20", "80", "Value", "The value for Families whose needs were met is 80.0%, but the numerator and denominator give 85.0%. Correct the value or leave it blank")]
    [InlineData("17", "20", "85.1", "Value", "The value for Families whose needs were met is 85.1%, but the numerator and denominator give 85.0%. Correct the value or leave it blank")]
    public void Read_WrongPercentageFigures_ReportsTheProblem(string numerator, string denominator, string value, string column, string message)
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.NeedsMet, value, numerator, denominator));

        Assert.Equal([new CsvProblem(2, column, message)], result.Problems);
    }

    [Theory]
    [InlineData("", 33.3333)]
    [InlineData("33.3", 33.3333)]
    [InlineData("33.38", 33.3333)]
    [InlineData("33.3%", 33.3333)]
    public void Read_PercentageValueWithinTolerance_IsAcceptedAndCalculatedFromTheCounts(string value, double expected)
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.NeedsMet, value, "1", "3"));

        Assert.True(result.IsValid);
        Assert.Equal((decimal)expected, Assert.Single(result.Rows).Value);
    }

    [Fact]
    public void Read_RateAboveTenThousand_ReportsTheDomainLimit()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.ReReferrals, "", "30", "20"));

        Assert.Equal([new CsvProblem(2, "Numerator", "The value for Re-referrals per 10000 children must be 10,000 per 10,000 or less")], result.Problems);
    }

    [Fact]
    public void Read_PercentSignOnARate_IsNotANumber()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.ReReferrals, "40%", "8", "2000"));

        Assert.Equal([new CsvProblem(2, "Value", "'40%' is not a number")], result.Problems);
    }

    [Fact]
    public void Read_SingleValueUnitWithNumeratorAndDenominator_AsksToLeaveThemBlank()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.Referrals, "134", "134", "1"));

        Assert.Equal([new CsvProblem(2, "Numerator", "Referrals received is reported as a single value; leave Numerator and Denominator blank")], result.Problems);
    }

    [Fact]
    public void Read_CommentaryWithoutAValue_AsksForTheValue()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.Referrals, "", commentary: "Figures to follow"));

        Assert.Equal([new CsvProblem(2, "Value", "Enter the value for Referrals received")], result.Problems);
    }

    [Theory]
    [InlineData("Referrals received", "-1", "The value for Referrals received must be 0 or more")]
    [InlineData("Average days to first contact", "-0.5", "The value for Average days to first contact must be 0 or more")]
    public void Read_NegativeSingleValue_ReportsTheDomainRule(string indicator, string value, string message)
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, $"CO-2025-014,2025-26 Q1,{indicator},,,{value},,,");

        Assert.Equal([new CsvProblem(2, "Value", message)], result.Problems);
    }

    [Theory]
    [InlineData("1234", 1234)]
    [InlineData("\" 1,234 \"", 1234)]
    [InlineData("\"1,234,567.5\"", 1234567.5)]
    [InlineData("0.25", 0.25)]
    [InlineData("\"£12,000\"", 12000)]
    public void Read_MoneyValueInSpreadsheetFormats_IsRead(string value, double expected)
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.Spend, value));

        Assert.True(result.IsValid);
        Assert.Equal((decimal)expected, Assert.Single(result.Rows).Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"1,23\"")]
    [InlineData("1e3")]
    [InlineData("12.5.1")]
    [InlineData("85%")]
    [InlineData("0x10")]
    public void Read_ValueThatIsNotANumber_QuotesIt(string value)
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.Referrals, value));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("Value", problem.Column);
        Assert.Equal($"'{value.Trim('"')}' is not a number", problem.Message);
    }

    [Fact]
    public void Read_CommentaryOverTheLimit_ReportsIt()
    {
        var commentary = new string('x', ReturnCsv.CommentaryMaxLength + 1);

        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.Referrals, "134", commentary: commentary));

        Assert.Equal([new CsvProblem(2, "Commentary", "The commentary for Referrals received must be 2,000 characters or fewer")], result.Problems);
    }

    [Fact]
    public void Read_CommentaryWithSurroundingSpaces_IsTrimmed()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, ReturnFiles.Row(ReturnFiles.Referrals, "134", commentary: "\"  On track  \""));

        Assert.Equal("On track", Assert.Single(result.Rows).Commentary);
    }

    [Fact]
    public void Read_IndicatorMissingWhereFiguresAreGiven_AsksForIt()
    {
        var result = ReturnFiles.ReadLines(ReturnFiles.Header, "CO-2025-014,2025-26 Q1,,,,134,,,");

        Assert.Equal([new CsvProblem(2, "Indicator", "Enter the name of the indicator the figures are for")], result.Problems);
    }

    [Fact]
    public void Read_UnclosedQuote_ReportsTheLineItStartsOn()
    {
        var result = ReturnFiles.ReadLines(
            ReturnFiles.Header,
            ReturnFiles.Row(ReturnFiles.Referrals, "134"),
            ReturnFiles.Row(ReturnFiles.DaysToContact, "7", commentary: "\"Started but never finished"),
            ReturnFiles.Row(ReturnFiles.Spend, "1000"));

        Assert.Contains(result.Problems, p => p.Line == 3 && p.Column is null && p.Message.StartsWith("A quote mark (\") on this line is not closed", StringComparison.Ordinal));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Read_Utf16File_AsksForUtf8()
    {
        var file = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(ReturnFiles.Header + "\n")).ToArray();

        var result = ReturnCsv.Read(file, ReturnFiles.Context);

        Assert.Equal([new CsvProblem(0, null, "The file is saved as UTF-16 (Unicode) text. Save it as CSV UTF-8 and upload it again")], result.Problems);
    }

    [Fact]
    public void Read_ExcelWorkbookInsteadOfCsv_AsksForCsv()
    {
        var result = ReturnCsv.Read("PK\u0003\u0004 rest of a workbook"u8, ReturnFiles.Context);

        Assert.Equal(
            [new CsvProblem(0, null, "The file is a spreadsheet or document, not a CSV file. In your spreadsheet, save it as CSV UTF-8 and upload that")],
            result.Problems);
    }

    [Fact]
    public void WriteTemplate_NoFiguresYet_HasTheHeaderAndARowPerIndicatorWithUnitAndTarget()
    {
        var template = ReturnCsv.WriteTemplate(ReturnFiles.Context, existing: null);

        var records = CsvRecords(template);
        Assert.Equal(ReturnCsv.Headers, records[0]);
        Assert.Equal(6, records.Count);
        Assert.Equal(["CO-2025-014", "2025-26 Q1", "Families whose needs were met", "Percentage", "70", "", "", "", ""], records[1]);
        Assert.Equal("Rate per 10,000", records[3][3]);
        Assert.Equal(["Spend on family support", "Pounds (£)", "250000"], records[5][2..5]);
    }

    [Fact]
    public void WriteTemplate_WithFigures_ReadsBackAsTheSameFigures()
    {
        var existing = new[]
        {
            new ReturnCsvRow(ReturnFiles.NeedsMet.Id, 0, 85m, 17m, 20m, "Line one\nLine two, with \"quotes\""),
            new ReturnCsvRow(ReturnFiles.Spend.Id, 0, 238_400.50m, null, null, null),
        }.ToDictionary(r => r.IndicatorId);

        var template = ReturnCsv.WriteTemplate(ReturnFiles.Context, existing);
        var result = ReturnCsv.Read(template, ReturnFiles.Context);

        Assert.True(result.IsValid);
        Assert.Equal(
            [existing[ReturnFiles.NeedsMet.Id] with { Line = 2 }, existing[ReturnFiles.Spend.Id] with { Line = 7 }],
            result.Rows);
    }

    [Fact]
    public void WriteTemplate_CommentaryThatLooksLikeAFormula_IsEscapedAndReadsBackUnchanged()
    {
        var commentary = "=HYPERLINK(\"https://example.com\",\"Click\")";
        var existing = new Dictionary<Guid, ReturnCsvRow>
        {
            [ReturnFiles.Referrals.Id] = new(ReturnFiles.Referrals.Id, 0, 134m, null, null, commentary),
        };

        var template = ReturnCsv.WriteTemplate(ReturnFiles.Context, existing);
        var result = ReturnCsv.Read(template, ReturnFiles.Context);

        Assert.Equal("'" + commentary, CsvRecords(template)[2][8]);
        Assert.Equal(commentary, Assert.Single(result.Rows).Commentary);
    }

    internal static List<string[]> CsvRecords(byte[] file)
    {
        using var reader = CsvReader.Create(file, CsvReaderOptions.Default with { HasHeader = false, Separator = ',' });
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return records;
    }
}
