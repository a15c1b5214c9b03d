using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Gongkai.Features.Search;

/// <summary>
/// How an item becomes a Lucene document and a visitor's query a Lucene query. Queries are built
/// term by term, never by a query parser: visitor text such as <c>AND(</c>, <c>*</c> or a stray quote
/// is just text here, and cannot make a search throw.
/// </summary>
internal static class SearchSchema
{
    /// <summary>Bump when fields or analysis change: an index of another version is wiped and rebuilt.</summary>
    public const string Version = "1";

    public const string Id = "id", IdSort = "id_sort";
    public const string Title = "title", Number = "number", Body = "body", Attachment = "attachment";
    public const string BodyStored = "body_stored", AttachmentStored = "attachment_stored";
    public const string Department = "department", Category = "category", Theme = "theme", Year = "year", Validity = "validity";
    public const string DepartmentName = "department_name", IndexNumber = "index_number", Published = "published", Url = "url";

    /// <summary>
    /// Body and attachment text are indexed whole but stored only up to this many characters, for
    /// snippets: an attachment can be a 300-page PDF. A match beyond it is found, and its snippet
    /// shows the start of the body instead.
    /// </summary>
    public const int StoredTextLimit = 10_000;

    // Title > 文号/索引号 > body > attachments, as the requirement orders them. The best field counts
    // (DisjunctionMax) so a long body that repeats a word does not outrank a title that names it.
    private static readonly (string Field, float Boost)[] TextFields =
        [(Title, 8f), (Number, 6f), (Body, 2f), (Attachment, 1f)];

    public static Document ToDocument(SearchDocument d)
    {
        var id = d.Id.ToString(CultureInfo.InvariantCulture);
        var doc = new Document
        {
            new StringField(Id, id, Field.Store.YES),
            new NumericDocValuesField(IdSort, d.Id),
            new TextField(Title, d.Title ?? "", Field.Store.YES),
            new TextField(Body, d.Body ?? "", Field.Store.NO),
            new StoredField(BodyStored, Cut(d.Body)),
            new StringField(Department, d.DepartmentCode ?? "", Field.Store.NO),
            new StoredField(DepartmentName, d.DepartmentName ?? ""),
            new StringField(Category, d.CategoryCode ?? "", Field.Store.NO),
            new StringField(Year, d.PublishedOn.Year.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new StringField(Validity, d.Validity ?? "", Field.Store.NO),
            new NumericDocValuesField(Published, d.PublishedOn.DayNumber),
            new StoredField(Published, d.PublishedOn.DayNumber),
            new StoredField(Url, d.Url ?? ""),
        };
        if (!string.IsNullOrEmpty(d.AttachmentText))
        {
            doc.Add(new TextField(Attachment, d.AttachmentText, Field.Store.NO));
            doc.Add(new StoredField(AttachmentStored, Cut(d.AttachmentText)));
        }
        if (!string.IsNullOrEmpty(d.DocumentNumber)) doc.Add(new TextField(Number, d.DocumentNumber, Field.Store.NO));
        if (!string.IsNullOrEmpty(d.IndexNumber))
        {
            doc.Add(new TextField(Number, d.IndexNumber, Field.Store.NO));
            doc.Add(new StoredField(IndexNumber, d.IndexNumber));
        }
        if (!string.IsNullOrEmpty(d.ThemeCode)) doc.Add(new StringField(Theme, d.ThemeCode, Field.Store.NO));
        return doc;
    }

    public static Term IdTerm(long id) => new(Id, id.ToString(CultureInfo.InvariantCulture));

    private static string Cut(string? text) =>
        text is null ? "" : text.Length <= StoredTextLimit ? text
        : text[..(char.IsHighSurrogate(text[StoredTextLimit - 1]) ? StoredTextLimit - 1 : StoredTextLimit)];

    /// <summary>
    /// Every part must match (AND); within a part, any text field may hold it. Null when the text
    /// has nothing searchable (only punctuation or emoji): then nothing matches.
    /// </summary>
    public static Query? TextQuery(IReadOnlyList<QueryPart> parts, IndexReader reader)
    {
        var all = new BooleanQuery();
        foreach (var part in parts)
        {
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in TextFields)
            {
                var q = Phrase(field, part, reader);
                q.Boost = boost;
                anyField.Add(q);
            }
            all.Add(anyField, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : all.Clauses.Count == 1 ? all.Clauses[0].Query : all;
    }

    private static Query Phrase(string field, QueryPart part, IndexReader reader)
    {
        var slots = part.Slots;
        if (slots.Count == 1)
        {
            var term = new Term(field, slots[0].Term);
            return slots[0].Prefix ? new PrefixQuery(term) : new TermQuery(term);
        }
        if (!slots.Any(s => s.Prefix))
        {
            var phrase = new PhraseQuery();
            foreach (var slot in slots) phrase.Add(new Term(field, slot.Term), slot.Position);
            return phrase;
        }
        var multi = new MultiPhraseQuery();
        foreach (var slot in slots)
            multi.Add(slot.Prefix ? Expand(reader, field, slot.Term) : [new Term(field, slot.Term)], slot.Position);
        return multi;
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
