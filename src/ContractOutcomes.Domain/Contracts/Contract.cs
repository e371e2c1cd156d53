using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Escalation;
using ContractOutcomes.Domain.Evaluation;
using ContractOutcomes.Domain.Incentives;
using ContractOutcomes.Domain.Organisations;

namespace ContractOutcomes.Domain.Contracts;

/// <summary>
/// An outcome-based contract between a commissioning body and a provider. While Draft its terms,
/// indicators, targets and tolerances may be edited freely; once Active they change only through a
/// recorded <see cref="ContractVariation"/>; once Ended nothing changes.
/// </summary>
public sealed class Contract : AggregateRoot<ContractId>
{
    public const int ReferenceMaxLength = 50;
    public const int TitleMaxLength = 200;
    public const int ServiceAreaMaxLength = 100;
    public const int EndReasonMaxLength = 2000;
    public const int MaxIndicators = 30;
    public const int MaxEscalationRules = 20;

    /// <summary>Procurement Act 2023 s52: contracts above this value a year need at least three KPIs.</summary>
    public static readonly Money KpiDutyThreshold = Money.FromPounds(5_000_000m);

    public const int KpiDutyMinimumIndicators = 3;

    private readonly List<OutcomeIndicator> _indicators = [];
    private readonly List<ContractVariation> _variations = [];
    private readonly List<AnnualValueChange> _annualValueChanges = [];
    private readonly List<EscalationRule> _escalationRules = [];

    private Contract()
    {
        Reference = string.Empty;
        Title = string.Empty;
        ServiceArea = string.Empty;
        Term = null!;
        Eligibility = EligibilityRule.AnyProvider;
    }

    public string Reference { get; private set; }

    public string Title { get; private set; }

    public string ServiceArea { get; private set; }

    public OrganisationId CommissionerId { get; private set; }

    public OrganisationId ProviderId { get; private set; }

    public ContractTerm Term { get; private set; }

    /// <summary>The annual value from the latest variation onwards (for a draft, for the whole term).</summary>
    public Money AnnualValue { get; private set; }

    /// <summary>Empty until a variation changes the annual value; then the value each period used.</summary>
    public IReadOnlyList<AnnualValueChange> AnnualValueChanges => _annualValueChanges;

    public EligibilityRule Eligibility { get; private set; }

    /// <summary>A light-touch regime contract (Procurement Act 2023), which is exempt from the KPI duty.</summary>
    public bool IsLightTouch { get; private set; }

    public ContractStatus Status { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    public string? EndReason { get; private set; }

    public IReadOnlyList<OutcomeIndicator> Indicators => _indicators;

    public IReadOnlyList<ContractVariation> Variations => _variations;

    /// <summary>How money follows outcomes; null when the contract pays no outcome payments.</summary>
    public IncentiveScheme? IncentiveScheme { get; private set; }

    public IReadOnlyList<EscalationRule> EscalationRules => _escalationRules;

    /// <summary>True when activating needs the commissioner to confirm that fewer than three KPIs is right.</summary>
    public bool KpiDutyApplies =>
        AnnualValue > KpiDutyThreshold && !IsLightTouch && _indicators.Count < KpiDutyMinimumIndicators;

    public static Contract CreateDraft(ContractDetails details, Organisation commissioner, Organisation provider)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(commissioner);
        if (commissioner.Kind != OrganisationKind.CommissioningBody)
        {
            throw new BusinessRuleException($"{commissioner.Name} is not a commissioning body", nameof(CommissionerId));
        }

        var contract = new Contract { Id = ContractId.New(), Status = ContractStatus.Draft, CommissionerId = commissioner.Id };
        contract.ApplyDetails(details, provider);
        contract.Raise(new ContractDrafted(contract.Id, contract.Reference));
        return contract;
    }

    public void UpdateDraft(ContractDetails details, Organisation provider)
    {
        EnsureDraft("change its terms");
        ApplyDetails(details, provider);
        foreach (var indicator in _indicators)
        {
            indicator.FitTargetsTo(Term);
        }

        Touch();
    }

