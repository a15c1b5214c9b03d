using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Gongkai.Features.Search;

/// <summary>
/// Inverts new documents in memory, faster than IndexWriter, and hands them to it as one finished
/// segment (<see cref="BuiltSegmentReader"/> through <c>IndexWriter.AddIndexes</c>, which writes it
/// with the index's own codec). Why: indexing speed is a requirement (2,000 items/s) and Lucene.NET
/// spends two thirds of its indexing time inverting, per term, in a general-purpose chain (term
/// attributes turned into UTF-8 bytes, a byte hash, postings written to byte slices). Here a term
/// of up to four characters (nearly all of ours: bigrams and grams) is one 64-bit key in an
/// open-addressing table, and a posting is one 64-bit word appended to an array; the postings are
/// grouped by term with a counting sort when the segment is written.
/// <para>
/// What it builds is what IndexWriter would have built from the same documents: the same analysis
/// (the field's own token stream), the same positions (<c>DocInverterPerField</c>'s rules: position
/// increments, the analyzer's gaps between values), the same norms (the writer's Similarity), stored
/// fields and numeric doc values. <c>SegmentBuilderTests</c> compares the two index by index.
/// </para>
/// Not thread-safe: one per indexing thread. Only for documents that are in no segment yet (there
/// is no delete-by-Id here).
/// </summary>
internal sealed class SegmentBuilder
{
    // A posting is termId (24 bits) | document (14 bits) | position (26 bits).
    private const int DocBits = 14, PositionBits = 26;
    public const int MaxDocs = 1 << DocBits;
    private const int MaxPosition = (1 << PositionBits) - 1;
    private const int MaxTerms = 1 << 24;
    private const int InitialPostings = 1 << 16;

    /// <summary>
    /// Postings held before <see cref="IsFull"/> says to write the segment: 64 MB, and as much again
    /// while writing it (a segment of about 4,800 items of 1,300 characters). Lucene's writing cost is
    /// mostly per term and segment, so bigger segments index faster: 100,000 items took 94 CPU-seconds
    /// with 7 Mi postings per segment, 110 with 4 million. Just under 8 Mi, the size the array doubles
    /// to, so the last item seldom doubles it again.
    /// </summary>
    public const int DefaultPostingsPerSegment = 8_000_000;

    private readonly Analyzer _analyzer;
    private readonly Similarity _similarity;
    private readonly int _postingsPerSegment, _postingsLimit;
    private readonly Dictionary<string, BuiltField> _fields = new(StringComparer.Ordinal);
    private readonly List<BuiltField> _fieldList = [];
    private readonly TermTable _terms = new();
    private readonly List<StoredValue[]> _stored = [];
    private readonly List<StoredValue> _docStored = [];
    private readonly List<BuiltField> _inverted = []; // the fields of the document being added
    private ulong[] _postings = new ulong[InitialPostings];
    private ulong[] _sorted = [];
    private int _count;
    private int _docs;

    public SegmentBuilder(Analyzer analyzer, Similarity similarity, int postingsPerSegment = DefaultPostingsPerSegment)
    {
        _analyzer = analyzer;
        _similarity = similarity;
        _postingsPerSegment = postingsPerSegment;
        _postingsLimit = (int)Math.Min(int.MaxValue / 2, 4L * postingsPerSegment);
    }

    public int DocCount => _docs;

    /// <summary>True when the segment should be written now.</summary>
    public bool IsFull => _docs >= MaxDocs || _count >= _postingsPerSegment || _terms.Count >= MaxTerms - (1 << 20);

