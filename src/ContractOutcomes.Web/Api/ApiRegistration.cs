using System.Text.Json.Serialization;

namespace ContractOutcomes.Web.Api;

public static class ApiRegistration
{
    public static IServiceCollection AddContractOutcomesApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Converters.Add(new ReportingPeriodJsonConverter());
            options.SerializerOptions.Converters.Add(new MoneyJsonConverter());
        });
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ContractOutcomes API";
            document.Info.Version = "v1";
            document.Info.Description =
                "Outcome-based contracts for commissioners and providers. Authenticate with a personal access token " +
                "(created on the Access tokens page) sent as 'Authorization: Bearer <token>'. Errors are RFC 9457 problem details. " +
                "Changes to a contract or a return may send 'If-Match' with the ETag from GET to guard against overwriting someone else's change. " +
                "Returns are addressed by contract and period, for example /api/v1/contracts/{id}/returns/2026-27-Q2.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static WebApplication MapContractOutcomesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "ContractOutcomes API v1");
            options.RoutePrefix = "swagger";
        });
        var api = app.MapGroup("/api/v1").RequireAuthorization(Infrastructure.Policies.Api);
        ContractsApi.Map(api);
        ReturnsApi.Map(api);
        OrganisationsApi.Map(api);
        EscalationApi.Map(api);
        IndicatorTrendApi.Map(api);
        PortfolioApi.Map(api);
        PerformanceApi.Map(api);
        IncentiveSchemeApi.Map(api);
        return app;
    }
}
