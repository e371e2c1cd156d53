using ContractOutcomes.Application.Contracts.GetContract;
using ContractOutcomes.Domain.Common;
using ContractOutcomes.Domain.Contracts;
using ContractOutcomes.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Indicators;

/// <summary>An outcome indicator's attributes as typed: the fields of the add and change pages.</summary>
public sealed class IndicatorForm
{
    /// <summary>How many quarters before the term starts a baseline may have been measured.</summary>
    public const int BaselineQuartersBeforeTerm = 8;

    public string? Name { get; set; }

    public string? Definition { get; set; }

    public IndicatorUnit? Unit { get; set; }

    public Polarity? Polarity { get; set; }

    public RbaQuestion? RbaQuestion { get; set; }

    public string? DataSource { get; set; }

    public string? NumeratorLabel { get; set; }

    public string? DenominatorLabel { get; set; }

    public string? BaselineValue { get; set; }

    public string? BaselinePeriod { get; set; }

    public static IReadOnlyList<SelectListItem> UnitOptions { get; } = ContractDisplay.Options<IndicatorUnit>(u => u.DisplayName());

    public static IReadOnlyList<SelectListItem> PolarityOptions { get; } = ContractDisplay.Options<Polarity>(p => p.DisplayName());

    public static IReadOnlyList<SelectListItem> QuestionOptions { get; } = ContractDisplay.Options<RbaQuestion>(q => q.DisplayName());

    public static IndicatorForm From(IndicatorView indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return new IndicatorForm
        {
            Name = indicator.Name,
            Definition = indicator.Definition,
            Unit = indicator.Unit,
            Polarity = indicator.Polarity,
            RbaQuestion = indicator.RbaQuestion,
            DataSource = indicator.DataSource,
            NumeratorLabel = indicator.NumeratorLabel,
            DenominatorLabel = indicator.DenominatorLabel,
            BaselineValue = ContractDisplay.Editable(indicator.BaselineValue),
            BaselinePeriod = indicator.BaselinePeriod?.Label,
        };
    }

    /// <summary>Reads the baseline value; adds a message beside it when it is not a number.</summary>
    public decimal? ParseBaseline(ModelStateDictionary modelState) =>
        modelState.Number("Input.BaselineValue", BaselineValue, "Baseline");

    /// <summary>
    /// The periods a baseline may be chosen from: from <see cref="BaselineQuartersBeforeTerm"/> quarters before the
    /// term to its last period, plus the one already recorded if it lies outside that range.
    /// </summary>
    public static IReadOnlyList<SelectListItem> BaselinePeriodOptions(ContractView contract, string? current)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var periods = new SortedSet<ReportingPeriod>();
        if (contract.Periods.Count > 0)
        {
            var first = contract.Periods[0];
            for (var i = 0; i < BaselineQuartersBeforeTerm && first.FinancialYearStart > 2000; i++)
            {
                first = first.Previous();
            }

            foreach (var period in ReportingPeriod.Range(first, contract.Periods[^1]))
            {
                periods.Add(period);
            }
        }

        if (ReportingPeriod.TryParse(current, out var recorded))
        {
            periods.Add(recorded);
        }

        return ContractDisplay.PeriodOptions(periods, "Select a period");
    }
}

/// <summary>What the shared indicator fields (<c>_IndicatorFields</c>) need from their page.</summary>
public interface IIndicatorPage
{
    IndicatorForm Input { get; }

    IReadOnlyList<SelectListItem> BaselinePeriodOptions { get; }
}
