using System.Globalization;
using ContractOutcomes.Application.Performance.GetIndicatorTrend;
using ContractOutcomes.Web.Charts;
using ContractOutcomes.Web.Infrastructure;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ContractOutcomes.Web.Pages.Contracts.Performance.Indicators;

/// <summary>
/// One indicator's trend: the chart (server-drawn SVG, no script), the same figures as a table, the total of
/// the periods shown and how it was worked out. How many periods to show is a GET form, so it works without
/// JavaScript and a view can be bookmarked. Anyone who may see the contract may read it.
/// </summary>
public sealed class IndicatorTrendModel(IMediator mediator) : AppPageModel(mediator)
{
    public const string ChartId = "trend-chart";

    private static readonly int[] Choices = [4, GetIndicatorTrend.DefaultPeriods, 12, 20];

    /// <summary>How many periods to show, as typed in the address; anything other than 1 to 40 is refused.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Periods { get; set; }

    public IndicatorTrendView Trend { get; private set; } = default!;

    /// <summary>The chart's SVG markup, built with every text escaped (see <see cref="TrendChartSvg"/>).</summary>
    public string ChartSvg { get; private set; } = string.Empty;

    public IReadOnlyList<SelectListItem> PeriodOptions =>
        [.. Choices.Append(Trend.PeriodsRequested).Distinct().Order()
            .Select(n => new SelectListItem(string.Create(CultureInfo.InvariantCulture, $"Latest {n} quarters"), n.ToString(CultureInfo.InvariantCulture)))];

    public async Task OnGetAsync(Guid id, Guid indicatorId, CancellationToken cancellationToken)
    {
        var periods = GetIndicatorTrend.DefaultPeriods;
        var refused = false;
        if (!string.IsNullOrWhiteSpace(Periods))
        {
            refused = !int.TryParse(Periods, NumberStyles.None, CultureInfo.InvariantCulture, out var asked)
                || asked is < 1 or > GetIndicatorTrend.MaxPeriods;
            periods = refused ? periods : asked;
        }

        Trend = await Mediator.Send(new GetIndicatorTrend(id, indicatorId, periods), cancellationToken);
        ChartSvg = TrendChartSvg.Render(Trend.Chart, ChartId);
        Periods = periods.ToString(CultureInfo.InvariantCulture);
        if (refused)
        {
            // The page shows the default instead, and the select says so, rather than a value nobody can pick.
            ModelState.SetModelValue(nameof(Periods), Periods, Periods);
            ModelState.AddModelError(nameof(Periods), $"Select how many quarters to show, from 1 to {GetIndicatorTrend.MaxPeriods}");
        }
    }

    /// <summary>Runs of consecutive periods whose rating bands were the same, so a change of target or thresholds stands out.</summary>
    public IReadOnlyList<(TrendPeriodView First, TrendPeriodView Last, TrendPeriodView Example)> BandRuns()
    {
        var runs = new List<(TrendPeriodView First, TrendPeriodView Last, TrendPeriodView Example)>();
        foreach (var period in Trend.Periods.Where(p => p.Bands.Count > 0))
        {
            if (runs.Count > 0 && runs[^1].Example.Bands.SequenceEqual(period.Bands) && runs[^1].Example.Target == period.Target)
            {
                runs[^1] = (runs[^1].First, period, runs[^1].Example);
            }
            else
            {
                runs.Add((period, period, period));
            }
        }

        return runs;
    }
}
