using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Performance.GetPortfolio;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Application.Tests.Portfolio;

/// <summary>A demo database of its own, only read: the portfolio as the demo load leaves it.</summary>
[CollectionDefinition(Name)]
public sealed class PortfolioTestGroup : ICollectionFixture<ApplicationFixture>
{
    public const string Name = "portfolio";
}

[Collection(PortfolioTestGroup.Name)]
public sealed class GetPortfolioTests(ApplicationFixture app)
{
    private const string Trust = "WCC-CSC-2024-001";
    private const string Tidewell = "WCC-CLS-2023-002";
    private const string FamilyHelp = "WCC-FHS-2025-003";
    private const string Halden = "WCC-ASC-2023-004";
    private const string ShortBreaks = "WCC-SBD-2024-005";
    private const string Advocacy = "WCC-ADV-2025-006";
    private const string Recovery = "WCC-SMR-2025-007";
    private const string Latest = "2026-27 Q2";

    private static readonly string[] Active = [Trust, Tidewell, FamilyHelp, Halden, ShortBreaks, Advocacy];

    private Task<PortfolioView> Portfolio(string email, GetPortfolio? request = null) => app.SendAs(email, request ?? new GetPortfolio());

    private static PortfolioRow RowOf(PortfolioView view, string reference) => Assert.Single(view.Contracts, r => r.Reference == reference);

