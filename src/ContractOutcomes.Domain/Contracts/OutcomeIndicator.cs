using ContractOutcomes.Domain.Common;

namespace ContractOutcomes.Domain.Contracts;

/// <summary>
/// A KPI of one contract. Part of the <see cref="Contract"/> aggregate: change it only through the
/// contract, which knows whether the contract is still a draft or must be varied.
/// </summary>
public sealed class OutcomeIndicator
{
    public const int NameMaxLength = 150;
    public const int DefinitionMaxLength = 2000;
    public const int DataSourceMaxLength = 500;
    public const int LabelMaxLength = 150;

    private readonly List<IndicatorTarget> _targets = [];
    private readonly List<ToleranceChange> _toleranceChanges = [];

    private OutcomeIndicator()
    {
        Name = string.Empty;
        Definition = string.Empty;
        DataSource = string.Empty;
    }

    public IndicatorId Id { get; private init; }

    public string Name { get; private set; }

    public string Definition { get; private set; }

    public IndicatorUnit Unit { get; private set; }

    public Polarity Polarity { get; private set; }

    public RbaQuestion RbaQuestion { get; private set; }

    public string DataSource { get; private set; }

    public string? NumeratorLabel { get; private set; }

    public string? DenominatorLabel { get; private set; }

    public decimal? BaselineValue { get; private set; }

    public ReportingPeriod? BaselinePeriod { get; private set; }

    /// <summary>Position in the contract's list, from 1.</summary>
    public int DisplayOrder { get; internal set; }

    /// <summary>The thresholds that apply from the latest variation onwards (for a draft, to every period).</summary>
    public ToleranceBands? Tolerance { get; private set; }

    /// <summary>
    /// Empty until a variation changes the thresholds; then the thresholds each period used, from the
    /// first period of the term, so that earlier periods keep being rated as they were agreed.
    /// </summary>
    public IReadOnlyList<ToleranceChange> ToleranceChanges => _toleranceChanges;

    public IReadOnlyList<IndicatorTarget> Targets => _targets;

    public decimal? TargetFor(ReportingPeriod period) =>
        _targets.FirstOrDefault(t => t.Period == period)?.Value;

    /// <summary>The thresholds that applied in a period, after every variation effective by then.</summary>
    public ToleranceBands? ToleranceFor(ReportingPeriod period) =>
        _toleranceChanges.Count == 0
            ? Tolerance
            : (_toleranceChanges.LastOrDefault(c => c.From <= period) ?? _toleranceChanges[0]).Bands;

    internal static OutcomeIndicator Create(IndicatorDefinition definition, int displayOrder)
    {
        var indicator = new OutcomeIndicator { Id = IndicatorId.New(), DisplayOrder = displayOrder };
        indicator.Apply(definition);
        return indicator;
    }

    internal void Apply(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (!Enum.IsDefined(definition.Unit))
        {
            throw new BusinessRuleException("Select the unit", nameof(Unit));
        }

        if (!Enum.IsDefined(definition.Polarity))
        {
            throw new BusinessRuleException("Select whether higher or lower is better", nameof(Polarity));
        }

        if (!Enum.IsDefined(definition.RbaQuestion))
        {
            throw new BusinessRuleException("Select the question the indicator answers", nameof(RbaQuestion));
        }

        var name = Guard.Text(definition.Name, "the indicator's name", NameMaxLength, nameof(Name));
        var text = Guard.Text(definition.Definition, "a definition", DefinitionMaxLength, nameof(Definition));
        var source = Guard.Text(definition.DataSource, "the data source", DataSourceMaxLength, nameof(DataSource));
        string? numerator = null;
        string? denominator = null;
        if (definition.Unit.IsRatio())
        {
            // Ratios are reported as numerator and denominator so portfolio figures aggregate correctly.
            numerator = Guard.Text(definition.NumeratorLabel, "what the numerator counts", LabelMaxLength, nameof(NumeratorLabel));
            denominator = Guard.Text(definition.DenominatorLabel, "what the denominator counts", LabelMaxLength, nameof(DenominatorLabel));
        }

        if (definition.BaselineValue.HasValue != definition.BaselinePeriod.HasValue)
        {
            throw definition.BaselineValue.HasValue
                ? new BusinessRuleException("Enter the period the baseline was measured in", nameof(BaselinePeriod))
                : new BusinessRuleException("Enter the baseline value", nameof(BaselineValue));
        }

        if (definition.BaselineValue is { } baseline)
        {
            CheckValue(definition.Unit, baseline, "The baseline", nameof(BaselineValue));
        }

        foreach (var target in _targets)
        {
            CheckValue(definition.Unit, target.Value, $"The target for {target.Period}", nameof(Targets));
        }

        Name = name;
        Definition = text;
        Unit = definition.Unit;
        Polarity = definition.Polarity;
        RbaQuestion = definition.RbaQuestion;
        DataSource = source;
        NumeratorLabel = numerator;
        DenominatorLabel = denominator;
        BaselineValue = definition.BaselineValue;
        BaselinePeriod = definition.BaselinePeriod;
    }

