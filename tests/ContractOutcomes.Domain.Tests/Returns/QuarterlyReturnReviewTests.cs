using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Tests.Returns;

/// <summary>Withdrawal, queries, resubmission and acceptance: what each records and raises.</summary>
public sealed class QuarterlyReturnReviewTests
{
    private static readonly DateTimeOffset QueriedAt = ReturnBuilder.Now.AddHours(1);
    private static readonly DateTimeOffset RevisedAt = ReturnBuilder.Now.AddDays(2);

    private readonly ReturnBuilder _builder = new();

    private void Query(QuarterlyReturn quarterlyReturn, params (IndicatorId, string)[] questions) =>
        quarterlyReturn.Query(_builder.Contract, questions, ReturnBuilder.Commissioner, QueriedAt);

    [Fact]
    public void Withdraw_Submitted_GoesBackToDraftForgettingTheSubmission()
    {
        var quarterlyReturn = _builder.Submitted();
        var first = quarterlyReturn.FirstSubmittedAt;
        quarterlyReturn.ClearDomainEvents();

        quarterlyReturn.Withdraw(ReturnBuilder.OtherProvider, RevisedAt);

        Assert.Equal(ReturnStatus.Draft, quarterlyReturn.Status);
        Assert.True(quarterlyReturn.CanBeEdited);
        Assert.Null(quarterlyReturn.SubmittedAt);
        Assert.Null(quarterlyReturn.SubmittedByName);
        Assert.NotNull(first);
        Assert.Null(quarterlyReturn.FirstSubmittedAt);
        Assert.Equal(new ReturnWithdrawn(quarterlyReturn.Id, _builder.Contract.Id, ReturnBuilder.Period), Assert.Single(quarterlyReturn.DomainEvents));
        var entry = quarterlyReturn.History[^1];
        Assert.Equal(ReturnEventKind.Withdrawn, entry.Kind);
        Assert.Equal("Return withdrawn to make changes", entry.Description);
        Assert.Equal(ReturnBuilder.OtherProvider.Name, entry.ActorName);
        Assert.Equal(RevisedAt, entry.OccurredAt);
    }

    [Fact]
    public void Query_TwoIndicators_SendsTheReturnBackWithAnOpenQuestionForEach()
    {
        var quarterlyReturn = _builder.Submitted();
        quarterlyReturn.ClearDomainEvents();

        Query(quarterlyReturn, (_builder.FamiliesId, "  Why did the number rise so sharply?  "), (_builder.CostPerCaseId, "Does this include travel?"));

        Assert.Equal(ReturnStatus.Queried, quarterlyReturn.Status);
        Assert.True(quarterlyReturn.CanBeEdited);
        Assert.Equal(2, quarterlyReturn.Queries.Count);
        Assert.All(quarterlyReturn.Queries, q =>
        {
            Assert.Equal(1, q.Round);
            Assert.True(q.IsOpen);
            Assert.Equal(ReturnBuilder.Commissioner.Name, q.RaisedByName);
            Assert.Equal(QueriedAt, q.RaisedAt);
        });
        Assert.Equal("Why did the number rise so sharply?", quarterlyReturn.Queries.Single(q => q.IndicatorId == _builder.FamiliesId).Comment);
        Assert.Equal(new ReturnQueried(quarterlyReturn.Id, _builder.Contract.Id, ReturnBuilder.Period, 2), Assert.Single(quarterlyReturn.DomainEvents));
        Assert.Equal(ReturnEventKind.Queried, quarterlyReturn.History[^1].Kind);
        Assert.Equal("Queried 2 figures", quarterlyReturn.History[^1].Description);
        Assert.Equal(ReturnBuilder.Commissioner.Name, quarterlyReturn.History[^1].ActorName);
    }

    [Fact]
    public void Query_OneIndicator_SaysFigureNotFigures()
    {
        var quarterlyReturn = _builder.Queried();

        Assert.Equal("Queried 1 figure", quarterlyReturn.History[^1].Description);
    }

