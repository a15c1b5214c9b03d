using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Gongkai.Features.Search;

/// <summary>
/// A <see cref="SegmentBuilder"/>'s documents seen as an index reader, which is all
/// <c>IndexWriter.AddIndexes</c> needs to write them as a segment: it reads fields, terms, postings,
/// norms, stored fields and doc values in order, once. Only that reading is supported (no term
/// seeking, no term vectors, no deletions).
/// </summary>
internal sealed class BuiltSegmentReader : AtomicReader
{
    private readonly int _maxDoc;
    private readonly FieldInfos _infos;
    private readonly BuiltFields _fields;
    private readonly Dictionary<string, BuiltField> _byName;
    private readonly List<StoredValue[]> _stored;

    public BuiltSegmentReader(int maxDoc, FieldInfos infos, SortedDictionary<string, BuiltTerms> terms,
        Dictionary<string, BuiltField> fields, List<StoredValue[]> stored)
    {
        _maxDoc = maxDoc;
        _infos = infos;
        _fields = new BuiltFields(terms);
        _byName = fields;
        _stored = stored;
    }

    public override Fields Fields => _fields;
    public override FieldInfos FieldInfos => _infos;
    public override IBits? LiveDocs => null;
    public override int NumDocs => _maxDoc;
    public override int MaxDoc => _maxDoc;

    public override NumericDocValues? GetNumericDocValues(string field) =>
        _byName.TryGetValue(field, out var f) && f.DocValues == DocValuesType.NUMERIC ? new Values(f.Numeric) : null;

    public override IBits? GetDocsWithField(string field) =>
        _byName.TryGetValue(field, out var f) && f.DocValues != DocValuesType.NONE ? f.DocsWithNumeric(_maxDoc) : null;

    public override NumericDocValues? GetNormValues(string field) =>
        _byName.TryGetValue(field, out var f) && f.HasNorms ? new Values(f.Norm) : null;

    public override BinaryDocValues? GetBinaryDocValues(string field) => null;
    public override SortedDocValues? GetSortedDocValues(string field) => null;
    public override SortedSetDocValues? GetSortedSetDocValues(string field) => null;
    public override Fields? GetTermVectors(int docID) => null;

    public override void Document(int docID, StoredFieldVisitor visitor)
    {
        foreach (var (field, value) in _stored[docID])
        {
            var info = _infos.FieldInfo(field.Name);
            switch (visitor.NeedsField(info))
            {
                case StoredFieldVisitor.Status.STOP: return;
                case StoredFieldVisitor.Status.NO: continue;
            }
            switch (value)
            {
                case string s: visitor.StringField(info, s); break;
                case int i: visitor.Int32Field(info, i); break;
                case long l: visitor.Int64Field(info, l); break;
                case float f: visitor.SingleField(info, f); break;
                case double d: visitor.DoubleField(info, d); break;
                case BytesRef b: visitor.BinaryField(info, b.Bytes.AsSpan(b.Offset, b.Length).ToArray()); break;
            }
        }
    }

    public override void CheckIntegrity() { }

    protected override void DoClose() { }

    private sealed class Values(Func<int, long> get) : NumericDocValues
    {
        public override long Get(int docID) => get(docID);
    }

    private sealed class BuiltFields(SortedDictionary<string, BuiltTerms> terms) : Fields
    {
        public override IEnumerator<string> GetEnumerator() => terms.Keys.GetEnumerator();
        public override Terms? GetTerms(string field) => terms.GetValueOrDefault(field);
        public override int Count => terms.Count;
    }
}

/// <summary>One field's terms, in Lucene's order (UTF-8 bytes), each with its run of postings in the builder's sorted array.</summary>
internal sealed class BuiltTerms(IndexOptions options, string[] terms, int[] ids, int[] starts, ulong[] postings) : Terms
{
    private readonly string[] _terms = terms;
    private readonly int[] _ids = ids;
    private readonly int[] _starts = starts;
    private readonly ulong[] _postings = postings;