    internal void ReplaceTargets(IReadOnlyDictionary<ReportingPeriod, decimal> targets, ContractTerm term)
    {
        foreach (var (period, value) in targets.OrderBy(t => t.Key))
        {
            if (!term.Covers(period))
            {
                throw new BusinessRuleException($"{period} is outside the contract term", nameof(Targets));
            }

            CheckValue(Unit, value, $"The target for {period}", nameof(Targets));
        }

        _targets.RemoveAll(t => !targets.ContainsKey(t.Period));
        foreach (var (period, value) in targets)
        {
            PutTarget(period, value);
        }

        _targets.Sort((a, b) => a.Period.CompareTo(b.Period));
    }

    internal void SetTargetFrom(ReportingPeriod from, decimal value, ContractTerm term)
    {
        CheckValue(Unit, value, $"The target from {from}", "Value");
        foreach (var period in term.Periods.Where(p => p >= from))
        {
            PutTarget(period, value);
        }

        _targets.Sort((a, b) => a.Period.CompareTo(b.Period));
    }

    /// <summary>After a term change: drop targets outside it and carry the last target into new periods.</summary>
    internal void FitTargetsTo(ContractTerm term)
    {
        _targets.RemoveAll(t => !term.Covers(t.Period));
        if (_targets.Count == 0)
        {
            return;
        }

        var last = _targets[^1];
        foreach (var period in term.Periods.Where(p => p > last.Period))
        {
            _targets.Add(new IndicatorTarget(period, last.Value));
        }
    }

    // Existing targets are changed in place rather than replaced, so persistence sees an update of
    // the same period rather than a delete and an insert of the same key.
    private void PutTarget(ReportingPeriod period, decimal value)
    {
        var existing = _targets.Find(t => t.Period == period);
        if (existing is null)
        {
            _targets.Add(new IndicatorTarget(period, value));
        }
        else
        {
            existing.Change(value);
        }
    }

    internal void SetTolerance(ToleranceBands tolerance)
    {
        CheckTolerance(tolerance);
        _toleranceChanges.Clear();
        Tolerance = tolerance;
    }

    /// <summary>A variation: the new thresholds apply from <paramref name="from"/>; earlier periods keep theirs.</summary>
    internal void SetToleranceFrom(ReportingPeriod from, ToleranceBands tolerance, ContractTerm term)
    {
        CheckTolerance(tolerance);
        if (_toleranceChanges.Count == 0 && Tolerance is not null)
        {
            _toleranceChanges.Add(new ToleranceChange(term.FirstPeriod, Tolerance));
        }

        _toleranceChanges.RemoveAll(c => c.From >= from);
        _toleranceChanges.Add(new ToleranceChange(from, tolerance));
        Tolerance = tolerance;
    }

    private void CheckTolerance(ToleranceBands tolerance)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        if (Unit == IndicatorUnit.Percentage && tolerance.Mode == ToleranceMode.Absolute && tolerance.RequiresImprovementWithin > 100)
        {
            throw new BusinessRuleException("A threshold for a percentage must be 100 percentage points or less", nameof(ToleranceBands.RequiresImprovementWithin));
        }
    }

    /// <summary>Periods of the term that still have no target.</summary>
    public IReadOnlyList<ReportingPeriod> PeriodsWithoutTarget(ContractTerm term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.Periods.Where(p => _targets.All(t => t.Period != p)).ToArray();
    }

    private static void CheckValue(IndicatorUnit unit, decimal value, string what, string propertyName)
    {
        var problem = WhyInvalid(unit, value, what);
        if (problem is not null)
        {
            throw new BusinessRuleException(problem, propertyName);
        }
    }

    /// <summary>Null when the value can be a target or figure in this unit; otherwise why not.</summary>
    public static string? WhyInvalid(IndicatorUnit unit, decimal value, string what) =>
        value < 0 ? $"{what} must be 0 or more"
        : unit == IndicatorUnit.Percentage && value > 100 ? $"{what} must be 100% or less"
        : unit == IndicatorUnit.RatePer10000 && value > 10000 ? $"{what} must be 10,000 per 10,000 or less"
        : null;
}

/// <summary>The target an indicator must reach in one reporting period.</summary>
public sealed class IndicatorTarget
{
    public IndicatorTarget(ReportingPeriod period, decimal value)
    {
        Period = period;
        Value = value;
    }

    public ReportingPeriod Period { get; private init; }

    public decimal Value { get; private set; }

    internal void Change(decimal value) => Value = value;
}

/// <summary>Thresholds that apply from one period until the next change.</summary>
public sealed class ToleranceChange
{
    public ToleranceChange(ReportingPeriod from, ToleranceBands bands)
    {
        From = from;
        Bands = bands;
    }

    private ToleranceChange()
    {
        Bands = null!;
    }

    public ReportingPeriod From { get; private init; }

    public ToleranceBands Bands { get; private init; }
}
