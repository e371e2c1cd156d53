using System.Globalization;
using ContractOutcomes.Application.Common.Exceptions;
using ContractOutcomes.Application.Common.Interfaces;
using ContractOutcomes.Application.Common.Security;
using ContractOutcomes.Application.Contracts.Common;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Incentives;
using ContractOutcomes.Domain.Performance;
using ContractOutcomes.Domain.Returns;
using MediatR;

namespace ContractOutcomes.Application.Performance.GetContractPerformance;

/// <summary>
/// A contract's performance: every period whose return has opened with where it stands, and one period's
/// stored results in full (ratings, scorecard figures, payment statement, each with its arithmetic) with the
/// escalation position. <paramref name="Period"/> is a slug ("2026-27-Q1") or a label; null means the latest
/// evaluated period. Reads stored evaluations and never recalculates a result: only the overall score's
/// explanation and the base fee's are put into words here, from the stored ratings and the contract's scheme.
/// </summary>
[AuthorizeRoles(Roles.Administrator, Roles.Commissioner, Roles.Provider)]
public sealed record GetContractPerformance(Guid ContractId, string? Period = null) : IQuery<ContractPerformanceView>;

public sealed class GetContractPerformanceHandler(IReadStore store, ICurrentUser user, IReportingCalendar calendar, IClock clock)
    : IRequestHandler<GetContractPerformance, ContractPerformanceView>
{
    private static readonly CultureInfo EnglishUk = CultureInfo.GetCultureInfo("en-GB");

    private static readonly PerformanceRating[] ScaleOrder =
    [
        PerformanceRating.Good, PerformanceRating.ApproachingTarget, PerformanceRating.RequiresImprovement,
        PerformanceRating.Inadequate, PerformanceRating.NotReported, PerformanceRating.Other,
    ];

    public async Task<ContractPerformanceView> Handle(GetContractPerformance request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ReportingPeriod? asked = null;
        if (request.Period is not null)
        {
            asked = ReportingPeriod.TryParse(request.Period, out var parsed) ? parsed : throw new NotFoundException("The period");
        }

        var contractId = new ContractId(request.ContractId);
        var contract = await store.FirstOrDefaultAsync(store.Contracts.VisibleTo(user).Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException("The contract");
        var providerName = await store.FirstOrDefaultAsync(
            store.Organisations.Where(o => o.Id == contract.ProviderId).Select(o => o.Name), cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var returns = (await store.ToListAsync(
                store.Returns.Where(r => r.ContractId == contractId).Select(r => new SavedReturn(r.Period, r.Status, r.DueOn)),
                cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => r.Period);
        var evaluations = (await store.ToListAsync(store.PeriodEvaluations.Where(e => e.ContractId == contractId), cancellationToken).ConfigureAwait(false))
            .ToDictionary(e => e.Period);
        var escalationCase = await store.FirstOrDefaultAsync(store.EscalationCases.Where(c => c.Id == contractId), cancellationToken).ConfigureAwait(false);

        var today = clock.Today;
        var periods = contract.Status == ContractStatus.Draft
            ? []
            : ReportingSchedule.PeriodsOwed(contract.Term, contract.EndedOn).Where(p => ReportingSchedule.IsOpen(p, today)).ToList();
        var states = periods.ToDictionary(p => p, p => StateOf(p, evaluations, returns, today));

        if (asked is { } wanted && !states.ContainsKey(wanted))
        {
            throw new NotFoundException("The period");
        }

        var selected = asked
            ?? periods.Where(p => states[p] == PeriodEvaluationState.Evaluated).Select(p => (ReportingPeriod?)p).LastOrDefault()
            ?? (periods.Count > 0 ? periods[^1] : null);

        var summaries = periods.Select(p => Summary(p, states[p], evaluations.GetValueOrDefault(p), DueOn(p, returns))).ToArray();
        var view = selected is { } period
            ? PeriodView(contract, period, states[period], evaluations.GetValueOrDefault(period), returns.GetValueOrDefault(period), DueOn(period, returns))
            : null;
        var canRecordOther = user.IsInRole(Roles.Commissioner) && contract.CommissionerId == user.OrganisationId;
        return new ContractPerformanceView(
            contract.Id.Value,
            contract.Reference,
            contract.Title,
            providerName,
            contract.Status,
            summaries,
            view,
            EscalationPanel(contract, escalationCase, selected),
            canRecordOther);
    }

    /// <summary>"Evaluated", "Awaiting review", "Not yet due" or "Awaiting evaluation".</summary>
    public static string StateName(PeriodEvaluationState state) => state switch
    {
        PeriodEvaluationState.Evaluated => "Evaluated",
        PeriodEvaluationState.AwaitingReview => "Awaiting review",
        PeriodEvaluationState.NotYetDue => "Not yet due",
        PeriodEvaluationState.AwaitingEvaluation => "Awaiting evaluation",
        _ => state.ToString(),
    };

    private PeriodEvaluationState StateOf(
        ReportingPeriod period, Dictionary<ReportingPeriod, PeriodEvaluation> evaluations, Dictionary<ReportingPeriod, SavedReturn> returns, DateOnly today)
    {
        if (evaluations.ContainsKey(period))
        {
            return PeriodEvaluationState.Evaluated;
        }

        var saved = returns.GetValueOrDefault(period);
        if (saved?.Status is ReturnStatus.Submitted or ReturnStatus.Queried)
        {
            return PeriodEvaluationState.AwaitingReview;
        }

        var due = saved?.DueOn ?? calendar.DueDate(period);
        return due is { } d && d < today ? PeriodEvaluationState.AwaitingEvaluation : PeriodEvaluationState.NotYetDue;
    }

    private DateOnly? DueOn(ReportingPeriod period, Dictionary<ReportingPeriod, SavedReturn> returns) =>
        returns.GetValueOrDefault(period)?.DueOn ?? calendar.DueDate(period);

    private static PerformancePeriodSummary Summary(ReportingPeriod period, PeriodEvaluationState state, PeriodEvaluation? evaluation, DateOnly? dueOn) =>
        new(
            period.Label,
            period.Slug,
            state,
            StateName(state),
            evaluation?.DueOn ?? dueOn,
            evaluation?.Score,
            evaluation is null ? [] : Counts(evaluation.Indicators.Select(i => i.Rating)),
            evaluation is { HasPayment: true } ? evaluation.NetPayment : null,
            evaluation is { HasPayment: true } ? evaluation.Withheld : null,
            evaluation is { HasPayment: true } ? evaluation.ServiceCredits : null,
            evaluation?.IsRestated ?? false,
            evaluation?.OtherRatings.Count > 0);

    private static IReadOnlyList<RatingCount> Counts(IEnumerable<PerformanceRating?> ratings)
    {
        var byRating = ratings.OfType<PerformanceRating>().GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        return [.. ScaleOrder.Where(byRating.ContainsKey).Select(r => new RatingCount(r, r.DisplayName(), byRating[r]))];
    }

    private static PerformancePeriodView PeriodView(
        Contract contract, ReportingPeriod period, PeriodEvaluationState state, PeriodEvaluation? evaluation, SavedReturn? saved, DateOnly? dueOn)
    {
        if (evaluation is null)
        {
            return new PerformancePeriodView(period.Label, period.Slug, state, StateName(state), dueOn, WhyNotEvaluated(state, saved, dueOn), null);
        }

        var indicators = contract.Indicators.ToDictionary(i => i.Id);
        var lines = evaluation.Indicators.OrderBy(i => i.DisplayOrder).ToList();
        var others = evaluation.OtherRatings.ToDictionary(o => o.IndicatorId);
        var indicatorViews = lines.Select(line =>
        {
            var definition = indicators.GetValueOrDefault(line.IndicatorId);
            var other = others.GetValueOrDefault(line.IndicatorId);
            return new IndicatorPerformanceView(
                line.IndicatorId.Value,
                line.IndicatorName,
                line.DisplayOrder,
                definition?.Unit ?? IndicatorUnit.Count,
                definition?.Polarity ?? Polarity.HigherIsBetter,
                line.Rating,
                line.Rating?.DisplayName() ?? "Not rated",
                line.RatingExplanation,
                line.TermsVersion,
                line.Actual,
                line.Numerator,
                line.Denominator,
                line.Target,
                Scorecard.VarianceFromTargetPercent(line.Actual, line.Target),
                line.PercentOfTarget,
                line.PreviousActual,
                line.Trend,
                line.TrendPeriods,
                line.Trend.Describe(line.TrendPeriods),
                Movement(line.PreviousActual, line.Actual),
                line.BaselineChangePercent,
                line.IsRestated,
                other is null ? null : new OtherRatingView(other.Reason, other.RecordedByName, other.RecordedAt));
        }).ToArray();

        // The score is stored; its explanation is presentation, put into words from the stored ratings and the
        // scheme's weights exactly as the evaluation counted them.
        var weights = contract.IncentiveScheme?.Incentives.Where(i => i.WeightPercent is not null).ToDictionary(i => i.IndicatorId, i => i.WeightPercent!.Value);
        var names = lines.ToDictionary(l => l.IndicatorId, l => l.IndicatorName);
        var ratings = new Dictionary<IndicatorId, PerformanceRating?>();
        foreach (var line in lines)
        {
            ratings[line.IndicatorId] = line.Rating;
        }

        var scoreExplanation = OverallScore.Explain(ratings, weights is { Count: > 0 } ? weights : null, id => names.GetValueOrDefault(id, "An indicator"));
        return new PerformancePeriodView(
            period.Label,
            period.Slug,
            state,
            StateName(state),
            evaluation.DueOn ?? dueOn,
            null,
            new EvaluatedPeriodView(
                evaluation.Version,
                evaluation.EvaluatedAt,
                evaluation.TermsVersion,
                evaluation.Score,
                scoreExplanation,
                Counts(lines.Select(l => l.Rating)),
                indicatorViews,
                evaluation.HasPayment ? Statement(contract, period, evaluation, lines) : null));
    }

    private static FigureMovement Movement(decimal? previous, decimal? actual) =>
        previous is { } p && actual is { } a
            ? a > p ? FigureMovement.Up : a < p ? FigureMovement.Down : FigureMovement.Same
            : FigureMovement.None;

    private static string WhyNotEvaluated(PeriodEvaluationState state, SavedReturn? saved, DateOnly? dueOn)
    {
        var due = dueOn is { } d ? d.ToString("d MMMM yyyy", EnglishUk) : null;
        return state switch
        {
            PeriodEvaluationState.AwaitingReview when saved?.Status == ReturnStatus.Queried =>
                "The commissioner has queried the return. The period will be rated once the provider has answered and the commissioner has accepted the return.",
            PeriodEvaluationState.AwaitingReview =>
                "The return has been submitted and is waiting for the commissioner to review it. The period will be rated once the return is accepted.",
            PeriodEvaluationState.NotYetDue when due is not null =>
                $"The return is not due until {due}. The period will be rated once the return is accepted, or as Not reported if nothing has been submitted by then.",
            PeriodEvaluationState.NotYetDue =>
                "The return's due date is not known yet. The period will be rated once the return is accepted.",
            _ =>
                $"The return was due on {due ?? "a date that has passed"} and nothing has been accepted. The period will be rated Not reported when results are next brought up to date.",
        };
    }

    private static PaymentStatementView Statement(Contract contract, ReportingPeriod period, PeriodEvaluation evaluation, IReadOnlyList<IndicatorEvaluation> lines)
    {
        var paid = lines.Where(l => l.Mechanism is not null).ToList();
        var lineViews = paid.Select(l => new PaymentLineView(
            l.IndicatorId.Value,
            l.IndicatorName,
            l.Mechanism!.Value,
            l.Mechanism.Value.DisplayName(),
            l.Rating,
            l.AtRisk ?? Money.Zero,
            l.Earned ?? Money.Zero,
            l.Withheld ?? Money.Zero,
            l.Bonus ?? Money.Zero,
            l.ServiceCredit ?? Money.Zero,
            l.PaymentExplanation ?? string.Empty,
            l.IsRestated,
            l.EarnedBeforeRestatement)).ToArray();
        var adjustments = evaluation.Adjustments.OrderBy(a => a.Number)
            .Select(a => new PaymentAdjustmentView(a.Number, a.Kind, a.Kind.DisplayName(), a.Amount, a.Explanation)).ToArray();
        var outcomeCaps = adjustments.Where(a => a.Kind is PaymentAdjustmentKind.AnnualCap or PaymentAdjustmentKind.TermCap).ToArray();
        var creditCaps = adjustments.Where(a => a.Kind == PaymentAdjustmentKind.ServiceCreditCap).ToArray();
        var weighted = lineViews.Where(l => l.Mechanism.IsWeighted()).ToArray();
        var credited = lineViews.Where(l => l.Mechanism == IncentiveMechanism.ServiceCredit).ToArray();

        return new PaymentStatementView(
            evaluation.BaseFee,
            BaseFeeExplanation(contract, period, evaluation.BaseFee),
            lineViews,
            adjustments,
            evaluation.AtRisk,
            weighted.Length == 0
                ? "No indicator has money at risk."
                : $"At risk on the indicator lines: {Total(weighted.Select(l => l.AtRisk), [], evaluation.AtRisk)} at risk.",
            evaluation.OutcomePayments,
            weighted.Length == 0
                ? "No indicator earns outcome payments."
                : $"Earned on the indicator lines: {Total(weighted.Select(l => l.Earned), outcomeCaps.Select(a => $"less {a.Amount} ({a.KindName.ToLowerInvariant()})"), evaluation.OutcomePayments)} outcome payments.",
            evaluation.Withheld,
            weighted.Length == 0
                ? "Nothing is withheld."
                : $"Withheld on the indicator lines: {Total(weighted.Select(l => l.Withheld), outcomeCaps.Select(a => $"plus {a.Amount} held back by the {a.KindName.ToLowerInvariant()}"), evaluation.Withheld)} withheld.",
            evaluation.Bonus,
            evaluation.ServiceCredits,
            credited.Length == 0
                ? "No indicator has a service credit."
                : $"Service credits on the indicator lines: {Total(credited.Select(l => l.ServiceCredit), creditCaps.Select(a => $"less {a.Amount} ({a.KindName.ToLowerInvariant()})"), evaluation.ServiceCredits)} service credits.",
            evaluation.NetPayment,
            $"{evaluation.BaseFee} base fee + {evaluation.OutcomePayments} outcome payments − {evaluation.ServiceCredits} service credits = {evaluation.NetPayment} net payment.",
            evaluation.IsRestated,
            evaluation.NetPaymentBeforeRestatement);
    }

    /// <summary>The base fee's arithmetic, in the words the payment calculator uses.</summary>
    private static string BaseFeeExplanation(Contract contract, ReportingPeriod period, Money baseFee)
    {
        var share = contract.IncentiveScheme?.ShareAtRiskPercent ?? 0m;
        var notAtRisk = (100m - share).ToString("0.####", EnglishUk);
        return $"{contract.AnnualValueFor(period).ToShortString()} a year × {notAtRisk}% not at risk ÷ 4 quarters = {baseFee} base fee.";
    }

    /// <summary>
    /// "£1.00 + £2.00 = £3.00", then any adjustments: "£1.00 + £2.00 = £3.00, less £0.50 (annual cap) = £2.50".
    /// The result is the stored total, which is what these lines and adjustments add up to.
    /// </summary>
    private static string Total(IEnumerable<Money> amounts, IEnumerable<string> adjustments, Money total)
    {
        var lines = amounts.ToList();
        var after = adjustments.ToList();
        var sum = lines.Aggregate(Money.Zero, (a, b) => a + b);
        var text = string.Join(" + ", lines.Select(a => a.ToString()));
        if (after.Count == 0)
        {
            return lines.Count == 1 ? text : $"{text} = {total}";
        }

        return $"{(lines.Count == 1 ? text : $"{text} = {sum}")}, {string.Join(", ", after)} = {total}";
    }

    private static EscalationPanelView EscalationPanel(Contract contract, EscalationCase? escalationCase, ReportingPeriod? period)
    {
        var stage = escalationCase?.Stage ?? EscalationStage.RoutineMonitoring;
        var active = escalationCase?.ActiveTriggers() ?? [];
        var names = contract.Indicators.ToDictionary(i => i.Id, i => i.Name);
        var rules = contract.EscalationRules.ToDictionary(r => r.Number);
        var triggers = period is { } p
            ? active.Where(t => t.Period == p && t.RuleNumber is not null).Select(t =>
            {
                var rule = rules.GetValueOrDefault(t.RuleNumber!.Value);
                var ruleStage = rule?.Stage ?? t.StageAfter;
                return new EscalationTriggerView(
                    t.RuleNumber.Value,
                    rule?.Describe(id => names.GetValueOrDefault(id, "An indicator no longer in the contract")),
                    ruleStage,
                    ruleStage.DisplayName(),
                    t.Note,
                    t.At);
            }).ToArray()
            : [];
        return new EscalationPanelView(
            stage,
            stage.DisplayName(),
            escalationCase?.ImprovementPlanDueOn,
            escalationCase?.FormalNoticeDeadline,
            escalationCase?.FailedToImproveOn is not null,
            escalationCase?.FailedToImproveOn,
            escalationCase?.PerformanceNoticeDueBy,
            active.Count,
            triggers);
    }

    private sealed record SavedReturn(ReportingPeriod Period, ReturnStatus Status, DateOnly DueOn);
}
