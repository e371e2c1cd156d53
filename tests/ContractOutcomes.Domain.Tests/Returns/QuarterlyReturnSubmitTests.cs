using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Returns;
using ContractOutcomes.Domain.Tests.Contracts;

namespace ContractOutcomes.Domain.Tests.Returns;

public sealed class QuarterlyReturnSubmitTests
{
    private static readonly DateTimeOffset SubmittedAt = ReturnBuilder.Now.AddMinutes(10);

    private readonly ReturnBuilder _builder = new();

    private QuarterlyReturn DraftWith(FigureEntry replacement)
    {
        var quarterlyReturn = _builder.Draft();
        quarterlyReturn.SaveDraft(_builder.Contract, [replacement], ReturnBuilder.Provider, ReturnBuilder.Now);
        return quarterlyReturn;
    }

    [Fact]
    public void Submit_CompleteDraft_IsSubmittedWithAnEventAndAHistoryEntry()
    {
        var quarterlyReturn = _builder.Draft();
        var version = quarterlyReturn.Version;

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, SubmittedAt);

        Assert.Equal(ReturnStatus.Submitted, quarterlyReturn.Status);
        Assert.False(quarterlyReturn.CanBeEdited);
        Assert.Equal(SubmittedAt, quarterlyReturn.SubmittedAt);
        Assert.Equal(SubmittedAt, quarterlyReturn.FirstSubmittedAt);
        Assert.Equal(ReturnBuilder.Provider.Name, quarterlyReturn.SubmittedByName);
        Assert.True(quarterlyReturn.Version > version);
        var submitted = Assert.IsType<ReturnSubmitted>(Assert.Single(quarterlyReturn.DomainEvents));
        Assert.Equal(new ReturnSubmitted(quarterlyReturn.Id, _builder.Contract.Id, ReturnBuilder.Period, Resubmission: false), submitted);
        var entry = Assert.Single(quarterlyReturn.History);
        Assert.Equal(1, entry.Number);
        Assert.Equal(ReturnEventKind.Submitted, entry.Kind);
        Assert.Equal("Return submitted, 24 days after the due date", entry.Description);
        Assert.Equal(ReturnBuilder.Provider.UserId, entry.ActorUserId);
        Assert.Equal(ReturnBuilder.Provider.Name, entry.ActorName);
        Assert.Equal(SubmittedAt, entry.OccurredAt);
    }

    [Fact]
    public void Submit_OnTime_SaysNothingAboutLateness()
    {
        var quarterlyReturn = _builder.Draft();

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, ReturnBuilder.Uk(2026, 10, 28, 16, 0, 0));

        Assert.Equal("Return submitted", Assert.Single(quarterlyReturn.History).Description);
        Assert.Equal(0, quarterlyReturn.DaysLate(new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void Submit_OneDayLate_SaysDayNotDays()
    {
        var quarterlyReturn = _builder.Draft();

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, ReturnBuilder.Uk(2026, 10, 29, 9, 0, 0));

        Assert.Equal("Return submitted, 1 day after the due date", Assert.Single(quarterlyReturn.History).Description);
    }

    [Fact]
    public void Submit_MissingFigures_ListsEachInDisplayOrderAndStaysDraft()
    {
        var quarterlyReturn = _builder.Open();
        quarterlyReturn.SaveDraft(_builder.Contract, [new FigureEntry(_builder.ReReferralsId, null, 36, 200, null)], ReturnBuilder.Provider, ReturnBuilder.Now);
        var version = quarterlyReturn.Version;

        var error = Assert.Throws<BusinessRuleException>(() => quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, SubmittedAt));

        Assert.Equal(
            [
                $"Enter a figure for {ReturnBuilder.Assessments}",
                $"Enter a figure for {ReturnBuilder.Families}",
                $"Enter a figure for {ReturnBuilder.DaysToVisit}",
                $"Enter a figure for {ReturnBuilder.LookedAfterRate}",
                $"Enter a figure for {ReturnBuilder.CostPerCase}",
            ],
            error.Violations.Select(v => v.Message).ToArray());
        Assert.Equal(_builder.AssessmentsId.ToString(), error.PropertyName);
        Assert.Equal(ReturnStatus.Draft, quarterlyReturn.Status);
        Assert.Null(quarterlyReturn.FirstSubmittedAt);
        Assert.Equal(version, quarterlyReturn.Version);
        Assert.Empty(quarterlyReturn.History);
        Assert.Empty(quarterlyReturn.DomainEvents);
    }

    [Fact]
    public void SubmissionProblems_EmptyReturn_NamesEveryIndicator()
    {
        var quarterlyReturn = _builder.Open();

        Assert.Equal(6, quarterlyReturn.SubmissionProblems(_builder.Contract).Count);
    }

    [Fact]
    public void SubmissionProblems_CompleteOnTarget_IsEmpty()
    {
        Assert.Empty(_builder.Draft().SubmissionProblems(_builder.Contract));
    }

    public static TheoryData<string, decimal?, decimal?, decimal?> Misses => new()
    {
        { ReturnBuilder.Assessments, null, 84, 100 },           // higher is better, below 85%
        { ReturnBuilder.ReReferrals, null, 41, 200 },           // lower is better, above 20% (20.5%)
        { ReturnBuilder.Families, 399m, null, null },           // higher is better, below 400
        { ReturnBuilder.DaysToVisit, 10.01m, null, null },      // lower is better, above 10 days
        { ReturnBuilder.LookedAfterRate, null, 71, 10_000 },    // lower is better, above 70 per 10,000
        { ReturnBuilder.CostPerCase, 2_500.01m, null, null },   // lower is better, above £2,500
    };

    public static TheoryData<string, decimal?, decimal?, decimal?> OnTarget => new()
    {
        { ReturnBuilder.Assessments, null, 85, 100 },
        { ReturnBuilder.ReReferrals, null, 40, 200 },
        { ReturnBuilder.Families, 400m, null, null },
        { ReturnBuilder.DaysToVisit, 10m, null, null },
        { ReturnBuilder.LookedAfterRate, null, 70, 10_000 },
        { ReturnBuilder.CostPerCase, 2_500m, null, null },
    };

    [Theory]
    [MemberData(nameof(Misses))]
    public void Submit_FigureMissesItsTargetWithoutCommentary_AsksWhy(string indicator, decimal? value, decimal? numerator, decimal? denominator)
    {
        var id = _builder[indicator].Id;
        var quarterlyReturn = DraftWith(new FigureEntry(id, value, numerator, denominator, null));

        var error = Assert.Throws<BusinessRuleException>(() => quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, SubmittedAt));

        var problem = Assert.Single(error.Violations);
        Assert.StartsWith($"Explain why {indicator} missed its target of ", problem.Message, StringComparison.Ordinal);
        Assert.Equal(id.ToString(), problem.PropertyName);
        Assert.Equal(ReturnStatus.Draft, quarterlyReturn.Status);
    }

    [Theory]
    [MemberData(nameof(Misses))]
    public void Submit_FigureMissesItsTargetWithCommentary_IsSubmitted(string indicator, decimal? value, decimal? numerator, decimal? denominator)
    {
        var quarterlyReturn = DraftWith(new FigureEntry(_builder[indicator].Id, value, numerator, denominator, "Two key workers left in August"));

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, SubmittedAt);

        Assert.Equal(ReturnStatus.Submitted, quarterlyReturn.Status);
    }

    [Theory]
    [MemberData(nameof(OnTarget))]
    public void Submit_FigureExactlyOnTargetWithoutCommentary_IsSubmitted(string indicator, decimal? value, decimal? numerator, decimal? denominator)
    {
        var indicatorDefinition = _builder[indicator];
        var quarterlyReturn = DraftWith(new FigureEntry(indicatorDefinition.Id, value, numerator, denominator, null));
        var figure = quarterlyReturn.FigureFor(indicatorDefinition.Id)!.Figure!;
        Assert.Equal(indicatorDefinition.TargetFor(ReturnBuilder.Period), figure.Value);
        Assert.False(quarterlyReturn.CommentaryRequired(indicatorDefinition, figure));

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, SubmittedAt);

        Assert.Equal(ReturnStatus.Submitted, quarterlyReturn.Status);
    }

    [Fact]
    public void CommentaryRequired_IndicatorWithNoTargetForThePeriod_IsFalse()
    {
        var quarterlyReturn = _builder.Draft();
        var draft = _builder.BuildDraftContract();
        var noTarget = draft.AddIndicator(ContractBuilder.Percentage("Without a target"));

        Assert.False(quarterlyReturn.CommentaryRequired(noTarget, Figure.For(noTarget, null, 0, 10)));
    }

    [Fact]
    public void Submit_MissesTargetMessage_ShowsTheTargetInItsUnit()
    {
        var quarterlyReturn = DraftWith(new FigureEntry(_builder.AssessmentsId, null, 84, 100, null));

        var error = Assert.Throws<BusinessRuleException>(() => quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, SubmittedAt));

        Assert.Equal($"Explain why {ReturnBuilder.Assessments} missed its target of 85.0%", error.Message);
    }

    [Fact]
    public void Submit_AlreadySubmitted_IsRefused()
    {
        var quarterlyReturn = _builder.Submitted();

        var error = Assert.Throws<BusinessRuleException>(() => quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, SubmittedAt));

        Assert.Equal("This return has already been submitted", error.Message);
    }

    [Fact]
    public void Submit_AfterAcceptance_IsRefused()
    {
        var quarterlyReturn = _builder.Accepted();
        var version = quarterlyReturn.Version;

        var error = Assert.Throws<BusinessRuleException>(() => quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, SubmittedAt));

        Assert.Equal("This return has already been accepted", error.Message);
        Assert.Equal(ReturnStatus.Accepted, quarterlyReturn.Status);
        Assert.Equal(version, quarterlyReturn.Version);
    }

    [Fact]
    public void Submit_AfterWithdrawal_CountsFromTheSubmissionThatStands()
    {
        var quarterlyReturn = _builder.Submitted(at: ReturnBuilder.Uk(2026, 10, 27, 12, 0, 0));
        quarterlyReturn.Withdraw(ReturnBuilder.Provider, ReturnBuilder.Uk(2026, 10, 27, 13, 0, 0));
        var again = ReturnBuilder.Uk(2026, 11, 3, 9, 0, 0);

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, again);

        Assert.Equal(again, quarterlyReturn.FirstSubmittedAt);
        Assert.Equal(again, quarterlyReturn.SubmittedAt);
        var expectedLate = Math.Max(0, new DateOnly(2026, 11, 3).DayNumber - quarterlyReturn.DueOn.DayNumber);
        Assert.Equal(expectedLate, quarterlyReturn.DaysLate(new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void Submit_RevisedAfterAQuery_KeepsTheFirstSubmissionTime()
    {
        var quarterlyReturn = _builder.Queried();
        var first = quarterlyReturn.FirstSubmittedAt;
        var revised = ReturnBuilder.Now.AddDays(3);

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, revised);

        Assert.Equal(first, quarterlyReturn.FirstSubmittedAt);
        Assert.Equal(revised, quarterlyReturn.SubmittedAt);
    }

    [Fact]
    public void DaysLate_NotSubmitted_CountsToToday()
    {
        var quarterlyReturn = _builder.Open();

        Assert.Equal(0, quarterlyReturn.DaysLate(new DateOnly(2026, 10, 27)));
        Assert.Equal(0, quarterlyReturn.DaysLate(ReturnBuilder.DueOn));
        Assert.Equal(1, quarterlyReturn.DaysLate(new DateOnly(2026, 10, 29)));
        Assert.Equal(24, quarterlyReturn.DaysLate(new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void DaysLate_Submitted_CountsToTheSubmissionNotToToday()
    {
        var quarterlyReturn = _builder.Submitted(at: ReturnBuilder.Uk(2026, 10, 31, 10, 0, 0));

        Assert.Equal(3, quarterlyReturn.DaysLate(new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void DaysLate_SubmittedLateOnTheDueDateInEnglandInSummer_IsOnTime()
    {
        var q1 = ReportingPeriod.Parse("2026-27 Q1");
        var due = ReturnBuilder.DueDateOf(q1);
        var quarterlyReturn = OpenQ1(due);

        // 23:59 BST on the due date.
        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, ReturnBuilder.Uk(due.Year, due.Month, due.Day, 23, 59, 1));

        Assert.Equal(new DateOnly(2026, 7, 28), due);
        Assert.Equal(0, quarterlyReturn.DaysLate(new DateOnly(2026, 11, 21)));
    }

    [Fact]
    public void DaysLate_SubmittedAt0030BstTheDayAfterTheDueDate_IsOneDayLateThoughStillTheDueDateInUtc()
    {
        var due = ReturnBuilder.DueDateOf(ReportingPeriod.Parse("2026-27 Q1"));
        var quarterlyReturn = OpenQ1(due);
        var dayAfter = due.AddDays(1);
        var halfPastMidnight = ReturnBuilder.Uk(dayAfter.Year, dayAfter.Month, dayAfter.Day, 0, 30, 1);
        Assert.Equal(due, DateOnly.FromDateTime(halfPastMidnight.UtcDateTime));

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, halfPastMidnight);

        Assert.Equal(1, quarterlyReturn.DaysLate(new DateOnly(2026, 11, 21)));
        Assert.Equal("Return submitted, 1 day after the due date", Assert.Single(quarterlyReturn.History).Description);
    }

    [Fact]
    public void DaysLate_SubmittedAfterMidnightUtcInWinter_UsesTheSameDay()
    {
        // In GMT England and UTC agree: 00:30 on 29 October is the day after the due date.
        var quarterlyReturn = _builder.Submitted(at: ReturnBuilder.Uk(2026, 10, 29, 0, 30, 0));

        Assert.Equal(1, quarterlyReturn.DaysLate(new DateOnly(2026, 11, 21)));
    }

    private QuarterlyReturn OpenQ1(DateOnly due)
    {
        var quarterlyReturn = _builder.Open(ReportingPeriod.Parse("2026-27 Q1"), due, ReturnBuilder.Uk(2026, 7, 1, 9, 0, 1));
        quarterlyReturn.SaveDraft(_builder.Contract, _builder.OnTarget(), ReturnBuilder.Provider, ReturnBuilder.Uk(2026, 7, 2, 9, 0, 1));
        return quarterlyReturn;
    }
}
