using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Performance.GetIndicatorTrend;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Application.Tests.Charts;

/// <summary>A demo database of its own, so nobody else's accepted or restated returns move the periods these tests read.</summary>
[CollectionDefinition(Name)]
public sealed class ChartsTestGroup : ICollectionFixture<ApplicationFixture>
{
    public const string Name = "charts";
}

/// <summary>The trend query through the real mediator, on the demo portfolio as loaded. Read only.</summary>
[Collection(ChartsTestGroup.Name)]
public sealed class GetIndicatorTrendTests(ApplicationFixture app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string HomeCare = "WCC-ASC-2023-004";
    private const string Advocacy = "WCC-ADV-2025-006";
    private const string Recovery = "WCC-SMR-2025-007";
    private const string Assessments = "Single assessments completed within 45 working days";
    private const string HoursDelivered = "Planned reablement hours delivered";
    private const string RecoveryProvider = "owen.pritchard@example.com";

    private async Task<(Guid ContractId, Guid IndicatorId)> Indicator(string reference, string name)
    {
        var found = await app.Db(db => db.Contracts.AsNoTracking().Where(c => c.Reference == reference)
            .SelectMany(c => c.Indicators.Where(i => i.Name == name), (c, i) => new { ContractId = c.Id.Value, IndicatorId = i.Id.Value })
            .SingleAsync());
        return (found.ContractId, found.IndicatorId);
    }

    private async Task<IndicatorTrendView> Trend(string email, string reference, string name, int periods = GetIndicatorTrend.DefaultPeriods)
    {
        var (contractId, indicatorId) = await Indicator(reference, name);
        return await app.SendAs(email, new GetIndicatorTrend(contractId, indicatorId, periods));
    }

    [Fact]
    public async Task Handle_Commissioner_GivesTheLatestEightEvaluatedPeriodsOldestFirst()
    {
        var trend = await Trend(ApplicationFixture.Commissioner, Trust, Assessments);

        // 2024-25 Q1 to 2026-27 Q1 are evaluated; 2026-27 Q2 is submitted and awaiting review, so not yet.
        Assert.Equal(9, trend.PeriodsAvailable);
        Assert.Equal(8, trend.Periods.Count);
        Assert.Equal("2024-25 Q2", trend.Periods[0].Period.Label);
        Assert.Equal("2026-27 Q1", trend.Periods[^1].Period.Label);
        Assert.Equal(trend.Periods.Select(p => p.Period).Order(), trend.Periods.Select(p => p.Period));
        Assert.Equal(IndicatorUnit.Percentage, trend.Unit);
        Assert.Equal(Polarity.HigherIsBetter, trend.Polarity);
        Assert.Equal(78.4m, trend.BaselineValue);
        Assert.Equal(PerformanceRating.Inadequate, trend.Periods[^1].Rating);
        Assert.Equal(8, trend.Chart.Actuals.Count);
        Assert.Equal(8, trend.Chart.Target.Count);
        Assert.All(trend.Chart.Bands, c => Assert.Equal(4, c.Bands.Count));
        Assert.Equal(78.4m, trend.Chart.Baseline?.Value);
    }

    [Fact]
    public async Task Handle_AlternativeText_NamesTheFirstAndLatestFiguresAndTheCurrentRating()
    {
        var trend = await Trend(ApplicationFixture.Commissioner, Trust, Assessments);

        Assert.Equal(
            "Single assessments completed within 45 working days over 8 quarters from 2024-25 Q2 to 2026-27 Q1: " +
            "rose from 80.6% to 83.4% in 2025-26 Q1, fell to 73.6% in 2025-26 Q4 and recovered to 75.8%; " +
            "target rose from 80.0% to 85.0%; baseline 78.4% in 2023-24 Q4; currently Inadequate and improving this period.",
            trend.Chart.AlternativeText);
    }

    [Fact]
    public async Task Handle_Scale_HoldsEveryValueDrawn()
    {
        var trend = await Trend(ApplicationFixture.Commissioner, Trust, Assessments);

        var scale = trend.Chart.Scale;
        var drawn = trend.Periods.SelectMany(p => new[] { p.Actual, p.Target }.Concat(p.Bands.SelectMany(b => new[] { b.Lower, b.Upper })))
            .OfType<decimal>().Append(trend.BaselineValue!.Value);
        Assert.All(drawn, v => Assert.InRange(v, scale.Min, scale.Max));
        Assert.True(scale.Min > 0, "A trend between 70% and 90% should not be squashed by a scale from 0.");
    }

    [Fact]
    public async Task Handle_Bands_UseTheTargetAndThresholdsOfEachPeriod()
    {
        var trend = await Trend(ApplicationFixture.Commissioner, Trust, Assessments);

        // Thresholds 0, 3 and 8 points; the target was 80% in 2024-25, 83% in 2025-26 and 85% in 2026-27.
        var early = trend.Periods.Single(p => p.Period.Label == "2024-25 Q2");
        Assert.Equal(80m, early.Target);
        Assert.Equal([80m, 77m, 72m, null], early.Bands.Select(b => b.Lower));
        var latest = trend.Periods[^1];
        Assert.Equal(85m, latest.Target);
        Assert.Equal([85m, 82m, 77m, null], latest.Bands.Select(b => b.Lower));
        Assert.Equal([null, 85m, 82m, 77m], latest.Bands.Select(b => b.Upper));
        Assert.Equal("below 77.0%", latest.Bands[^1].Range);
    }

    [Fact]
    public async Task Handle_Total_SumsNumeratorsAndDenominatorsWhichDiffersFromAveragingThePercentages()
    {
        var trend = await Trend(ApplicationFixture.Commissioner, Trust, Assessments);

        var numerator = trend.Periods.Sum(p => p.Numerator!.Value);
        var denominator = trend.Periods.Sum(p => p.Denominator!.Value);
        Assert.Equal(11_087m, numerator);
        Assert.Equal(13_809m, denominator);
        Assert.Equal(numerator, trend.Total.Numerator);
        Assert.Equal(denominator, trend.Total.Denominator);
        Assert.Equal(Rounding.Stored(numerator / denominator * 100m), trend.Total.Value);
        Assert.Equal(8, trend.Total.Count);

        // Averaging the eight percentages would give 80.34%; the total is 80.29%.
        var average = Rounding.Stored(trend.Periods.Average(p => p.Actual!.Value));
        Assert.NotEqual(average, trend.Total.Value);
        Assert.Equal("80.3%", trend.Total.Text);
        Assert.Contains("11,087 ÷ 13,809 × 100 = 80.3%", trend.Total.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_NotReportedPeriod_IsAGapAndLeftOutOfTheTotal()
    {
        var trend = await Trend(ApplicationFixture.Commissioner, HomeCare, HoursDelivered);

        // Halden sent nothing for 2026-27 Q2 by its due date.
        var latest = trend.Periods[^1];
        Assert.Equal("2026-27 Q2", latest.Period.Label);
        Assert.Null(latest.Actual);
        Assert.Equal(PerformanceRating.NotReported, latest.Rating);
        Assert.Null(trend.Chart.Actuals[^1].Value);
        Assert.DoesNotContain(trend.Chart.ActualSegments().SelectMany(s => s), p => p.Index == trend.Periods.Count - 1);
        Assert.Contains(trend.Chart.Target, s => s.Index == trend.Periods.Count - 1);
        Assert.Equal(trend.Periods.Count - 1, trend.Total.Count);
        Assert.Contains("no figure for 2026-27 Q2", trend.Chart.AlternativeText, StringComparison.Ordinal);
        Assert.EndsWith("currently Not reported.", trend.Chart.AlternativeText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_RestatedPeriod_IsMarked()
    {
        var names = await app.Db(db => db.Contracts.AsNoTracking().Where(c => c.Reference == Advocacy)
            .SelectMany(c => c.Indicators.Select(i => i.Name)).ToListAsync());

        var restated = new List<TrendPeriodView>();
        foreach (var name in names)
        {
            restated.AddRange((await Trend(ApplicationFixture.Commissioner, Advocacy, name)).Periods.Where(p => p.IsRestated));
        }

        Assert.NotEmpty(restated);
        Assert.All(restated, p => Assert.Equal("2025-26 Q3", p.Period.Label));
    }

    [Fact]
    public async Task Handle_ContractsOwnProvider_SeesTheSameTrend()
    {
        var commissioner = await Trend(ApplicationFixture.Commissioner, Trust, Assessments);

        var provider = await Trend(ApplicationFixture.TrustProvider, Trust, Assessments);

        Assert.Equal(commissioner.Periods.Select(p => (p.Period, p.Actual, p.Rating)), provider.Periods.Select(p => (p.Period, p.Actual, p.Rating)));
        Assert.Equal(commissioner.Chart.AlternativeText, provider.Chart.AlternativeText);
    }

    [Fact]
    public async Task Handle_ProviderOfAnotherOrganisation_IsNotFound()
    {
        var (contractId, indicatorId) = await Indicator(Trust, Assessments);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAs(ApplicationFixture.PrivateProvider, new GetIndicatorTrend(contractId, indicatorId)));
    }

    [Fact]
    public async Task Handle_ProviderOfADraftContract_IsNotFound()
    {
        var (contractId, indicatorId) = await Indicator(Recovery, "Adults in structured treatment");

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(RecoveryProvider, new GetIndicatorTrend(contractId, indicatorId)));
    }

    [Fact]
    public async Task Handle_UnknownIndicatorOrOneOfAnotherContract_IsNotFound()
    {
        var (trust, _) = await Indicator(Trust, Assessments);
        var (_, homeCareIndicator) = await Indicator(HomeCare, HoursDelivered);

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new GetIndicatorTrend(trust, Guid.NewGuid())));
        var elsewhere = await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new GetIndicatorTrend(trust, homeCareIndicator)));

        Assert.Contains("indicator", unknown.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("indicator", elsewhere.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Handle_UnknownContract_IsNotFound()
    {
        var (_, indicatorId) = await Indicator(Trust, Assessments);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new GetIndicatorTrend(Guid.NewGuid(), indicatorId)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(41)]
    public async Task Handle_PeriodsOutsideOneToForty_IsRefused(int periods)
    {
        var (contractId, indicatorId) = await Indicator(Trust, Assessments);

        var refused = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new GetIndicatorTrend(contractId, indicatorId, periods)));

        Assert.Equal(["Enter a number of periods between 1 and 40"], refused.Errors["Periods"]);
    }

    [Fact]
    public async Task Handle_FortyPeriods_GivesEveryEvaluatedPeriod()
    {
        var trend = await Trend(ApplicationFixture.Commissioner, Trust, Assessments, GetIndicatorTrend.MaxPeriods);

        Assert.Equal(trend.PeriodsAvailable, trend.Periods.Count);
        Assert.Equal("2024-25 Q1", trend.Periods[0].Period.Label);
    }

    [Fact]
    public async Task Handle_DraftContract_HasNoPeriodsAndSaysSo()
    {
        var trend = await Trend(ApplicationFixture.Commissioner, Recovery, "Adults in structured treatment");

        Assert.Empty(trend.Periods);
        Assert.Equal(0, trend.PeriodsAvailable);
        Assert.Equal("No total", trend.Total.Text);
        Assert.Equal("Adults in structured treatment: no period has been evaluated yet.", trend.Chart.AlternativeText);
    }
}
