using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Tests.Returns;

public sealed class RestatementTests
{
    private const string Reason = "An audit found 6 families recorded after the return was submitted";

    private static readonly DateTimeOffset ProposedAt = ReturnBuilder.Now.AddDays(10);
    private static readonly DateTimeOffset DecidedAt = ReturnBuilder.Now.AddDays(12);

    private readonly ReturnBuilder _builder = new();

    private Restatement Propose(QuarterlyReturn quarterlyReturn, FigureEntry corrected, string? reason = Reason) =>
        quarterlyReturn.ProposeRestatement(_builder.Contract, corrected, reason!, ReturnBuilder.Provider, ProposedAt);

    private FigureEntry Families(decimal value, string? commentary = null) => new(_builder.FamiliesId, value, null, null, commentary);

    [Fact]
    public void ProposeRestatement_Accepted_KeepsBothFiguresAndChangesNothingYet()
    {
        var quarterlyReturn = _builder.Accepted();
        quarterlyReturn.ClearDomainEvents();

        var restatement = Propose(quarterlyReturn, new FigureEntry(_builder.AssessmentsId, null, 91, 100, "Includes late-recorded assessments"));

        Assert.Equal(RestatementStatus.Proposed, restatement.Status);
        Assert.Equal(1, restatement.Number);
        Assert.Equal(_builder.AssessmentsId, restatement.IndicatorId);
        Assert.Equal((90m, 90m, 100m), (restatement.PreviousValue!.Value, restatement.PreviousNumerator!.Value, restatement.PreviousDenominator!.Value));
        Assert.Equal((91m, 91m, 100m), (restatement.ProposedValue, restatement.ProposedNumerator!.Value, restatement.ProposedDenominator!.Value));
        Assert.Equal("Includes late-recorded assessments", restatement.ProposedCommentary);
        Assert.Equal(Reason, restatement.Reason);
        Assert.Equal(ReturnBuilder.Provider.Name, restatement.ProposedByName);
        Assert.Equal(ProposedAt, restatement.ProposedAt);
        Assert.Null(restatement.DecidedAt);
        var figure = quarterlyReturn.FigureFor(_builder.AssessmentsId)!;
        Assert.Equal(90m, figure.Value);
        Assert.False(figure.IsRestated);
        Assert.Equal(ReturnStatus.Accepted, quarterlyReturn.Status);
        Assert.Equal(new RestatementProposed(quarterlyReturn.Id, _builder.Contract.Id, ReturnBuilder.Period, _builder.AssessmentsId), Assert.Single(quarterlyReturn.DomainEvents));
        Assert.Equal(ReturnEventKind.RestatementProposed, quarterlyReturn.History[^1].Kind);
        Assert.Equal(
            $"Restatement proposed for {ReturnBuilder.Assessments}: 90.0% (90 of 100) to 91.0% (91 of 100). Reason: {Reason}",
            quarterlyReturn.History[^1].Description);
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("Submitted")]
    [InlineData("Queried")]
    public void ProposeRestatement_NotAccepted_IsRefused(string state)
    {
        var quarterlyReturn = state switch
        {
            "Draft" => _builder.Draft(),
            "Submitted" => _builder.Submitted(),
            _ => _builder.Queried(),
        };

        var error = Assert.Throws<BusinessRuleException>(() => Propose(quarterlyReturn, Families(415)));

        Assert.Equal("Only an accepted return can be restated; until then, the figures can be changed directly", error.Message);
        Assert.Empty(quarterlyReturn.Restatements);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ProposeRestatement_NoReason_IsRefusedOnTheReason(string? reason)
    {
        var quarterlyReturn = _builder.Accepted();

        var error = Assert.Throws<BusinessRuleException>(() => Propose(quarterlyReturn, Families(415), reason));

        Assert.Equal("Enter the reason for the restatement", error.Message);
        Assert.Equal("Reason", error.PropertyName);
        Assert.Empty(quarterlyReturn.Restatements);
    }

    [Fact]
    public void ProposeRestatement_SameFigureAsAccepted_IsRefused()
    {
        var quarterlyReturn = _builder.Accepted();

        var error = Assert.Throws<BusinessRuleException>(() => Propose(quarterlyReturn, Families(412, "Same figure, new words")));

        Assert.Equal($"The corrected figure is the same as the accepted figure for {ReturnBuilder.Families}", error.Message);
        Assert.Equal("Value", error.PropertyName);
    }

    [Fact]
    public void ProposeRestatement_SameRatioWrittenAsAnEqualFraction_IsNotTheSameFigure()
    {
        // 180 of 200 is 90% like 90 of 100, but the counts differ, and the counts are what aggregate.
        var quarterlyReturn = _builder.Accepted();

        var restatement = Propose(quarterlyReturn, new FigureEntry(_builder.AssessmentsId, null, 180, 200, null));

        Assert.Equal(90m, restatement.ProposedValue);
    }

    [Fact]
    public void ProposeRestatement_SecondWhileTheFirstIsPending_IsRefused()
    {
        var quarterlyReturn = _builder.Accepted();
        Propose(quarterlyReturn, Families(415));

        var error = Assert.Throws<BusinessRuleException>(() => Propose(quarterlyReturn, Families(418)));

        Assert.Equal($"A restatement of {ReturnBuilder.Families} is already waiting for a decision", error.Message);
        Assert.Equal("IndicatorId", error.PropertyName);
        Assert.Single(quarterlyReturn.Restatements);
    }

    [Fact]
    public void ProposeRestatement_AnotherIndicatorWhileOneIsPending_IsAllowed()
    {
        var quarterlyReturn = _builder.Accepted();
        Propose(quarterlyReturn, Families(415));

        var second = Propose(quarterlyReturn, new FigureEntry(_builder.CostPerCaseId, 2_420m, null, null, null));

        Assert.Equal(2, second.Number);
        Assert.Equal(2, quarterlyReturn.Restatements.Count);
    }

    [Fact]
    public void ProposeRestatement_SameIndicatorAfterTheFirstWasDecided_IsAllowed()
    {
        var quarterlyReturn = _builder.Accepted();
        var first = Propose(quarterlyReturn, Families(415));
        quarterlyReturn.RejectRestatement(_builder.Contract, first.Id, "The audit covered the wrong quarter", ReturnBuilder.Commissioner, DecidedAt);

        var second = Propose(quarterlyReturn, Families(414));

        Assert.Equal(RestatementStatus.Proposed, second.Status);
        Assert.Equal(412m, second.PreviousValue);
    }

    [Fact]
    public void ProposeRestatement_CorrectedFigureMissesTargetWithoutCommentary_AsksWhy()
    {
        var quarterlyReturn = _builder.Accepted();

        var error = Assert.Throws<BusinessRuleException>(() => Propose(quarterlyReturn, Families(390)));

        Assert.Equal($"Explain why {ReturnBuilder.Families} missed its target of 400", error.Message);
        Assert.Equal("Commentary", error.PropertyName);
        Assert.Empty(quarterlyReturn.Restatements);
    }

    [Fact]
    public void ProposeRestatement_CorrectedFigureMissesTargetWithCommentary_IsAllowed()
    {
        var quarterlyReturn = _builder.Accepted();

        var restatement = Propose(quarterlyReturn, Families(390, "Duplicates removed after the audit"));

        Assert.Equal(390m, restatement.ProposedValue);
    }

    [Fact]
    public void ProposeRestatement_InvalidFigure_ReportsFigureAndReasonProblemsTogether()
    {
        var quarterlyReturn = _builder.Accepted();

        var error = Assert.Throws<BusinessRuleException>(() => Propose(quarterlyReturn, new FigureEntry(_builder.AssessmentsId, null, 101, 100, null), " "));

        Assert.Equal(["Reason", "Numerator"], error.Violations.Select(v => v.PropertyName ?? string.Empty).ToArray());
    }

    [Fact]
    public void ProposeRestatement_UnknownIndicator_IsRefused()
    {
        var quarterlyReturn = _builder.Accepted();

        var error = Assert.Throws<BusinessRuleException>(() => Propose(quarterlyReturn, new FigureEntry(IndicatorId.New(), 1, null, null, null)));

        Assert.Equal("The indicator does not belong to this contract", error.Message);
    }

    [Fact]
    public void ApproveRestatement_Pending_ReplacesTheFigureMarksItRestatedAndKeepsThePrevious()
    {
        var quarterlyReturn = _builder.Accepted();
        var restatement = Propose(quarterlyReturn, Families(418, "Six families recorded late"));
        quarterlyReturn.ClearDomainEvents();
        var version = quarterlyReturn.Version;

        quarterlyReturn.ApproveRestatement(_builder.Contract, restatement.Id, ReturnBuilder.Commissioner, DecidedAt);

        var figure = quarterlyReturn.FigureFor(_builder.FamiliesId)!;
        Assert.Equal(418m, figure.Value);
        Assert.Equal("Six families recorded late", figure.Commentary);
        Assert.True(figure.IsRestated);
        Assert.Equal(RestatementStatus.Approved, restatement.Status);
        Assert.Equal(412m, restatement.PreviousValue);
        Assert.Null(restatement.PreviousCommentary);
        Assert.Equal(ReturnBuilder.Commissioner.Name, restatement.DecidedByName);
        Assert.Equal(DecidedAt, restatement.DecidedAt);
        Assert.Null(restatement.DecisionNote);
        Assert.Equal(ReturnStatus.Accepted, quarterlyReturn.Status);
        Assert.True(quarterlyReturn.Version > version);
        Assert.Equal(new ReturnRestated(quarterlyReturn.Id, _builder.Contract.Id, ReturnBuilder.Period, _builder.FamiliesId), Assert.Single(quarterlyReturn.DomainEvents));
        Assert.Equal(ReturnEventKind.RestatementApproved, quarterlyReturn.History[^1].Kind);
        Assert.Equal($"Restatement of {ReturnBuilder.Families} approved: now 418", quarterlyReturn.History[^1].Description);
        Assert.Equal(ReturnBuilder.Commissioner.Name, quarterlyReturn.History[^1].ActorName);
    }

    [Fact]
    public void ApproveRestatement_OtherFiguresAreUntouched()
    {
        var quarterlyReturn = _builder.Accepted();
        var restatement = Propose(quarterlyReturn, Families(418));

        quarterlyReturn.ApproveRestatement(_builder.Contract, restatement.Id, ReturnBuilder.Commissioner, DecidedAt);

        Assert.Single(quarterlyReturn.Figures, f => f.IsRestated);
        Assert.Equal(2_410m, quarterlyReturn.FigureFor(_builder.CostPerCaseId)!.Value);
    }

    [Fact]
    public void RejectRestatement_WithAReason_ChangesNoFigure()
    {
        var quarterlyReturn = _builder.Accepted();
        var restatement = Propose(quarterlyReturn, Families(418));
        quarterlyReturn.ClearDomainEvents();

        quarterlyReturn.RejectRestatement(_builder.Contract, restatement.Id, "  The audit covered the wrong quarter  ", ReturnBuilder.Commissioner, DecidedAt);

        var figure = quarterlyReturn.FigureFor(_builder.FamiliesId)!;
        Assert.Equal(412m, figure.Value);
        Assert.False(figure.IsRestated);
        Assert.Equal(RestatementStatus.Rejected, restatement.Status);
        Assert.Equal("The audit covered the wrong quarter", restatement.DecisionNote);
        Assert.Equal(ReturnBuilder.Commissioner.Name, restatement.DecidedByName);
        Assert.Equal(new RestatementRejected(quarterlyReturn.Id, _builder.Contract.Id, ReturnBuilder.Period, _builder.FamiliesId), Assert.Single(quarterlyReturn.DomainEvents));
        Assert.Equal(ReturnEventKind.RestatementRejected, quarterlyReturn.History[^1].Kind);
        Assert.Equal($"Restatement of {ReturnBuilder.Families} rejected: The audit covered the wrong quarter", quarterlyReturn.History[^1].Description);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectRestatement_NoReason_IsRefusedAndStaysPending(string? reason)
    {
        var quarterlyReturn = _builder.Accepted();
        var restatement = Propose(quarterlyReturn, Families(418));
        var version = quarterlyReturn.Version;

        var error = Assert.Throws<BusinessRuleException>(() =>
            quarterlyReturn.RejectRestatement(_builder.Contract, restatement.Id, reason!, ReturnBuilder.Commissioner, DecidedAt));

        Assert.Equal("Enter why you are rejecting the restatement", error.Message);
        Assert.Equal("Reason", error.PropertyName);
        Assert.Equal(RestatementStatus.Proposed, restatement.Status);
        Assert.Null(restatement.DecidedByName);
        Assert.Equal(version, quarterlyReturn.Version);
    }

    [Theory]
    [InlineData(true, true, "This restatement has already been approved")]
    [InlineData(true, false, "This restatement has already been approved")]
    [InlineData(false, true, "This restatement has already been rejected")]
    [InlineData(false, false, "This restatement has already been rejected")]
    public void Decide_AlreadyDecided_IsRefused(bool firstApproved, bool thenApprove, string message)
    {
        var quarterlyReturn = _builder.Accepted();
        var restatement = Propose(quarterlyReturn, Families(418));
        Decide(quarterlyReturn, restatement.Id, firstApproved);
        var version = quarterlyReturn.Version;
        var value = quarterlyReturn.FigureFor(_builder.FamiliesId)!.Value;

        var error = Assert.Throws<BusinessRuleException>(() => Decide(quarterlyReturn, restatement.Id, thenApprove));

        Assert.Equal(message, error.Message);
        Assert.Equal(version, quarterlyReturn.Version);
        Assert.Equal(value, quarterlyReturn.FigureFor(_builder.FamiliesId)!.Value);
        Assert.Equal(firstApproved ? RestatementStatus.Approved : RestatementStatus.Rejected, restatement.Status);
    }

    [Fact]
    public void Decide_UnknownRestatement_IsRefused()
    {
        var quarterlyReturn = _builder.Accepted();

        var approve = Assert.Throws<BusinessRuleException>(() => Decide(quarterlyReturn, Guid.NewGuid(), approve: true));
        var reject = Assert.Throws<BusinessRuleException>(() => Decide(quarterlyReturn, Guid.NewGuid(), approve: false));

        Assert.Equal("The restatement is not part of this return", approve.Message);
        Assert.Equal("The restatement is not part of this return", reject.Message);
    }

    [Fact]
    public void ApproveRestatement_RatioCorrection_IsShownWithItsCountsInTheHistory()
    {
        var quarterlyReturn = _builder.Accepted();
        var restatement = Propose(quarterlyReturn, new FigureEntry(_builder.ReReferralsId, null, 38, 200, null));

        quarterlyReturn.ApproveRestatement(_builder.Contract, restatement.Id, ReturnBuilder.Commissioner, DecidedAt);

        var figure = quarterlyReturn.FigureFor(_builder.ReReferralsId)!;
        Assert.Equal((19m, 38m, 200m), (figure.Value!.Value, figure.Numerator!.Value, figure.Denominator!.Value));
        Assert.Equal((18m, 36m, 200m), (restatement.PreviousValue!.Value, restatement.PreviousNumerator!.Value, restatement.PreviousDenominator!.Value));
        Assert.Equal($"Restatement of {ReturnBuilder.ReReferrals} approved: now 19.0% (38 of 200)", quarterlyReturn.History[^1].Description);
    }

    private void Decide(QuarterlyReturn quarterlyReturn, Guid restatementId, bool approve)
    {
        if (approve)
        {
            quarterlyReturn.ApproveRestatement(_builder.Contract, restatementId, ReturnBuilder.Commissioner, DecidedAt);
        }
        else
        {
            quarterlyReturn.RejectRestatement(_builder.Contract, restatementId, "Not supported by the audit", ReturnBuilder.Commissioner, DecidedAt);
        }
    }
}
