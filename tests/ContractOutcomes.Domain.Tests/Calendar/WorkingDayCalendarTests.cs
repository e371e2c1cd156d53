using System.Globalization;
using ContractOutcomes.Domain.Calendar;
using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar EnglandAndWales = WorkingDayCalendar.EnglandAndWales;

    private static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- The freshness check ----

    [Fact]
    public void EnglandAndWales_CoversAtLeastEighteenMonthsAhead()
    {
        // Deliberately the one test that reads the real date: it exists to fail while there is still time to act,
        // before due dates start coming back as "not yet known".
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var needed = today.AddMonths(18);

        var coveredUntil = EnglandAndWales.CoveredUntil;

        Assert.True(
            coveredUntil >= needed,
            $"The England and Wales bank holiday list ends on {coveredUntil:yyyy-MM-dd}, less than 18 months after today " +
            $"({today:yyyy-MM-dd}). Extend src/ContractOutcomes.Domain/Calendar/bank-holidays-england-and-wales.json " +
            "from the list published at https://www.gov.uk/bank-holidays, move coveredUntil to the end of the last " +
            "year added, and check any years that were filled in from the standing pattern against the published dates.");
    }

    // ---- Working days ----

    [Theory]
    [InlineData("2025-06-06", "2025-06-09")] // Friday → Monday
    [InlineData("2025-06-07", "2025-06-09")] // Saturday → Monday
    [InlineData("2025-06-08", "2025-06-09")] // Sunday → Monday
    [InlineData("2025-06-09", "2025-06-10")] // Monday → Tuesday
    public void AddWorkingDays_OneDayFromAroundAWeekend_SkipsTheWeekend(string from, string expected)
    {
        var result = EnglandAndWales.AddWorkingDays(Day(from), 1);

        Assert.Equal(Day(expected), result);
    }

    [Theory]
    [InlineData("2025-06-07")]
    [InlineData("2025-06-08")]
    public void IsWorkingDay_Weekend_IsFalse(string date) =>
        Assert.False(EnglandAndWales.IsWorkingDay(Day(date)));

    [Theory]
    [InlineData("2025-04-18")] // Good Friday 2025
    [InlineData("2025-04-21")] // Easter Monday 2025
    [InlineData("2026-04-03")] // Good Friday 2026
    [InlineData("2026-04-06")] // Easter Monday 2026
    [InlineData("2026-12-25")] // Christmas Day 2026 (Friday)
    [InlineData("2026-12-28")] // Boxing Day 2026 falls on Saturday: substitute Monday
    [InlineData("2027-12-27")] // Christmas Day 2027 falls on Saturday: substitute Monday
    [InlineData("2027-12-28")] // Boxing Day 2027 falls on Sunday: substitute Tuesday
    [InlineData("2028-01-03")] // New Year's Day 2028 falls on Saturday: substitute Monday
    [InlineData("2020-05-08")] // VE Day: early May bank holiday moved from 4 May
    [InlineData("2022-06-02")] // Spring bank holiday moved for the Platinum Jubilee
    [InlineData("2022-06-03")] // Platinum Jubilee bank holiday
    [InlineData("2022-09-19")] // State Funeral of Queen Elizabeth II
    [InlineData("2023-05-08")] // Coronation of King Charles III
    public void IsWorkingDay_BankHoliday_IsFalse(string date)
    {
        var day = Day(date);

        var isWorkingDay = EnglandAndWales.IsWorkingDay(day);

        Assert.False(isWorkingDay);
        Assert.True(EnglandAndWales.IsBankHoliday(day));
    }

    [Theory]
    [InlineData("2020-05-04")] // The usual early May Monday, moved to 8 May in 2020
    [InlineData("2022-05-30")] // The usual spring Monday, moved to 2 June in 2022
    [InlineData("2026-12-24")] // Christmas Eve is not a bank holiday
    [InlineData("2026-12-29")]
    [InlineData("2025-04-22")]
    public void IsWorkingDay_WeekdayThatIsNotABankHoliday_IsTrue(string date) =>
        Assert.True(EnglandAndWales.IsWorkingDay(Day(date)));

    [Theory]
    [InlineData("2025-04-17", 1, "2025-04-22")] // Easter 2025: Friday 18 and Monday 21 April
    [InlineData("2026-04-02", 1, "2026-04-07")] // Easter 2026: Friday 3 and Monday 6 April
    [InlineData("2020-05-07", 1, "2020-05-11")] // VE Day, Friday 8 May 2020
    [InlineData("2022-06-01", 1, "2022-06-06")] // Platinum Jubilee, 2 and 3 June 2022
    [InlineData("2022-09-16", 1, "2022-09-20")] // State Funeral, Monday 19 September 2022
    [InlineData("2023-05-05", 1, "2023-05-09")] // Coronation, Monday 8 May 2023
    [InlineData("2026-12-24", 1, "2026-12-29")] // Christmas Day Friday, Boxing Day substitute Monday 28
    [InlineData("2027-12-24", 1, "2027-12-29")] // Both Christmas holidays substituted: Monday 27 and Tuesday 28
    public void AddWorkingDays_OverBankHolidays_SkipsThem(string from, int workingDays, string expected)
    {
        var result = EnglandAndWales.AddWorkingDays(Day(from), workingDays);

        Assert.Equal(Day(expected), result);
    }

    [Fact]
    public void AddWorkingDays_AcrossChristmas_SkipsChristmasBoxingDayAndTheWeekend()
    {
        // Arrange: Friday 19 December 2025. Working days: 22, 23, 24, (25, 26 holidays, 27, 28 weekend) 29, 30.
        var from = Day("2025-12-19");

        // Act
        var result = EnglandAndWales.AddWorkingDays(from, 5);

        // Assert
        Assert.Equal(Day("2025-12-30"), result);
    }

    [Fact]
    public void AddWorkingDays_FromABankHoliday_DoesNotCountTheStartDay()
    {
        var result = EnglandAndWales.AddWorkingDays(Day("2025-12-25"), 1);

        Assert.Equal(Day("2025-12-29"), result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void AddWorkingDays_LessThanOneDay_Throws(int workingDays)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.AddWorkingDays(Day("2025-06-02"), workingDays));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.TryAddWorkingDays(Day("2025-06-02"), workingDays, out _));
    }

    // ---- Outside the covered range ----

    [Theory]
    [InlineData("2017-12-31")]
    [InlineData("2029-01-01")]
    public void IsWorkingDay_OutsideCoveredRange_ThrowsNamingTheRange(string date)
    {
        var day = Day(date);

        var exception = Assert.Throws<InvalidOperationException>(() => EnglandAndWales.IsWorkingDay(day));

        Assert.False(EnglandAndWales.Covers(day));
        Assert.Contains("1 January 2018", exception.Message, StringComparison.Ordinal);
        Assert.Contains("31 December 2028", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_WalkLeavesCoveredRange_ThrowsAndTryAddReturnsFalse()
    {
        // Arrange: Friday 29 December 2028; the next working day would be in 2029, which is not covered.
        var from = Day("2028-12-29");

        // Act
        var exception = Assert.Throws<InvalidOperationException>(() => EnglandAndWales.AddWorkingDays(from, 1));
        var found = EnglandAndWales.TryAddWorkingDays(from, 1, out var result);

        // Assert
        Assert.Contains("31 December 2028", exception.Message, StringComparison.Ordinal);
        Assert.False(found);
        Assert.Equal(default, result);
    }

    [Fact]
    public void TryAddWorkingDays_StartBeforeCoveredRange_ReturnsFalse()
    {
        var found = EnglandAndWales.TryAddWorkingDays(Day("2017-12-29"), 1, out _);

        Assert.False(found);
    }

    [Fact]
    public void TryAddWorkingDays_LastCoveredWorkingDay_ReturnsTrue()
    {
        var found = EnglandAndWales.TryAddWorkingDays(Day("2028-12-28"), 1, out var result);

        Assert.True(found);
        Assert.Equal(Day("2028-12-29"), result);
    }

    // ---- Working days between ----

    [Theory]
    [InlineData("2025-12-31", 20)]
    [InlineData("2025-12-19", 5)]
    [InlineData("2027-12-24", 3)]
    public void WorkingDaysBetween_ResultOfAddWorkingDays_GivesTheSameCount(string from, int workingDays)
    {
        var start = Day(from);
        var end = EnglandAndWales.AddWorkingDays(start, workingDays);

        var count = EnglandAndWales.WorkingDaysBetween(start, end);

        Assert.Equal(workingDays, count);
    }

    [Fact]
    public void WorkingDaysBetween_EndBeforeStart_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales.WorkingDaysBetween(Day("2025-06-10"), Day("2025-06-09")));

    // ---- A calendar built by hand ----

    [Fact]
    public void Constructor_BankHolidayOutsideCoveredRange_Throws() =>
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar([Day("2031-01-01")], Day("2030-01-01"), Day("2030-12-31")));

    [Fact]
    public void Constructor_DuplicateBankHoliday_Throws() =>
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(
            [Day("2030-01-01"), Day("2030-01-01")], Day("2030-01-01"), Day("2030-12-31")));

    [Fact]
    public void Constructor_DatesOnly_SortsHolidaysAndUsesThemForWorkingDays()
    {
        var calendar = new WorkingDayCalendar([Day("2030-12-25"), Day("2030-01-01")], Day("2030-01-01"), Day("2030-12-31"));

        Assert.Equal([Day("2030-01-01"), Day("2030-12-25")], calendar.BankHolidays.Select(h => h.Date));
        Assert.False(calendar.IsWorkingDay(Day("2030-12-25")));
        Assert.True(calendar.IsWorkingDay(Day("2030-12-24")));
    }

    // ---- Return due dates ----

    [Fact]
    public void DueDate_Quarter3Of2025To26PlusTwentyWorkingDays_IsThursday29January2026()
    {
        // Arrange: Q3 ends Wednesday 31 December 2025; New Year's Day (Thursday 1 January) does not count.
        var period = ReportingPeriod.Parse("2025-26 Q3");

        // Act
        var dueOn = ReturnDueDates.DueDate(period, ReturnDueDates.DefaultWorkingDays, EnglandAndWales);

        // Assert
        Assert.Equal(Day("2026-01-29"), dueOn);
    }

    [Fact]
    public void DueDate_Quarter4Of2025To26AcrossEaster_SkipsGoodFridayAndEasterMonday()
    {
        var period = ReportingPeriod.Parse("2025-26 Q4");

        var dueOn = ReturnDueDates.DueDate(period, ReturnDueDates.DefaultWorkingDays, EnglandAndWales);

        Assert.Equal(Day("2026-04-30"), dueOn);
    }

    [Fact]
    public void DueDate_BeyondCalendarCoverage_IsNull()
    {
        // Q3 of 2028-29 ends on 31 December 2028, the last covered day.
        var period = ReportingPeriod.Parse("2028-29 Q3");

        var dueOn = ReturnDueDates.DueDate(period, ReturnDueDates.DefaultWorkingDays, EnglandAndWales);

        Assert.Null(dueOn);
    }

    [Fact]
    public void DueDate_MaxWorkingDaysStillInsideCoverage_IsKnown()
    {
        var period = ReportingPeriod.Parse("2028-29 Q2");

        var dueOn = ReturnDueDates.DueDate(period, ReturnDueDates.MaxWorkingDays, EnglandAndWales);

        Assert.Equal(Day("2028-12-22"), dueOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ReturnDueDates.MaxWorkingDays + 1)]
    public void DueDate_WorkingDaysOutOfRange_Throws(int workingDays) =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => ReturnDueDates.DueDate(ReportingPeriod.Parse("2025-26 Q1"), workingDays, EnglandAndWales));

    [Theory]
    [InlineData("2026-01-28", 0)] // early
    [InlineData("2026-01-29", 0)] // on the day
    [InlineData("2026-01-30", 1)]
    [InlineData("2026-02-02", 4)] // calendar days, so the weekend counts
    public void DaysLate_ComparedWithDueDate_CountsCalendarDaysAfterIt(string submitted, int expected)
    {
        var daysLate = ReturnDueDates.DaysLate(Day("2026-01-29"), Day(submitted));

        Assert.Equal(expected, daysLate);
    }

    // ---- The embedded list itself ----

    [Fact]
    public void EnglandAndWales_BankHolidays_AreUniqueSortedWeekdaysInsideTheCoveredRange()
    {
        var holidays = EnglandAndWales.BankHolidays;

        Assert.NotEmpty(holidays);
        Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
        Assert.Equal(holidays.Select(h => h.Date).Order(), holidays.Select(h => h.Date));
        Assert.All(holidays, h => Assert.True(EnglandAndWales.Covers(h.Date), $"{h.Date:yyyy-MM-dd} is outside the covered range."));
        Assert.All(holidays, h => Assert.True(
            h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
            $"{h.Date:yyyy-MM-dd} ({h.Title}) is a weekend; list the substitute day instead."));
        Assert.All(holidays, h => Assert.False(string.IsNullOrWhiteSpace(h.Title)));
    }

    [Fact]
    public void EnglandAndWales_CoveredRange_StartsAndEndsOnWholeYears()
    {
        Assert.Equal(Day("2018-01-01"), EnglandAndWales.CoveredFrom);
        Assert.Equal(12, EnglandAndWales.CoveredUntil.Month);
        Assert.Equal(31, EnglandAndWales.CoveredUntil.Day);
    }

    [Theory]
    [InlineData(2018, 8)]
    [InlineData(2019, 8)]
    [InlineData(2020, 8)] // VE Day replaced the early May Monday rather than adding a day
    [InlineData(2021, 8)]
    [InlineData(2022, 10)] // Platinum Jubilee and the State Funeral
    [InlineData(2023, 9)] // Coronation
    [InlineData(2024, 8)]
    [InlineData(2025, 8)]
    [InlineData(2026, 8)]
    [InlineData(2027, 8)]
    [InlineData(2028, 8)]
    public void EnglandAndWales_BankHolidaysInYear_HasTheExpectedCount(int year, int expected)
    {
        var count = EnglandAndWales.BankHolidays.Count(h => h.Date.Year == year);

        Assert.Equal(expected, count);
    }

    [Fact]
    public void EnglandAndWales_EveryCoveredYear_HasAtLeastTheEightStandingHolidays()
    {
        // Catches coveredUntil being moved on without the new year's dates being added.
        for (var year = EnglandAndWales.CoveredFrom.Year; year <= EnglandAndWales.CoveredUntil.Year; year++)
        {
            var count = EnglandAndWales.BankHolidays.Count(h => h.Date.Year == year);

            Assert.True(count >= 8, $"{year} has {count} bank holidays listed; England and Wales has at least 8 a year.");
        }
    }

    [Fact]
    public void EnglandAndWales_StandingHolidays_FollowThePattern()
    {
        for (var year = EnglandAndWales.CoveredFrom.Year; year <= EnglandAndWales.CoveredUntil.Year; year++)
        {
            var inYear = EnglandAndWales.BankHolidays.Where(h => h.Date.Year == year).ToList();
            var goodFriday = Single(inYear, "Good Friday", year);
            var easterMonday = Single(inYear, "Easter Monday", year);
            var earlyMay = Single(inYear, "Early May bank holiday", year);
            var spring = Single(inYear, "Spring bank holiday", year);
            var summer = Single(inYear, "Summer bank holiday", year);

            Assert.Equal(DayOfWeek.Friday, goodFriday.DayOfWeek);
            Assert.Equal(goodFriday.AddDays(3), easterMonday);
            Assert.Equal(year == 2020 ? new DateOnly(2020, 5, 8) : FirstMonday(year, 5), earlyMay);
            Assert.Equal(year == 2022 ? new DateOnly(2022, 6, 2) : LastMonday(year, 5), spring);
            Assert.Equal(LastMonday(year, 8), summer);
        }
    }

    private static DateOnly Single(List<BankHoliday> holidays, string titleStart, int year)
    {
        var matches = holidays.Where(h => h.Title.StartsWith(titleStart, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"{year} should have exactly one '{titleStart}', found {matches.Count}.");
        return matches[0].Date;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var date = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
