using System.Globalization;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Application.Escalation.GetEscalationRules;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using MediatR;

namespace ContractOutcomes.Application.Escalation.GetEscalation;

/// <summary>One rung of the escalation ladder, marked when the contract stands on it.</summary>
public sealed record EscalationStageStep(EscalationStage Stage, string Name, bool IsCurrent);

/// <summary>
/// The 30-day clock for publishing a contract performance notice (Procurement Act 2023 s71(4)), as of
/// <see cref="EscalationView.Today"/>: days left until <see cref="DueBy"/> (0 on the day itself), or days overdue.
/// </summary>
public sealed record PerformanceNoticeClock(DateOnly FailedToImproveOn, DateOnly DueBy, int DaysLeft, int DaysOverdue, string InWords)
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public bool IsOverdue => DaysOverdue > 0;

    public static PerformanceNoticeClock For(DateOnly failedToImproveOn, DateOnly dueBy, DateOnly today)
    {
        var left = dueBy.DayNumber - today.DayNumber;
        var words = left switch
        {
            > 1 => string.Create(EnglishUk, $"{left} days left"),
            1 => "1 day left",
            0 => "due today",
            -1 => "1 day overdue",
            _ => string.Create(EnglishUk, $"{-left} days overdue"),
        };
        return new PerformanceNoticeClock(failedToImproveOn, dueBy, Math.Max(0, left), Math.Max(0, -left), words);
    }
}

/// <summary>A rule firing now: which rule, in words, for which period, and why. Listed latest period first.</summary>
public sealed record ActiveTriggerView(
    int RuleNumber,
    string RuleDescription,
    string Period,
    string Reason,
    EscalationStage StageAfter,
    DateTimeOffset FiredAt);

/// <summary>One entry of the history: <see cref="At"/> is in UK local time; automatic entries were written by the rules, not a person.</summary>
public sealed record EscalationHistoryEntry(
    int Number,
    EscalationEventKind Kind,
    string KindName,
    EscalationStage StageBefore,
    string StageBeforeName,
    EscalationStage StageAfter,
    string StageAfterName,
    bool ChangedStage,
    string? Period,
    int? RuleNumber,
    string? RuleDescription,
    string? Note,
    DateOnly? DueOn,
    string ActorName,
    bool IsAutomatic,
    DateTimeOffset At);

/// <summary>Which decisions the current user may record now, and the stages a de-escalation may go down to.</summary>
public sealed record EscalationDecisionsAllowed(
    bool Acknowledge,
    bool AgreeImprovementPlan,
    bool IssueFormalNotice,
    bool Deescalate,
    IReadOnlyList<EscalationStage> DeescalateTo)
{
    public bool Any => Acknowledge || AgreeImprovementPlan || IssueFormalNotice || Deescalate;
}

/// <summary>
/// Where a contract stands on the escalation ladder and how it got there. <see cref="Version"/> is the escalation
/// case's version (0 when there is no case yet), which a decision sends back as its expected version.
/// </summary>
public sealed record EscalationView(
    Guid ContractId,
    string ContractReference,
    string ContractTitle,
    string ProviderName,
    ContractStatus ContractStatus,
    bool HasCase,
    EscalationStage Stage,
    string StageName,
    string Summary,
    IReadOnlyList<EscalationStageStep> Ladder,
    DateOnly? ImprovementPlanDueOn,
    DateOnly? FormalNoticeIssuedOn,
    DateOnly? FormalNoticeDeadline,
    DateOnly? FailedToImproveOn,
    PerformanceNoticeClock? PerformanceNotice,
    IReadOnlyList<ActiveTriggerView> ActiveTriggers,
    IReadOnlyList<EscalationHistoryEntry> History,
    int Version,
    DateOnly Today,
    EscalationDecisionsAllowed Can);

/// <summary>A contract's escalation: the contract's commissioner and provider (and administrators) may read it.</summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetEscalation(Guid ContractId) : IQuery<EscalationView>;

