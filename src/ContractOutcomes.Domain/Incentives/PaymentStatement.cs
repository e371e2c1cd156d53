using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;

namespace ContractOutcomes.Domain.Incentives;

/// <summary>
/// What one period's payment is made of: the base fee, one line per indicator incentive and any cap
/// adjustments. Every total is a sum of the rounded lines, so the statement adds up on paper.
/// </summary>
/// <param name="TermsVersion">The version of the contract's terms the statement was worked out under.</param>
public sealed record PaymentStatement(
    ReportingPeriod Period,
    int TermsVersion,
    Money BaseFee,
    IReadOnlyList<PaymentLine> Lines,
    IReadOnlyList<PaymentAdjustment> Adjustments)
{
    /// <summary>How the base fee was worked out, for example "£24,000,000 a year × 92% not at risk ÷ 4 quarters = £5,520,000.00 base fee."</summary>
    public string BaseFeeExplanation { get; init; } = string.Empty;

    public Money AtRisk => Sum(Lines.Select(l => l.AtRisk));

    public Money OutcomePayments => Sum(Lines.Select(l => l.Earned)) - OutcomeCapAdjustments;

    public Money Withheld => Sum(Lines.Select(l => l.Withheld)) + OutcomeCapAdjustments;

    public Money Bonus => Sum(Lines.Select(l => l.Bonus));

    public Money ServiceCredits => Sum(Lines.Select(l => l.ServiceCredit)) - AdjustmentsOf(PaymentAdjustmentKind.ServiceCreditCap);

    public Money NetPayment => BaseFee + OutcomePayments - ServiceCredits;

    /// <summary>For example "£5,520,000.00 base fee + £400,000.00 outcome payments − £10,000.00 service credits = £5,910,000.00 net payment."</summary>
    public string NetPaymentExplanation =>
        $"{BaseFee} base fee + {OutcomePayments} outcome payments − {ServiceCredits} service credits = {NetPayment} net payment.";

    /// <summary>Whether any figure behind the statement was corrected after it was first accepted.</summary>
    public bool IsRestated => Lines.Any(l => l.IsRestated);

    private Money OutcomeCapAdjustments =>
        AdjustmentsOf(PaymentAdjustmentKind.AnnualCap) + AdjustmentsOf(PaymentAdjustmentKind.TermCap);

    private Money AdjustmentsOf(PaymentAdjustmentKind kind) => Sum(Adjustments.Where(a => a.Kind == kind).Select(a => a.Amount));

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (total, amount) => total + amount);
}

/// <summary>
/// One indicator's part of a period's payment. <see cref="Earned"/> is rounded to the penny;
/// <see cref="Withheld"/> is what the provider could have earned and did not, <see cref="Bonus"/> what it
/// earned above the at-risk amount.
/// </summary>
/// <param name="Rating">Null while the indicator is not yet rated.</param>
/// <param name="Explanation">The arithmetic in words and numbers.</param>
public sealed record PaymentLine(
    IndicatorId IndicatorId,
    string IndicatorName,
    IncentiveMechanism Mechanism,
    PerformanceRating? Rating,
    Money AtRisk,
    Money Earned,
    Money Withheld,
    Money Bonus,
    Money ServiceCredit,
    string Explanation,
    bool IsRestated);

public enum PaymentAdjustmentKind
{
    /// <summary>Outcome payments reduced to keep the financial year within the annual cap.</summary>
    AnnualCap = 1,

    /// <summary>Outcome payments reduced to keep the term within the term cap.</summary>
    TermCap = 2,

    /// <summary>Service credits reduced to the service credit cap.</summary>
    ServiceCreditCap = 3,
}

/// <summary>A reduction applied to a period's totals after the lines; <see cref="Amount"/> is the amount taken off.</summary>
public sealed record PaymentAdjustment(PaymentAdjustmentKind Kind, Money Amount, string Explanation);
