using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Gongkai.Features.Search;

/// <summary>
/// Which trigrams and four-grams the index holds besides bigrams: only those made of frequent parts.
/// <para>
/// Why: a query of three or four characters is a phrase of bigrams, and when all of them are common
/// (政府, 工作: in most items, dozens of times each) the phrase reads the positions of every one of
/// them in every item: up to two seconds at 1,000,000 items. If one bigram is rare, the phrase is
/// cheap: Lucene starts from the rarest term. So the longer grams are needed exactly where every
/// part is frequent. Indexing every trigram instead makes tens of millions of distinct terms, which
/// cost Lucene.NET over three times the indexing time (measured; docs/performance.md).
/// </para>
/// The rule: the trigram abc is indexed when ab and bc are both frequent bigrams; the four-gram abcd
/// when abc and bcd are both frequent trigrams. "Frequent" means in at least
/// <see cref="FrequentShare"/> of a sample of items, learnt when the index is (re)built and kept with
/// it (the rule must be the same for every item in an index, or a search would miss the items
/// indexed under another). The set is learnt again by a rebuild when the index has outgrown a small
/// sample (<see cref="IsStaleFor"/>). Characters outside the basic plane never take part.
/// </summary>
internal sealed class GramSet
{
    /// <summary>A bigram or trigram in this share of the sampled items is frequent.</summary>
    public const double FrequentShare = 0.03;

    /// <summary>Up to this many items are sampled, and no more than <see cref="SampleChars"/> characters of text.</summary>
    public const int SampleItems = 20_000;

    public const long SampleChars = 32_000_000;

    /// <summary>Below this count an index is small enough that any search is fast: no need to learn again.</summary>
    private const int SmallIndex = 2_000;

    private const int MinimumCount = 20;   // in a small sample, a share of a few items says nothing
    private const int CharsPerField = 20_000; // the start of a long attachment tells as much as all of it

    public static readonly GramSet None = new([], [], 0, complete: false);

    private readonly HashSet<int> _bigrams;
    private readonly HashSet<long> _trigrams;

    private GramSet(HashSet<int> bigrams, HashSet<long> trigrams, int sampled, bool complete)
    {
        _bigrams = bigrams;
        _trigrams = trigrams;
        Sampled = sampled;
        Complete = complete;
    }

    /// <summary>How many items the set was learnt from.</summary>
    public int Sampled { get; }

    /// <summary>True when the sample was cut at its size limit, so more items would not change it.</summary>
    public bool Complete { get; }

    public int FrequentBigrams => _bigrams.Count;

    public int FrequentTrigrams => _trigrams.Count;

    /// <summary>True when the index has grown well past a small, incomplete sample: rebuild to learn again.</summary>
    public bool IsStaleFor(long items) => !Complete && items >= SmallIndex && items >= 4L * Sampled;

    public static bool IsGramChar(char c) => CjkTokenizer.IsCjk(c);

    public bool HasTrigram(char a, char b, char c) => IsFrequent(a, b) && IsFrequent(b, c);

    public bool IsFrequent(char a, char b) => _bigrams.Count > 0 && _bigrams.Contains(Key(a, b));

    public bool HasFourGram(char a, char b, char c, char d) =>
        _trigrams.Count > 0 && _trigrams.Contains(Key(a, b, c)) && _trigrams.Contains(Key(b, c, d));

    /// <summary>
    /// The grams that find <paramref name="run"/> (folded CJK characters) as a phrase in the gram
    /// fields, with their positions relative to its start: a greedy cover by the longest indexed grams,
    /// each overlapping or touching the next, so that together they match exactly the texts that
    /// contain the run. Null when some part of the run is covered by no indexed gram (it holds a
    /// rare bigram, and the bigram phrase is the fast way) or the run is shorter than three.
    /// </summary>
    public List<(string Term, int Position)>? Cover(string run)
    {
        var n = run.Length;
        if (n < 3) return null;
        foreach (var c in run)
        {
            if (!IsGramChar(c)) return null;
        }
        var cover = new List<(string, int)>();
        var covered = 0;
        while (covered < n)
        {
            int bestStart = -1, bestLength = 0;
            for (var s = Math.Max(0, covered - 3); s <= covered && s < n; s++)
            {
                var length = s + 4 <= n && HasFourGram(run[s], run[s + 1], run[s + 2], run[s + 3]) ? 4
                    : s + 3 <= n && HasTrigram(run[s], run[s + 1], run[s + 2]) ? 3 : 0;
                if (length > 0 && s + length > covered && s + length > bestStart + bestLength)
                {
                    bestStart = s;
                    bestLength = length;
                }
            }
            if (bestLength == 0) return null;
            cover.Add((run.Substring(bestStart, bestLength), bestStart));
            covered = bestStart + bestLength;
        }
        return cover;
    }

