using System.Text;

namespace Gongkai.Features.Search;

/// <summary>
/// Marks the query's substrings in stored text. Our own rather than Lucene's Highlighter: that one
/// re-analyses the text and tags every bigram separately (低保 would come out as two overlapping tags
/// to merge), and costs more than a plain ordinal search, which is exact for substring queries anyway.
/// Matching is on width- and case-folded text (<see cref="BigramAnalysis.Fold(char)"/>), one char for
/// one char, so positions carry over to the original. Output is HTML-escaped; touching or
/// overlapping matches become one &lt;mark&gt;.
/// </summary>
internal static class SnippetHighlighter
{
    private const int MaxMatchesPerNeedle = 100; // enough to choose a window; bounds the work on long texts full of one character

    /// <summary>The whole text, escaped and marked (for titles).</summary>
    public static string MarkAll(string text, IReadOnlyList<string> needles) =>
        Render(text, 0, text.Length, FindMatches(text, needles));

    /// <summary>
    /// A window of about <paramref name="width"/> characters around the densest group of matches,
    /// or null when the text has none. Ellipses show that the text goes on.
    /// </summary>
    public static string? Window(string text, IReadOnlyList<string> needles, int width)
    {
        var matches = FindMatches(text, needles);
        if (matches.Count == 0) return null;

        // Prefer the window showing the most different parts of the query, then the most matches.
        var bestStart = 0;
        var bestScore = -1;
        foreach (var anchor in matches)
        {
            var start = Math.Max(0, anchor.Start - width / 5);
            var end = start + width;
            uint parts = 0;
            var count = 0;
            foreach (var m in matches)
            {
                if (m.Start >= end) break;
                if (m.Start >= start && m.End <= end) { parts |= m.Parts; count++; }
            }
            var score = System.Numerics.BitOperations.PopCount(parts) * 10_000 + count;
            if (score > bestScore) { bestScore = score; bestStart = start; }
        }
        return Prefix(text, width, bestStart, matches);
    }

    /// <summary>The start of the text, escaped, when nothing in it matched (the match was in the title or past the stored part).</summary>
    public static string Lead(string text, int width) => Prefix(text, width, 0, []);

    private static string Prefix(string text, int width, int start, List<Match> matches)
    {
        var end = Math.Min(text.Length, start + width);
        if (end < text.Length && char.IsHighSurrogate(text[end - 1])) end--;
        if (start > 0 && char.IsLowSurrogate(text[start])) start++;
        var html = Render(text, start, end, matches);
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    private readonly record struct Match(int Start, int End, uint Parts);

    /// <summary>Sorted, merged intervals of every needle occurrence.</summary>
    private static List<Match> FindMatches(string text, IReadOnlyList<string> needles)
    {
        var found = new List<Match>();
        if (text.Length == 0 || needles.Count == 0) return found;
        var folded = BigramAnalysis.Fold(text);
        for (var n = 0; n < needles.Count && n < 32; n++)
        {
            var needle = needles[n];
            if (needle.Length == 0) continue;
            var perNeedle = 0;
            for (var at = folded.IndexOf(needle, StringComparison.Ordinal);
                 at >= 0 && perNeedle++ < MaxMatchesPerNeedle;
                 at = folded.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
            {
                found.Add(new Match(at, at + needle.Length, 1u << n));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));

        var merged = new List<Match>(found.Count);
        foreach (var m in found)
        {
            if (merged.Count > 0 && m.Start <= merged[^1].End)
                merged[^1] = new Match(merged[^1].Start, Math.Max(merged[^1].End, m.End), merged[^1].Parts | m.Parts);
            else
                merged.Add(m);
        }
        return merged;
    }

    private static string Render(string text, int start, int end, List<Match> matches)
    {
        var html = new StringBuilder((end - start) + 32);
        var at = start;
        foreach (var m in matches)
        {
            if (m.End <= start || m.Start >= end) continue;
            var s = Math.Max(m.Start, start);
            var e = Math.Min(m.End, end);
            Escape(html, text, at, s);
            html.Append("<mark>");
            Escape(html, text, s, e);
            html.Append("</mark>");
            at = e;
        }
        Escape(html, text, at, end);
        return html.ToString();
    }

    /// <summary>HTML-escapes, and folds line breaks and runs of white space into one space (a snippet is one line).</summary>
    private static void Escape(StringBuilder html, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '&': html.Append("&amp;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\0': break;
                default:
                    if (char.IsWhiteSpace(c))
                    {
                        if (html.Length == 0 || html[^1] != ' ') html.Append(' ');
                    }
                    else html.Append(c);
                    break;
            }
        }
    }
}