    public OutcomeIndicator AddIndicator(IndicatorDefinition definition)
    {
        EnsureDraft("add an indicator");
        if (_indicators.Count >= MaxIndicators)
        {
            throw new BusinessRuleException($"A contract can have at most {MaxIndicators} indicators", "Name");
        }

        EnsureUniqueIndicatorName(definition?.Name, except: null);
        var indicator = OutcomeIndicator.Create(definition!, _indicators.Count + 1);
        _indicators.Add(indicator);
        Touch();
        return indicator;
    }

    public void UpdateIndicator(IndicatorId indicatorId, IndicatorDefinition definition)
    {
        EnsureDraft("change an indicator");
        var indicator = Indicator(indicatorId);
        EnsureUniqueIndicatorName(definition?.Name, except: indicatorId);
        indicator.Apply(definition!);
        Touch();
    }

    public void RemoveIndicator(IndicatorId indicatorId)
    {
        EnsureDraft("remove an indicator");
        var indicator = Indicator(indicatorId);
        if (IncentiveScheme?.IncentiveFor(indicatorId) is not null)
        {
            throw new BusinessRuleException($"Take {indicator.Name} out of the incentive scheme before removing it", "IndicatorId");
        }

        if (_escalationRules.Exists(r => r.IndicatorId == indicatorId))
        {
            throw new BusinessRuleException($"Remove the escalation rules about {indicator.Name} before removing it", "IndicatorId");
        }

        _indicators.Remove(indicator);
        Renumber();
        Touch();
    }

    /// <summary>Moves an indicator one place up (towards the top of the list) or down.</summary>
    public void MoveIndicator(IndicatorId indicatorId, bool up)
    {
        EnsureDraft("reorder its indicators");
        var ordered = _indicators.OrderBy(i => i.DisplayOrder).ToList();
        var index = ordered.IndexOf(Indicator(indicatorId));
        var swapWith = up ? index - 1 : index + 1;
        if (swapWith < 0 || swapWith >= ordered.Count)
        {
            return;
        }

        (ordered[index], ordered[swapWith]) = (ordered[swapWith], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].DisplayOrder = i + 1;
        }

