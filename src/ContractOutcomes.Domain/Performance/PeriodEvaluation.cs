using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Incentives;

namespace ContractOutcomes.Domain.Performance;

public readonly record struct PeriodEvaluationId(Guid Value)
{
    public static PeriodEvaluationId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// How one contract performed in one period: each indicator's rating, scorecard figures and payment line,
/// and the payment statement, as last calculated from the accepted figures and the terms that applied
/// (see <see cref="ContractAssessment"/>), together with the commissioner's "Other" rating decisions.
/// Stored so that lists across the portfolio read results rather than recalculate them, and so that a
/// restatement can show what was paid before. Recalculated whenever its inputs change.
/// </summary>
public sealed class PeriodEvaluation : AggregateRoot<PeriodEvaluationId>
{
    private readonly List<IndicatorEvaluation> _indicators = [];
    private readonly List<PaymentAdjustmentRecord> _adjustments = [];
    private readonly List<OtherRating> _otherRatings = [];

    private PeriodEvaluation()
    {
    }

    public ContractId ContractId { get; private init; }

    public ReportingPeriod Period { get; private init; }

    /// <summary>The version of the contract's terms the period was evaluated under (0: as activated).</summary>
    public int TermsVersion { get; private set; }

    public DateOnly? DueOn { get; private set; }

    /// <summary>Overall weighted score, 0–100; null when nothing could be rated.</summary>
    public decimal? Score { get; private set; }

    public bool HasPayment { get; private set; }

    public Money BaseFee { get; private set; }

    public Money AtRisk { get; private set; }

    public Money OutcomePayments { get; private set; }

    public Money Withheld { get; private set; }

    public Money Bonus { get; private set; }

    public Money ServiceCredits { get; private set; }

    public Money NetPayment { get; private set; }

    /// <summary>The net payment as first calculated, kept once a restatement changes it.</summary>
    public Money? NetPaymentBeforeRestatement { get; private set; }

    /// <summary>True when any figure behind this period was restated after acceptance.</summary>
    public bool IsRestated { get; private set; }

    public DateTimeOffset EvaluatedAt { get; private set; }

    public IReadOnlyList<IndicatorEvaluation> Indicators => _indicators;

    public IReadOnlyList<PaymentAdjustmentRecord> Adjustments => _adjustments;

    public IReadOnlyList<OtherRating> OtherRatings => _otherRatings;

    public static PeriodEvaluation Start(ContractId contractId, ReportingPeriod period) => new()
    {
        Id = PeriodEvaluationId.New(),
        ContractId = contractId,
        Period = period,
    };

    public string? OtherReasonFor(IndicatorId indicatorId) => _otherRatings.Find(o => o.IndicatorId == indicatorId)?.Reason;

    /// <summary>
    /// Replaces the calculated results with a fresh calculation. Returns false, changing nothing, when the
    /// calculation gives what is already stored, so recalculating is cheap to repeat.
    /// </summary>
    public bool Apply(PeriodAssessment assessment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        if (assessment.Period != Period)
        {
            throw new ArgumentException("The assessment is for another period.", nameof(assessment));
        }

        var payment = assessment.Payment;
        var lines = assessment.Indicators.Select(i => IndicatorEvaluation.From(i, assessment.Terms.TermsVersion)).ToList();
        var adjustments = (payment?.Adjustments ?? []).Select((a, n) => new PaymentAdjustmentRecord(n + 1, a.Kind, a.Amount, a.Explanation)).ToList();
        var restated = assessment.Indicators.Any(i => i.IsRestated);
        var unchanged = TermsVersion == assessment.Terms.TermsVersion
            && DueOn == assessment.DueOn
            && Score == assessment.Score
            && HasPayment == (payment is not null)
            && NetPayment == (payment?.NetPayment ?? Money.Zero)
            && OutcomePayments == (payment?.OutcomePayments ?? Money.Zero)
            && IsRestated == restated
            && lines.Count == _indicators.Count
            && lines.Zip(_indicators).All(pair => pair.First.SameAs(pair.Second))
            && adjustments.Count == _adjustments.Count
            && adjustments.Zip(_adjustments).All(pair => pair.First.SameAs(pair.Second));
        if (unchanged)
        {
            return false;
        }

        foreach (var line in lines.Where(l => l.IsRestated))
        {
            var before = _indicators.Find(i => i.IndicatorId == line.IndicatorId);
            line.KeepEarnedBefore(before);
        }

        if (restated && HasPayment && payment is not null && payment.NetPayment != NetPayment)
        {
            NetPaymentBeforeRestatement ??= NetPayment;
        }

        TermsVersion = assessment.Terms.TermsVersion;
        DueOn = assessment.DueOn;
        Score = assessment.Score;
        HasPayment = payment is not null;
        BaseFee = payment?.BaseFee ?? Money.Zero;
        AtRisk = payment?.AtRisk ?? Money.Zero;
        OutcomePayments = payment?.OutcomePayments ?? Money.Zero;
        Withheld = payment?.Withheld ?? Money.Zero;
        Bonus = payment?.Bonus ?? Money.Zero;
        ServiceCredits = payment?.ServiceCredits ?? Money.Zero;
        NetPayment = payment?.NetPayment ?? Money.Zero;
        IsRestated = restated;
        EvaluatedAt = now;
        _indicators.Clear();
        _indicators.AddRange(lines);
        _adjustments.Clear();
        _adjustments.AddRange(adjustments);
        Touch();
        return true;
    }

    /// <summary>
    /// Records that an indicator's result for this period is rated Other, with the commissioner's reason,
    /// in place of the calculated rating. The next recalculation applies it.
    /// </summary>
    public void RecordOther(IndicatorId indicatorId, string reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_indicators.TrueForAll(i => i.IndicatorId != indicatorId))
        {
            throw new BusinessRuleException("The indicator was not evaluated in this period", "IndicatorId");
        }

        var text = Guard.Text(reason, "why none of the ratings applies", OtherRating.ReasonMaxLength, nameof(OtherRating.Reason));
        _otherRatings.RemoveAll(o => o.IndicatorId == indicatorId);
        _otherRatings.Add(new OtherRating(indicatorId, text, actor, now));
        Touch();
        Raise(new OtherRatingRecorded(ContractId, Period, indicatorId));
    }

    /// <summary>Withdraws an Other rating: the calculated rating applies again.</summary>
    public void WithdrawOther(IndicatorId indicatorId)
    {
        if (_otherRatings.RemoveAll(o => o.IndicatorId == indicatorId) == 0)
        {
            throw new BusinessRuleException("The indicator is not rated Other in this period", "IndicatorId");
        }

        Touch();
    }
}

