using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Tests.Returns;

public sealed class QuarterlyReturnSaveDraftTests
{
    private readonly ReturnBuilder _builder = new();

    private static readonly DateTimeOffset Later = ReturnBuilder.Now.AddMinutes(30);

    private bool Save(QuarterlyReturn quarterlyReturn, params FigureEntry[] entries) =>
        quarterlyReturn.SaveDraft(_builder.Contract, entries, ReturnBuilder.Provider, Later);

    [Fact]
    public void SaveDraft_RatioIndicator_StoresNumeratorDenominatorAndCalculatedValue()
    {
        var quarterlyReturn = _builder.Open();

        var changed = Save(quarterlyReturn, new FigureEntry(_builder.AssessmentsId, null, 2, 3, "  Two of three  "));

        Assert.True(changed);
        var figure = quarterlyReturn.FigureFor(_builder.AssessmentsId);
        Assert.NotNull(figure);
        Assert.Equal(66.6667m, figure.Value);
        Assert.Equal(2m, figure.Numerator);
        Assert.Equal(3m, figure.Denominator);
        Assert.Equal("Two of three", figure.Commentary);
        Assert.False(figure.IsRestated);
    }

    [Fact]
    public void SaveDraft_SingleValueIndicator_StoresTheValueOnly()
    {
        var quarterlyReturn = _builder.Open();

        Save(quarterlyReturn, new FigureEntry(_builder.DaysToVisitId, 7.5m, null, null, null));

        var figure = quarterlyReturn.FigureFor(_builder.DaysToVisitId);
        Assert.NotNull(figure);
        Assert.Equal(7.5m, figure.Value);
        Assert.Null(figure.Numerator);
        Assert.Null(figure.Denominator);
        Assert.Null(figure.Commentary);
    }

