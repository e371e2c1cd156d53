using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Domain.Incentives;

/// <summary>
/// Works out what the provider is paid for each period, and why, from the incentive scheme, the terms
/// that applied and each indicator's outcome. Pure: the same inputs always give the same statements.
/// </summary>
public static class PaymentCalculator
{
    private const decimal QuartersPerYear = 4m;

    /// <summary>
    /// One statement per period, in period order. Pass only the periods that have been evaluated: the
    /// annual cap counts the periods given in each financial year and the term cap all periods given, so
    /// a missing earlier period would leave room under a cap that the provider has already used.
    /// An indicator with no outcome, or not yet rated, has a line that earns and withholds nothing.
    /// </summary>
    public static IReadOnlyList<PaymentStatement> Calculate(IncentiveScheme scheme, IReadOnlyList<PeriodPerformance> periods)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(periods);
        var ordered = periods.OrderBy(p => p.Terms.Period).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Terms.Period == ordered[i - 1].Terms.Period)
            {
                throw new ArgumentException($"{ordered[i].Terms.Period} is given more than once.", nameof(periods));
            }
        }

        var statements = new List<PaymentStatement>(ordered.Count);
        var termPaid = Money.Zero;
        var yearPaid = Money.Zero;
        int? year = null;
        foreach (var performance in ordered)
        {
            var terms = performance.Terms;
            if (terms.Period.FinancialYearStart != year)
            {
                year = terms.Period.FinancialYearStart;
                yearPaid = Money.Zero;
            }

            var (baseFee, baseFeeExplanation) = BaseFee(scheme, terms.AnnualValue);
            var lines = Ordered(scheme, terms)
                .Select(incentive => LineFor(scheme, incentive, terms, performance.Outcomes.GetValueOrDefault(incentive.IndicatorId)))
                .ToList();
            var adjustments = new List<PaymentAdjustment>();

            var earned = Sum(lines.Select(l => l.Earned));
            var afterAnnualCap = earned;
            if (scheme.AnnualCap is { } annualCap && yearPaid + earned > annualCap)
            {
                var cut = yearPaid + earned - annualCap;
                afterAnnualCap = earned - cut;
                adjustments.Add(new PaymentAdjustment(
                    PaymentAdjustmentKind.AnnualCap,
                    cut,
                    $"Outcome payments for {terms.Period.FinancialYearLabel} are capped at {annualCap}. {SoFar(yearPaid, "already paid this financial year")}{earned} earned this quarter = {yearPaid + earned}, so {cut} is withheld to keep within the cap."));
            }

            var paid = afterAnnualCap;
            if (scheme.TermCap is { } termCap && termPaid + afterAnnualCap > termCap)
            {
                var cut = termPaid + afterAnnualCap - termCap;
                paid = afterAnnualCap - cut;
                var thisQuarter = afterAnnualCap == earned ? "earned this quarter" : "earned this quarter after the annual cap";
                adjustments.Add(new PaymentAdjustment(
                    PaymentAdjustmentKind.TermCap,
                    cut,
                    $"Outcome payments over the contract term are capped at {termCap}. {SoFar(termPaid, "already paid during the term")}{afterAnnualCap} {thisQuarter} = {termPaid + afterAnnualCap}, so {cut} is withheld to keep within the cap."));
            }

            yearPaid += paid;
            termPaid += paid;

            var credits = Sum(lines.Select(l => l.ServiceCredit));
            if (scheme.ServiceCreditCapPercent is { } capPercent)
            {
                var (cap, capExplanation) = ServiceCreditCap(baseFee, capPercent);
                if (credits > cap)
                {
                    adjustments.Add(new PaymentAdjustment(
                        PaymentAdjustmentKind.ServiceCreditCap,
                        credits - cap,
                        $"{capExplanation} {credits} of service credits this quarter, so {credits - cap} is not deducted."));
                }
            }

            statements.Add(new PaymentStatement(terms.Period, terms.TermsVersion, baseFee, lines, adjustments)
            {
                BaseFeeExplanation = baseFeeExplanation,
            });
        }

        return statements;
    }

    internal static (Money Amount, string Explanation) BaseFee(IncentiveScheme scheme, Money annualValue)
    {
        var notAtRisk = 100m - scheme.ShareAtRiskPercent;
        var amount = Rounding.Penny(annualValue.Amount * notAtRisk / (100m * QuartersPerYear));
        return (amount, $"{Words.AnnualValue(annualValue)} a year × {Words.Percent(notAtRisk)} not at risk ÷ 4 quarters = {amount} base fee.");
    }

    internal static (Money Amount, string Explanation) AtRisk(IncentiveScheme scheme, IndicatorIncentive incentive, Money annualValue)
    {
        var weight = incentive.WeightPercent ?? 0;
        var amount = Rounding.Penny(annualValue.Amount * scheme.ShareAtRiskPercent * weight / (100m * 100m * QuartersPerYear));
        return (amount, $"{Words.AnnualValue(annualValue)} a year × {Words.Percent(scheme.ShareAtRiskPercent)} at risk × {Words.Percent(weight)} weight ÷ 4 quarters = {amount} at risk.");
    }

    internal static (Money Amount, string Explanation) ServiceCreditCap(Money baseFee, decimal capPercent)
    {
        var amount = Rounding.Penny(baseFee.Amount * capPercent / 100m);
        return (amount, $"Service credits are capped at {Words.Percent(capPercent)} of the base fee: {baseFee} × {Words.Percent(capPercent)} = {amount}.");
    }

    /// <summary>Incentives in the order the contract lists its indicators, so statements read like the scorecard.</summary>
    internal static IEnumerable<IndicatorIncentive> Ordered(IncentiveScheme scheme, PeriodTerms terms) =>
        scheme.Incentives.OrderBy(i => terms.Indicator(i.IndicatorId)?.DisplayOrder ?? int.MaxValue);

    internal static PaymentLine LineFor(IncentiveScheme scheme, IndicatorIncentive incentive, PeriodTerms terms, IndicatorOutcome? outcome)
    {
        if (outcome?.Rating is not { } rating)
        {
            return NotYetRated(scheme, incentive, terms, outcome?.IsRestated ?? false);
        }

        Reading? reading = null;
        if (outcome.Figure is { } figure)
        {
            var unit = terms.Indicator(incentive.IndicatorId)?.Unit ?? IndicatorUnit.Count;
            reading = figure is { Numerator: { } numerator, Denominator: { } denominator }
                ? new Reading(figure.Value, numerator, $"{unit.Format(figure.Value)} ({Words.Number(numerator)} of {Words.Number(denominator)})", $"{Words.Number(numerator)} of {Words.Number(denominator)} achieved ({unit.Format(figure.Value)})")
                : new Reading(figure.Value, figure.Value, unit.Format(figure.Value), $"{Words.Outcomes(figure.Value)} achieved");
        }

        return Price(scheme, incentive, terms, rating, reading, outcome.IsRestated);
    }

    /// <summary>
    /// The one calculation of a line, used by statements and by the scheme preview. A null rating with a
    /// reading prices the reading alone (the preview's sample values).
    /// </summary>
    internal static PaymentLine Price(IncentiveScheme scheme, IndicatorIncentive incentive, PeriodTerms terms, PerformanceRating? rating, Reading? reading, bool isRestated)
    {
        var indicator = terms.Indicator(incentive.IndicatorId);
        var name = indicator?.Name ?? "Unknown indicator";
        if (incentive.Mechanism == IncentiveMechanism.ServiceCredit)
        {
            var credit = incentive.CreditAmount ?? Money.Zero;
            var (amount, words) = rating switch
            {
                null => (Money.Zero, "Not yet rated, so no service credit is due yet."),
                PerformanceRating.Inadequate => (credit, $"Rated Inadequate, so a service credit of {credit} is deducted from the base fee."),
                PerformanceRating.NotReported => (credit, $"Not reported, so a service credit of {credit} is deducted from the base fee."),
                _ => (Money.Zero, $"{RatedWords(rating.Value)}, so no service credit is due."),
            };
            return new PaymentLine(incentive.IndicatorId, name, incentive.Mechanism, rating, Money.Zero, Money.Zero, Money.Zero, Money.Zero, amount, words, isRestated);
        }

        var (atRisk, atRiskWords) = AtRisk(scheme, incentive, terms.AnnualValue);
        PaymentLine Line(Money earned, string words) =>
            new(incentive.IndicatorId, name, incentive.Mechanism, rating, atRisk, earned,
                Max(atRisk - earned), Max(earned - atRisk), Money.Zero, $"{atRiskWords} {words}", isRestated);

        // Until there is something to judge, nothing is earned and nothing is counted as withheld.
        PaymentLine Pending(string words) =>
            new(incentive.IndicatorId, name, incentive.Mechanism, rating, atRisk, Money.Zero,
                Money.Zero, Money.Zero, Money.Zero, $"{atRiskWords} {words}", isRestated);

        if (rating is null && reading is null)
        {
            return Pending("Not yet rated, so nothing is earned or withheld yet.");
        }

        if (incentive.Mechanism == IncentiveMechanism.RatingBands || rating is PerformanceRating.NotReported or PerformanceRating.Other)
        {
            return PriceRating(incentive, rating ?? PerformanceRating.NotReported, atRisk, Line);
        }

        if (reading is not { } result)
        {
            return Pending("There is no accepted figure, so nothing is earned or withheld yet.");
        }

        if (incentive.Mechanism == IncentiveMechanism.RateCard)
        {
            return PriceRateCard(incentive, result, atRisk, Line);
        }

        var target = indicator?.Target;
        if (target is null)
        {
            return Pending($"There is no target for {terms.Period}, so the graded payment cannot be worked out and nothing is earned or withheld.");
        }

        return PriceGraded(incentive, indicator!, target.Value, result, atRisk, Line);
    }

    private static PaymentLine PriceRating(IndicatorIncentive incentive, PerformanceRating rating, Money atRisk, Func<Money, string, PaymentLine> line)
    {
        if (incentive.Mechanism == IncentiveMechanism.RatingBands)
        {
            var percent = incentive.BandPercent(rating);
            var earned = Rounding.Penny(atRisk.Amount * percent / 100m);
            return line(earned, $"{RatedWords(rating)}, which earns {Words.Percent(percent)}: {Tail(atRisk, earned)}");
        }

        return rating == PerformanceRating.Other
            ? line(atRisk, $"{RatedWords(rating)}, so the at-risk amount is earned{(incentive.Mechanism == IncentiveMechanism.Graded ? ", with no bonus" : string.Empty)}: {Tail(atRisk, atRisk)}")
            : line(Money.Zero, $"{RatedWords(rating)}, so nothing is earned: {Tail(atRisk, Money.Zero)}");
    }

    private static PaymentLine PriceRateCard(IndicatorIncentive incentive, Reading result, Money atRisk, Func<Money, string, PaymentLine> line)
    {
        var price = incentive.PricePerOutcome ?? Money.Zero;
        var threshold = incentive.Threshold ?? 0;
        var cap = incentive.Cap ?? Money.Zero;
        var above = Math.Max(0, result.Outcomes - threshold);
        if (above == 0)
        {
            return line(Money.Zero, $"{result.OutcomeWords}, which is not above the threshold of {Words.Outcomes(threshold)}, so nothing is earned: {Tail(atRisk, Money.Zero)}");
        }

        var gross = Rounding.Penny(price.Amount * above);
        var earned = gross > cap ? cap : gross;
        var capWords = gross > cap ? $", capped at {cap}" : string.Empty;
        return line(earned, $"{result.OutcomeWords}, {Words.Number(above)} above the threshold of {Words.Number(threshold)}: {Words.Number(above)} × {price} per outcome = {gross}{capWords}. {Tail(atRisk, earned)}");
    }

    private static PaymentLine PriceGraded(IndicatorIncentive incentive, IndicatorTerms indicator, decimal target, Reading result, Money atRisk, Func<Money, string, PaymentLine> line)
    {
        var higher = indicator.Polarity == Polarity.HigherIsBetter;
        var unit = indicator.Unit;

        // Progress measures how good a result is whichever way the indicator points, so one set of
        // comparisons serves both polarities.
        decimal Progress(decimal value) => higher ? value : -value;
        string Fraction(decimal from, decimal at, decimal to) => higher
            ? $"({Words.Number(at)} − {Words.Number(from)}) ÷ ({Words.Number(to)} − {Words.Number(from)})"
            : $"({Words.Number(from)} − {Words.Number(at)}) ÷ ({Words.Number(from)} − {Words.Number(to)})";

        var actual = result.Value;
        var floor = incentive.Floor ?? 0;
        var the = $"The result, {result.Describe},";
        if (Progress(actual) >= Progress(target))
        {
            var reached = actual == target ? $"{the} meets the target of {unit.Format(target)}" : $"{the} beats the target of {unit.Format(target)}";
            if (incentive is { Stretch: { } stretch, BonusCap: { } bonusCap } && Progress(actual) > Progress(target))
            {
                if (Progress(actual) >= Progress(stretch) || Progress(stretch) <= Progress(target))
                {
                    var earnedWithBonus = atRisk + bonusCap;
                    return line(earnedWithBonus, $"{reached} and reaches the stretch target of {unit.Format(stretch)}, so the at-risk amount is earned and the whole bonus cap of {bonusCap}: {Tail(atRisk, earnedWithBonus)}");
                }

                var bonus = Rounding.Penny(bonusCap.Amount * (Progress(actual) - Progress(target)) / (Progress(stretch) - Progress(target)));
                var earned = atRisk + bonus;
                return line(earned, $"{reached}, so the at-risk amount is earned, and a bonus in proportion to the way from the target to the stretch target of {unit.Format(stretch)}: {bonusCap} bonus cap × {Fraction(target, actual, stretch)} = {bonus}. {Tail(atRisk, earned)}");
            }

            return line(atRisk, $"{reached}, so the at-risk amount is earned: {Tail(atRisk, atRisk)}");
        }

        if (Progress(actual) <= Progress(floor))
        {
            return line(Money.Zero, $"{the} is at or {(higher ? "below" : "above")} the floor of {unit.Format(floor)}, so nothing is earned: {Tail(atRisk, Money.Zero)}");
        }

        var part = Rounding.Penny(atRisk.Amount * (Progress(actual) - Progress(floor)) / (Progress(target) - Progress(floor)));
        return line(part, $"{the} is between the floor of {unit.Format(floor)} and the target of {unit.Format(target)}, so it earns in proportion: {atRisk} × {Fraction(floor, actual, target)} = {part}. {Tail(atRisk, part)}");
    }

    private static PaymentLine NotYetRated(IncentiveScheme scheme, IndicatorIncentive incentive, PeriodTerms terms, bool isRestated) =>
        Price(scheme, incentive, terms, rating: null, reading: null, isRestated);

    private static string RatedWords(PerformanceRating rating) => rating switch
    {
        PerformanceRating.NotReported => "Not reported",
        PerformanceRating.Other => "Rated Other (the commissioner recorded that it could not fairly be rated)",
        _ => $"Rated {rating.DisplayName()}",
    };

    private static string Tail(Money atRisk, Money earned) =>
        earned > atRisk
            ? $"{earned} earned ({atRisk} at risk + {earned - atRisk} bonus), {Money.Zero} withheld."
            : $"{earned} earned, {atRisk - earned} withheld.";

    private static string SoFar(Money paid, string words) => paid > Money.Zero ? $"{paid} {words} + " : string.Empty;

    private static Money Max(Money amount) => amount > Money.Zero ? amount : Money.Zero;

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (total, amount) => total + amount);
}

/// <summary>
/// A result as payments read it: the value in the indicator's unit, the outcomes it counts (the numerator
/// of a percentage or rate, the value of a count), and how to say each.
/// </summary>
internal readonly record struct Reading(decimal Value, decimal Outcomes, string Describe, string OutcomeWords);