    [Fact]
    public async Task GetPortfolio_Commissioner_ListsEveryActiveContractAndTheDraftWithoutFigures()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);

        Assert.Equal([.. Active.Append(Recovery).Order(StringComparer.Ordinal)], view.Contracts.Select(r => r.Reference).Order(StringComparer.Ordinal));
        var draft = RowOf(view, Recovery);
        Assert.True(draft.IsDraft);
        Assert.Null(draft.Period);
        Assert.Null(draft.OverallScore);
        Assert.Null(draft.Ratings);
        Assert.Null(draft.Stage);
        Assert.Null(draft.Returns);
        Assert.Null(draft.YearToDate);
        Assert.Equal("Chalk Downs Recovery Co-operative", draft.ProviderName);
        Assert.All(Active, reference => Assert.True(RowOf(view, reference).IsEvaluated));
        Assert.Equal(7, view.Summary.ContractCount);
        Assert.Equal(1, view.Summary.DraftCount);
    }

    [Fact]
    public async Task GetPortfolio_NoPeriodChosen_ShowsEachContractsLatestEvaluatedPeriod()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);

        // The trust's 2026-27 Q2 return is submitted awaiting review, so its latest evaluated period is Q1;
        // Halden's and Fernleigh's Q2 are evaluated as Not reported because their due dates passed.
        Assert.Equal("2026-27 Q1", RowOf(view, Trust).Period);
        Assert.All(new[] { Tidewell, FamilyHelp, Halden, ShortBreaks, Advocacy }, r => Assert.Equal(Latest, RowOf(view, r).Period));
        Assert.Null(view.ChosenPeriod);
    }

    [Fact]
    public async Task GetPortfolio_Rows_AreSortedByStageHighestFirstThenReference()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);

        Assert.Equal(
            [Halden, Trust, FamilyHelp, Advocacy, Tidewell, ShortBreaks, Recovery],
            view.Contracts.Select(r => r.Reference));
    }

    [Fact]
    public async Task GetPortfolio_TrustProvider_SeesOnlyItsOwnContract()
    {
        var view = await Portfolio(ApplicationFixture.TrustProvider);

        var row = Assert.Single(view.Contracts);
        Assert.Equal(Trust, row.Reference);
        var provider = Assert.Single(view.Options.Providers);
        Assert.Equal("Wessex Children's Trust", provider.Text);
        Assert.Equal(["Children's social care"], view.Options.ServiceAreas);
    }

    [Fact]
    public async Task GetPortfolio_ProviderFilteringByAnotherProvider_SeesNothing()
    {
        var halden = await app.OrganisationId("Halden Home Care Ltd");

        var view = await Portfolio(ApplicationFixture.TrustProvider, new GetPortfolio(ProviderId: halden.ToString()));

        Assert.Empty(view.Contracts);
        Assert.Equal(0, view.Summary.ContractCount);
    }

    [Fact]
    public async Task GetPortfolio_OrganisationTypePrivateCompany_ListsOnlyHalden()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(OrganisationType: OrganisationType.PrivateCompany));

        var row = Assert.Single(view.Contracts);
        Assert.Equal(Halden, row.Reference);
        Assert.Equal(OrganisationType.PrivateCompany, row.OrganisationType);
        Assert.False(row.IsNotForProfit);
        var group = Assert.Single(view.Summary.ByProfitStatus);
        Assert.Equal("Private", group.Key);
    }

    [Fact]
    public async Task GetPortfolio_ProviderFilter_ListsThatProvidersContracts()
    {
        var fernleigh = await app.OrganisationId("Fernleigh Family Partnership CIC");

        var view = await Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(ProviderId: fernleigh.ToString()));

        Assert.Equal(FamilyHelp, Assert.Single(view.Contracts).Reference);
    }

    [Fact]
    public async Task GetPortfolio_StageFormalPerformanceNotice_ListsOnlyHalden()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(Stage: EscalationStage.FormalPerformanceNotice));

        Assert.Equal(Halden, Assert.Single(view.Contracts).Reference);
    }

    [Fact]
    public async Task GetPortfolio_StageRoutineMonitoring_LeavesOutTheDraftAndEscalatedContracts()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(Stage: EscalationStage.RoutineMonitoring));

        Assert.Equal([Advocacy, Tidewell, ShortBreaks], view.Contracts.Select(r => r.Reference));
    }

    [Fact]
    public async Task GetPortfolio_ServiceArea_ListsOnlyContractsInThatArea()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(ServiceArea: "Family help (early help)"));

        Assert.Equal(FamilyHelp, Assert.Single(view.Contracts).Reference);
    }

    [Fact]
    public async Task GetPortfolio_FiltersMatchingNothing_ReturnNoRowsAndEmptySummaries()
    {
        var view = await Portfolio(
            ApplicationFixture.Commissioner,
            new GetPortfolio(OrganisationType: OrganisationType.PrivateCompany, Stage: EscalationStage.RoutineMonitoring));

        Assert.Empty(view.Contracts);
        Assert.All(view.Summary.ByStage, s => Assert.Equal(0, s.Contracts));
        Assert.Equal(Money.Zero, view.Summary.NetPayment);
        Assert.Empty(view.Summary.ByOrganisationType);
        Assert.Equal(7, view.Options.Providers.Count);
    }

    [Fact]
    public async Task GetPortfolio_Halden_IsAtFormalNoticeAndFailedToImprove()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);

        var row = RowOf(view, Halden);
        Assert.Equal(EscalationStage.FormalPerformanceNotice, row.Stage);
        Assert.True(row.FailedToImprove);
        Assert.Equal(new DateOnly(2026, 11, 14), row.FailedToImproveOn);
        Assert.Equal(new DateOnly(2026, 12, 14), row.PerformanceNoticeDueBy);
        var ratings = Assert.IsType<RatingCounts>(row.Ratings);
        Assert.Equal(ratings.Total, ratings.NotReported);
        Assert.Equal(0m, row.OverallScore);
        Assert.Equal("Under 25", row.PositionBand);
    }

    [Fact]
    public async Task GetPortfolio_Summary_CountsContractsByStage()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);

        int Count(EscalationStage stage) => Assert.Single(view.Summary.ByStage, s => s.Stage == stage).Contracts;
        Assert.Equal(3, Count(EscalationStage.RoutineMonitoring));
        Assert.Equal(1, Count(EscalationStage.EnhancedMonitoring));
        Assert.Equal(1, Count(EscalationStage.ImprovementPlan));
        Assert.Equal(1, Count(EscalationStage.FormalPerformanceNotice));
        Assert.Equal(0, Count(EscalationStage.StepInOrTerminationReview));
        Assert.Equal(1, Assert.Single(view.Summary.ByStage, s => s.Stage == EscalationStage.FormalPerformanceNotice).FailedToImprove);
        Assert.Equal(6, view.Summary.ByPosition.Sum(b => b.Contracts));
        Assert.Equal(view.Contracts.Count(r => r.PositionBand == "Under 25"), Assert.Single(view.Summary.ByPosition, b => b.Band == "Under 25").Contracts);
    }

    [Fact]
    public async Task GetPortfolio_OutstandingReturns_CountEndedPeriodsNotAcceptedAndWhichAreOverdue()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);

        // Halden: 2026-27 Q2 never started and past its due date.
        var halden = Assert.IsType<OutstandingReturns>(RowOf(view, Halden).Returns);
        var haldenQ2 = Assert.Single(halden.Periods);
        Assert.Equal((1, 1), (halden.Count, halden.Overdue));
        Assert.Equal((Latest, ReturnState.NotStarted, true), (haldenQ2.Period, haldenQ2.State, haldenQ2.IsOverdue));

        // Fernleigh: a draft, 25 days late.
        var fernleigh = Assert.IsType<OutstandingReturns>(RowOf(view, FamilyHelp).Returns);
        var fernleighQ2 = Assert.Single(fernleigh.Periods);
        Assert.Equal((1, 1), (fernleigh.Count, fernleigh.Overdue));
        Assert.Equal((Latest, ReturnState.Draft, true), (fernleighQ2.Period, fernleighQ2.State, fernleighQ2.IsOverdue));
        Assert.True(fernleighQ2.DaysLate > 0);

        // The trust submitted on time: outstanding while it awaits review, but not overdue.
        var trust = Assert.IsType<OutstandingReturns>(RowOf(view, Trust).Returns);
        var trustQ2 = Assert.Single(trust.Periods);
        Assert.Equal((1, 0), (trust.Count, trust.Overdue));
        Assert.Equal((Latest, ReturnState.Submitted, false), (trustQ2.Period, trustQ2.State, trustQ2.IsOverdue));

        // Every other return is accepted, including Tidewell's with a restatement awaiting a decision.
        Assert.All(new[] { Tidewell, ShortBreaks, Advocacy }, r => Assert.Equal(0, RowOf(view, r).Returns!.Count));
        Assert.Equal((3, 2), (view.Summary.OutstandingReturns, view.Summary.OverdueReturns));
    }

    [Fact]
    public async Task GetPortfolio_YearToDateMoney_IsTheSumOfTheYearsStoredEvaluations()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);
        var stored = await app.Db(db => db.PeriodEvaluations.AsNoTracking()
            .Select(e => new { e.ContractId, e.Period, e.NetPayment, e.OutcomePayments, e.Withheld, e.ServiceCredits }).ToListAsync());
        var references = await app.Db(db => db.Contracts.AsNoTracking().ToDictionaryAsync(c => c.Id.Value, c => c.Reference));

        foreach (var row in view.Contracts.Where(r => !r.IsDraft))
        {
            var period = ReportingPeriod.Parse(row.Period!);
            var year = stored.Where(e => references[e.ContractId.Value] == row.Reference
                && e.Period.FinancialYearStart == period.FinancialYearStart && e.Period.CompareTo(period) <= 0).ToList();
            var money = Assert.IsType<YearToDate>(row.YearToDate);
            Assert.NotEmpty(year);
            Assert.Equal(year.Sum(e => e.NetPayment.Amount), money.NetPayment.Amount);
            Assert.Equal(year.Sum(e => e.OutcomePayments.Amount), money.OutcomePayments.Amount);
            Assert.Equal(year.Sum(e => e.Withheld.Amount), money.Withheld.Amount);
            Assert.Equal(year.Sum(e => e.ServiceCredits.Amount), money.ServiceCredits.Amount);
            Assert.Equal(year.Count, money.Periods.Count);
            Assert.Equal(period.FinancialYearLabel, money.FinancialYear);
        }

        var rows = view.Contracts.Where(r => !r.IsDraft).ToList();
        Assert.Equal(rows.Sum(r => r.YearToDate!.NetPayment.Amount), view.Summary.NetPayment.Amount);
        Assert.Equal(rows.Sum(r => r.YearToDate!.OutcomePayments.Amount), view.Summary.OutcomePayments.Amount);
        Assert.Equal(view.Summary.NetPayment.Amount, view.Summary.ByOrganisationType.Sum(g => g.NetPayment.Amount));
        Assert.Equal(view.Summary.NetPayment.Amount, view.Summary.ByProfitStatus.Sum(g => g.NetPayment.Amount));
        Assert.Equal(["2026-27"], view.Summary.FinancialYears);
    }

    [Fact]
    public async Task GetPortfolio_HaldenYearToDate_IncludesTheServiceCreditsOf2026To27Q2()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);

        var money = Assert.IsType<YearToDate>(RowOf(view, Halden).YearToDate);
        Assert.Equal(["2026-27 Q1", Latest], money.Periods.Select(p => p.Period));
        Assert.True(money.ServiceCredits >= Money.FromPounds(25_000m));
    }

    [Fact]
    public async Task GetPortfolio_RatingCounts_MatchTheStoredIndicatorRatings()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner);
        var lines = await app.Db(db => db.PeriodEvaluations.AsNoTracking()
            .Select(e => new { e.ContractId, e.Period, Ratings = e.Indicators.Select(i => i.Rating).ToList() }).ToListAsync());

        foreach (var row in view.Contracts.Where(r => !r.IsDraft))
        {
            var ratings = Assert.Single(lines, l => l.ContractId.Value == row.ContractId && l.Period.Label == row.Period).Ratings;
            var counts = Assert.IsType<RatingCounts>(row.Ratings);
            Assert.Equal(ratings.Count(r => r == PerformanceRating.Good), counts.Good);
            Assert.Equal(ratings.Count(r => r == PerformanceRating.ApproachingTarget), counts.ApproachingTarget);
            Assert.Equal(ratings.Count(r => r == PerformanceRating.RequiresImprovement), counts.RequiresImprovement);
            Assert.Equal(ratings.Count(r => r == PerformanceRating.Inadequate), counts.Inadequate);
            Assert.Equal(ratings.Count(r => r == PerformanceRating.NotReported), counts.NotReported);
            Assert.Equal(ratings.Count(r => r == PerformanceRating.Other), counts.Other);
        }
    }

    [Fact]
    public async Task GetPortfolio_ChosenPeriod_ShowsThatPeriodAndItsYearToDate()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(Period: "2025-26-Q4"));

        Assert.Equal("2025-26 Q4", view.ChosenPeriod);
        var trust = RowOf(view, Trust);
        Assert.Equal("2025-26 Q4", trust.Period);
        Assert.True(trust.Ratings!.Inadequate > 0);
        Assert.Equal(["2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"], trust.YearToDate!.Periods.Select(p => p.Period));
        Assert.Equal(["2025-26"], view.Summary.FinancialYears);
    }

    [Fact]
    public async Task GetPortfolio_ChosenPeriodBeforeAContractStarted_ShowsItNotEvaluated()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(Period: "2024-25 Q1"));

        var advocacy = RowOf(view, Advocacy);
        Assert.False(advocacy.IsEvaluated);
        Assert.Null(advocacy.Ratings);
        Assert.Null(advocacy.OverallScore);
        Assert.Empty(advocacy.YearToDate!.Periods);
        Assert.True(RowOf(view, Trust).IsEvaluated);
    }

    [Fact]
    public async Task GetPortfolio_FilterOptions_ComeFromTheVisibleContracts()
    {
        var view = await Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(Stage: EscalationStage.FormalPerformanceNotice));

        Assert.Equal(7, view.Options.Providers.Count);
        Assert.Equal(7, view.Options.ServiceAreas.Count);
        Assert.Contains(view.Options.OrganisationTypes, o => o.Value == nameof(OrganisationType.PrivateCompany) && o.Text == "Private company");
        Assert.Equal(
            [EscalationStage.RoutineMonitoring, EscalationStage.EnhancedMonitoring, EscalationStage.ImprovementPlan, EscalationStage.FormalPerformanceNotice],
            view.Options.Stages.Select(s => Enum.Parse<EscalationStage>(s.Value)));
        Assert.Equal(Latest, view.Options.Periods[0]);
    }

    [Theory]
    [InlineData(null, "not-a-period", "Period")]
    [InlineData("not-a-guid", null, "ProviderId")]
    public async Task GetPortfolio_InvalidFilter_IsRefusedWithAMessageForTheField(string? providerId, string? period, string field)
    {
        var e = await Assert.ThrowsAsync<InputValidationException>(() =>
            Portfolio(ApplicationFixture.Commissioner, new GetPortfolio(ProviderId: providerId, Period: period)));

        Assert.True(e.Errors.ContainsKey(field));
    }

    [Fact]
    public async Task GetPortfolio_Administrator_SeesEveryContract()
    {
        var view = await Portfolio(ApplicationFixture.Administrator);

        Assert.Equal(7, view.Contracts.Count);
    }
}
