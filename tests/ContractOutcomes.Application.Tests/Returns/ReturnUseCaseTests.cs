using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Contracts.ActivateContract;
using ContractOutcomes.Application.Contracts.GetContractHistory;
using ContractOutcomes.Application.Contracts.SetTargets;
using ContractOutcomes.Application.Contracts.SetTolerance;
using ContractOutcomes.Application.Returns.AcceptReturn;
using ContractOutcomes.Application.Returns.AddEvidence;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.DecideRestatement;
using ContractOutcomes.Application.Returns.GetEvidenceFile;
using ContractOutcomes.Application.Returns.GetReturn;
using ContractOutcomes.Application.Returns.GetReturnCalendar;
using ContractOutcomes.Application.Returns.GetReturnCsvTemplate;
using ContractOutcomes.Application.Returns.ProposeRestatement;
using ContractOutcomes.Application.Returns.QueryReturn;
using ContractOutcomes.Application.Returns.RemoveEvidence;
using ContractOutcomes.Application.Returns.SaveReturnDraft;
using ContractOutcomes.Application.Returns.SubmitReturn;
using ContractOutcomes.Application.Returns.UploadReturnCsv;
using ContractOutcomes.Application.Returns.WithdrawReturn;
using ContractOutcomes.Domain.Audit;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Application.Tests.Returns;

/// <summary>
/// The return use cases end to end through the real mediator into the demo database. Halden's 2026-27 Q2
/// return (not started in the demo) stays a draft here whatever order the tests run in; Fernleigh's
/// 2026-27 Q2 draft is taken through review, acceptance and restatement by one journey.
/// </summary>
[Collection(ApplicationTestGroup.Name)]
public sealed class ReturnUseCaseTests(ApplicationFixture app)
{
    [Fact]
    public async Task SaveReturnDraft_FirstSave_OpensTheReturnDueTwentyWorkingDaysAfterThePeriodEnds()
    {
        var opening = await DemoReturns.OpenHaldenAsync(app);

        Assert.Equal(ReturnState.NotStarted, opening.Before.State);
        Assert.Null(opening.Before.ReturnId);
        Assert.Equal(DemoReturns.DueOn, opening.Before.DueOn);
        Assert.Equal(DemoReturns.DaysLateToday(), opening.Before.DaysLate);
        Assert.True(opening.Before.Can.Edit);
        Assert.False(opening.Before.Can.Submit);
        Assert.Equal(ReturnState.Draft, opening.After.State);
        Assert.NotNull(opening.After.ReturnId);
        Assert.Equal(DemoReturns.DueOn, opening.After.DueOn);
        Assert.Equal(opening.Version, opening.After.Version);
        Assert.Equal(DemoReturns.DaysLateToday(), opening.After.DaysLate);
        Assert.Equal("Joanna Price", opening.After.LastChangedByName);
        Assert.Equal(652m, opening.After.Lines.Single(l => l.Name == DemoReturns.HaldenEpisodes).Value);
        Assert.Equal(6, opening.After.SubmissionProblems.Count);
        var stored = await app.Db(db => db.Returns.AsNoTracking().SingleAsync(r => r.Id == new ReturnId(opening.After.ReturnId!.Value)));
        Assert.Equal(new DateOnly(2026, 10, 28), stored.DueOn);
        Assert.Equal(ReportingPeriod.Parse("2026-27 Q2"), stored.Period);
        Assert.Equal(await app.OrganisationId("Halden Home Care Ltd"), stored.ProviderId.Value);
    }

    [Fact]
    public async Task GetReturnCalendar_Halden_ShowsEveryPeriodWithTheDemoHistory()
    {
        await DemoReturns.OpenHaldenAsync(app);
        var contractId = await app.ContractId(DemoReturns.Halden);

        var calendar = await app.SendAs(DemoReturns.Joanna, new GetReturnCalendar(contractId));

        Assert.Equal(20, calendar.Periods.Count);
        Assert.Equal(20, calendar.DueWorkingDays);
        Assert.Equal("Halden Home Care Ltd", calendar.ProviderName);
        var byPeriod = calendar.Periods.ToDictionary(p => p.Period);
        Assert.All(calendar.Periods.Take(13), p => Assert.Equal(ReturnState.Accepted, p.State));
        Assert.Equal(8, byPeriod["2025-26 Q3"].DaysLate);
        Assert.Equal(ReturnState.Draft, byPeriod["2026-27 Q2"].State);
        Assert.Equal(DemoReturns.DueOn, byPeriod["2026-27 Q2"].DueOn);
        Assert.Equal(DemoReturns.DaysLateToday(), byPeriod["2026-27 Q2"].DaysLate);
        Assert.Equal(ReturnState.NotYetOpen, byPeriod["2026-27 Q3"].State);
        Assert.Equal(0, byPeriod["2026-27 Q3"].DaysLate);
        Assert.Equal("2026-27-Q2", byPeriod["2026-27 Q2"].PeriodSlug);
    }

