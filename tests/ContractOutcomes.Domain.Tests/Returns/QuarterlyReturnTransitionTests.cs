using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Returns;

namespace ContractOutcomes.Domain.Tests.Returns;

/// <summary>
/// Every action tried in every state of the workflow: each either moves the return to the expected state
/// or is refused with a message and changes nothing at all.
/// </summary>
public sealed class QuarterlyReturnTransitionTests
{
    private const string Refused = "refused";

    private static readonly DateTimeOffset ActedAt = ReturnBuilder.Now.AddDays(1);

    private readonly ReturnBuilder _builder = new();

    private Guid _evidenceId;

    public static TheoryData<string, string, string, string?> Transitions => new()
    {
        // state, action, expected state (or "refused"), the refusal's message
        { "Draft", "Submit", "Submitted", null },
        { "Draft", "Withdraw", Refused, "Only a submitted return can be withdrawn" },
        { "Draft", "Query", Refused, "Only a submitted return can be queried; this one is still a draft" },
        { "Draft", "Accept", Refused, "Only a submitted return can be accepted; this one is still a draft" },
        { "Draft", "SaveDraft", "Draft", null },
        { "Draft", "AddEvidence", "Draft", null },
        { "Draft", "RemoveEvidence", "Draft", null },
        { "Draft", "ProposeRestatement", Refused, "Only an accepted return can be restated; until then, the figures can be changed directly" },

        { "Submitted", "Submit", Refused, "This return has already been submitted" },
        { "Submitted", "Withdraw", "Draft", null },
        { "Submitted", "Query", "Queried", null },
        { "Submitted", "Accept", "Accepted", null },
        { "Submitted", "SaveDraft", Refused, "This return has been submitted. Withdraw it to make changes" },
        { "Submitted", "AddEvidence", Refused, "Evidence can be added only while the return is a draft or has been queried" },
        { "Submitted", "RemoveEvidence", Refused, "Evidence can be removed only while the return is a draft or has been queried" },
        { "Submitted", "ProposeRestatement", Refused, "Only an accepted return can be restated; until then, the figures can be changed directly" },

        { "Queried", "Submit", "Submitted", null },
        { "Queried", "Withdraw", Refused, "The commissioner has queried this return; revise it and submit it again" },
        { "Queried", "Query", Refused, "This return is waiting for the provider to answer a query, so it cannot be queried" },
        { "Queried", "Accept", Refused, "This return is waiting for the provider to answer a query, so it cannot be accepted" },
        { "Queried", "SaveDraft", "Queried", null },
        { "Queried", "AddEvidence", "Queried", null },
        { "Queried", "RemoveEvidence", "Queried", null },
        { "Queried", "ProposeRestatement", Refused, "Only an accepted return can be restated; until then, the figures can be changed directly" },

        { "Resubmitted", "Submit", Refused, "This return has already been submitted" },
        { "Resubmitted", "Withdraw", "Queried", null },
        { "Resubmitted", "Query", "Queried", null },
        { "Resubmitted", "Accept", "Accepted", null },
        { "Resubmitted", "SaveDraft", Refused, "This return has been submitted. Withdraw it to make changes" },
        { "Resubmitted", "AddEvidence", Refused, "Evidence can be added only while the return is a draft or has been queried" },
        { "Resubmitted", "RemoveEvidence", Refused, "Evidence can be removed only while the return is a draft or has been queried" },
        { "Resubmitted", "ProposeRestatement", Refused, "Only an accepted return can be restated; until then, the figures can be changed directly" },

        { "Accepted", "Submit", Refused, "This return has already been accepted" },
        { "Accepted", "Withdraw", Refused, "This return has been accepted, so it can no longer be withdrawn" },
        { "Accepted", "Query", Refused, "This return has already been accepted" },
        { "Accepted", "Accept", Refused, "This return has already been accepted" },
        { "Accepted", "SaveDraft", Refused, "This return has been accepted, so its figures are locked. Propose a restatement to correct a figure" },
        { "Accepted", "AddEvidence", Refused, "Evidence can be added only while the return is a draft or has been queried" },
        { "Accepted", "RemoveEvidence", Refused, "Evidence can be removed only while the return is a draft or has been queried" },
        { "Accepted", "ProposeRestatement", "Accepted", null },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Action_InState_MovesToTheExpectedStateOrIsRefusedChangingNothing(string state, string action, string expected, string? message)
    {
        var quarterlyReturn = Arrange(state);
        quarterlyReturn.ClearDomainEvents();
        var before = Snapshot(quarterlyReturn);

        var act = () => Act(quarterlyReturn, action);

        if (expected == Refused)
        {
            var error = Assert.Throws<BusinessRuleException>(act);
            Assert.Equal(message, error.Message);
            Assert.Equal(before, Snapshot(quarterlyReturn));
            Assert.Empty(quarterlyReturn.DomainEvents);
        }
        else
        {
            act();
            Assert.Equal(Enum.Parse<ReturnStatus>(expected), quarterlyReturn.Status);
            Assert.True(quarterlyReturn.Version > before.Version);
            Assert.Equal(ActedAt, quarterlyReturn.LastChangedAt);
        }
    }

    private QuarterlyReturn Arrange(string state)
    {
        var quarterlyReturn = _builder.Draft();
        _evidenceId = quarterlyReturn.AddEvidence("audit.pdf", "application/pdf", 1_024, ReturnBuilder.Sha('a'), ReturnBuilder.Provider, ReturnBuilder.Now).Id;
        if (state == "Draft")
        {
            return quarterlyReturn;
        }

        quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, ReturnBuilder.Now.AddMinutes(5));
        if (state is "Queried" or "Resubmitted")
        {
            quarterlyReturn.Query(_builder.Contract, [(_builder.FamiliesId, "Please check for duplicates")], ReturnBuilder.Commissioner, ReturnBuilder.Now.AddHours(1));
        }

        if (state == "Resubmitted")
        {
            quarterlyReturn.Submit(_builder.Contract, ReturnBuilder.Provider, ReturnBuilder.Now.AddHours(2));
        }

        if (state == "Accepted")
        {
            quarterlyReturn.Accept(ReturnBuilder.Commissioner, ReturnBuilder.Now.AddHours(3));
        }

        return quarterlyReturn;
    }

