using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Tests.Common;

public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2025-26 Q1", 2025, 1, "2025-04-01", "2025-06-30")]
    [InlineData("2025-26 Q2", 2025, 2, "2025-07-01", "2025-09-30")]
    [InlineData("2025-26 Q3", 2025, 3, "2025-10-01", "2025-12-31")]
    [InlineData("2025-26 Q4", 2025, 4, "2026-01-01", "2026-03-31")]
    [InlineData("1999-00 Q1", 0, 0, null, null)]
    public void Parse_ValidLabel_GivesFinancialYearQuarterAndDates(string label, int year, int quarter, string? start, string? end)
    {
        if (start is null)
        {
            Assert.False(ReportingPeriod.TryParse(label, out _));
            return;
        }

        var period = ReportingPeriod.Parse(label);

        Assert.Equal(year, period.FinancialYearStart);
        Assert.Equal(quarter, period.Quarter);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.StartDate);
        Assert.Equal(DateOnly.Parse(end!, System.Globalization.CultureInfo.InvariantCulture), period.EndDate);
        Assert.Equal(label, period.Label);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-27 Q1")]
    [InlineData("2025-26 Q5")]
    [InlineData("2025/26 Q1")]
    [InlineData("Q1 2025-26")]
    [InlineData(null)]
    public void TryParse_Malformed_ReturnsFalse(string? label) => Assert.False(ReportingPeriod.TryParse(label, out _));

    [Theory]
    [InlineData("2026-01-15", "2025-26 Q4")]
    [InlineData("2026-03-31", "2025-26 Q4")]
    [InlineData("2026-04-01", "2026-27 Q1")]
    [InlineData("2026-11-21", "2026-27 Q3")]
    public void Containing_Date_GivesItsQuarter(string date, string expected) =>
        Assert.Equal(expected, ReportingPeriod.Containing(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Label);

    [Fact]
    public void NextAndPrevious_CrossFinancialYears()
    {
        var q4 = ReportingPeriod.Parse("2025-26 Q4");

        Assert.Equal("2026-27 Q1", q4.Next().Label);
        Assert.Equal("2025-26 Q3", q4.Previous().Label);
        Assert.Equal("2024-25 Q4", ReportingPeriod.Parse("2025-26 Q1").Previous().Label);
    }

    [Fact]
    public void Range_FiveYearTerm_HasTwentyQuartersInOrder()
    {
        var periods = ReportingPeriod.Range(ReportingPeriod.Parse("2024-25 Q1"), ReportingPeriod.Parse("2028-29 Q4"));

        Assert.Equal(20, periods.Count);
        Assert.Equal(periods.OrderBy(p => p).ToArray(), periods.ToArray());
        Assert.Equal(periods.Select(p => p.Label).Order(StringComparer.Ordinal).ToArray(), periods.Select(p => p.Label).ToArray());
    }
}