    [Fact]
    public void Query_NoQuestions_IsRefused()
    {
        var quarterlyReturn = _builder.Submitted();

        var error = Assert.Throws<BusinessRuleException>(() => Query(quarterlyReturn));

        Assert.Equal("Select at least one indicator to query", error.Message);
        Assert.Equal("Indicators", error.PropertyName);
        Assert.Equal(ReturnStatus.Submitted, quarterlyReturn.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Query_BlankComment_AsksForTheQuestionBesideTheIndicator(string? comment)
    {
        var quarterlyReturn = _builder.Submitted();

        var error = Assert.Throws<BusinessRuleException>(() => Query(quarterlyReturn, (_builder.FamiliesId, comment!)));

        Assert.Equal($"Enter your question about {ReturnBuilder.Families}", error.Message);
        Assert.Equal(_builder.FamiliesId.ToString(), error.PropertyName);
        Assert.Empty(quarterlyReturn.Queries);
        Assert.Equal(ReturnStatus.Submitted, quarterlyReturn.Status);
    }

    [Fact]
    public void Query_CommentTooLong_IsRefused()
    {
        var quarterlyReturn = _builder.Submitted();

        var error = Assert.Throws<BusinessRuleException>(() => Query(quarterlyReturn, (_builder.FamiliesId, new string('?', ReturnQuery.CommentMaxLength + 1))));

        Assert.Equal($"Your question about {ReturnBuilder.Families} must be 2000 characters or fewer", error.Message);
    }

    [Fact]
    public void Query_UnknownIndicator_IsRefused()
    {
        var quarterlyReturn = _builder.Submitted();

        var error = Assert.Throws<BusinessRuleException>(() => Query(quarterlyReturn, (IndicatorId.New(), "What is this?")));

        Assert.Equal("An indicator queried does not belong to this contract", error.Message);
        Assert.Equal("Indicators", error.PropertyName);
        Assert.Equal(ReturnStatus.Submitted, quarterlyReturn.Status);
    }

    [Fact]
    public void Query_SameIndicatorTwice_IsRefused()
    {
        var quarterlyReturn = _builder.Submitted();

        var error = Assert.Throws<BusinessRuleException>(() => Query(quarterlyReturn, (_builder.FamiliesId, "First"), (_builder.FamiliesId, "Second")));

        Assert.Equal($"{ReturnBuilder.Families} is queried more than once", error.Message);
    }

    [Fact]
    public void Query_SeveralProblems_ReportsEachAndRaisesNothing()
    {
        var quarterlyReturn = _builder.Submitted();
        quarterlyReturn.ClearDomainEvents();
        var version = quarterlyReturn.Version;

        var error = Assert.Throws<BusinessRuleException>(() => Query(
            quarterlyReturn, (_builder.FamiliesId, "Fine question"), (_builder.CostPerCaseId, " "), (IndicatorId.New(), "Unknown")));

        Assert.Equal(2, error.Violations.Count);
        Assert.Empty(quarterlyReturn.Queries);
        Assert.Empty(quarterlyReturn.DomainEvents);
        Assert.Equal(version, quarterlyReturn.Version);
    }

    [Fact]
    public void Submit_QueriedReturn_ClosesTheQueriesAndRecordsAResubmission()
    {
        var quarterlyReturn = _builder.Queried();
        quarterlyReturn.SaveDraft(_builder.Contract, [new FigureEntry(_builder.FamiliesId, 402, null, null, "Duplicates removed")], ReturnBuilder.Provider, RevisedAt);
        quarterlyReturn.ClearDomainEvents();

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, RevisedAt);

        Assert.Equal(ReturnStatus.Submitted, quarterlyReturn.Status);
        Assert.All(quarterlyReturn.Queries, q => Assert.False(q.IsOpen));
        Assert.Equal(new ReturnSubmitted(quarterlyReturn.Id, _builder.Contract.Id, ReturnBuilder.Period, Resubmission: true), Assert.Single(quarterlyReturn.DomainEvents));
        Assert.Equal(ReturnEventKind.Resubmitted, quarterlyReturn.History[^1].Kind);
        Assert.Equal("Revised return submitted", quarterlyReturn.History[^1].Description);
    }

    [Fact]
    public void Withdraw_ResubmittedAfterAQuery_GoesBackToQueriedWithTheQueriesReopened()
    {
        var quarterlyReturn = _builder.Queried();
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, RevisedAt);
        quarterlyReturn.ClearDomainEvents();

        quarterlyReturn.Withdraw(ReturnBuilder.Provider, RevisedAt.AddMinutes(5));

        Assert.Equal(ReturnStatus.Queried, quarterlyReturn.Status);
        Assert.All(quarterlyReturn.Queries, q => Assert.True(q.IsOpen));
        Assert.IsType<ReturnWithdrawn>(Assert.Single(quarterlyReturn.DomainEvents));
        Assert.Equal(ReturnEventKind.Withdrawn, quarterlyReturn.History[^1].Kind);
    }

