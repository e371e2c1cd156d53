using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace ContractOutcomes.Web.Tests.Incentives;

/// <summary>
/// What the scheme tests share. They change only the scheme of the draft WCC-SMR-2025-007 (Chalk Downs Recovery), and
/// every test that changes it puts the scheme it found back when it finishes, through the API.
/// </summary>
internal static class SchemeTestSupport
{
    public const string Draft = "WCC-SMR-2025-007";
    public const string Active = "WCC-CSC-2024-001";
    public const string DraftProvider = "owen.pritchard@example.com";

    public static Task<Guid> ContractId(WebAppFactory app, string reference) =>
        app.Db(db => db.Contracts.Where(c => c.Reference == reference).Select(c => c.Id.Value).SingleAsync());

    public static string ApiUrl(Guid contractId) => $"/api/v1/contracts/{contractId}/incentive-scheme";

    public static async Task<HttpClient> ApiClient(WebAppFactory app, string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenFor(email));
        return client;
    }

    public static async Task<(JsonElement View, EntityTagHeaderValue ETag)> Read(HttpClient client, Guid contractId)
    {
        var response = await client.GetAsync(new Uri(ApiUrl(contractId), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag);
    }

    /// <summary>The PUT body that defines the scheme a GET returned: its incentives travel as they came.</summary>
    public static JsonObject BodyFrom(JsonElement view)
    {
        var scheme = view.GetProperty("scheme");
        return new JsonObject
        {
            ["shareAtRiskPercent"] = JsonNode.Parse(scheme.GetProperty("shareAtRiskPercent").GetRawText()),
            ["annualCap"] = JsonNode.Parse(scheme.GetProperty("annualCap").GetRawText()),
            ["termCap"] = JsonNode.Parse(scheme.GetProperty("termCap").GetRawText()),
            ["serviceCreditCapPercent"] = JsonNode.Parse(scheme.GetProperty("serviceCreditCapPercent").GetRawText()),
            ["incentives"] = JsonNode.Parse(scheme.GetProperty("incentives").GetRawText()),
        };
    }

    /// <summary>Runs <paramref name="test"/>, then puts back the draft's scheme as it was before (or removes it if there was none).</summary>
    public static async Task KeepingDraftScheme(WebAppFactory app, Func<Guid, Task> test)
    {
        var id = await ContractId(app, Draft);
        using var client = await ApiClient(app, WebAppFactory.Commissioner);
        var (before, _) = await Read(client, id);
        try
        {
            await test(id);
        }
        finally
        {
            if (before.GetProperty("scheme").ValueKind == JsonValueKind.Null)
            {
                await client.DeleteAsync(new Uri(ApiUrl(id), UriKind.Relative));
            }
            else
            {
                var restored = await client.PutAsJsonAsync(new Uri(ApiUrl(id), UriKind.Relative), BodyFrom(before));
                Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
            }
        }
    }

    /// <summary>The saved share at risk of the draft, straight from the database.</summary>
    public static Task<decimal?> SavedShareAtRisk(WebAppFactory app) =>
        app.Db(async db => (await db.Contracts.AsNoTracking().SingleAsync(c => c.Reference == Draft)).IncentiveScheme?.ShareAtRiskPercent);
}