    [Fact]
    public async Task SaveReturnDraft_BadFigures_ReportsEachBesideItsFieldAndSavesNothing()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var before = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        FigureInput[] figures =
        [
            new(halden[DemoReturns.HaldenEpisodes], 652.5m, null, null, null),
            new(halden[DemoReturns.HaldenAtHome], null, null, 141, null),
            new(halden[DemoReturns.HaldenNoOngoingSupport], null, 96, 0, null),
            new(halden[DemoReturns.HaldenTurnover], null, 180, 172, null),
            new(halden[DemoReturns.HaldenCost], 2_488.505m, null, null, new string('x', ReturnFigure.CommentaryMaxLength + 1)),
            new(Guid.NewGuid(), 1m, null, null, null),
            new(halden[DemoReturns.HaldenDays], 1.4m, null, null, null),
            new(halden[DemoReturns.HaldenDays], 1.3m, null, null, null),
        ];

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(DemoReturns.Joanna, new SaveReturnDraft(halden.ContractId, DemoReturns.Period, null, figures)));

        Assert.Equal($"The value for {DemoReturns.HaldenEpisodes} must be a whole number", Assert.Single(error.Errors["Figures[0].Value"]));
        Assert.Equal($"Enter the numerator for {DemoReturns.HaldenAtHome}", Assert.Single(error.Errors["Figures[1].Numerator"]));
        Assert.Equal($"The denominator for {DemoReturns.HaldenNoOngoingSupport} must be a whole number, 1 or more", Assert.Single(error.Errors["Figures[2].Denominator"]));
        Assert.Equal($"The numerator for {DemoReturns.HaldenTurnover} cannot be more than the denominator", Assert.Single(error.Errors["Figures[3].Numerator"]));
        Assert.Equal($"The value for {DemoReturns.HaldenCost} must have no more than 2 decimal places", Assert.Single(error.Errors["Figures[4].Value"]));
        Assert.Equal($"The commentary on {DemoReturns.HaldenCost} must be 2000 characters or fewer", Assert.Single(error.Errors["Figures[4].Commentary"]));
        Assert.Equal("This is not an indicator of the contract", Assert.Single(error.Errors["Figures[5].IndicatorId"]));
        Assert.Equal($"{DemoReturns.HaldenDays} is given more than once", Assert.Single(error.Errors["Figures[7].IndicatorId"]));
        Assert.False(error.Errors.ContainsKey("Figures[6].Value"));
        var after = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(DemoReturns.Figures(before), DemoReturns.Figures(after));
    }

    [Fact]
    public async Task SaveReturnDraft_NoFigures_AsksForAFigure()
    {
        var halden = await DemoReturns.HaldenAsync(app);

        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(DemoReturns.Joanna, new SaveReturnDraft(halden.ContractId, DemoReturns.Period, null, null)));

        Assert.Equal("Enter at least one figure", Assert.Single(error.Errors["Figures"]));
    }

    [Fact]
    public async Task SaveReturnDraft_StaleExpectedVersion_IsAConcurrencyConflictAndKeepsTheFirstSave()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var seen = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        const decimal leesValue = 661m;
        var newVersion = await app.SendAs(
            "lee.carter@example.com",
            new SaveReturnDraft(halden.ContractId, DemoReturns.Period, seen.Version, [new(halden[DemoReturns.HaldenEpisodes], leesValue, null, null, null)]));
        Assert.True(newVersion > seen.Version);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => app.SendAs(
            DemoReturns.Joanna,
            new SaveReturnDraft(halden.ContractId, DemoReturns.Period, seen.Version, [new(halden[DemoReturns.HaldenEpisodes], 600m, null, null, "Joanna's figure")])));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            app.SendAs(DemoReturns.Joanna, new SubmitReturn(halden.ContractId, DemoReturns.Period, seen.Version)));

        Assert.Contains("Lee Carter", conflict.Message, StringComparison.Ordinal);
        var after = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        Assert.Equal(newVersion, after.Version);
        Assert.Equal(ReturnState.Draft, after.State);
        Assert.Equal(leesValue, after.Lines.Single(l => l.Name == DemoReturns.HaldenEpisodes).Value);
    }

    [Fact]
    public async Task UploadReturnCsv_OneBadRow_SavesNothingAndNamesTheLineAndColumn()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var before = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        var file = DemoReturns.HaldenCsv(atHomeNumerator: "1l8");

        var error = await Assert.ThrowsAsync<CsvProblemsException>(() =>
            app.SendAs(DemoReturns.Joanna, new UploadReturnCsv(halden.ContractId, DemoReturns.Period, before.Version, "q2-return.csv", file)));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(4, problem.Line);
        Assert.Equal("Numerator", problem.Column);
        var after = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(DemoReturns.Figures(before), DemoReturns.Figures(after));
        Assert.Equal(before.History.Count, after.History.Count);
    }

    [Fact]
    public async Task UploadReturnCsv_GoodFileTwice_SavesEveryFigureOnceAndRecordsBothUploads()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var before = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        var file = DemoReturns.HaldenCsv();
        var sha = Convert.ToHexStringLower(SHA256.HashData(file));

        var first = await app.SendAs(DemoReturns.Joanna, new UploadReturnCsv(halden.ContractId, DemoReturns.Period, before.Version, "q2-return.csv", file));
        var afterFirst = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        var second = await app.SendAs("lee.carter@example.com", new UploadReturnCsv(halden.ContractId, DemoReturns.Period, afterFirst.Version, "q2-return.csv", file));

        Assert.Equal(new CsvUploadResult(7, true, afterFirst.Version), first);
        Assert.Equal(7, second.Rows);
        Assert.False(second.ChangedFigures);
        var after = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        Assert.Equal(second.Version, after.Version);
        Assert.Equal(DemoReturns.Figures(afterFirst), DemoReturns.Figures(after));
        var line = after.Lines.Single(l => l.Name == DemoReturns.HaldenAtHome);
        Assert.Equal((118m, 141m, 83.6879m), (line.Numerator!.Value, line.Denominator!.Value, line.Value!.Value));
        Assert.Equal(2_488.50m, after.Lines.Single(l => l.Name == DemoReturns.HaldenCost).Value);
        Assert.Equal("Two new reablement workers started in August", after.Lines.Single(l => l.Name == DemoReturns.HaldenEpisodes).Commentary);
        Assert.Empty(after.SubmissionProblems);
        Assert.True(after.Can.Submit);
        var uploads = after.History.Where(h => h.Kind == ReturnEventKind.FileUploaded).Take(2).ToArray();
        Assert.Equal(2, uploads.Length);
        Assert.Equal($"CSV file q2-return.csv uploaded (SHA-256 {sha}): 7 rows, no figures changed", uploads[0].Description);
        Assert.Equal("Lee Carter", uploads[0].ActorName);
        Assert.Equal($"CSV file q2-return.csv uploaded (SHA-256 {sha}): 7 rows, figures saved", uploads[1].Description);
        Assert.Equal("Joanna Price", uploads[1].ActorName);
        Assert.Equal(ReturnState.Draft, after.State);
    }

    [Fact]
    public async Task GetReturnCsvTemplate_Halden_HasARowPerIndicatorWithTargetsAndSavedFigures()
    {
        var halden = await DemoReturns.HaldenAsync(app);

        var template = await app.SendAs(DemoReturns.Joanna, new GetReturnCsvTemplate(halden.ContractId, DemoReturns.Period));

        Assert.Equal("WCC-ASC-2023-004-2026-27-Q2-return.csv", template.FileName);
        Assert.StartsWith("text/csv", template.ContentType, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(template.Content);
        Assert.Contains("Contract reference,Period,Indicator,Unit,Target,Value,Numerator,Denominator,Commentary", text, StringComparison.Ordinal);
        Assert.Equal(8, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"WCC-ASC-2023-004,2026-27 Q2,{DemoReturns.HaldenEpisodes},Count,640,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEvidence_SmallPdf_IsDownloadedByteForByteWithItsSha256()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var pdf = DemoReturns.Pdf("Reablement audit, September 2026");
        var before = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));

        var evidenceId = await app.SendAs(DemoReturns.Joanna, new AddEvidence(halden.ContractId, DemoReturns.Period, before.Version, "Reablement audit.pdf", pdf));

        var view = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        var listed = Assert.Single(view.Evidence, e => e.Id == evidenceId);
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal(sha, listed.Sha256);
        Assert.Equal("application/pdf", listed.ContentType);
        Assert.Equal(pdf.Length, listed.SizeBytes);
        Assert.Equal("Reablement audit.pdf", listed.FileName);
        Assert.Equal("Joanna Price", listed.UploadedByName);
        Assert.Contains(view.History, h => h.Kind == ReturnEventKind.EvidenceAdded && h.Description.Contains(sha, StringComparison.Ordinal));
        foreach (var reader in new[] { DemoReturns.Joanna, "lee.carter@example.com", ApplicationFixture.Commissioner, ApplicationFixture.Administrator })
        {
            var download = await app.SendAs(reader, new GetEvidenceFile(halden.ContractId, DemoReturns.Period, evidenceId));
            Assert.Equal(pdf, download.Content);
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(download.Content)));
            Assert.Equal("application/pdf", download.ContentType);
            Assert.Equal("Reablement audit.pdf", download.FileName);
        }
    }

    [Fact]
    public async Task RemoveEvidence_Draft_RemovesItFromTheReturnAndItsDownload()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var evidenceId = await app.SendAs(DemoReturns.Joanna, new AddEvidence(halden.ContractId, DemoReturns.Period, null, "wrong file.pdf", DemoReturns.Pdf("Wrong file")));

        await app.SendAs(DemoReturns.Joanna, new RemoveEvidence(halden.ContractId, DemoReturns.Period, null, evidenceId));

        var view = await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, DemoReturns.Period));
        Assert.DoesNotContain(view.Evidence, e => e.Id == evidenceId);
        Assert.Equal("Evidence removed: wrong file.pdf", view.History[0].Description);
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(DemoReturns.Joanna, new GetEvidenceFile(halden.ContractId, DemoReturns.Period, evidenceId)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(DemoReturns.Joanna, new RemoveEvidence(halden.ContractId, DemoReturns.Period, null, evidenceId)));
    }

    [Fact]
    public async Task AddEvidence_WebPageNamedPdf_IsRefusedOnTheFileAndNotStored()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var before = await app.Db(db => db.EvidenceContents.CountAsync());

        var error = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(
            DemoReturns.Joanna,
            new AddEvidence(halden.ContractId, DemoReturns.Period, null, "evidence.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"))));

        Assert.True(error.Errors.ContainsKey("File"));
        Assert.Equal(before, await app.Db(db => db.EvidenceContents.CountAsync()));
    }

    [Fact]
    public async Task QueryReturn_BadQuestions_ReportsEachBesideItsFieldAndChangesNothing()
    {
        var trust = await app.ContractId(DemoReturns.Trust);
        var view = await app.SendAs(ApplicationFixture.Commissioner, new GetReturn(trust, DemoReturns.Period));
        Assert.Equal(ReturnState.Submitted, view.State);

        var none = await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new QueryReturn(trust, DemoReturns.Period, view.Version, [])));
        var bad = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(
            ApplicationFixture.Commissioner,
            new QueryReturn(trust, DemoReturns.Period, view.Version, [new(view.Lines[0].IndicatorId, " "), new(Guid.NewGuid(), "Which indicator is this?")])));

        Assert.Equal("Select at least one indicator to query", Assert.Single(none.Errors["Questions"]));
        Assert.Equal($"Enter your question about {view.Lines[0].Name}", Assert.Single(bad.Errors["Questions[0].Comment"]));
        Assert.Equal("This is not an indicator of the contract", Assert.Single(bad.Errors["Questions[1].IndicatorId"]));
        var after = await app.SendAs(ApplicationFixture.Commissioner, new GetReturn(trust, DemoReturns.Period));
        Assert.Equal(view.Version, after.Version);
        Assert.Equal(ReturnState.Submitted, after.State);
    }

    [Fact]
    public async Task ReturnJourney_SubmitQueryReviseAcceptRestate_EveryStepShowsInTheReturnAndTheAuditTrail()
    {
        var fernleigh = await app.ContractId(DemoReturns.Fernleigh);
        var period = DemoReturns.Period;
        Task<ReturnView> Read(string email) => app.SendAs(email, new GetReturn(fernleigh, period));
        Guid Id(ReturnView v, string name) => v.Lines.Single(l => l.Name == name).IndicatorId;

        // The demo draft: four of six figures entered.
        var draft = await Read(DemoReturns.Marcus);
        Assert.Equal(ReturnState.Draft, draft.State);
        Assert.Equal(
            ["Enter a figure for Step-up to children's social care within 12 months of closure", "Enter a figure for Improved school attendance after family help"],
            draft.SubmissionProblems.Select(p => p.Message));
        Assert.Equal(
            [Id(draft, "Step-up to children's social care within 12 months of closure"), Id(draft, "Improved school attendance after family help")],
            draft.SubmissionProblems.Select(p => p.IndicatorId!.Value));
        Assert.Equal(new ReturnPermissions(Edit: true, Submit: false, Withdraw: false, Review: false, ProposeRestatement: false, DecideRestatement: false), draft.Can);
        Assert.Equal(new ReturnPermissions(false, false, false, false, false, false), (await Read(ApplicationFixture.Commissioner)).Can);
        Assert.Equal(new ReturnPermissions(false, false, false, false, false, false), (await Read(ApplicationFixture.Administrator)).Can);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(DemoReturns.Marcus, new SubmitReturn(fernleigh, period, draft.Version)));

        // The provider completes and submits it.
        var saved = await app.SendAs(DemoReturns.Marcus, new SaveReturnDraft(fernleigh, period, draft.Version,
        [
            new(Id(draft, "Step-up to children's social care within 12 months of closure"), null, 52, 400, null),
            new(Id(draft, "Improved school attendance after family help"), null, 231, 400, null),
        ]));
        var complete = await Read(DemoReturns.Marcus);
        Assert.Equal(saved, complete.Version);
        Assert.Empty(complete.SubmissionProblems);
        Assert.True(complete.Can.Submit);
        await app.SendAs(DemoReturns.Marcus, new SubmitReturn(fernleigh, period, complete.Version));

        var submitted = await Read(DemoReturns.Marcus);
        Assert.Equal(ReturnState.Submitted, submitted.State);
        Assert.Equal("Marcus Bell", submitted.SubmittedByName);
        Assert.Equal(DemoReturns.DaysLateToday(), submitted.DaysLate);
        Assert.Equal(new ReturnPermissions(false, false, Withdraw: true, false, false, false), submitted.Can);
        Assert.Equal(new ReturnPermissions(false, false, false, Review: true, false, false), (await Read(ApplicationFixture.Commissioner)).Can);
        Assert.Equal(new ReturnPermissions(false, false, false, false, false, false), (await Read(ApplicationFixture.Administrator)).Can);
        Assert.All(submitted.Lines, l => Assert.Null(l.Rating));

        // The commissioner queries the number of families.
        var families = Id(submitted, "Families starting family help");
        await app.SendAs(ApplicationFixture.Commissioner, new QueryReturn(fernleigh, period, submitted.Version,
            [new(families, "438 is well below the 450 target: were September's referrals counted?")]));
        var queried = await Read(DemoReturns.Marcus);
        Assert.Equal(ReturnState.Queried, queried.State);
        var query = Assert.Single(queried.Lines.Single(l => l.IndicatorId == families).Queries);
        Assert.True(query.IsOpen);
        Assert.Equal("Priya Shah", query.RaisedByName);
        Assert.Equal(new ReturnPermissions(Edit: true, Submit: true, false, false, false, false), queried.Can);
        Assert.Equal(new ReturnPermissions(false, false, false, false, false, false), (await Read(ApplicationFixture.Commissioner)).Can);

        // The provider revises the figure and resubmits.
        var revised = await app.SendAs(DemoReturns.Marcus, new SaveReturnDraft(fernleigh, period, queried.Version,
            [new(families, 441m, null, null, "Three September referrals were recorded late; still below target after the summer dip.")]));
        await app.SendAs(DemoReturns.Marcus, new SubmitReturn(fernleigh, period, revised));
        var resubmitted = await Read(ApplicationFixture.Commissioner);
        Assert.Equal(ReturnState.Submitted, resubmitted.State);
        Assert.False(resubmitted.Lines.Single(l => l.IndicatorId == families).Queries[0].IsOpen);
        Assert.Equal(ReturnEventKind.Resubmitted, resubmitted.History[0].Kind);

        // The commissioner accepts: figures are rated and locked.
        await app.SendAs(ApplicationFixture.Commissioner, new AcceptReturn(fernleigh, period, resubmitted.Version));
        var accepted = await Read(DemoReturns.Marcus);
        Assert.Equal(ReturnState.Accepted, accepted.State);
        Assert.Equal("Priya Shah", accepted.AcceptedByName);
        Assert.All(accepted.Lines, l => Assert.NotNull(l.Rating));
        Assert.Equal(
            [
                PerformanceRating.ApproachingTarget, // 441 against 450: 2% short
                PerformanceRating.Good,              // 11.9 days against 12
                PerformanceRating.Good,              // 273 of 386 (70.7%) against 70%
                PerformanceRating.Good,              // 52 of 400 (13%) against 13.5%
                PerformanceRating.Good,              // 231 of 400 (57.75%) against 55%
                PerformanceRating.Good,              // 162 of 178 (91%) against 90%
            ],
            accepted.Lines.Select(l => l.Rating!.Value).ToArray());
        Assert.Equal(new ReturnPermissions(false, false, false, false, ProposeRestatement: true, false), accepted.Can);
        Assert.Equal(new ReturnPermissions(false, false, false, false, false, false), (await Read(ApplicationFixture.Commissioner)).Can);
        await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.SendAs(DemoReturns.Marcus, new SaveReturnDraft(fernleigh, period, null, [new(families, 450m, null, null, null)])));

        Assert.Equal(new ReturnPermissions(false, false, false, false, false, false), (await Read(ApplicationFixture.Administrator)).Can);

        // A correction after acceptance takes effect only when the commissioner approves it.
        var days = Id(accepted, "Average days from referral to first support");
        var badProposal = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(DemoReturns.Marcus,
            new ProposeRestatement(fernleigh, period, accepted.Version, days, 12.455m, null, null, null, " ")));
        Assert.Equal("The value for Average days from referral to first support must have no more than 2 decimal places", Assert.Single(badProposal.Errors["Value"]));
        Assert.Equal("Enter the reason for the restatement", Assert.Single(badProposal.Errors["Reason"]));
        var restatementId = await app.SendAs(DemoReturns.Marcus, new ProposeRestatement(
            fernleigh, period, accepted.Version, days, 12.4m, null, null,
            "Two families' first visits were rescheduled after the data was extracted.", "The case system counted rescheduled visits from the new date"));
        var proposed = await Read(ApplicationFixture.Commissioner);
        Assert.Equal(11.9m, proposed.Lines.Single(l => l.IndicatorId == days).Value);
        Assert.Equal(new ReturnPermissions(false, false, false, false, ProposeRestatement: true, false), (await Read(DemoReturns.Marcus)).Can);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(DemoReturns.Marcus, new ProposeRestatement(
            fernleigh, period, null, days, 12.6m, null, null, "Another correction", "A second correction while the first is pending")));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new DecideRestatement(fernleigh, period, null, Guid.NewGuid(), true, null)));
        Assert.True(proposed.Can.DecideRestatement);
        Assert.Equal(RestatementStatus.Proposed, Assert.Single(proposed.Restatements).Status);
        await Assert.ThrowsAsync<InputValidationException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new DecideRestatement(fernleigh, period, proposed.Version, restatementId, false, " ")));

        await app.SendAs(ApplicationFixture.Commissioner, new DecideRestatement(fernleigh, period, proposed.Version, restatementId, true, null));

        var restated = await Read(DemoReturns.Marcus);
        var line = restated.Lines.Single(l => l.IndicatorId == days);
        Assert.True(line.IsRestated);
        Assert.Equal(12.4m, line.Value);
        Assert.Equal(PerformanceRating.ApproachingTarget, line.Rating);
        var restatement = Assert.Single(restated.Restatements);
        Assert.Equal(RestatementStatus.Approved, restatement.Status);
        Assert.Equal(11.9m, restatement.PreviousValue);
        Assert.Equal(12.4m, restatement.ProposedValue);
        Assert.Equal("The case system counted rescheduled visits from the new date", restatement.Reason);
        Assert.Equal("Priya Shah", restatement.DecidedByName);
        Assert.Equal(ReturnEventKind.RestatementApproved, restated.History[0].Kind);
        Assert.False((await Read(ApplicationFixture.Commissioner)).Can.DecideRestatement);
        await Assert.ThrowsAsync<BusinessRuleException>(() =>
            app.SendAs(ApplicationFixture.Commissioner, new DecideRestatement(fernleigh, period, null, restatementId, false, "Changed my mind")));
        Assert.True((await app.SendAs(DemoReturns.Marcus, new GetReturnCalendar(fernleigh))).Periods.Single(p => p.Period == "2026-27 Q2").IsRestated);

        // The audit trail holds every step, with the revised figure's value before and after.
        var audit = await app.SendAs(ApplicationFixture.Commissioner, new GetContractHistory(fernleigh, 1000));
        var actions = audit.Select(a => a.Action).ToHashSet();
        Assert.Superset(new HashSet<string> { "SaveReturnDraft", "SubmitReturn", "QueryReturn", "AcceptReturn", "ProposeRestatement", "DecideRestatement" }, actions);
        var revision = Assert.Single(audit, a =>
            a.Action == "SaveReturnDraft" && a.EntityType == nameof(ReturnFigure) && a.Change == AuditChangeKind.Modified && a.UserName == "Marcus Bell"
            && a.Before!.Contains("438", StringComparison.Ordinal));
        Assert.Contains("441", revision.After!, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.Action == "AcceptReturn" && a.EntityType == nameof(QuarterlyReturn) && a.UserName == "Priya Shah"
            && a.Before!.Contains("Submitted", StringComparison.Ordinal) && a.After!.Contains("Accepted", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "DecideRestatement" && a.EntityType == nameof(ReturnFigure)
            && a.Before!.Contains("11.9", StringComparison.Ordinal) && a.After!.Contains("12.4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithdrawReturn_AwaitingReview_GoesBackToDraftForChanges()
    {
        // A new contract keeps this apart from every demo return; it ends as a draft, out of the review queue.
        var (contractId, indicatorId) = await DemoReturns.NewHaldenContractAsync(app);
        var period = "2026-27-Q1";
        var version = await app.SendAs(DemoReturns.Joanna, new SaveReturnDraft(contractId, period, null, [new(indicatorId, null, 80, 100, null)]));
        await app.SendAs(DemoReturns.Joanna, new SubmitReturn(contractId, period, version));

        await app.SendAs("lee.carter@example.com", new WithdrawReturn(contractId, period, null));

        var view = await app.SendAs(DemoReturns.Joanna, new GetReturn(contractId, period));
        Assert.Equal(ReturnState.Draft, view.State);
        Assert.Null(view.SubmittedAt);
        Assert.Null(view.FirstSubmittedAt);
        Assert.Equal(ReturnEventKind.Withdrawn, view.History[0].Kind);
        Assert.Equal("Lee Carter", view.History[0].ActorName);
        Assert.True(view.Can.Edit);
        await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(ApplicationFixture.Commissioner, new AcceptReturn(contractId, period, null)));
    }

    [Fact]
    public async Task SaveReturnDraft_PeriodNotYetEnded_IsRefusedAndOpensNothing()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var count = await app.Db(db => db.Returns.CountAsync());

        var error = await Assert.ThrowsAsync<BusinessRuleException>(() => app.SendAs(DemoReturns.Joanna,
            new SaveReturnDraft(halden.ContractId, "2026-27-Q3", null, [new(halden[DemoReturns.HaldenEpisodes], 600m, null, null, null)])));

        Assert.Equal("The return for 2026-27 Q3 opens when the period ends on 31 December 2026", error.Message);
        Assert.Equal(count, await app.Db(db => db.Returns.CountAsync()));
        Assert.Equal(ReturnState.NotYetOpen, (await app.SendAs(DemoReturns.Joanna, new GetReturn(halden.ContractId, "2026-27 Q3"))).State);
    }
}

