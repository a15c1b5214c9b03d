using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongkai.Features.Search;

/// <summary>
/// Field names, and how a visitor's query becomes a Lucene query. Queries are built
/// term by term, never by a query parser: visitor text such as <c>AND(</c>, <c>*</c> or a stray quote
/// is just text here, and cannot make a search throw.
/// </summary>
internal static class SearchSchema
{
    /// <summary>Bump when fields or analysis change: an index of another version is wiped and rebuilt.</summary>
    public const string Version = "2";

    public const string Id = "id", IdSort = "id_sort";
    public const string Title = "title", Number = "number", Body = "body", Attachment = "attachment";

    /// <summary>Each text field's companion of selected CJK trigrams and four-grams (<see cref="GramSet"/>, <see cref="GramTokenizer"/>).</summary>
    public const string GramSuffix = "_g";
    public const string TitleGrams = Title + GramSuffix, NumberGrams = Number + GramSuffix, BodyGrams = Body + GramSuffix, AttachmentGrams = Attachment + GramSuffix;

    public static bool IsGramField(string field) => field.EndsWith(GramSuffix, StringComparison.Ordinal);
    public const string BodyStored = "body_stored", AttachmentStored = "attachment_stored";
    public const string Department = "department", Category = "category", Theme = "theme", Year = "year", Validity = "validity";
    public const string DepartmentName = "department_name", IndexNumber = "index_number", Published = "published", Url = "url";

    // Title > 文号/索引号 > body > attachments, as the requirement orders them; a match in several
    // fields adds up. A sum of SHOULD clauses rather than DisjunctionMax (best field only): Lucene
    // scores it in bulk, 2,048 documents at a time, 30–40% faster on a 2-character query that hits
    // half of a million items, and the boosts are far enough apart to keep the order.
    private static readonly (string Field, string Grams, float Boost)[] TextFields =
        [(Title, TitleGrams, 8f), (Number, NumberGrams, 6f), (Body, BodyGrams, 2f), (Attachment, AttachmentGrams, 1f)];

    public static Term IdTerm(long id) => new(Id, id.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Every part must match (AND); within a part, any text field may hold it. Null when the text
    /// has nothing searchable (only punctuation or emoji): then nothing matches. <paramref name="grams"/>
    /// is the gram set of the index <paramref name="reader"/> reads.
    /// </summary>
    public static Query? TextQuery(IReadOnlyList<QueryPart> parts, IndexReader reader, GramSet grams)
    {
        var all = new BooleanQuery();
        foreach (var part in parts)
        {
            var covers = part.Runs.Select(grams.Cover).ToList();
            var anyField = new BooleanQuery(disableCoord: true);
            foreach (var (field, gramField, boost) in TextFields)
            {
                var q = FieldQuery(field, gramField, part, covers, reader);
                q.Boost = boost;
                anyField.Add(q, Occur.SHOULD);
            }
            all.Add(anyField, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : all.Clauses.Count == 1 ? all.Clauses[0].Query : all;
    }

    /// <summary>
    /// The part in one field. One or two characters (or one word): a term. A run of three or more
    /// that the index's grams cover: those grams, a term or a short phrase of rare terms. Otherwise
    /// the phrase of bigrams, which is then fast because the run holds a rare bigram (or it mixes
    /// in words), with the grams of its longer runs, if any, as a filter in front.
    /// </summary>
    private static Query FieldQuery(string field, string gramField, QueryPart part,
        List<List<(string Term, int Position)>?> covers, IndexReader reader)
    {
        var slots = part.Slots;
        if (slots.Count == 1)
        {
            var term = new Term(field, slots[0].Term);
            return slots[0].Prefix ? new PrefixQuery(term) : new TermQuery(term);
        }
        if (part.IsRun && covers is [{ } cover])
        {
            if (cover.Count == 1) return new TermQuery(new Term(gramField, cover[0].Term));
            var grams = new PhraseQuery();
            foreach (var (gram, position) in cover) grams.Add(new Term(gramField, gram), position);
            return grams;
        }
        var phrase = PositionalPhrase(field, part, reader);
        var filter = covers.Where(c => c is not null).SelectMany(c => c!).Select(g => g.Term).Distinct().ToList();
        if (filter.Count == 0) return phrase;

        // Lucene intersects the rarest posting list first, so the phrase reads positions only in
        // items that hold every gram. The grams only filter: the score is the phrase's.
        var filtered = new BooleanQuery(disableCoord: true) { { phrase, Occur.MUST } };
        foreach (var gram in filter)
            filtered.Add(new ConstantScoreQuery(new TermQuery(new Term(gramField, gram))) { Boost = 0 }, Occur.MUST);
        return filtered;
    }

    private static Query PositionalPhrase(string field, QueryPart part, IndexReader reader)
    {
        var slots = part.Slots;
        if (!slots.Any(s => s.Prefix))
        {
            var phrase = new PhraseQuery();
            foreach (var slot in slots) phrase.Add(new Term(field, slot.Term), slot.Position);
            return phrase;
        }
        var multi = new MultiPhraseQuery();
        foreach (var slot in slots)
            multi.Add(slot.Prefix ? Expand(reader, field, slot.Term) : [new Term(field, slot.Term)], slot.Position);
        // Its score would add up the rarity of every expanded term, so a field with more bigrams
        // starting with that character would win: rank such a phrase by field only, like a 1-character query.
        return new ConstantScoreQuery(multi);
    }

    /// <summary>
    /// Cap on the terms a lone character in a mixed query expands to (X and every bigram X? in the
    /// index; a few thousand at most for the commonest characters). Past it, matches through rarer
    /// bigrams are missed: the one place recall is not exact, and only for queries like 60号.
    /// </summary>
    private const int MaxExpansion = 4_096;

    private static Term[] Expand(IndexReader reader, string field, string prefix)
    {
        var expanded = new List<Term> { new(field, prefix) };
        var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
        var start = new BytesRef(prefix);
        if (terms is null || terms.SeekCeil(start) == TermsEnum.SeekStatus.END) return [.. expanded];
        do
        {
            var term = terms.Term;
            if (!StringHelper.StartsWith(term, start)) break;
            if (!term.BytesEquals(start)) expanded.Add(new Term(field, BytesRef.DeepCopyOf(term)));
        }
        while (expanded.Count < MaxExpansion && terms.MoveNext());
        return [.. expanded];
    }

    /// <summary>Exact-match filters; they narrow the results without changing scores.</summary>
    public static Filter? Filter(SearchQuery q)
    {
        var must = new BooleanQuery();
        void Add(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) must.Add(new TermQuery(new Term(field, value.Trim())), Occur.MUST);
        }
        Add(Department, q.Department);
        Add(Category, q.Category);
        Add(Theme, q.Theme);
        Add(Validity, q.Validity);
        if (q.Year is { } year) Add(Year, year.ToString(CultureInfo.InvariantCulture));
        return must.Clauses.Count == 0 ? null : new QueryWrapperFilter(must);
    }
}
