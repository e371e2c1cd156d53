using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ContractOutcomes.EndToEnd.Tests;

/// <summary>Runs axe-core against a page for WCAG 2.0, 2.1 and 2.2 levels A and AA, and describes what it found.</summary>
public static class AxeScan
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>The impacts that fail a test. Moderate and minor findings are reported but do not fail it.</summary>
    public static readonly IReadOnlySet<string> FailingImpacts = new HashSet<string>(StringComparer.Ordinal) { "serious", "critical" };

    public static Task<AxeResult> RunWcag(this IPage page) =>
        page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });

    public static IReadOnlyList<AxeResultItem> Failing(this AxeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Violations.Where(v => v.Impact is not null && FailingImpacts.Contains(v.Impact))];
    }

    /// <summary>One block per rule: id, impact, help (and where to read more), then each failing node's target.</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").Append(violation.Help)
                .Append(" <").Append(violation.HelpUrl).Append('>').AppendLine();
            foreach (var node in violation.Nodes)
            {
                text.Append("    at ").Append(node.Target).AppendLine();
            }
        }

        return text.ToString();
    }
}