        Touch();
    }

    public void SetTargets(IndicatorId indicatorId, IReadOnlyDictionary<ReportingPeriod, decimal> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        EnsureDraft("change its targets");
        Indicator(indicatorId).ReplaceTargets(targets, Term);
        Touch();
    }

    public void SetTolerance(IndicatorId indicatorId, ToleranceBands tolerance)
    {
        EnsureDraft("change its tolerance thresholds");
        Indicator(indicatorId).SetTolerance(tolerance);
        Touch();
    }

    /// <summary>What the incentive scheme needs to know about each indicator to check itself.</summary>
    public IReadOnlyList<SchemeIndicator> SchemeIndicators() =>
        _indicators.OrderBy(i => i.DisplayOrder)
            .Select(i => new SchemeIndicator(i.Id, i.Name, i.Unit, i.Polarity, i.Targets.Select(t => t.Value).ToArray()))
            .ToArray();

    /// <summary>
    /// Sets how money follows outcomes. The scheme must have been defined against this contract's
    /// indicators (<see cref="SchemeIndicators"/>); it is checked again on activation, because indicators
    /// and targets may change after it is set.
    /// </summary>
    public void DefineIncentiveScheme(IncentiveScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        EnsureDraft("change its incentive scheme", variable: false);
        var unknown = scheme.Incentives.FirstOrDefault(i => _indicators.TrueForAll(x => x.Id != i.IndicatorId));
        if (unknown is not null)
        {
            throw new BusinessRuleException("The incentive scheme names an indicator that is not in this contract", "IndicatorId");
        }

        IncentiveScheme = scheme;
        Touch();
    }

    public void RemoveIncentiveScheme()
    {
        EnsureDraft("remove its incentive scheme", variable: false);
        if (IncentiveScheme is null)
        {
            throw new BusinessRuleException("This contract has no incentive scheme to remove");
        }

        IncentiveScheme = null;
        Touch();
    }

    /// <summary>Replaces the escalation rules. Rules are numbered 1, 2, 3… in the order given.</summary>
    public void SetEscalationRules(IReadOnlyList<EscalationRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        EnsureDraft("change its escalation rules", variable: false);
        if (rules.Count > MaxEscalationRules)
        {
            throw new BusinessRuleException($"A contract can have at most {MaxEscalationRules} escalation rules", "Rules");
        }

        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Number != i + 1)
            {
                throw new ArgumentException("Escalation rules must be numbered from 1 in order.", nameof(rules));
            }

            if (rules[i].IndicatorId is { } indicatorId && _indicators.TrueForAll(x => x.Id != indicatorId))
            {
                throw new BusinessRuleException("An escalation rule names an indicator that is not in this contract", $"Rules[{i}].IndicatorId");
            }
        }

        _escalationRules.Clear();
        _escalationRules.AddRange(rules);
        Touch();
    }

    /// <summary>What still stops the contract being activated, each in words for the commissioner.</summary>
    public IReadOnlyList<RuleViolation> ActivationProblems()
    {
        var problems = new List<RuleViolation>();
        if (_indicators.Count == 0)
        {
            problems.Add(new RuleViolation("Add at least one outcome indicator", "Indicators"));
        }

        foreach (var indicator in _indicators.OrderBy(i => i.DisplayOrder))
        {
            var missing = indicator.PeriodsWithoutTarget(Term);
            if (missing.Count > 0)
            {
                var list = missing.Count <= 3
                    ? string.Join(", ", missing)
                    : $"{missing[0]} and {missing.Count - 1} other periods";
                problems.Add(new RuleViolation($"Enter a target for {indicator.Name} for {list}", "Targets"));
            }

            if (indicator.Tolerance is null)
            {
                problems.Add(new RuleViolation($"Set the tolerance thresholds for {indicator.Name}", "Tolerance"));
            }
        }

        if (IncentiveScheme is { } scheme)
        {
            // Indicators, units and targets may have changed since the scheme was set: check it again.
            try
            {
                IncentiveScheme.Define(
                    scheme.ShareAtRiskPercent, scheme.AnnualCap?.Amount, scheme.TermCap?.Amount, scheme.ServiceCreditCapPercent,
                    scheme.Incentives, SchemeIndicators());
            }
            catch (BusinessRuleException e)
            {
                problems.AddRange(e.Violations.Select(v => new RuleViolation($"Incentive scheme: {v.Message}", "IncentiveScheme")));
            }
        }

        return problems;
    }

    public void Activate(Organisation provider, bool fewerKpisConfirmed, DateTimeOffset now)
    {
        EnsureDraft("activate it", variable: false);
        CheckProvider(provider);
        var problems = ActivationProblems().ToList();
        if (KpiDutyApplies && !fewerKpisConfirmed)
        {
            problems.Add(new RuleViolation(
                $"This contract is worth more than {KpiDutyThreshold.ToShortString()} a year and has fewer than {KpiDutyMinimumIndicators} KPIs. Add more indicators, mark it as light-touch, or confirm that fewer KPIs is appropriate",
                "FewerKpisConfirmed"));
        }

        if (problems.Count > 0)
        {
            throw new BusinessRuleException(problems);
        }

        Status = ContractStatus.Active;
        ActivatedAt = now;
        Touch();
        Raise(new ContractActivated(Id, now));
    }

    public ContractVariation VaryAnnualValue(decimal newAnnualValue, VariationContext context)
    {
        var value = CheckAnnualValue(newAnnualValue);
        if (value == AnnualValue)
        {
            throw new BusinessRuleException($"The annual value is already {value.ToShortString()}", nameof(AnnualValue));
        }

        var description = $"Annual value changed from {AnnualValue.ToShortString()} to {value.ToShortString()}";
        return RecordVariation(VariationKind.AnnualValue, description, context, () =>
        {
            if (_annualValueChanges.Count == 0)
            {
                _annualValueChanges.Add(new AnnualValueChange(Term.FirstPeriod, AnnualValue));
            }

            _annualValueChanges.RemoveAll(c => c.From >= context.EffectiveFrom);
            _annualValueChanges.Add(new AnnualValueChange(context.EffectiveFrom, value));
            AnnualValue = value;
        });
    }

    public ContractVariation VaryTermEnd(DateOnly newEnd, VariationContext context)
    {
        var term = ContractTerm.Of(Term.Start, newEnd);
        if (term.End == Term.End)
        {
            throw new BusinessRuleException($"The term already ends on {newEnd:d MMMM yyyy}", "TermEnd");
        }

        if (term.LastPeriod < context.EffectiveFrom)
        {
            throw new BusinessRuleException("The new end date must fall in or after the period the variation takes effect from", "TermEnd");
        }

        var description = $"Term end changed from {Term.End:d MMMM yyyy} to {term.End:d MMMM yyyy}"
            + (term.End > Term.End ? "; the last target of each indicator continues into the added periods" : string.Empty);
        return RecordVariation(VariationKind.TermEnd, description, context, () =>
        {
            Term = term;
            foreach (var indicator in _indicators)
            {
                indicator.FitTargetsTo(term);
            }
        });
    }

    public ContractVariation VaryTarget(IndicatorId indicatorId, decimal newTarget, VariationContext context)
    {
        var indicator = Indicator(indicatorId);
        var before = indicator.TargetFor(context?.EffectiveFrom ?? default);
        var description = before is { } old
            ? $"Target for {indicator.Name} changed from {indicator.Unit.Format(old)} to {indicator.Unit.Format(newTarget)} from {context!.EffectiveFrom}"
            : $"Target for {indicator.Name} set to {indicator.Unit.Format(newTarget)} from {context!.EffectiveFrom}";
        return RecordVariation(VariationKind.Target, description, context, () => indicator.SetTargetFrom(context.EffectiveFrom, newTarget, Term));
    }

    public ContractVariation VaryTolerance(IndicatorId indicatorId, ToleranceBands tolerance, VariationContext context)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        var indicator = Indicator(indicatorId);
        var description = $"Tolerance for {indicator.Name} changed from {indicator.Tolerance?.Summary() ?? "none"} to {tolerance.Summary()}";
        return RecordVariation(VariationKind.Tolerance, description, context, () => indicator.SetToleranceFrom(context.EffectiveFrom, tolerance, Term));
    }

    public void End(DateOnly endedOn, string reason, DateTimeOffset now)
    {
        if (Status != ContractStatus.Active)
        {
            throw new BusinessRuleException($"Only an active contract can be ended; this one is {Status.DisplayName().ToLowerInvariant()}");
        }

        if (endedOn < Term.Start)
        {
            throw new BusinessRuleException("The end date must be on or after the start of the term", nameof(EndedOn));
        }

        if (endedOn > DateOnly.FromDateTime(now.UtcDateTime).AddYears(1))
        {
            throw new BusinessRuleException("The end date must be within a year from today", nameof(EndedOn));
        }

        EndReason = Guard.Text(reason, "the reason the contract is ending", EndReasonMaxLength, "Reason");
        EndedOn = endedOn;
        Status = ContractStatus.Ended;
        Touch();
        Raise(new ContractEnded(Id, endedOn));
    }

    /// <summary>The annual value that applied in a period, after every variation effective by then.</summary>
    public Money AnnualValueFor(ReportingPeriod period) =>
        _annualValueChanges.Count == 0
            ? AnnualValue
            : (_annualValueChanges.LastOrDefault(c => c.From <= period) ?? _annualValueChanges[0]).Amount;

    /// <summary>
    /// The version of the terms that applied in a period: the number of the latest variation effective in
    /// or before it, or 0 for the terms as activated.
    /// </summary>
    public int TermsVersionFor(ReportingPeriod period) =>
        _variations.Where(v => v.EffectiveFrom <= period).Select(v => v.Number).DefaultIfEmpty(0).Max();

    /// <summary>Everything needed to rate and pay one period, as the terms stood for that period.</summary>
    public PeriodTerms TermsFor(ReportingPeriod period) => new(
        period,
        TermsVersionFor(period),
        AnnualValueFor(period),
        _indicators.OrderBy(i => i.DisplayOrder).Select(i => new IndicatorTerms(
            i.Id, i.Name, i.Unit, i.Polarity, i.TargetFor(period), i.ToleranceFor(period), i.BaselineValue, i.DisplayOrder)).ToArray());

    public OutcomeIndicator Indicator(IndicatorId indicatorId) =>
        _indicators.Find(i => i.Id == indicatorId)
        ?? throw new BusinessRuleException("The indicator does not belong to this contract", "IndicatorId");

    private ContractVariation RecordVariation(VariationKind kind, string description, VariationContext? context, Action apply)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Status != ContractStatus.Active)
        {
            throw new BusinessRuleException(
                Status == ContractStatus.Draft
                    ? "A draft contract is changed directly, not through a variation"
                    : "An ended contract cannot be varied");
        }

        if (!Term.Covers(context.EffectiveFrom))
        {
            throw new BusinessRuleException($"{context.EffectiveFrom} is outside the contract term", "EffectiveFrom");
        }

        var variation = ContractVariation.Record(_variations.Count + 1, kind, description, context);
        apply();
        _variations.Add(variation);
        Touch();
        Raise(new ContractVaried(Id, variation.Number, kind));
        return variation;
    }

    private void ApplyDetails(ContractDetails details, Organisation provider)
    {
        ArgumentNullException.ThrowIfNull(details);
        var violations = new List<RuleViolation>();
        string Text(string value, string description, int max, string property)
        {
            try
            {
                return Guard.Text(value, description, max, property);
            }
            catch (BusinessRuleException e)
            {
                violations.AddRange(e.Violations);
                return value;
            }
        }

        var reference = Text(details.Reference, "a reference", ReferenceMaxLength, nameof(Reference));
        var title = Text(details.Title, "a title", TitleMaxLength, nameof(Title));
        var serviceArea = Text(details.ServiceArea, "the service area", ServiceAreaMaxLength, nameof(ServiceArea));
        ContractTerm? term = null;
        Money annualValue = default;
        try
        {
            term = ContractTerm.Of(details.TermStart, details.TermEnd);
        }
        catch (BusinessRuleException e)
        {
            violations.AddRange(e.Violations);
        }

        try
        {
            annualValue = CheckAnnualValue(details.AnnualValue);
        }
        catch (BusinessRuleException e)
        {
            violations.AddRange(e.Violations);
        }

        var why = details.Eligibility.WhyIneligible(provider);
        if (why is not null)
        {
            violations.Add(new RuleViolation(why, nameof(ProviderId)));
        }

        if (violations.Count > 0)
        {
            throw new BusinessRuleException(violations);
        }

        Reference = reference;
        Title = title;
        ServiceArea = serviceArea;
        Term = term!;
        AnnualValue = annualValue;
        Eligibility = details.Eligibility;
        IsLightTouch = details.IsLightTouch;
        ProviderId = provider.Id;
    }

    private static Money CheckAnnualValue(decimal amount)
    {
        if (amount <= 0)
        {
            throw new BusinessRuleException("The annual value must be more than £0", nameof(AnnualValue));
        }

        if (amount > 10_000_000_000m)
        {
            throw new BusinessRuleException("The annual value must be £10,000,000,000 or less", nameof(AnnualValue));
        }

        return Money.FromPounds(amount);
    }

    private void CheckProvider(Organisation provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (provider.Id != ProviderId)
        {
            throw new ArgumentException("The organisation given is not this contract's provider.", nameof(provider));
        }

        var why = Eligibility.WhyIneligible(provider);
        if (why is not null)
        {
            throw new BusinessRuleException(why, nameof(ProviderId));
        }
    }

    /// <param name="action">What the user tried, for the message.</param>
    /// <param name="variable">Whether a variation can make this change once the contract is active.</param>
    private void EnsureDraft(string action, bool variable = true)
    {
        if (Status != ContractStatus.Draft)
        {
            throw new BusinessRuleException(
                Status == ContractStatus.Active
                    ? variable
                        ? $"This contract is active: record a variation to {action}"
                        : $"This contract is active: you can {action} only while the contract is a draft"
                    : $"This contract has ended: you cannot {action}");
        }
    }

    private void EnsureUniqueIndicatorName(string? name, IndicatorId? except)
    {
        var trimmed = name?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && _indicators.Exists(i =>
                i.Id != except && string.Equals(i.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new BusinessRuleException($"This contract already has an indicator called {trimmed}", "Name");
        }
    }

    private void Renumber()
    {
        var order = 1;
        foreach (var indicator in _indicators.OrderBy(i => i.DisplayOrder))
        {
            indicator.DisplayOrder = order++;
        }
    }
}

/// <summary>An annual value that applies from one period until the next change.</summary>
public sealed class AnnualValueChange
{
    public AnnualValueChange(ReportingPeriod from, Money amount)
    {
        From = from;
        Amount = amount;
    }

    private AnnualValueChange()
    {
    }

    public ReportingPeriod From { get; private init; }

    public Money Amount { get; private init; }
}
