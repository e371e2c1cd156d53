using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>One rule axe-core found broken, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets);

/// <summary>What one scan found, and the axe-core version that found it.</summary>
public sealed record AxeScanResult(string Url, string AxeVersion, IReadOnlyList<AxeViolation> Violations)
{
    /// <summary>The violations that fail a test: serious and critical. Moderate and minor ones are reported only.</summary>
    public IReadOnlyList<AxeViolation> Failing =>
        [.. Violations.Where(v => v.Impact is "serious" or "critical")];
}

/// <summary>
/// Runs axe-core against a page for WCAG 2.0, 2.1 and 2.2, levels A and AA, and describes what it found.
/// <para>
/// Uses the axe-core script that Deque.AxeCore.Playwright bundles, injected and run directly as in RECIPES.md §6:
/// the package's own <c>RunAxe</c> gives the same results but takes about 2 s a page here (it finishes each run in
/// a second, blank page), against about 0.5 s this way, which matters over fifty page states.
/// </para>
/// </summary>
public static class AxeScan
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<string> Script = new(() => new BundledAxeScriptProvider().GetScript());

    private const string Run = """
        async tags => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return {
                url: result.url,
                axeVersion: result.testEngine.version,
                violations: result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    targets: v.nodes.map(n => n.target.join(' '))
                }))
            };
        }
        """;

    public static async Task<AxeScanResult> RunWcag(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Script.Value);
        }

        var result = await page.EvaluateAsync<JsonElement>(Run, WcagTags);
        return result.Deserialize<AxeScanResult>(Json) ?? throw new InvalidOperationException("axe-core returned no result.");
    }

    /// <summary>One block per rule: id, impact, help (and where to read more), then each failing node's target.</summary>
    public static string Describe(IEnumerable<AxeViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append(violation.Id).Append(" (").Append(violation.Impact ?? "no impact given").Append("): ")
                .Append(violation.Help).Append(" <").Append(violation.HelpUrl).Append('>').AppendLine();
            foreach (var target in violation.Targets)
            {
                text.Append("    at ").Append(target).AppendLine();
            }
        }

        return text.ToString();
    }
}