public sealed record OtherRatingRecorded(ContractId ContractId, ReportingPeriod Period, IndicatorId IndicatorId) : IDomainEvent;

/// <summary>One indicator's result for the period: rating, scorecard figures and payment line.</summary>
public sealed class IndicatorEvaluation
{
    public const int ExplanationMaxLength = 2000;

    private IndicatorEvaluation()
    {
        IndicatorName = string.Empty;
        RatingExplanation = string.Empty;
    }

    public IndicatorId IndicatorId { get; private init; }

    public string IndicatorName { get; private init; }

    public int DisplayOrder { get; private init; }

    /// <summary>Null only when the period's terms give no target or tolerance to rate against.</summary>
    public PerformanceRating? Rating { get; private init; }

    public string RatingExplanation { get; private init; }

    public int TermsVersion { get; private init; }

    public decimal? Actual { get; private init; }

    public decimal? Numerator { get; private init; }

    public decimal? Denominator { get; private init; }

    public decimal? Target { get; private init; }

    public decimal? VarianceFromTarget { get; private init; }

    public decimal? PercentOfTarget { get; private init; }

    public decimal? PreviousActual { get; private init; }

    public decimal? BaselineChangePercent { get; private init; }

    public TrendDirection Trend { get; private init; }

    public int TrendPeriods { get; private init; }

    public bool IsRestated { get; private init; }

    public IncentiveMechanism? Mechanism { get; private init; }

    public Money? AtRisk { get; private init; }

    public Money? Earned { get; private init; }

    public Money? Withheld { get; private init; }

    public Money? Bonus { get; private init; }

    public Money? ServiceCredit { get; private init; }

    public string? PaymentExplanation { get; private init; }

    /// <summary>What this line earned before a restatement changed it.</summary>
    public Money? EarnedBeforeRestatement { get; private set; }

