using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Gongkai.Features.Search;

/// <summary>
/// The one analyzer for every text field, at index and at query time (<see cref="BigramTokenizer"/>).
/// Chinese is cut into overlapping bigrams rather than words: a word segmenter (SmartCn) misses
/// substrings (政府 does not hit 区政府), and the requirement is that every item containing a
/// 2-character query is found. With one bigram per character position, a query of n ≥ 2 Han
/// characters is the phrase of its n-1 consecutive bigrams, which matches exactly the texts that
/// contain it.
/// <para>
/// One character (低, or 号 in 60号) is the one case a bigram does not cover. The last character of
/// each run is indexed as a unigram, so any occurrence of X is a term that starts with X at that
/// position: X itself or a bigram X?. A 1-character query is therefore a prefix query, exact like
/// the rest, and a lone character inside a mixed query is the set of those terms at its position.
/// Indexing a unigram for every character would do the same more simply, but nearly doubles the terms,
/// and indexing speed is a requirement (2,000 items/s).
/// </para>
/// Runs of letters and digits are whole lower-cased words (2019, 00123, abc); full-width forms
/// (２０１９, ＡＢＣ) fold to half-width, so a 文号 typed either way matches.
/// </summary>
internal static class BigramAnalysis
{
    /// <summary>Bigrams for the text fields; for their gram companions (<see cref="SearchSchema.IsGramField"/>) the longer grams <paramref name="grams"/> keeps.</summary>
    public static Analyzer Create(Func<GramSet> grams) =>
        Analyzer.NewAnonymous(
            (field, reader) => new TokenStreamComponents(SearchSchema.IsGramField(field) ? new GramTokenizer(reader, grams) : new BigramTokenizer(reader)),
            Analyzer.PER_FIELD_REUSE_STRATEGY);

    /// <summary>
    /// Width and case folding, one char for one char, so offsets found in folded text are offsets in
    /// the original (the highlighter relies on that).
    /// </summary>
    public static char Fold(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        < '\u0080' => c,
        '\u3000' => ' ',
        >= '\uFF01' and <= '\uFF5E' => Fold((char)(c - 0xFEE0)),
        (>= '\u3001' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') => c, // CJK, kana, Hangul: no case, and ToLowerInvariant is slow
        _ => char.ToLowerInvariant(c),
    };

    public static string Fold(string text) => string.Create(text.Length, text, static (span, s) =>
    {
        for (var i = 0; i < s.Length; i++) span[i] = Fold(s[i]);
    });

    /// <summary>
    /// Turns one space-free part of a (folded) query into phrase slots and the substrings to
    /// highlight. The unigram ending a run of two or more is dropped: the bigram before it already
    /// requires that character, while in a text that goes on after it there is no unigram.
    /// Characters that make no term (punctuation, emoji) keep only their place: 低保，医疗 needs 低保
    /// and 医疗 two positions apart, which is what the index holds for that text.
    /// </summary>
    public static QueryPart? AnalysePart(Analyzer analyzer, string part)
    {
        var tokens = new List<(string Term, string Type, int Start, int End)>();
        using (var stream = analyzer.GetTokenStream("q", part))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            while (stream.IncrementToken()) tokens.Add((term.ToString(), type.Type, offset.StartOffset, offset.EndOffset));
            stream.End();
        }
        if (tokens.Count == 0) return null;

        var slots = new List<QuerySlot>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Type != BigramTokenizer.Unigram) slots.Add(new QuerySlot(t.Term, i, Prefix: false));
            else if (i == 0 || tokens[i - 1].Type != BigramTokenizer.Bigram || tokens[i - 1].End != t.End)
                slots.Add(new QuerySlot(t.Term, i, Prefix: true)); // a lone character: X or X? in the index
        }

        // Highlight the stretches of the query that terms cover without a gap: 国办发〔2019〕60号 → 国办发, 2019, 60号.
        var needles = new List<string>();
        int runStart = tokens[0].Start, runEnd = tokens[0].End;
        foreach (var t in tokens.Skip(1))
        {
            if (t.Start > runEnd) { needles.Add(part[runStart..runEnd]); runStart = t.Start; }
            runEnd = Math.Max(runEnd, t.End);
        }
        needles.Add(part[runStart..runEnd]);

        // The runs of CJK characters, for the gram fields (GramSet): a part that is one run of three
        // or more characters may be found there alone; runs beside other terms may give grams that
        // every match must hold, a fast filter before the phrase.
        var runs = CjkRuns(part);
        var isRun = runs.Count == 1 && tokens.All(t => t.Type != BigramTokenizer.Word);
        return new QueryPart(slots, needles, runs.Where(r => r.Length >= 3).ToList(), isRun);
    }

    private static List<string> CjkRuns(string part)
    {
        var runs = new List<string>();
        for (var i = 0; i < part.Length;)
        {
            var start = i;
            for (int w; (w = CjkTokenizer.CjkWidth(part, i)) > 0;) i += w;
            if (i > start) runs.Add(part[start..i]);
            else i++;
        }
        return runs;
    }
}

/// <summary>A term at a relative position; with <see cref="Prefix"/>, any indexed term starting with it.</summary>
internal sealed record QuerySlot(string Term, int Position, bool Prefix);

/// <summary>
/// A phrase and the literal substrings to mark in results. <see cref="Runs"/>: its runs of three or
/// more CJK characters, for the gram fields. <see cref="IsRun"/>: the part is nothing but one such run
/// (or shorter), so the gram fields alone can find it.
/// </summary>
internal sealed record QueryPart(IReadOnlyList<QuerySlot> Slots, IReadOnlyList<string> Needles, IReadOnlyList<string> Runs, bool IsRun);
