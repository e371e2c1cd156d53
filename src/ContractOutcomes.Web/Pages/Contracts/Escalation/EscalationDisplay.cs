using ContractOutcomes.Application.Escalation.GetEscalation;
using ContractOutcomes.Application.Escalation.RecordEscalationDecision;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Escalation;

/// <summary>Words, colours and option lists for the escalation pages, so the page, the decision forms and the rules agree.</summary>
public static class EscalationDisplay
{
    /// <summary>The stages a rule may raise a contract to: every stage above routine monitoring.</summary>
    public static IReadOnlyList<EscalationStage> RaisableStages { get; } =
        [.. Enum.GetValues<EscalationStage>().Where(s => s > EscalationStage.RoutineMonitoring)];

    /// <summary>The ratings a rule may count "at or below": the scale from Good to Inadequate.</summary>
    public static IReadOnlyList<PerformanceRating> RuleRatings { get; } =
        [PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement, PerformanceRating.Inadequate];

    /// <summary>The colour of a stage's tag; the stage's name is always shown with it.</summary>
    public static string StageColour(EscalationStage stage) => stage switch
    {
        EscalationStage.RoutineMonitoring => "green",
        EscalationStage.EnhancedMonitoring => "yellow",
        EscalationStage.ImprovementPlan => "orange",
        _ => "red",
    };

    public static string Date(DateOnly? date, string none) => date is { } d ? ContractDisplay.Date(d) : none;

    /// <summary>The heading of a decision's page, which is also the link text to it.</summary>
    public static string Title(EscalationDecision decision) => decision switch
    {
        EscalationDecision.Acknowledge => "Acknowledge the current position",
        EscalationDecision.AgreeImprovementPlan => "Agree an improvement plan",
        EscalationDecision.IssueFormalNotice => "Issue a formal performance notice",
        EscalationDecision.Deescalate => "De-escalate the contract",
        _ => decision.ToString(),
    };

    /// <summary>What a decision does, in a sentence, beside the link to it.</summary>
    public static string Purpose(EscalationDecision decision) => decision switch
    {
        EscalationDecision.Acknowledge => "Record that you have seen what is firing, with a note. The stage does not change.",
        EscalationDecision.AgreeImprovementPlan => "Record a plan agreed with the provider and when it is due. The contract moves up to improvement plan if it is below it.",
        EscalationDecision.IssueFormalNotice => "Record a formal performance notice with an improvement deadline. The contract moves up to formal performance notice if it is below it.",
        EscalationDecision.Deescalate => "Move the contract down to a lower stage, with the reason.",
        _ => string.Empty,
    };

    /// <summary>Whether the current user may take the decision now.</summary>
    public static bool Allowed(EscalationView view, EscalationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(view);
        return decision switch
        {
            EscalationDecision.Acknowledge => view.Can.Acknowledge,
            EscalationDecision.AgreeImprovementPlan => view.Can.AgreeImprovementPlan,
            EscalationDecision.IssueFormalNotice => view.Can.IssueFormalNotice,
            EscalationDecision.Deescalate => view.Can.Deescalate,
            _ => false,
        };
    }

    /// <summary>Why a decision cannot be taken now, in the words the domain would use; null when it can.</summary>
    public static string? WhyNot(EscalationView view, EscalationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (Allowed(view, decision))
        {
            return null;
        }

        if (view.ContractStatus == ContractStatus.Draft)
        {
            return "This contract is still a draft. Escalation starts once it is active.";
        }

        return decision switch
        {
            EscalationDecision.Acknowledge => "There is nothing to acknowledge: the contract is at routine monitoring and no rule is firing.",
            EscalationDecision.IssueFormalNotice when view.FormalNoticeDeadline is { } deadline =>
                $"A formal performance notice is already open, with an improvement deadline of {ContractDisplay.Date(deadline)}. De-escalate below formal performance notice to close it before issuing another.",
            EscalationDecision.Deescalate => "The contract is already at routine monitoring, the lowest stage.",
            _ => "You cannot record this decision on this contract.",
        };
    }

    /// <summary>
    /// The form field a decision's error belongs beside. The validator names the request's fields (Note, DueOn, ToStage);
    /// the escalation case names its own (Reason, ImprovementDeadline, Stage), which are the same boxes on the form.
    /// </summary>
    public static string DecisionField(string? property) => property switch
    {
        "Reason" => nameof(RecordEscalationDecision.Note),
        "ImprovementDeadline" => nameof(RecordEscalationDecision.DueOn),
        "Stage" => nameof(RecordEscalationDecision.ToStage),
        _ => property ?? string.Empty,
    };

    /// <summary>The same refusal with each message named after the request field it is about.</summary>
    public static BusinessRuleException InRequestTerms(BusinessRuleException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new BusinessRuleException([.. refusal.Violations.Select(v => v with { PropertyName = v.PropertyName is null ? null : DecisionField(v.PropertyName) })]);
    }

    /// <summary>What a history entry's date means for its kind: "Plan due 26 February 2027".</summary>
    public static string? DueOn(EscalationHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.DueOn is not { } due)
        {
            return null;
        }

        var date = ContractDisplay.Date(due);
        return entry.Kind switch
        {
            EscalationEventKind.ImprovementPlanAgreed => $"Plan due {date}",
            EscalationEventKind.FormalNoticeIssued => $"Improvement deadline {date}",
            EscalationEventKind.FailedToImprove => $"Contract performance notice due by {date}",
            _ => date,
        };
    }

    public static IReadOnlyList<SelectListItem> StageOptions(IEnumerable<EscalationStage> stages, string? emptyText)
    {
        var options = new List<SelectListItem>();
        if (emptyText is not null)
        {
            options.Add(new SelectListItem(emptyText, string.Empty));
        }

        options.AddRange(stages.Select(s => new SelectListItem(s.DisplayName(), s.ToString())));
        return options;
    }

    public static IReadOnlyList<SelectListItem> RatingOptions() =>
        [new SelectListItem("Select a rating", string.Empty), .. RuleRatings.Select(r => new SelectListItem(r.DisplayName(), r.ToString()))];

    /// <summary>Reads an enum value posted by a form; null when empty or not one of the enum's named values.</summary>
    public static TEnum? Parse<TEnum>(string? text)
        where TEnum : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse<TEnum>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : null;
}
