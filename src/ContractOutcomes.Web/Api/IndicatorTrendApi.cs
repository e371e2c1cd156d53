using System.Text;
using ContractOutcomes.Application.Performance.GetIndicatorTrend;
using ContractOutcomes.Web.Charts;
using MediatR;

namespace ContractOutcomes.Web.Api;

/// <summary>
/// An indicator's trend over JSON, and the same chart the trend page draws as an SVG file, for commissioners'
/// and providers' own reports. Read-only: the figures are the stored evaluations.
/// </summary>
public static class IndicatorTrendApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var trend = api.MapGroup("/contracts/{contractId:guid}/indicators/{indicatorId:guid}").WithTags("Performance");

        trend.MapGet("/trend", async (IMediator mediator, Guid contractId, Guid indicatorId, int? periods, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetIndicatorTrend(contractId, indicatorId, periods ?? GetIndicatorTrend.DefaultPeriods), ct)))
            .WithName("GetIndicatorTrend")
            .WithSummary("An indicator's latest evaluated periods: actuals, numerators and denominators, targets, ratings, trends, restatements and tolerance bands, the total of the periods shown with its arithmetic, and the chart (scale, series, bands, baseline and its alternative text).")
            .WithDescription(
                "'periods' is how many of the latest evaluated periods to return, from 1 to 40 (default 8). " +
                "Totals of percentages and rates add up numerators and denominators and work the ratio out once; days have no total.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        trend.MapGet("/trend.svg", async (IMediator mediator, Guid contractId, Guid indicatorId, int? periods, CancellationToken ct) =>
            {
                var view = await mediator.Send(new GetIndicatorTrend(contractId, indicatorId, periods ?? GetIndicatorTrend.DefaultPeriods), ct);
                return TypedResults.Text(TrendChartSvg.Render(view.Chart, standalone: true), TrendChartSvg.MediaType, Encoding.UTF8);
            })
            .WithName("GetIndicatorTrendChart")
            .WithSummary("The indicator's trend chart as an SVG image: the same drawing as the trend page, with its title and alternative text inside.")
            .WithDescription("'periods' as for GET .../trend.")
            .Produces<string>(StatusCodes.Status200OK, TrendChartSvg.MediaType)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }
}
