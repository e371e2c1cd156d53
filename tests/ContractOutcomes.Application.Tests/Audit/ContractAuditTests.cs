using System.Text;
using ContractOutcomes.Application.Audit.ExportContractAudit;
using ContractOutcomes.Application.Audit.GetContractAudit;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Tests.Notifications;
using ContractOutcomes.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Application.Tests.Audit;

[Collection(ApplicationTestGroup.Name)]
public sealed class ContractAuditTests(ApplicationFixture app)
{
    private const string Q1 = "2026-27 Q1";
    private static readonly string[] ContractEntityTypes =
    [
        "Contract", "OutcomeIndicator", "IndicatorTarget", "ToleranceBands", "ContractVariation",
        "QuarterlyReturn", "ReturnFigure", "ReturnQuery", "Restatement", "EvidenceFile", "ReturnEvent",
    ];

    [Fact]
    public async Task GetContractAudit_FigureChangedInADraft_ShowsBeforeAndAfter()
    {
        var (contractId, indicatorId, _) = await LanternContracts.NewAsync(app);
        await LanternContracts.SaveAsync(app, contractId, indicatorId, Q1, numerator: 80);
        await LanternContracts.SaveAsync(app, contractId, indicatorId, Q1, numerator: 83);

        var audit = await app.SendAs(LanternContracts.Jess, new GetContractAudit(contractId, Period: Q1, EntityType: "ReturnFigure"));

        Assert.Equal(2, audit.Total);
        var changed = Assert.Single(audit.Rows, r => r.Change == AuditChangeKind.Modified);
        Assert.Equal("Save return draft", changed.ActionText);
        Assert.Equal("Jess Morgan", changed.UserName);
        Assert.Equal("Return figure", changed.EntityTypeText);
        Assert.Equal(Q1, changed.Period);
        Assert.Equal(LanternContracts.IndicatorName, changed.Indicator);
        Assert.Equal("Changed", changed.ChangeText);
        var numerator = Assert.Single(changed.Changes, c => c.Field == "Numerator");
        Assert.Equal(80m, decimal.Parse(numerator.Before!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(83m, decimal.Parse(numerator.After!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.StartsWith("Numerator: 80", numerator.Describe(), StringComparison.Ordinal);
        Assert.Contains(" → 83", numerator.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain(changed.Changes, c => c.Field == "Denominator");
        var added = Assert.Single(audit.Rows, r => r.Change == AuditChangeKind.Added);
        Assert.True(added.OccurredAt <= changed.OccurredAt);
        Assert.Equal(audit.Rows[0], changed);
    }

    [Fact]
    public async Task GetContractAudit_FilterByActionAndDates_ReturnsOnlyMatchingEntriesWithFilterLists()
    {
        var (contractId, indicatorId, _) = await LanternContracts.NewAsync(app);
        await LanternContracts.SubmitAsync(app, contractId, indicatorId, Q1);
        var today = Domain.Common.UkTime.DateOf(DateTimeOffset.UtcNow);

        var submitted = await app.SendAs(ApplicationFixture.Commissioner, new GetContractAudit(contractId, today.AddDays(-1), today.AddDays(1), Action: "SubmitReturn"));
        var yesterday = await app.SendAs(ApplicationFixture.Commissioner, new GetContractAudit(contractId, ToDate: today.AddDays(-1)));

        Assert.NotEmpty(submitted.Rows);
        Assert.All(submitted.Rows, r => Assert.Equal("Submit return", r.ActionText));
        Assert.Contains(submitted.Rows, r => r.EntityType == "QuarterlyReturn" && r.Changes.Any(c => c.Field == "Status" && c.After == "Submitted"));
        Assert.Equal(0, yesterday.Total);
        Assert.Contains(submitted.Options.Actions, o => o.Value == "ActivateContract" && o.Text == "Activate contract");
        Assert.Contains(submitted.Options.EntityTypes, o => o.Value == "ReturnFigure" && o.Text == "Return figure");
        Assert.Contains("Jess Morgan", submitted.Options.Users);
        Assert.Equal([Q1], submitted.Options.Periods);
    }

    [Fact]
    public async Task GetContractAudit_PeriodFilter_FindsARestatementByItsReturn()
    {
        var adv = await app.Db(db => db.Contracts.Where(c => c.Reference == "WCC-ADV-2025-006").Select(c => c.Id.Value).SingleAsync());

        var audit = await app.SendAs(ApplicationFixture.Commissioner, new GetContractAudit(adv, Period: "2025-26-Q3", EntityType: "Restatement"));

        Assert.NotEmpty(audit.Rows);
        Assert.All(audit.Rows, r => Assert.Equal("2025-26 Q3", r.Period));
        Assert.Contains(audit.Rows, r => r.Change == AuditChangeKind.Added && r.Indicator == "Young people receiving advocacy");
    }

    [Fact]
    public async Task GetContractAudit_ToDateBeforeFromDate_IsAnInputError()
    {
        var (contractId, _, _) = await LanternContracts.NewAsync(app);

        var error = await Assert.ThrowsAsync<InputValidationException>(() => app.SendAs(
            ApplicationFixture.Commissioner, new GetContractAudit(contractId, new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1), EntityType: "Nonsense")));

        Assert.Equal("To date must be the same as or after from date", error.Errors["ToDate"][0]);
        Assert.Equal("Select a type of record from the list", error.Errors["EntityType"][0]);
    }

    [Fact]
    public async Task GetContractAudit_Provider_SeesOnlyContractRecordsAndNeverAnotherProvidersContract()
    {
        var trust = await app.Db(db => db.Contracts.Where(c => c.Reference == "WCC-CSC-2024-001").Select(c => c.Id.Value).SingleAsync());
        var adv = await app.Db(db => db.Contracts.Where(c => c.Reference == "WCC-ADV-2025-006").Select(c => c.Id.Value).SingleAsync());

        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(LanternContracts.Jess, new GetContractAudit(trust)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.SendAs(LanternContracts.Jess, new ExportContractAudit(trust)));
        var own = await app.SendAs(LanternContracts.Jess, new GetContractAudit(adv));
        Assert.True(own.Total > 0);
        Assert.All(own.Options.EntityTypes, t => Assert.Contains(t.Value, ContractEntityTypes));
    }

    [Fact]
    public async Task ExportContractAudit_CommentaryStartingWithEquals_IsEscapedForSpreadsheets()
    {
        var (contractId, indicatorId, reference) = await LanternContracts.NewAsync(app);
        var commentary = "=1+2 " + new string('x', 300);
        await LanternContracts.SaveAsync(app, contractId, indicatorId, Q1, numerator: 70, commentary: commentary);

        var file = await app.SendAs(ApplicationFixture.Commissioner, new ExportContractAudit(contractId, Period: Q1));

        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.StartsWith(reference + "-audit-", file.FileName, StringComparison.Ordinal);
        Assert.EndsWith(".csv", file.FileName, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(file.Content);
        Assert.StartsWith("\uFEFFWhen (UK time),Who,Action,Record,Record id,Period,Indicator,Change,Field,Before,After\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",Commentary,,'" + commentary + "\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("," + commentary, text, StringComparison.Ordinal);
        var page = await app.SendAs(ApplicationFixture.Commissioner, new GetContractAudit(contractId, Period: Q1));
        var shown = page.Rows.SelectMany(r => r.Changes).Single(c => c.Field == "Commentary");
        Assert.Equal(commentary, shown.After);
        Assert.EndsWith("…", shown.Describe(120), StringComparison.Ordinal);
    }
}