    private void Act(QuarterlyReturn quarterlyReturn, string action)
    {
        var contract = _builder.Contract;
        switch (action)
        {
            case "Submit":
                quarterlyReturn.Submit(contract, ReturnBuilder.Provider, ActedAt);
                break;
            case "Withdraw":
                quarterlyReturn.Withdraw(ReturnBuilder.Provider, ActedAt);
                break;
            case "Query":
                quarterlyReturn.Query(contract, [(_builder.DaysToVisitId, "How is the wait measured?")], ReturnBuilder.Commissioner, ActedAt);
                break;
            case "Accept":
                quarterlyReturn.Accept(ReturnBuilder.Commissioner, ActedAt);
                break;
            case "SaveDraft":
                quarterlyReturn.SaveDraft(contract, [new FigureEntry(_builder.FamiliesId, 405, null, null, null)], ReturnBuilder.Provider, ActedAt);
                break;
            case "AddEvidence":
                quarterlyReturn.AddEvidence("minutes.pdf", "application/pdf", 2_048, ReturnBuilder.Sha('b'), ReturnBuilder.Provider, ActedAt);
                break;
            case "RemoveEvidence":
                quarterlyReturn.RemoveEvidence(_evidenceId, ReturnBuilder.Provider, ActedAt);
                break;
            case "ProposeRestatement":
                quarterlyReturn.ProposeRestatement(contract, new FigureEntry(_builder.FamiliesId, 415, null, null, null), "Late referrals were found in the audit", ReturnBuilder.Provider, ActedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static State Snapshot(QuarterlyReturn r) => new(
        r.Status,
        r.Version,
        r.LastChangedAt,
        r.SubmittedAt,
        r.AcceptedAt,
        string.Join("|", r.Figures.Select(f => $"{f.IndicatorId}:{f.Value}:{f.Numerator}:{f.Denominator}:{f.Commentary}")),
        string.Join("|", r.Queries.Select(q => $"{q.Id}:{q.IsOpen}")),
        r.Evidence.Count,
        r.Restatements.Count,
        r.History.Count);

    private sealed record State(
        ReturnStatus Status,
        int Version,
        DateTimeOffset LastChangedAt,
        DateTimeOffset? SubmittedAt,
        DateTimeOffset? AcceptedAt,
        string Figures,
        string Queries,
        int Evidence,
        int Restatements,
        int History);
}
