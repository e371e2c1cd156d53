using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Domain.Evaluation;

namespace ContractOutcomes.Domain.Incentives;

/// <summary>
/// What a scheme would pay in one period, shown to the commissioner while defining it: each incentive
/// at each rating or at sample results, and the most the provider can lose. Every amount comes from
/// the same calculation as the payment statements, so the preview cannot promise what they would not pay.
/// </summary>
public static class SchemePreview
{
    private static readonly PerformanceRating[] AllRatings =
    [
        PerformanceRating.Good,
        PerformanceRating.ApproachingTarget,
        PerformanceRating.RequiresImprovement,
        PerformanceRating.Inadequate,
        PerformanceRating.NotReported,
        PerformanceRating.Other,
    ];

    public static SchemePreviewResult For(IncentiveScheme scheme, PeriodTerms terms)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(terms);

        var (baseFee, baseFeeWords) = PaymentCalculator.BaseFee(scheme, terms.AnnualValue);
        var incentives = PaymentCalculator.Ordered(scheme, terms).Select(i => Preview(scheme, i, terms)).ToList();

        var weighted = incentives.Where(i => i.Mechanism.IsWeighted()).ToList();
        var atRisk = Sum(weighted.Select(i => i.AtRisk));
        var atRiskWords = weighted.Count switch
        {
            0 => "Nothing is at risk.",
            1 => $"{atRisk} at risk a quarter.",
            _ => $"{string.Join(" + ", weighted.Select(i => i.AtRisk.ToString()))} = {atRisk} at risk a quarter.",
        };

        var credits = incentives.Where(i => i.Mechanism == IncentiveMechanism.ServiceCredit).ToList();
        var creditTotal = Sum(credits.Select(i => i.ServiceCredit));
        var maximumCredits = creditTotal;
        var creditWords = credits.Count switch
        {
            0 => "No indicator has a service credit.",
            1 => $"Service credits of up to {creditTotal} a quarter.",
            _ => $"Service credits of up to {string.Join(" + ", credits.Select(i => i.ServiceCredit.ToString()))} = {creditTotal} a quarter.",
        };
        if (credits.Count > 0 && scheme.ServiceCreditCapPercent is { } capPercent)
        {
            var (cap, capWords) = PaymentCalculator.ServiceCreditCap(baseFee, capPercent);
            if (creditTotal > cap)
            {
                maximumCredits = cap;
                creditWords += $" {capWords} So at most {cap} can be deducted.";
            }
            else
            {
                creditWords += $" {capWords} The cap is not reached.";
            }
        }