    /// <summary>
    /// Inverts and keeps <paramref name="doc"/>. False, with nothing kept, when it does not fit this
    /// builder's limits (a position past 2^26, which only a text of tens of millions of characters
    /// reaches, or more postings than four segments' worth) or the builder is full: the caller gives it
    /// to IndexWriter instead.
    /// Throws as IndexWriter would for what IndexWriter refuses (a term over 32,766 bytes).
    /// </summary>
    public bool TryAdd(IEnumerable<IIndexableField> doc)
    {
        if (_docs >= MaxDocs) return false;
        var doc0 = _docs;
        var postingsBefore = _count;
        _docStored.Clear();
        var inverted = _inverted;
        inverted.Clear();
        try
        {
            foreach (var field in doc)
            {
                var f = FieldOf(field);
                var type = field.IndexableFieldType;
                if (type.IsIndexed)
                {
                    if (f.StateDoc != doc0)
                    {
                        f.StartDocument(doc0);
                        inverted.Add(f);
                    }
                    else if (type.IsTokenized)
                    {
                        f.Position += _analyzer.GetPositionIncrementGap(f.Name);
                    }
                    if (!Invert(f, field, doc0)) return Undo(postingsBefore, inverted);
                }
                if (type.IsStored) _docStored.Add(new StoredValue(f, StoredValue.Of(field)));
                if (type.DocValueType == DocValuesType.NUMERIC) f.SetNumeric(doc0, field.GetInt64Value() ?? 0);
                else if (type.DocValueType != DocValuesType.NONE)
                    throw new NotSupportedException($"Doc values of type {type.DocValueType} ({field.Name}) are not built here.");
            }
        }
        catch
        {
            Undo(postingsBefore, inverted);
            throw;
        }
        foreach (var f in inverted)
        {
            if (f.HasNorms) f.SetNorm(doc0, _similarity.ComputeNorm(new FieldInvertState(f.Name, f.Position, f.Length, f.NumOverlap, f.Offset, f.Boost)));
        }
        _stored.Add([.. _docStored]);
        _docs++;
        return true;
    }

    private bool Undo(int postingsBefore, List<BuiltField> inverted)
    {
        _count = postingsBefore;
        foreach (var f in inverted) f.StateDoc = -1;
        return false;
    }

    private BuiltField FieldOf(IIndexableField field)
    {
        var type = field.IndexableFieldType;
        if (!_fields.TryGetValue(field.Name, out var f))
        {
            f = new BuiltField(field.Name, _fieldList.Count, type);
            _fields.Add(field.Name, f);
            _fieldList.Add(f);
        }
        else
        {
            f.Merge(type);
        }
        return f;
    }

    /// <summary>One value of an indexed field, as <c>DocInverterPerField</c> does it (Lucene 4.8).</summary>
    private bool Invert(BuiltField f, IIndexableField field, int doc)
    {
        using var stream = field.GetTokenStream(_analyzer);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        if (stream is CjkTokenizer own)
        {
            // Our tokenizers: the same tokens without filling the attributes for each.
            while (own.NextToken(out var start, out var length, out var inc))
            {
                if (!Add(f, own.Folded.Slice(start, length), inc, doc)) return false;
            }
        }
        else
        {
            while (stream.IncrementToken())
            {
                if (!Add(f, term.Buffer.AsSpan(0, term.Length), increment.PositionIncrement, doc)) return false;
            }
        }
        stream.End();
        f.Position += increment.PositionIncrement;
        f.Offset += offset.EndOffset;
        if (field.IndexableFieldType.IsTokenized) f.Offset += _analyzer.GetOffsetGap(f.Name);
        f.Boost *= field.Boost;
        return true;
    }

    /// <summary>One token: its position as <c>DocInverterPerField</c> computes it, and its posting.</summary>
    private bool Add(BuiltField f, ReadOnlySpan<char> term, int increment, int doc)
    {
        var position = f.Position + increment;
        if (position > 0) position--; // mirrors the position++ below
        else if (position < 0) throw new ArgumentException($"Position overflow in field {f.Name}.");
        f.Position = position;
        if (increment == 0) f.NumOverlap++;
        if (position > MaxPosition) return false;
        var id = _terms.IdOf(f.Number, term);
        if (id >= MaxTerms || _count >= _postingsLimit) return false; // one enormous document: IndexWriter's job
        if (_count == _postings.Length) Array.Resize(ref _postings, _postings.Length * 2);
        _postings[_count++] = (ulong)id << (DocBits + PositionBits) | (ulong)doc << PositionBits | (uint)position;
        f.Length++;
        f.Position++;
        return true;
    }