public sealed class GetEscalationHandler(IReadStore store, ICurrentUser user, IClock clock) : IRequestHandler<GetEscalation, EscalationView>
{
    public const string NothingEscalated = "Routine monitoring — nothing has been escalated";

    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    public async Task<EscalationView> Handle(GetEscalation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contractId = new ContractId(request.ContractId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.VisibleTo(user).Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The contract");
        var providerName = await store.FirstOrDefaultAsync(
            store.Organisations.Where(o => o.Id == contract.ProviderId).Select(o => o.Name), cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var escalationCase = await store.FirstOrDefaultAsync(store.EscalationCases.Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false);
        return Build(contract, providerName, escalationCase, user, clock.Today);
    }

    internal static EscalationView Build(Contract contract, string providerName, EscalationCase? escalationCase, ICurrentUser user, DateOnly today)
    {
        var stage = escalationCase?.Stage ?? EscalationStage.RoutineMonitoring;
        var active = escalationCase?.ActiveTriggers() ?? [];
        var history = escalationCase?.History ?? [];
        var isCommissioner = user.IsInRole(Roles.Commissioner) && contract.CommissionerId == user.OrganisationId;
        var decides = isCommissioner && contract.Status != ContractStatus.Draft;
        var lower = Enum.GetValues<EscalationStage>().Where(s => s < stage).ToArray();
        return new EscalationView(
            contract.Id.Value,
            contract.Reference,
            contract.Title,
            providerName,
            contract.Status,
            escalationCase is not null,
            stage,
            stage.DisplayName(),
            Summary(stage, active.Select(t => t.RuleNumber).Distinct().Count(), history.Count, escalationCase?.FailedToImproveOn is not null),
            [.. Enum.GetValues<EscalationStage>().Select(s => new EscalationStageStep(s, s.DisplayName(), s == stage))],
            escalationCase?.ImprovementPlanDueOn,
            escalationCase?.FormalNoticeIssuedOn,
            escalationCase?.FormalNoticeDeadline,
            escalationCase?.FailedToImproveOn,
            escalationCase is { FailedToImproveOn: { } failedOn, PerformanceNoticeDueBy: { } dueBy } ? PerformanceNoticeClock.For(failedOn, dueBy, today) : null,
            [.. active.OrderByDescending(t => t.Period).ThenBy(t => t.RuleNumber).Select(t => new ActiveTriggerView(
                t.RuleNumber!.Value,
                EscalationWords.DescribeRule(contract, t.RuleNumber.Value),
                t.Period?.Label ?? string.Empty,
                t.Note ?? string.Empty,
                t.StageAfter,
                UkTime.ToUk(t.At)))],
            [.. history.OrderByDescending(e => e.Number).Select(e => new EscalationHistoryEntry(
                e.Number,
                e.Kind,
                e.Kind.DisplayName(),
                e.StageBefore,
                e.StageBefore.DisplayName(),
                e.StageAfter,
                e.StageAfter.DisplayName(),
                e.ChangedStage,
                e.Period?.Label,
                e.RuleNumber,
                e.RuleNumber is { } rule ? EscalationWords.DescribeRule(contract, rule) : null,
                e.Note,
                e.DueOn,
                e.ActorName,
                e.ActorUserId == Actor.System.UserId,
                UkTime.ToUk(e.At)))],
            escalationCase?.Version ?? 0,
            today,
            new EscalationDecisionsAllowed(
                Acknowledge: decides && (stage > EscalationStage.RoutineMonitoring || active.Count > 0),
                AgreeImprovementPlan: decides,
                IssueFormalNotice: decides && escalationCase?.HasOpenFormalNotice != true,
                Deescalate: decides && stage > EscalationStage.RoutineMonitoring,
                DeescalateTo: decides ? lower : []));
    }

    private static string Summary(EscalationStage stage, int rulesFiring, int historyEntries, bool failedToImprove)
    {
        if (stage == EscalationStage.RoutineMonitoring && rulesFiring == 0)
        {
            return historyEntries == 0 ? NothingEscalated : "Routine monitoring — no rule is firing";
        }

        var firing = rulesFiring switch
        {
            0 => "no rule is firing",
            1 => "1 rule is firing",
            _ => string.Create(EnglishUk, $"{rulesFiring} rules are firing"),
        };
        return failedToImprove
            ? $"{stage.DisplayName()} — the contract failed to improve; {firing}"
            : $"{stage.DisplayName()} — {firing}";
    }
}