/// <summary>The demo returns these tests use, and the steps more than one test needs.</summary>
internal static class DemoReturns
{
    public const string Halden = "WCC-ASC-2023-004";
    public const string Fernleigh = "WCC-FHS-2025-003";
    public const string Trust = "WCC-CSC-2024-001";
    public const string Period = "2026-27-Q2";
    public const string Joanna = "joanna.price@example.com";
    public const string Marcus = "marcus.bell@example.com";

    public const string HaldenEpisodes = "Reablement episodes started";
    public const string HaldenDays = "Average days from discharge referral to start of reablement";
    public const string HaldenAtHome = "Older people at home 91 days after discharge into reablement";
    public const string HaldenNoOngoingSupport = "No ongoing long-term support after reablement";
    public const string HaldenHours = "Planned reablement hours delivered";
    public const string HaldenCost = "Average cost per completed reablement episode";
    public const string HaldenTurnover = "Care worker turnover";

    /// <summary>20 working days after 30 September 2026.</summary>
    public static readonly DateOnly DueOn = new(2026, 10, 28);

    private static readonly ConditionalWeakTable<ApplicationFixture, Task<Opening>> Openings = [];
    private static readonly ConditionalWeakTable<ApplicationFixture, Task<Guid>> HaldenEvidence = [];