    /// <summary>
    /// The documents added so far as a reader for <c>IndexWriter.AddIndexes</c>, valid until
    /// <see cref="Clear"/>. Groups the postings by term (a stable counting sort, so each term's
    /// postings stay in document and position order).
    /// </summary>
    public BuiltSegmentReader ToReader()
    {
        var termCount = _terms.Count;
        var starts = new int[termCount + 1];
        var postings = _postings.AsSpan(0, _count);
        foreach (var p in postings) starts[(int)(p >> (DocBits + PositionBits)) + 1]++;
        for (var t = 0; t < termCount; t++) starts[t + 1] += starts[t];
        if (_sorted.Length < _count) _sorted = new ulong[_postings.Length];
        var next = starts.AsSpan(0, termCount).ToArray();
        foreach (var p in postings) _sorted[next[(int)(p >> (DocBits + PositionBits))]++] = p;

        var fields = new SortedDictionary<string, BuiltTerms>(StringComparer.Ordinal);
        foreach (var (number, ids) in _terms.IdsByField())
        {
            var f = _fieldList[number];
            var live = ids.Where(id => starts[id + 1] > starts[id]).ToArray();
            if (live.Length == 0) continue;
            var texts = SortTerms(live);
            fields.Add(f.Name, new BuiltTerms(f.IndexOptions, texts, live, starts, _sorted));
        }
        var infos = new FieldInfos(_fieldList.Select(f => f.Info()).ToArray());
        return new BuiltSegmentReader(_docs, infos, fields, _fields, _stored);
    }

    /// <summary>
    /// Sorts term ids into Lucene's order (UTF-8 bytes, which is code point order) and returns their
    /// texts in that order. Most terms differ within their first four characters, so they are sorted by
    /// those as one number first; only runs that tie are compared in full.
    /// </summary>
    private string[] SortTerms(int[] ids)
    {
        var keys = new ulong[ids.Length];
        for (var i = 0; i < ids.Length; i++) keys[i] = PrefixKey(_terms.Text(ids[i]));
        Array.Sort(keys, ids);
        var texts = new string[ids.Length];
        for (var i = 0; i < ids.Length; i++) texts[i] = _terms.Text(ids[i]);
        for (var i = 0; i < ids.Length;)
        {
            var j = i + 1;
            while (j < ids.Length && keys[j] == keys[i]) j++;
            if (j - i > 1)
            {
                Array.Sort(texts, ids, i, j - i, CodePointOrder.Instance);
            }
            i = j;
        }
        return texts;
    }

    /// <summary>The first four UTF-16 units, remapped so that numeric order is code point order (surrogates above U+FFFF's BMP neighbours), zero-padded.</summary>
    private static ulong PrefixKey(string text)
    {
        ulong key = 0;
        for (var i = 0; i < 4; i++) key = key << 16 | (i < text.Length ? CodePointOrder.Remap(text[i]) : 0u);
        return key;
    }

    /// <summary>Forgets every document. Keeps the arrays of a full segment for the next (a rebuild); drops them otherwise.</summary>
    public void Clear()
    {
        var keepArrays = IsFull;
        _terms.Clear();
        _fields.Clear();
        _fieldList.Clear();
        _stored.Clear();
        _count = 0;
        _docs = 0;
        if (!keepArrays)
        {
            _postings = new ulong[InitialPostings];
            _sorted = [];
        }
    }

    internal static int DocOf(ulong posting) => (int)(posting >> PositionBits) & (MaxDocs - 1);

    internal static int PositionOf(ulong posting) => (int)(posting & MaxPosition);

    /// <summary>Term ids by (field, text). Terms of up to four UTF-16 units, nearly all of ours, are one 64-bit key.</summary>
    private sealed class TermTable
    {
        // One array of slots: a probe reads one cache line, not one per array.
        private struct Slot
        {
            public ulong Key;
            public int Meta; // field | length << 16, +1; 0 = empty
            public int Id;
        }

