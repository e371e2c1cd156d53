using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Returns.AcceptReturn;
using ContractOutcomes.Application.Returns.AddEvidence;
using ContractOutcomes.Application.Returns.Common;
using ContractOutcomes.Application.Returns.DecideRestatement;
using ContractOutcomes.Application.Returns.GetEvidenceFile;
using ContractOutcomes.Application.Returns.GetProviderHome;
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
using ContractOutcomes.Domain.Returns;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Application.Tests.Returns;

/// <summary>
/// Who may read and change which returns, tried with every return request. A provider asking about
/// another provider's contract, return or evidence file is told it does not exist, and nothing changes;
/// a request for the wrong role is forbidden whatever it names.
/// </summary>
[Collection(ApplicationTestGroup.Name)]
public sealed class ReturnAccessTests(ApplicationFixture app)
{
    private const string Grace = ApplicationFixture.TrustProvider;
    private const string AcceptedPeriod = "2026-27-Q1";

    public static TheoryData<string> ProviderRequests => new()
    {
        "GetReturn", "GetReturnCalendar", "GetReturnCsvTemplate", "GetEvidenceFile",
        "SaveReturnDraft", "SubmitReturn", "WithdrawReturn", "UploadReturnCsv", "AddEvidence", "RemoveEvidence", "ProposeRestatement",
    };

    public static TheoryData<string> ProviderCommands => new()
    {
        "SaveReturnDraft", "SubmitReturn", "WithdrawReturn", "UploadReturnCsv", "AddEvidence", "RemoveEvidence", "ProposeRestatement",
    };

    public static TheoryData<string> CommissionerCommands => new() { "QueryReturn", "AcceptReturn", "DecideRestatement" };

    public static TheoryData<string> Reads => new() { "GetReturn", "GetReturnCalendar", "GetReturnCsvTemplate", "GetEvidenceFile" };

    [Theory]
    [MemberData(nameof(ProviderRequests))]
    public async Task TrustProvider_HaldensContractReturnAndEvidence_IsNotFoundAndChangesNothing(string request)
    {
        var target = await HaldenTargetAsync();
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Send(Grace, request, target));