    public override TermsEnum GetEnumerator() => new Enum(this);
    public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;
    public override long Count => _terms.Length;
    public override long SumTotalTermFreq => -1; // not measured; the writer counts for itself
    public override long SumDocFreq => -1;
    public override int DocCount => -1;
    public override bool HasFreqs => options >= IndexOptions.DOCS_AND_FREQS;
    public override bool HasOffsets => false;
    public override bool HasPositions => options >= IndexOptions.DOCS_AND_FREQS_AND_POSITIONS;
    public override bool HasPayloads => false;

    private sealed class Enum(BuiltTerms owner) : TermsEnum
    {
        private int _at = -1;
        private readonly BytesRef _term = new();

        public override IComparer<BytesRef> Comparer => BytesRef.UTF8SortedAsUnicodeComparer;
        public override BytesRef Term => _term;

        public override bool MoveNext()
        {
            if (++_at >= owner._terms.Length) return false;
            SetTerm();
            return true;
        }

        [Obsolete("Use MoveNext() and Term instead.")]
        public override BytesRef? Next() => MoveNext() ? _term : null;

        private void SetTerm() => _term.CopyChars(owner._terms[_at]);

        public override SeekStatus SeekCeil(BytesRef text) => throw new NotSupportedException();
        public override void SeekExact(long ord) => throw new NotSupportedException();
        public override long Ord => throw new NotSupportedException();

        private (int Start, int End) Run()
        {
            var id = owner._ids[_at];
            return (owner._starts[id], owner._starts[id + 1]);
        }

        public override int DocFreq
        {
            get
            {
                var (start, end) = Run();
                var count = 0;
                var last = -1;
                for (var i = start; i < end; i++)
                {
                    var doc = SegmentBuilder.DocOf(owner._postings[i]);
                    if (doc != last) { count++; last = doc; }
                }
                return count;
            }
        }

        public override long TotalTermFreq
        {
            get
            {
                if (!owner.HasFreqs) return -1;
                var (start, end) = Run();
                return end - start;
            }
        }

        public override DocsEnum Docs(IBits? liveDocs, DocsEnum? reuse, DocsFlags flags) => Postings(liveDocs, reuse);

        public override DocsAndPositionsEnum? DocsAndPositions(IBits? liveDocs, DocsAndPositionsEnum? reuse, DocsAndPositionsFlags flags) =>
            owner.HasPositions ? Postings(liveDocs, reuse) : null;

        private BuiltPostings Postings(IBits? liveDocs, DocsEnum? reuse)
        {
            var (start, end) = Run();
            var postings = reuse as BuiltPostings ?? new BuiltPostings();
            postings.Reset(owner._postings, start, end, owner.HasFreqs, liveDocs);
            return postings;
        }
    }
}

/// <summary>The documents and positions of one term: a run of the sorted postings, one entry per position.</summary>
internal sealed class BuiltPostings : DocsAndPositionsEnum
{
    private ulong[] _postings = [];
    private int _end, _next, _docEnd, _position;
    private int _doc = -1, _freq;
    private bool _hasFreqs;
    private IBits? _liveDocs;

    public void Reset(ulong[] postings, int start, int end, bool hasFreqs, IBits? liveDocs)
    {
        _postings = postings;
        _end = end;
        _next = _docEnd = _position = start;
        _doc = -1;
        _freq = 0;
        _hasFreqs = hasFreqs;
        _liveDocs = liveDocs;
    }

    public override int DocID => _doc;
    public override int Freq => _hasFreqs ? _freq : 1;

    public override int NextDoc()
    {
        while (true)
        {
            _next = _docEnd;
            if (_next >= _end) return _doc = NO_MORE_DOCS;
            _doc = SegmentBuilder.DocOf(_postings[_next]);
            var i = _next + 1;
            while (i < _end && SegmentBuilder.DocOf(_postings[i]) == _doc) i++;
            _docEnd = i;
            _freq = i - _next;
            _position = _next;
            if (_liveDocs is null || _liveDocs.Get(_doc)) return _doc;
        }
    }

    public override int Advance(int target) => SlowAdvance(target);

    public override long GetCost() => _end - _next;

    public override int NextPosition() => SegmentBuilder.PositionOf(_postings[_position++]);

    public override BytesRef? GetPayload() => null;
    public override int StartOffset => -1;
    public override int EndOffset => -1;
}