        private const int InitialSlots = 1 << 16;
        private static readonly int MaxTermBytes = IndexWriter.MAX_TERM_LENGTH;
        private Slot[] _slots = new Slot[InitialSlots];
        private int _used;
        private readonly List<Dictionary<string, int>> _long = [];
        private readonly List<string> _text = [];
        private readonly List<int> _field = [];

        public int Count => _text.Count;

        public string Text(int id) => _text[id];

        public int IdOf(int field, ReadOnlySpan<char> term)
        {
            if (term.Length > 4) return LongIdOf(field, term);
            ulong key = 0;
            for (var i = 0; i < term.Length; i++) key |= (ulong)term[i] << (16 * i);
            var meta = (field | term.Length << 16) + 1;
            var slots = _slots;
            var mask = slots.Length - 1;
            var slot = Hash(key, meta) & mask;
            while (true)
            {
                ref var s = ref slots[slot];
                if (s.Meta == 0) break;
                if (s.Meta == meta && s.Key == key) return s.Id;
                slot = (slot + 1) & mask;
            }
            var id = Add(field, term);
            slots[slot] = new Slot { Key = key, Meta = meta, Id = id };
            if (++_used * 2 > slots.Length) Grow();
            return id;
        }

        private static int Hash(ulong key, int meta) => (int)((key ^ (ulong)meta * 0x9E3779B97F4A7C15UL) * 0xBF58476D1CE4E5B9UL >> 40);

        private int LongIdOf(int field, ReadOnlySpan<char> term)
        {
            if (term.Length > MaxTermBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(term) > MaxTermBytes)
                throw new ArgumentException($"A term of {term.Length} characters is longer than Lucene accepts ({MaxTermBytes} UTF-8 bytes).", nameof(term));
            while (_long.Count <= field) _long.Add(new Dictionary<string, int>(StringComparer.Ordinal));
            var lookup = _long[field].GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(term, out var id)) return id;
            id = Add(field, term);
            _long[field].Add(_text[id], id);
            return id;
        }

        private int Add(int field, ReadOnlySpan<char> term)
        {
            var id = _text.Count;
            _text.Add(term.ToString());
            _field.Add(field);
            return id;
        }

        private void Grow()
        {
            var old = _slots;
            _slots = new Slot[old.Length * 2];
            var mask = _slots.Length - 1;
            foreach (var s in old)
            {
                if (s.Meta == 0) continue;
                var slot = Hash(s.Key, s.Meta) & mask;
                while (_slots[slot].Meta != 0) slot = (slot + 1) & mask;
                _slots[slot] = s;
            }
        }

        public IEnumerable<(int Field, List<int> Ids)> IdsByField()
        {
            var byField = new Dictionary<int, List<int>>();
            for (var id = 0; id < _field.Count; id++)
            {
                if (!byField.TryGetValue(_field[id], out var list)) byField[_field[id]] = list = [];
                list.Add(id);
            }
            return byField.Select(kv => (kv.Key, kv.Value));
        }