    internal static IndicatorEvaluation From(IndicatorAssessment assessment, int termsVersion)
    {
        var figures = assessment.Figures;
        var payment = assessment.Payment;
        return new IndicatorEvaluation
        {
            IndicatorId = assessment.Terms.IndicatorId,
            IndicatorName = assessment.Terms.Name,
            DisplayOrder = assessment.Terms.DisplayOrder,
            Rating = assessment.Rating?.Rating,
            RatingExplanation = Trim(assessment.Rating?.Explanation ?? "Not rated: the period has no target or tolerance"),
            TermsVersion = termsVersion,
            Actual = figures.Actual,
            Numerator = figures.Numerator,
            Denominator = figures.Denominator,
            Target = figures.Target,
            VarianceFromTarget = figures.VarianceFromTarget,
            PercentOfTarget = figures.PercentOfTarget,
            PreviousActual = figures.PreviousActual,
            BaselineChangePercent = figures.BaselineChangePercent,
            Trend = figures.Trend,
            TrendPeriods = figures.TrendPeriods,
            IsRestated = assessment.IsRestated,
            Mechanism = payment?.Mechanism,
            AtRisk = payment?.AtRisk,
            Earned = payment?.Earned,
            Withheld = payment?.Withheld,
            Bonus = payment?.Bonus,
            ServiceCredit = payment?.ServiceCredit,
            PaymentExplanation = payment is null ? null : Trim(payment.Explanation),
        };
    }

    internal bool SameAs(IndicatorEvaluation other) =>
        IndicatorId == other.IndicatorId && IndicatorName == other.IndicatorName && DisplayOrder == other.DisplayOrder
        && Rating == other.Rating && RatingExplanation == other.RatingExplanation && TermsVersion == other.TermsVersion
        && Actual == other.Actual && Numerator == other.Numerator && Denominator == other.Denominator && Target == other.Target
        && VarianceFromTarget == other.VarianceFromTarget && PercentOfTarget == other.PercentOfTarget
        && PreviousActual == other.PreviousActual && BaselineChangePercent == other.BaselineChangePercent
        && Trend == other.Trend && TrendPeriods == other.TrendPeriods && IsRestated == other.IsRestated
        && Mechanism == other.Mechanism && AtRisk == other.AtRisk && Earned == other.Earned && Withheld == other.Withheld
        && Bonus == other.Bonus && ServiceCredit == other.ServiceCredit && PaymentExplanation == other.PaymentExplanation;

    internal void KeepEarnedBefore(IndicatorEvaluation? before)
    {
        if (before is null)
        {
            return;
        }

        EarnedBeforeRestatement = before.EarnedBeforeRestatement
            ?? (before.Earned != Earned || before.ServiceCredit != ServiceCredit ? before.Earned : null);
    }

    private static string Trim(string text) => text.Length <= ExplanationMaxLength ? text : text[..ExplanationMaxLength];
}

/// <summary>A cap applied to the period's payments, with its arithmetic.</summary>
public sealed class PaymentAdjustmentRecord
{
    internal PaymentAdjustmentRecord(int number, PaymentAdjustmentKind kind, Money amount, string explanation)
    {
        Number = number;
        Kind = kind;
        Amount = amount;
        Explanation = explanation.Length <= IndicatorEvaluation.ExplanationMaxLength ? explanation : explanation[..IndicatorEvaluation.ExplanationMaxLength];
    }

    private PaymentAdjustmentRecord()
    {
        Explanation = string.Empty;
    }

    public int Number { get; private init; }

    public PaymentAdjustmentKind Kind { get; private init; }

    public Money Amount { get; private init; }

    public string Explanation { get; private init; }

    internal bool SameAs(PaymentAdjustmentRecord other) =>
        Number == other.Number && Kind == other.Kind && Amount == other.Amount && Explanation == other.Explanation;
}

/// <summary>A commissioner's decision that none of the ratings fairly applies, and why.</summary>
public sealed class OtherRating
{
    public const int ReasonMaxLength = 2000;

    internal OtherRating(IndicatorId indicatorId, string reason, Actor actor, DateTimeOffset at)
    {
        IndicatorId = indicatorId;
        Reason = reason;
        RecordedByUserId = actor.UserId;
        RecordedByName = actor.Name;
        RecordedAt = at;
    }

    private OtherRating()
    {
        Reason = string.Empty;
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
    }

    public IndicatorId IndicatorId { get; private init; }

    public string Reason { get; private init; }

    public string RecordedByUserId { get; private init; }

    public string RecordedByName { get; private init; }

    public DateTimeOffset RecordedAt { get; private init; }
}
