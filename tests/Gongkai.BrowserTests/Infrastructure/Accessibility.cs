using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Gongkai.BrowserTests.Infrastructure;

/// <summary>axe-core checks on the page as it is now; the issue asks for no serious or critical violations.</summary>
public static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Every violation axe finds on the page, of any impact, as readable lines (for the test log).</summary>
    /// <remarks>axe runs as page script: in a context with JavaScript disabled it would wait forever, hence the timeout.</remarks>
    public static async Task<AxeResult> AuditAsync(IPage page)
    {
        try
        {
            return await page.RunAxe().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"axe-core did not finish on {page.Url} within 60 s (is JavaScript disabled in this context?)", e);
        }
    }

    /// <summary>Runs axe on the page and fails on any serious or critical violation, listing how to fix it.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string pageName, Action<string>? log = null)
    {
        var result = await AuditAsync(page);
        var all = result.Violations ?? [];
        var review = result.Incomplete ?? [];
        log?.Invoke($"axe {result.TestEngine?.Version} on {pageName} ({page.Url}): {all.Length} violation(s), " +
            $"{result.Passes?.Length ?? 0} rule(s) passed, {review.Length} to review by hand");
        if (all.Length > 0) log?.Invoke(Describe(all));
        if (review.Length > 0) log?.Invoke("  to review:\n" + Describe(review));
        var blocking = all.Where(v => Blocking.Contains(v.Impact, StringComparer.OrdinalIgnoreCase)).ToArray();
        Assert.True(blocking.Length == 0,
            $"axe-core found {blocking.Length} serious/critical accessibility violation(s) on {pageName} ({page.Url}):\n{Describe(blocking)}");
    }

    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.Append("- [").Append(v.Impact).Append("] ").Append(v.Id).Append(": ").Append(v.Help)
                .Append(" (").Append(v.HelpUrl).AppendLine(")");
            foreach (var node in v.Nodes ?? [])
            {
                text.Append("    at ").Append(node.Target?.ToString() ?? "?").Append("  ").AppendLine(node.Html);
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).ToArray();
                if (checks.Length > 0)
                    text.Append("      ").AppendLine(string.Join(" | ", checks).ReplaceLineEndings(" "));
            }
        }
        return text.ToString();
    }
}