        public void Clear()
        {
            if (_slots.Length > 1 << 22) _slots = new Slot[InitialSlots]; // a huge vocabulary need not stay
            else Array.Clear(_slots);
            _used = 0;
            foreach (var words in _long) words.Clear();
            _text.Clear();
            _field.Clear();
        }
    }

    /// <summary>
    /// Lucene's term order (UTF-8 bytes, unsigned), which is code point order. Ordinal UTF-16 order
    /// differs only in placing surrogates (U+D800–DFFF) below U+E000–FFFF; the remap moves them above.
    /// </summary>
    private sealed class CodePointOrder : IComparer<string>
    {
        public static readonly CodePointOrder Instance = new();

        public static uint Remap(char c) => c < '\uD800' ? c : c >= '\uE000' ? c - 0x800u : c + 0x2000u;

        public int Compare(string? x, string? y)
        {
            var n = Math.Min(x!.Length, y!.Length);
            for (var i = 0; i < n; i++)
            {
                if (x[i] != y[i]) return Remap(x[i]).CompareTo(Remap(y[i]));
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}

/// <summary>A field of a built segment: its type, and per document its norm and numeric doc value.</summary>
internal sealed class BuiltField
{
    public BuiltField(string name, int number, IIndexableFieldType type)
    {
        Name = name;
        Number = number;
        Indexed = type.IsIndexed;
        IndexOptions = type.IsIndexed ? type.IndexOptions : IndexOptions.NONE;
        OmitNorms = type.OmitNorms;
        DocValues = type.DocValueType;
    }

    public string Name { get; }
    public int Number { get; }
    public bool Indexed { get; private set; }
    public IndexOptions IndexOptions { get; private set; }
    public bool OmitNorms { get; private set; }
    public DocValuesType DocValues { get; private set; }
    public bool HasNorms => Indexed && !OmitNorms;

    // The FieldInvertState of the document being inverted.
    public int StateDoc = -1;
    public int Position, Length, NumOverlap, Offset;
    public float Boost;

    private long[] _norms = [];
    private long[] _numeric = [];
    private FixedBitSet? _hasNumeric;

    public void StartDocument(int doc)
    {
        StateDoc = doc;
        Position = Length = NumOverlap = Offset = 0;
        Boost = 1f;
    }

    /// <summary>Combines types as FieldInfo.Update does: a field indexed anywhere is indexed, with the most options; norms are kept unless omitted.</summary>
    public void Merge(IIndexableFieldType type)
    {
        if (type.IsIndexed)
        {
            if (!Indexed)
            {
                Indexed = true;
                IndexOptions = type.IndexOptions;
                OmitNorms = type.OmitNorms;
            }
            else
            {
                OmitNorms |= type.OmitNorms;
                if (type.IndexOptions < IndexOptions) IndexOptions = type.IndexOptions;
            }
        }
        if (type.DocValueType != DocValuesType.NONE) DocValues = type.DocValueType;
    }

    public void SetNorm(int doc, long norm)
    {
        if (doc >= _norms.Length) Array.Resize(ref _norms, Math.Max(64, doc * 2));
        _norms[doc] = norm;
    }

    public long Norm(int doc) => doc < _norms.Length ? _norms[doc] : 0;

    public void SetNumeric(int doc, long value)
    {
        if (doc >= _numeric.Length) Array.Resize(ref _numeric, Math.Max(64, doc * 2));
        _numeric[doc] = value;
        _hasNumeric ??= new FixedBitSet(SegmentBuilder.MaxDocs);
        _hasNumeric.Set(doc);
    }

    public long Numeric(int doc) => doc < _numeric.Length ? _numeric[doc] : 0;

    public IBits DocsWithNumeric(int maxDoc)
    {
        if (_hasNumeric is null) return new Bits.MatchNoBits(maxDoc);
        if (_hasNumeric.Cardinality == maxDoc) return new Bits.MatchAllBits(maxDoc);
        var bits = new FixedBitSet(maxDoc);
        for (var doc = 0; doc < maxDoc; doc++)
        {
            if (_hasNumeric.Get(doc)) bits.Set(doc);
        }
        return bits;
    }

    public FieldInfo Info() => new(Name, Indexed, Number, storeTermVector: false, OmitNorms || !Indexed, storePayloads: false,
        IndexOptions, DocValues, HasNorms ? DocValuesType.NUMERIC : DocValuesType.NONE, attributes: null);
}

/// <summary>A stored value of one document, of the kind the field gave it.</summary>
internal readonly record struct StoredValue(BuiltField Field, object Value)
{
    public static object Of(IIndexableField field)
    {
        if (field.GetBinaryValue() is { } bytes) return BytesRef.DeepCopyOf(bytes);
        return field.NumericType switch
        {
            NumericFieldType.INT32 => field.GetInt32Value()!.Value,
            NumericFieldType.INT64 => field.GetInt64Value()!.Value,
            NumericFieldType.SINGLE => field.GetSingleValue()!.Value,
            NumericFieldType.DOUBLE => field.GetDoubleValue()!.Value,
            _ => field.GetStringValue() ?? throw new ArgumentException($"Stored field {field.Name} has no value."),
        };
    }
}