    [Fact]
    public void Withdraw_ResubmittedTwice_StaysQueriedEachTime()
    {
        var quarterlyReturn = _builder.Queried();
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, RevisedAt);
        quarterlyReturn.Withdraw(ReturnBuilder.Provider, RevisedAt.AddMinutes(1));
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, RevisedAt.AddMinutes(2));

        quarterlyReturn.Withdraw(ReturnBuilder.Provider, RevisedAt.AddMinutes(3));

        Assert.Equal(ReturnStatus.Queried, quarterlyReturn.Status);
        Assert.True(Assert.Single(quarterlyReturn.Queries).IsOpen);
    }

    [Fact]
    public void Withdraw_AfterASecondRoundOfQueries_ReopensOnlyTheLatestRound()
    {
        var quarterlyReturn = _builder.Queried();
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, RevisedAt);
        quarterlyReturn.Query(_builder.Contract, [(_builder.CostPerCaseId, "Does this include travel?")], ReturnBuilder.Commissioner, RevisedAt.AddHours(1));
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, RevisedAt.AddHours(2));

        quarterlyReturn.Withdraw(ReturnBuilder.Provider, RevisedAt.AddHours(3));

        Assert.Equal(ReturnStatus.Queried, quarterlyReturn.Status);
        var first = quarterlyReturn.Queries.Single(q => q.IndicatorId == _builder.FamiliesId);
        var second = quarterlyReturn.Queries.Single(q => q.IndicatorId == _builder.CostPerCaseId);
        Assert.Equal((1, false), (first.Round, first.IsOpen));
        Assert.Equal((2, true), (second.Round, second.IsOpen));
    }

    [Fact]
    public void Withdraw_FirstSubmissionOfAReturnNeverQueried_GoesBackToDraft()
    {
        var quarterlyReturn = _builder.Submitted();
        quarterlyReturn.Withdraw(ReturnBuilder.Provider, RevisedAt);
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, RevisedAt.AddMinutes(1));

        quarterlyReturn.Withdraw(ReturnBuilder.Provider, RevisedAt.AddMinutes(2));

        Assert.Equal(ReturnStatus.Draft, quarterlyReturn.Status);
    }

    [Fact]
    public void Accept_Submitted_LocksTheReturnAndRecordsWhoAccepted()
    {
        var quarterlyReturn = _builder.Submitted();
        quarterlyReturn.ClearDomainEvents();
        var acceptedAt = ReturnBuilder.Now.AddDays(3);

        quarterlyReturn.Accept(ReturnBuilder.Commissioner, acceptedAt);

        Assert.Equal(ReturnStatus.Accepted, quarterlyReturn.Status);
        Assert.False(quarterlyReturn.CanBeEdited);
        Assert.Equal(acceptedAt, quarterlyReturn.AcceptedAt);
        Assert.Equal(ReturnBuilder.Commissioner.Name, quarterlyReturn.AcceptedByName);
        Assert.Equal(new ReturnAccepted(quarterlyReturn.Id, _builder.Contract.Id, ReturnBuilder.Period), Assert.Single(quarterlyReturn.DomainEvents));
        Assert.Equal(ReturnEventKind.Accepted, quarterlyReturn.History[^1].Kind);
        Assert.Equal("Return accepted; its figures are now locked", quarterlyReturn.History[^1].Description);
    }

    [Fact]
    public void FullReview_SubmitQueryReviseAccept_RaisesAnEventAndRecordsHistoryForEachStep()
    {
        var quarterlyReturn = _builder.Draft();

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, ReturnBuilder.Now.AddMinutes(1));
        Query(quarterlyReturn, (_builder.FamiliesId, "Please check for duplicates"));
        quarterlyReturn.SaveDraft(_builder.Contract, [new FigureEntry(_builder.FamiliesId, 402, null, null, "Duplicates removed")], ReturnBuilder.Provider, RevisedAt);
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.OtherProvider, RevisedAt);
        quarterlyReturn.Accept(ReturnBuilder.Commissioner, RevisedAt.AddDays(1));

        Assert.Collection(
            quarterlyReturn.DomainEvents,
            e => Assert.False(Assert.IsType<ReturnSubmitted>(e).Resubmission),
            e => Assert.Equal(1, Assert.IsType<ReturnQueried>(e).Queries),
            e => Assert.True(Assert.IsType<ReturnSubmitted>(e).Resubmission),
            e => Assert.IsType<ReturnAccepted>(e));
        Assert.Equal([1, 2, 3, 4], quarterlyReturn.History.Select(h => h.Number).ToArray());
        Assert.Equal(
            [ReturnEventKind.Submitted, ReturnEventKind.Queried, ReturnEventKind.Resubmitted, ReturnEventKind.Accepted],
            quarterlyReturn.History.Select(h => h.Kind).ToArray());
        Assert.Equal(
            [ReturnBuilder.Provider.Name, ReturnBuilder.Commissioner.Name, ReturnBuilder.OtherProvider.Name, ReturnBuilder.Commissioner.Name],
            quarterlyReturn.History.Select(h => h.ActorName).ToArray());
        Assert.Equal(ReturnBuilder.OtherProvider.Name, quarterlyReturn.SubmittedByName);
        Assert.Equal(402m, quarterlyReturn.FigureFor(_builder.FamiliesId)!.Value);
    }

    [Fact]
    public void RecordUpload_SameFileAgain_IsRecordedEvenThoughNothingChanged()
    {
        var quarterlyReturn = _builder.Draft();
        var version = quarterlyReturn.Version;

        quarterlyReturn.RecordUpload("figures.csv", ReturnBuilder.Sha('c'), 6, changedFigures: false, ReturnBuilder.Provider, RevisedAt);
        quarterlyReturn.RecordUpload("one.csv", ReturnBuilder.Sha('d'), 1, changedFigures: true, ReturnBuilder.Provider, RevisedAt);

        Assert.Equal(
            [
                $"CSV file figures.csv uploaded (SHA-256 {ReturnBuilder.Sha('c')}): 6 rows, no figures changed",
                $"CSV file one.csv uploaded (SHA-256 {ReturnBuilder.Sha('d')}): 1 row, figures saved",
            ],
            quarterlyReturn.History.Select(h => h.Description).ToArray());
        Assert.All(quarterlyReturn.History, h => Assert.Equal(ReturnEventKind.FileUploaded, h.Kind));
        Assert.True(quarterlyReturn.Version > version);
    }
}