    public static int DaysLateToday()
    {
        var today = UkTime.DateOf(DateTimeOffset.UtcNow);
        return today > DueOn ? today.DayNumber - DueOn.DayNumber : 0;
    }

    public static Task<Guid> ContractId(this ApplicationFixture app, string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    /// <summary>Halden's contract and indicator ids, its 2026-27 Q2 return opened.</summary>
    public static async Task<HaldenContract> HaldenAsync(ApplicationFixture app) => (await OpenHaldenAsync(app)).Contract;

    /// <summary>
    /// Opens Halden's 2026-27 Q2 return with its first save, once per database, whichever test comes first,
    /// keeping what the return looked like before and after so the test about opening can check both.
    /// </summary>
    public static Task<Opening> OpenHaldenAsync(ApplicationFixture app)
    {
        lock (Openings)
        {
            return Openings.GetValue(app, a => OpenAsync(a));
        }
    }

    /// <summary>An evidence file Joanna added to Halden's 2026-27 Q2 return, once per database.</summary>
    public static Task<Guid> HaldenEvidenceAsync(ApplicationFixture app)
    {
        lock (HaldenEvidence)
        {
            return HaldenEvidence.GetValue(app, async a =>
            {
                var halden = await HaldenAsync(a);
                return await a.SendAs(Joanna, new AddEvidence(halden.ContractId, Period, null, "Halden staffing report.pdf", Pdf("Halden staffing report")));
            });
        }
    }

    /// <summary>A new active contract with Halden and one percentage indicator, for journeys that must not touch demo returns.</summary>
    public static async Task<(Guid ContractId, Guid IndicatorId)> NewHaldenContractAsync(ApplicationFixture app)
    {
        var provider = await app.OrganisationId("Halden Home Care Ltd");
        var contractId = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Draft(provider, ContractRequests.NewReference()));
        var indicatorId = await app.SendAs(ApplicationFixture.Commissioner, ContractRequests.Indicator(contractId, "Families whose needs were met"));
        await app.SendAs(ApplicationFixture.Commissioner, new SetTargets(contractId, indicatorId, null, 75m, null));
        await app.SendAs(ApplicationFixture.Commissioner, new SetTolerance(contractId, indicatorId, null, ToleranceMode.Absolute, 0m, 3m, 8m));
        await app.SendAs(ApplicationFixture.Commissioner, new ActivateContract(contractId, null, false));
        return (contractId, indicatorId);
    }