    private static int Key(char a, char b) => (a << 16) | b;

    private static long Key(char a, char b, char c) => ((long)a << 32) | ((long)b << 16) | c;

    /// <summary>Learns the frequent bigrams, then among trigrams of frequent bigrams the frequent ones.</summary>
    public static GramSet Learn(IReadOnlyList<SearchDocument> sample, bool complete)
    {
        // Counts items, not occurrences: each count remembers the last item that raised it. (A set of
        // the keys seen per item, cleared for each, spent most of the learning time clearing.)
        var threshold = Math.Max(MinimumCount, (int)Math.Ceiling(FrequentShare * sample.Count));
        var bigramCounts = new Dictionary<int, (int Items, int Last)>();
        for (var d = 0; d < sample.Count; d++)
        {
            foreach (var text in Texts(sample[d]))
            {
                for (var i = 0; i + 1 < text.Length; i++)
                {
                    if (IsGramChar(text[i]) && IsGramChar(text[i + 1])) Count(bigramCounts, Key(text[i], text[i + 1]), d);
                }
            }
        }
        var bigrams = bigramCounts.Where(kv => kv.Value.Items >= threshold).Select(kv => kv.Key).ToHashSet();

        var trigramCounts = new Dictionary<long, (int Items, int Last)>();
        for (var d = 0; d < sample.Count; d++)
        {
            foreach (var text in Texts(sample[d]))
            {
                for (var i = 0; i + 2 < text.Length; i++)
                {
                    char a = text[i], b = text[i + 1], c = text[i + 2];
                    if (IsGramChar(a) && IsGramChar(b) && IsGramChar(c) && bigrams.Contains(Key(a, b)) && bigrams.Contains(Key(b, c)))
                        Count(trigramCounts, Key(a, b, c), d);
                }
            }
        }
        var trigrams = trigramCounts.Where(kv => kv.Value.Items >= threshold).Select(kv => kv.Key).ToHashSet();
        return new GramSet(bigrams, trigrams, sample.Count, complete);
    }

    private static void Count<TKey>(Dictionary<TKey, (int Items, int Last)> counts, TKey key, int item) where TKey : notnull
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out var exists);
        if (!exists) count = (1, item);
        else if (count.Last != item) count = (count.Items + 1, item);
    }

    private static IEnumerable<string> Texts(SearchDocument d)
    {
        foreach (var text in new[] { d.Title, d.Body, d.AttachmentText, d.DocumentNumber })
        {
            if (string.IsNullOrEmpty(text)) continue;
            yield return BigramAnalysis.Fold(text.Length > CharsPerField ? text[..CharsPerField] : text);
        }
    }

    /// <summary>Kept in the index's commit data, so that the set and the documents indexed under it are committed together.</summary>
    public Dictionary<string, string> Serialize()
    {
        var bigrams = new StringBuilder(_bigrams.Count * 2);
        foreach (var key in _bigrams.Order()) bigrams.Append((char)(key >> 16)).Append((char)(key & 0xFFFF));
        var trigrams = new StringBuilder(_trigrams.Count * 3);
        foreach (var key in _trigrams.Order()) trigrams.Append((char)(key >> 32)).Append((char)((key >> 16) & 0xFFFF)).Append((char)(key & 0xFFFF));
        return new()
        {
            ["gongkai.grams.bigrams"] = bigrams.ToString(),
            ["gongkai.grams.trigrams"] = trigrams.ToString(),
            ["gongkai.grams.sampled"] = Sampled.ToString(CultureInfo.InvariantCulture),
            ["gongkai.grams.complete"] = Complete ? "1" : "0",
        };
    }

    /// <summary>The set kept in commit data; None when there is none (an index that has not learnt one yet).</summary>
    public static GramSet Parse(IDictionary<string, string> data)
    {
        if (!data.TryGetValue("gongkai.grams.bigrams", out var b) || !data.TryGetValue("gongkai.grams.trigrams", out var t)
            || !data.TryGetValue("gongkai.grams.sampled", out var s) || !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sampled)
            || b.Length % 2 != 0 || t.Length % 3 != 0)
        {
            return None;
        }
        var bigrams = new HashSet<int>(b.Length / 2);
        for (var i = 0; i < b.Length; i += 2) bigrams.Add(Key(b[i], b[i + 1]));
        var trigrams = new HashSet<long>(t.Length / 3);
        for (var i = 0; i < t.Length; i += 3) trigrams.Add(Key(t[i], t[i + 1], t[i + 2]));
        return new GramSet(bigrams, trigrams, sampled, data.TryGetValue("gongkai.grams.complete", out var c) && c == "1");
    }
}