        var lossPerPeriod = atRisk + maximumCredits;
        var lossPerYear = Rounding.Penny(lossPerPeriod.Amount * 4);
        return new SchemePreviewResult(
            terms.Period,
            terms.AnnualValue,
            baseFee,
            baseFeeWords,
            atRisk,
            atRiskWords,
            maximumCredits,
            creditWords,
            lossPerPeriod,
            $"{atRisk} at risk + {maximumCredits} in service credits = {lossPerPeriod} a quarter, if every indicator is not reported.",
            lossPerYear,
            $"4 quarters × {lossPerPeriod} = {lossPerYear} a year.",
            incentives);
    }

    private static IncentivePreview Preview(IncentiveScheme scheme, IndicatorIncentive incentive, PeriodTerms terms)
    {
        var indicator = terms.Indicator(incentive.IndicatorId);
        var name = indicator?.Name ?? "Unknown indicator";
        var (atRisk, atRiskWords) = incentive.IsWeighted ? PaymentCalculator.AtRisk(scheme, incentive, terms.AnnualValue) : (Money.Zero, "Nothing at risk: a service credit carries no weight.");
        var samples = new List<PreviewSample>();
        string? note = null;

        PreviewSample Sample(string label, PerformanceRating? rating, decimal? value, Reading? reading)
        {
            var line = PaymentCalculator.Price(scheme, incentive, terms, rating, reading, isRestated: false);
            return new PreviewSample(label, rating, value, line.Earned, line.Withheld, line.Bonus, line.ServiceCredit, line.Explanation);
        }

        switch (incentive.Mechanism)
        {
            case IncentiveMechanism.RatingBands or IncentiveMechanism.ServiceCredit:
                samples.AddRange(AllRatings.Select(r => Sample(r.DisplayName(), r, null, null)));
                break;

            case IncentiveMechanism.Graded:
                var target = indicator?.Target;
                if (indicator is null || target is null)
                {
                    note = $"There is no target for {terms.Period} yet, so sample results cannot be shown.";
                }
                else
                {
                    var floor = incentive.Floor ?? 0;
                    var points = new List<(string Label, decimal Value)>
                    {
                        ("At the floor", floor),
                        ("Halfway between the floor and the target", (floor + target.Value) / 2),
                        ("At the target", target.Value),
                    };
                    if (incentive.Stretch is { } stretch)
                    {
                        points.Add(("At the stretch target", stretch));
                    }

                    foreach (var (label, value) in points)
                    {
                        var shown = indicator.Unit.Format(value);
                        var rating = indicator.Tolerance?.Rate(target.Value, value, indicator.Polarity);
                        samples.Add(Sample($"{label} ({shown})", rating, value, new Reading(value, value, shown, string.Empty)));
                    }
                }

                samples.AddRange(new[] { PerformanceRating.NotReported, PerformanceRating.Other }.Select(r => Sample(r.DisplayName(), r, null, null)));
                break;

            case IncentiveMechanism.RateCard:
                var threshold = incentive.Threshold ?? 0;
                var price = incentive.PricePerOutcome ?? Money.Zero;
                var cap = incentive.Cap ?? Money.Zero;
                var needed = price > Money.Zero ? decimal.Ceiling(cap.Amount / price.Amount) : 0;
                var outcomes = new List<(string Label, decimal Outcomes)> { ($"At the threshold ({Words.Outcomes(threshold)})", threshold) };
                foreach (var (share, words) in new[] { (25m, "a quarter"), (50m, "half"), (100m, "all") })
                {
                    var extra = decimal.Ceiling(needed * share / 100m);
                    outcomes.Add(($"{Words.Number(threshold)} + {words} of the {Words.Outcomes(needed)} needed to reach the cap ({Words.Outcomes(threshold + extra)})", threshold + extra));
                }

                foreach (var (label, count) in outcomes.DistinctBy(o => o.Outcomes))
                {
                    samples.Add(Sample(label, null, count, new Reading(count, count, Words.Outcomes(count), $"{Words.Outcomes(count)} achieved")));
                }

                samples.AddRange(new[] { PerformanceRating.NotReported, PerformanceRating.Other }.Select(r => Sample(r.DisplayName(), r, null, null)));
                break;
        }

        return new IncentivePreview(
            incentive.IndicatorId,
            name,
            incentive.Mechanism,
            Summary(incentive, indicator),
            atRisk,
            atRiskWords,
            incentive.CreditAmount ?? Money.Zero,
            samples,
            note);
    }

    private static string Summary(IndicatorIncentive incentive, IndicatorTerms? indicator)
    {
        var unit = indicator?.Unit ?? IndicatorUnit.Count;
        var higher = (indicator?.Polarity ?? Polarity.HigherIsBetter) == Polarity.HigherIsBetter;
        return incentive.Mechanism switch
        {
            IncentiveMechanism.RatingBands =>
                $"Earns {Words.Percent(incentive.GoodPercent ?? 0)} of the at-risk amount at Good, {Words.Percent(incentive.ApproachingPercent ?? 0)} at Approaching target, {Words.Percent(incentive.RequiresImprovementPercent ?? 0)} at Requires improvement and {Words.Percent(incentive.InadequatePercent ?? 0)} at Inadequate; nothing when not reported, and everything when rated Other.",
            IncentiveMechanism.Graded =>
                $"Earns nothing at or {(higher ? "below" : "above")} the floor of {unit.Format(incentive.Floor ?? 0)}, the whole at-risk amount at the target, and in proportion between."
                + (incentive is { Stretch: { } stretch, BonusCap: { } bonusCap }
                    ? $" Beyond the target a bonus rises in proportion up to {bonusCap} at the stretch target of {unit.Format(stretch)}."
                    : string.Empty),
            IncentiveMechanism.RateCard =>
                $"Pays {incentive.PricePerOutcome ?? Money.Zero} for each outcome above {Words.Outcomes(incentive.Threshold ?? 0)}, up to {incentive.Cap ?? Money.Zero} a quarter.",
            IncentiveMechanism.ServiceCredit =>
                $"Deducts {incentive.CreditAmount ?? Money.Zero} from the base fee when rated Inadequate or not reported.",
            _ => incentive.Mechanism.DisplayName(),
        };
    }

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (total, amount) => total + amount);
}

/// <summary>What a scheme pays in one period, and the most the provider can lose.</summary>
/// <param name="MaximumServiceCreditsPerPeriod">Every service credit together, up to the service credit cap.</param>
/// <param name="MaximumLossPerPeriod">Everything at risk plus the most service credits can take.</param>
public sealed record SchemePreviewResult(
    ReportingPeriod Period,
    Money AnnualValue,
    Money BaseFeePerPeriod,
    string BaseFeeExplanation,
    Money AtRiskPerPeriod,
    string AtRiskExplanation,
    Money MaximumServiceCreditsPerPeriod,
    string MaximumServiceCreditsExplanation,
    Money MaximumLossPerPeriod,
    string MaximumLossPerPeriodExplanation,
    Money MaximumLossPerYear,
    string MaximumLossPerYearExplanation,
    IReadOnlyList<IncentivePreview> Incentives);

/// <summary>One incentive in the preview: what it puts at risk and what it pays at each sample.</summary>
/// <param name="ServiceCredit">The credit a service-credit indicator deducts; £0.00 for the other mechanisms.</param>
/// <param name="Note">Why some samples are missing, when they are.</param>
public sealed record IncentivePreview(
    IndicatorId IndicatorId,
    string IndicatorName,
    IncentiveMechanism Mechanism,
    string Summary,
    Money AtRisk,
    string AtRiskExplanation,
    Money ServiceCredit,
    IReadOnlyList<PreviewSample> Samples,
    string? Note);

/// <summary>
/// What one incentive pays at a rating or at a sample result. <see cref="Value"/> is the sample result
/// in the indicator's unit, or the number of outcomes for a rate card; null for a rating.
/// </summary>
public sealed record PreviewSample(
    string Label,
    PerformanceRating? Rating,
    decimal? Value,
    Money Earned,
    Money Withheld,
    Money Bonus,
    Money ServiceCredit,
    string Explanation);