    /// <summary>Each line's figures, to compare a return before and after a refused change.</summary>
    public static string Figures(ReturnView view) =>
        string.Join("|", view.Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.IndicatorId}:{l.Value}:{l.Numerator}:{l.Denominator}:{l.Commentary}")));

    /// <summary>A complete Halden return as a spreadsheet would save it; one cell can be spoiled.</summary>
    public static byte[] HaldenCsv(string atHomeNumerator = "118")
    {
        var text = $"""
            Contract reference,Period,Indicator,Unit,Target,Value,Numerator,Denominator,Commentary
            {Halden},2026-27 Q2,{HaldenEpisodes},Count,640,655,,,Two new reablement workers started in August
            {Halden},2026-27 Q2,{HaldenDays},Days,1.5,1.4,,,
            {Halden},2026-27 Q2,{HaldenAtHome},Percentage,83,,{atHomeNumerator},141,
            {Halden},2026-27 Q2,{HaldenNoOngoingSupport},Percentage,79,,96,121,
            {Halden},2026-27 Q2,{HaldenHours},Percentage,97,,9712,10000,
            {Halden},2026-27 Q2,{HaldenCost},Pounds (£),2520,"2,488.50",,,
            {Halden},2026-27 Q2,{HaldenTurnover},Percentage,25,,41,172,"Turnover keeps falling, as it has since the pay rise in April"

            """;
        return Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
    }

    /// <summary>A small but complete PDF: one page, with a cross-reference table whose offsets are right.</summary>
    public static byte[] Pdf(string title)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {31 + title.Length} >>\nstream\nBT /F1 18 Tf 72 770 Td ({title}) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static async Task<Opening> OpenAsync(ApplicationFixture app)
    {
        var contractId = await app.ContractId(Halden);
        var before = await app.SendAs(Joanna, new GetReturn(contractId, Period));
        var ids = before.Lines.ToDictionary(l => l.Name, l => l.IndicatorId, StringComparer.Ordinal);
        var version = await app.SendAs(Joanna, new SaveReturnDraft(contractId, Period, before.Version, [new(ids[HaldenEpisodes], 652m, null, null, null)]));
        var after = await app.SendAs(Joanna, new GetReturn(contractId, Period));
        return new Opening(new HaldenContract(contractId, ids), before, version, after);
    }

    public sealed record HaldenContract(Guid ContractId, IReadOnlyDictionary<string, Guid> Indicators)
    {
        public Guid this[string name] => Indicators[name];
    }

    public sealed record Opening(HaldenContract Contract, ReturnView Before, int Version, ReturnView After);
}