        Assert.Equal(before, await FingerprintAsync());
        Assert.Contains(
            (await app.SendAs(DemoReturns.Joanna, new GetReturn(target.ContractId, DemoReturns.Period))).Evidence,
            e => e.Id == target.EvidenceId);
    }

    [Theory]
    [MemberData(nameof(ProviderRequests))]
    public async Task HaldenProvider_TrustsContractAndReturn_IsNotFoundAndChangesNothing(string request)
    {
        // The trust's 2026-27 Q2 return is awaiting review, so a withdrawal by the wrong provider would bite.
        var trust = await app.ContractId(DemoReturns.Trust);
        var view = await app.SendAs(Grace, new GetReturn(trust, DemoReturns.Period));
        Assert.Equal(ReturnState.Submitted, view.State);
        var target = new Target(trust, view.Lines[0].IndicatorId, Guid.NewGuid(), view.Lines[1].IndicatorId);
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => Send(DemoReturns.Joanna, request, target));

        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(ReturnState.Submitted, (await app.SendAs(Grace, new GetReturn(trust, DemoReturns.Period))).State);
    }

    [Fact]
    public async Task TrustProvider_HaldensEvidenceIdThroughItsOwnContract_IsNotFoundAndChangesNothing()
    {
        var halden = await HaldenTargetAsync();
        var trust = await app.ContractId(DemoReturns.Trust);
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Grace, new GetEvidenceFile(trust, DemoReturns.Period, halden.EvidenceId)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Grace, new RemoveEvidence(trust, DemoReturns.Period, null, halden.EvidenceId)));

        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task TrustProvider_HaldensEvidenceWithTheRightPeriodAndId_IsNotFound()
    {
        var halden = await HaldenTargetAsync();
        var download = await app.SendAs(DemoReturns.Joanna, new GetEvidenceFile(halden.ContractId, DemoReturns.Period, halden.EvidenceId));
        Assert.NotEmpty(download.Content);

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Grace, new GetEvidenceFile(halden.ContractId, DemoReturns.Period, halden.EvidenceId)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(Grace, new GetEvidenceFile(halden.ContractId, "2026-27 Q2", halden.EvidenceId)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(ApplicationFixture.PrivateProvider, new GetEvidenceFile(halden.ContractId, "2026-27-Q1", halden.EvidenceId)));
    }

    [Fact]
    public async Task GetProviderHome_EachProvider_ShowsOnlyItsOwnContractsAndReturns()
    {
        await HaldenTargetAsync();

        var trustHome = await app.SendAs(Grace, new GetProviderHome());
        var haldenHome = await app.SendAs(DemoReturns.Joanna, new GetProviderHome());

        Assert.Equal([DemoReturns.Trust], trustHome.Contracts.Select(c => c.Reference).ToArray());
        Assert.All(trustHome.ToComplete, r => Assert.Equal(DemoReturns.Trust, r.ContractReference));
        Assert.Contains(trustHome.AwaitingReview, r => r.ContractReference == DemoReturns.Trust && r.PeriodSlug == DemoReturns.Period);
        Assert.All(trustHome.LatestRatings, r => Assert.Equal(DemoReturns.Trust, r.ContractReference));
        Assert.Contains(DemoReturns.Halden, haldenHome.Contracts.Select(c => c.Reference));
        Assert.All(haldenHome.Contracts, c => Assert.NotEqual(DemoReturns.Trust, c.Reference));
        Assert.Contains(haldenHome.ToComplete, r => r.ContractReference == DemoReturns.Halden && r.PeriodSlug == DemoReturns.Period && r.DaysLate == DemoReturns.DaysLateToday());
        Assert.DoesNotContain(haldenHome.AwaitingReview, r => r.ContractReference == DemoReturns.Trust);
        await Assert.ThrowsAsync<ForbiddenException>(() => app.SendAs(ApplicationFixture.Commissioner, new GetProviderHome()));
    }

    [Theory]
    [MemberData(nameof(ProviderCommands))]
    public async Task Commissioner_ProviderOnlyRequest_IsForbiddenAndChangesNothing(string request)
    {
        var target = await HaldenTargetAsync();
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(ApplicationFixture.Commissioner, request, target));

        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(CommissionerCommands))]
    public async Task Provider_CommissionerOnlyRequestOnItsOwnReturn_IsForbiddenAndChangesNothing(string request)
    {
        // The trust's own return awaiting review: a provider must not be able to accept or query it itself.
        var trust = await app.ContractId(DemoReturns.Trust);
        var view = await app.SendAs(Grace, new GetReturn(trust, DemoReturns.Period));
        var target = new Target(trust, view.Lines[0].IndicatorId, Guid.NewGuid(), view.Lines[1].IndicatorId);
        var halden = await HaldenTargetAsync();
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(Grace, request, target));
        await Assert.ThrowsAsync<ForbiddenException>(() => Send(DemoReturns.Joanna, request, halden));

        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(ReturnState.Submitted, (await app.SendAs(Grace, new GetReturn(trust, DemoReturns.Period))).State);
    }

    [Fact]
    public async Task Provider_DecideItsOwnPendingRestatement_IsForbidden()
    {
        var tidewell = await app.ContractId("WCC-CLS-2023-002");
        var view = await app.SendAs("hannah.lowe@example.com", new GetReturn(tidewell, AcceptedPeriod));
        var pending = Assert.Single(view.Restatements, r => r.Status == RestatementStatus.Proposed);
        Assert.False(view.Can.DecideRestatement);
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.SendAs("hannah.lowe@example.com", new DecideRestatement(tidewell, AcceptedPeriod, view.Version, pending.Id, true, null)));

        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Administrator_Reads_AreAllowed(string request)
    {
        var target = await HaldenTargetAsync();

        await Send(ApplicationFixture.Administrator, request, target);
    }

    [Theory]
    [MemberData(nameof(ProviderCommands))]
    [MemberData(nameof(CommissionerCommands))]
    public async Task Administrator_AnyChange_IsForbiddenAndChangesNothing(string request)
    {
        var target = await HaldenTargetAsync();
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(ApplicationFixture.Administrator, request, target));

        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Administrator_GetDraftReturn_ShowsNoDraftFiguresAndOffersNoAction()
    {
        var target = await HaldenTargetAsync();

        var view = await app.SendAs(ApplicationFixture.Administrator, new GetReturn(target.ContractId, DemoReturns.Period));

        Assert.Equal(ReturnState.Draft, view.State);
        Assert.Empty(view.Evidence);
        Assert.All(view.Lines, line => Assert.Null(line.Value));
        Assert.Equal(new ReturnPermissions(false, false, false, false, false, false), view.Can);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Commissioner_Reads_AreAllowed(string request)
    {
        var target = await HaldenTargetAsync();

        await Send(ApplicationFixture.Commissioner, request, target);
    }

    [Fact]
    public async Task Provider_ItsOwnDraftContract_HasNoReturnsToSee()
    {
        var draft = await app.ContractId("WCC-SMR-2025-007");
        const string owen = "owen.pritchard@example.com";
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(owen, new GetReturnCalendar(draft)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(owen, new GetReturn(draft, DemoReturns.Period)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(owen, new GetReturnCsvTemplate(draft, DemoReturns.Period)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(owen, new SaveReturnDraft(draft, DemoReturns.Period, null, [])));

        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [InlineData("2026-27 Q5")]
    [InlineData("Q2")]
    [InlineData("")]
    [InlineData("2050-51-Q1")]
    public async Task Provider_PeriodThatIsNotAReturnOfTheContract_IsNotFound(string period)
    {
        var target = await HaldenTargetAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(DemoReturns.Joanna, new GetReturn(target.ContractId, period)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(DemoReturns.Joanna, new GetEvidenceFile(target.ContractId, period, target.EvidenceId)));
    }

    [Fact]
    public async Task AnyRole_UnknownContract_IsNotFound()
    {
        var unknown = Guid.NewGuid();

        foreach (var email in new[] { Grace, ApplicationFixture.Commissioner, ApplicationFixture.Administrator })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(email, new GetReturn(unknown, DemoReturns.Period)));
            await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(email, new GetReturnCalendar(unknown)));
        }

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(ApplicationFixture.Commissioner, new AcceptReturn(unknown, DemoReturns.Period, null)));
    }

    /// <summary>Sends one of the return requests, naming the target's contract, period and evidence.</summary>
    private Task Send(string email, string request, Target target)
    {
        var (contractId, indicatorId, evidenceId, otherIndicatorId) = target;
        var period = DemoReturns.Period;
        return request switch
        {
            "GetReturn" => app.SendAs(email, new GetReturn(contractId, period)),
            "GetReturnCalendar" => app.SendAs(email, new GetReturnCalendar(contractId)),
            "GetReturnCsvTemplate" => app.SendAs(email, new GetReturnCsvTemplate(contractId, period)),
            "GetEvidenceFile" => app.SendAs(email, new GetEvidenceFile(contractId, period, evidenceId)),
            "SaveReturnDraft" => app.SendAs(email, new SaveReturnDraft(contractId, period, null, [new FigureInput(indicatorId, null, 10, 20, "Changed by someone else")])),
            "SubmitReturn" => app.SendAs(email, new SubmitReturn(contractId, period, null)),
            "WithdrawReturn" => app.SendAs(email, new WithdrawReturn(contractId, period, null)),
            "UploadReturnCsv" => app.SendAs(email, new UploadReturnCsv(contractId, period, null, "return.csv", DemoReturns.HaldenCsv())),
            "AddEvidence" => app.SendAs(email, new AddEvidence(contractId, period, null, "planted.pdf", DemoReturns.Pdf("Planted"))),
            "RemoveEvidence" => app.SendAs(email, new RemoveEvidence(contractId, period, null, evidenceId)),
            "ProposeRestatement" => app.SendAs(email, new ProposeRestatement(contractId, AcceptedPeriod, null, otherIndicatorId, null, 1, 2, "Changed", "Someone else's correction")),
            "QueryReturn" => app.SendAs(email, new QueryReturn(contractId, period, null, [new QueryQuestion(indicatorId, "Is this right?")])),
            "AcceptReturn" => app.SendAs(email, new AcceptReturn(contractId, period, null)),
            "DecideRestatement" => app.SendAs(email, new DecideRestatement(contractId, AcceptedPeriod, null, Guid.NewGuid(), true, null)),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
        };
    }

    private async Task<Target> HaldenTargetAsync()
    {
        var halden = await DemoReturns.HaldenAsync(app);
        var evidenceId = await DemoReturns.HaldenEvidenceAsync(app);
        return new Target(halden.ContractId, halden[DemoReturns.HaldenAtHome], evidenceId, halden[DemoReturns.HaldenTurnover]);
    }

    /// <summary>Changes anywhere leave a mark here: every saved change writes audit rows and moves a version.</summary>
    private Task<Fingerprint> FingerprintAsync() => app.Db(async db => new Fingerprint(
        await db.AuditEntries.CountAsync(),
        await db.Returns.CountAsync(),
        await db.Returns.SumAsync(r => r.Version),
        await db.EvidenceContents.CountAsync(),
        await db.Notifications.CountAsync()));

    private sealed record Target(Guid ContractId, Guid IndicatorId, Guid EvidenceId, Guid OtherIndicatorId);

    private sealed record Fingerprint(int AuditEntries, int Returns, int VersionSum, int EvidenceContents, int Notifications);
}