    [Fact]
    public void SaveDraft_Change_MovesTheVersionOnAndRecordsWhoChangedIt()
    {
        var quarterlyReturn = _builder.Open();
        var before = quarterlyReturn.Version;

        Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, 412, null, null, null));

        Assert.Equal(before + 1, quarterlyReturn.Version);
        Assert.Equal(Later, quarterlyReturn.LastChangedAt);
        Assert.Equal(ReturnBuilder.Provider.Name, quarterlyReturn.LastChangedByName);
        Assert.Equal(ReturnStatus.Draft, quarterlyReturn.Status);
        Assert.Empty(quarterlyReturn.DomainEvents);
    }

    [Fact]
    public void SaveDraft_SameFiguresTwice_ReturnsFalseAndLeavesTheVersion()
    {
        var quarterlyReturn = _builder.Open();
        Assert.True(quarterlyReturn.SaveDraft(_builder.Contract, _builder.OnTarget(), ReturnBuilder.Provider, ReturnBuilder.Now));
        var version = quarterlyReturn.Version;

        var changed = quarterlyReturn.SaveDraft(_builder.Contract, _builder.OnTarget(), ReturnBuilder.OtherProvider, Later);

        Assert.False(changed);
        Assert.Equal(version, quarterlyReturn.Version);
        Assert.Equal(ReturnBuilder.Now, quarterlyReturn.LastChangedAt);
        Assert.Equal(ReturnBuilder.Provider.Name, quarterlyReturn.LastChangedByName);
    }

    [Fact]
    public void SaveDraft_SameValueWrittenDifferently_IsNotAChange()
    {
        var quarterlyReturn = _builder.Open();
        Save(quarterlyReturn, new FigureEntry(_builder.CostPerCaseId, 2_410m, null, null, "Within budget"));
        var version = quarterlyReturn.Version;

        var changed = Save(quarterlyReturn, new FigureEntry(_builder.CostPerCaseId, 2_410.00m, null, null, " Within budget "));

        Assert.False(changed);
        Assert.Equal(version, quarterlyReturn.Version);
    }

    [Fact]
    public void SaveDraft_OnlyTheIndicatorsGiven_AreChanged()
    {
        var quarterlyReturn = _builder.Draft();

        Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, 399, null, null, "Fewer referrals in August"));

        Assert.Equal(6, quarterlyReturn.Figures.Count);
        Assert.Equal(399m, quarterlyReturn.FigureFor(_builder.FamiliesId)!.Value);
        Assert.Equal(90m, quarterlyReturn.FigureFor(_builder.AssessmentsId)!.Numerator);
    }

    [Fact]
    public void SaveDraft_BlankEntry_ClearsThatIndicator()
    {
        var quarterlyReturn = _builder.Draft();
        var version = quarterlyReturn.Version;

        var changed = Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, null, null, null, "   "));

        Assert.True(changed);
        Assert.Null(quarterlyReturn.FigureFor(_builder.FamiliesId));
        Assert.Equal(5, quarterlyReturn.Figures.Count);
        Assert.Equal(version + 1, quarterlyReturn.Version);
    }

    [Fact]
    public void SaveDraft_BlankEntryForAnIndicatorWithNothingSaved_IsNotAChange()
    {
        var quarterlyReturn = _builder.Open();

        var changed = Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, null, null, null, null));

        Assert.False(changed);
        Assert.Empty(quarterlyReturn.Figures);
        Assert.Equal(0, quarterlyReturn.Version);
    }

    [Fact]
    public void SaveDraft_CommentaryWithoutAFigure_IsKeptButTheReturnCannotBeSubmitted()
    {
        var quarterlyReturn = _builder.Open();

        Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, null, null, null, "Figures follow once the audit is done"));

        var figure = quarterlyReturn.FigureFor(_builder.FamiliesId);
        Assert.NotNull(figure);
        Assert.Null(figure.Value);
        Assert.Null(figure.Figure);
        Assert.Equal("Figures follow once the audit is done", figure.Commentary);
        Assert.Contains(quarterlyReturn.SubmissionProblems(_builder.Contract), p => p.Message == $"Enter a figure for {ReturnBuilder.Families}");
    }

    [Fact]
    public void SaveDraft_NumeratorMoreThanDenominatorForAPercentage_IsRefused()
    {
        var quarterlyReturn = _builder.Open();

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, new FigureEntry(_builder.AssessmentsId, null, 21, 20, null)));

        Assert.Equal("Numerator", error.PropertyName);
        Assert.Contains("cannot be more than the denominator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveDraft_ZeroDenominator_IsRefused()
    {
        var quarterlyReturn = _builder.Open();

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, new FigureEntry(_builder.ReReferralsId, null, 0, 0, null)));

        Assert.Equal("Denominator", error.PropertyName);
    }

    [Theory]
    [InlineData("17.5")]
    [InlineData("-1")]
    public void SaveDraft_NumeratorNotAWholeNumberOrNegative_IsRefused(string numerator)
    {
        var quarterlyReturn = _builder.Open();
        var entry = new FigureEntry(_builder.AssessmentsId, null, decimal.Parse(numerator, System.Globalization.CultureInfo.InvariantCulture), 20, null);

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, entry));

        Assert.Equal($"The numerator for {ReturnBuilder.Assessments} must be a whole number, 0 or more", error.Message);
    }

    [Fact]
    public void SaveDraft_NegativeValue_IsRefused()
    {
        var quarterlyReturn = _builder.Open();

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, new FigureEntry(_builder.CostPerCaseId, -0.01m, null, null, null)));

        Assert.Equal($"The value for {ReturnBuilder.CostPerCase} must be 0 or more", error.Message);
    }

    [Fact]
    public void SaveDraft_PercentageOver100_IsRefused()
    {
        var quarterlyReturn = _builder.Open();

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, new FigureEntry(_builder.AssessmentsId, 101m, 101, 100, null)));

        Assert.Contains(error.Violations, v => v.Message == $"The numerator for {ReturnBuilder.Assessments} cannot be more than the denominator");
        Assert.Null(quarterlyReturn.FigureFor(_builder.AssessmentsId));
    }

    [Fact]
    public void SaveDraft_CountNotAWholeNumber_IsRefused()
    {
        var quarterlyReturn = _builder.Open();

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, 412.5m, null, null, null)));

        Assert.Equal($"The value for {ReturnBuilder.Families} must be a whole number", error.Message);
    }

    [Fact]
    public void SaveDraft_MoreThanTwoDecimalPlaces_IsRefused()
    {
        var quarterlyReturn = _builder.Open();

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, new FigureEntry(_builder.DaysToVisitId, 8.505m, null, null, null)));

        Assert.Equal($"The value for {ReturnBuilder.DaysToVisit} must have no more than 2 decimal places", error.Message);
    }

    [Fact]
    public void SaveDraft_UnknownIndicator_IsRefusedAndNothingIsSaved()
    {
        var quarterlyReturn = _builder.Open();

        var error = Assert.Throws<BusinessRuleException>(() => Save(
            quarterlyReturn,
            new FigureEntry(_builder.FamiliesId, 412, null, null, null),
            new FigureEntry(IndicatorId.New(), 1, null, null, null)));

        Assert.Equal("An indicator in the return does not belong to this contract", error.Message);
        Assert.Equal("IndicatorId", error.PropertyName);
        Assert.Empty(quarterlyReturn.Figures);
        Assert.Equal(0, quarterlyReturn.Version);
    }

    [Fact]
    public void SaveDraft_SameIndicatorTwice_IsRefusedAndNothingIsSaved()
    {
        var quarterlyReturn = _builder.Open();

        var error = Assert.Throws<BusinessRuleException>(() => Save(
            quarterlyReturn,
            new FigureEntry(_builder.FamiliesId, 412, null, null, null),
            new FigureEntry(_builder.FamiliesId, 413, null, null, null)));

        Assert.Equal($"{ReturnBuilder.Families} is given more than once", error.Message);
        Assert.Empty(quarterlyReturn.Figures);
    }

    [Fact]
    public void SaveDraft_SeveralBadEntries_ReportsEveryProblemAndSavesNothing()
    {
        var quarterlyReturn = _builder.Draft();
        var version = quarterlyReturn.Version;

        var error = Assert.Throws<BusinessRuleException>(() => Save(
            quarterlyReturn,
            new FigureEntry(_builder.FamiliesId, 1.5m, null, null, null),
            new FigureEntry(_builder.AssessmentsId, null, 1, 0, null),
            new FigureEntry(_builder.CostPerCaseId, 100m, null, null, new string('x', ReturnFigure.CommentaryMaxLength + 1))));

        Assert.Equal(3, error.Violations.Count);
        Assert.Contains(error.Violations, v => v.PropertyName == "Commentary" && v.Message == $"Commentary on {ReturnBuilder.CostPerCase} must be 2000 characters or fewer");
        Assert.Equal(version, quarterlyReturn.Version);
        Assert.Equal(412m, quarterlyReturn.FigureFor(_builder.FamiliesId)!.Value);
        Assert.Equal(2_410m, quarterlyReturn.FigureFor(_builder.CostPerCaseId)!.Value);
    }

    [Fact]
    public void SaveDraft_AnotherContract_IsAProgrammingError()
    {
        var quarterlyReturn = _builder.Open();
        var other = new ReturnBuilder().Contract;

        Assert.Throws<ArgumentException>(() => quarterlyReturn.SaveDraft(other, [], ReturnBuilder.Provider, Later));
    }

    [Fact]
    public void SaveDraft_WhileQueried_IsAllowed()
    {
        var quarterlyReturn = _builder.Queried();

        var changed = Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, 402, null, null, "Corrected: duplicates removed"));

        Assert.True(changed);
        Assert.Equal(ReturnStatus.Queried, quarterlyReturn.Status);
        Assert.Equal(402m, quarterlyReturn.FigureFor(_builder.FamiliesId)!.Value);
    }

    [Fact]
    public void SaveDraft_WhileSubmitted_IsRefusedWithAPointerToWithdraw()
    {
        var quarterlyReturn = _builder.Submitted();

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, 402, null, null, null)));

        Assert.Equal("This return has been submitted. Withdraw it to make changes", error.Message);
        Assert.Equal(412m, quarterlyReturn.FigureFor(_builder.FamiliesId)!.Value);
    }

    [Fact]
    public void SaveDraft_AfterAcceptance_IsRefusedWithAPointerToRestatement()
    {
        var quarterlyReturn = _builder.Accepted();
        var version = quarterlyReturn.Version;

        var error = Assert.Throws<BusinessRuleException>(() => Save(quarterlyReturn, new FigureEntry(_builder.FamiliesId, 402, null, null, null)));

        Assert.Equal("This return has been accepted, so its figures are locked. Propose a restatement to correct a figure", error.Message);
        Assert.Equal(version, quarterlyReturn.Version);
    }
}
