using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Gongkai.Features.Search;

/// <summary>
/// The full-text index of published items: one per process, safe to use from many threads.
/// A rebuildable cache of the database (STYLE.md §7): it stores the change-log position it has
/// reached as <see cref="Checkpoint"/>, inside the same Lucene commit as the documents, so after a
/// restart the caller replays the log from there. Replaying is idempotent (<see cref="Upsert"/>
/// replaces by Id), so a crash between commits only costs some re-indexing.
/// Upserts are indexed on one background thread per core; deletes and commits wait for them.
/// <para>
/// Opening: a folder held by another process throws <see cref="SearchIndexLockedException"/> (wiping
/// it would destroy a live index). A corrupt, unreadable or older-schema index is wiped and started
/// empty: <see cref="WasReset"/> says so and <see cref="Checkpoint"/> is null, so the caller rebuilds
/// from the start of the log. Corruption noticed later, while searching, throws; delete the folder.
/// </para>
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    /// <summary>Only this many characters of the query text count; the rest is ignored, not an error.</summary>
    public const int MaxQueryLength = 100;

    private const string SchemaKey = "gongkai.schema", CheckpointKey = "gongkai.checkpoint";

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly System.Threading.Lock _commitLock = new();
    private readonly ThreadLocal<SearchDocumentBuilder> _builders = new(() => new SearchDocumentBuilder());
    private readonly ThreadLocal<SegmentBuilder> _segments;
    private readonly IndexingWorkers _workers;
    private IndexWriter _writer = null!;
    private SearcherManager _searchers = null!;
    private long? _pendingCheckpoint;
    private long? _checkpoint;

    // Every Id above this is in no segment and in no buffer (null: unknown). Set when the index is
    // emptied, raised by each upsert past it: a rebuild reads items in Id order, so each of its
    // documents is added without a delete-by-Id, which IndexWriter would otherwise buffer and apply
    // to every older segment at each flush.
    private long? _absentAbove;
    private readonly System.Threading.Lock _upsertLock = new();

    // The gram set the writer indexes with, and the one of the last commit, which searches use (a
    // rebuild learns a new set while searches still read the old index). See GramSet.
    private volatile GramSet _writerGrams = GramSet.None;
    private volatile GramSet _committedGrams = GramSet.None;

    // While the index is empty, upserts are held here until there are enough to learn the gram set
    // from (or a commit comes), then indexed under it.
    private bool _learning;
    private readonly List<SearchDocument> _sample = [];
    private long _sampleChars;

    // DeleteAll was called and not yet committed: a rebuild is under way.
    private bool _rebuilding;
    private volatile bool _closingRebuild;

    /// <summary>Opens or creates the index in <paramref name="directory"/> (created if missing).</summary>
    public SearchIndex(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        _directory = FSDirectory.Open(new DirectoryInfo(directory));
        _analyzer = BigramAnalysis.Create(() => _writerGrams);
        _segments = new(() => new SegmentBuilder(_analyzer, _writer.Config.Similarity));
        try
        {
            Open();
            _workers = new IndexingWorkers(Environment.ProcessorCount, Index, WriteSegment);
        }
        catch
        {
            _directory.Dispose();
            _analyzer.Dispose();
            throw;
        }
    }

    private SearchIndex(LuceneDirectory directory)
    {
        _directory = directory;
        _analyzer = BigramAnalysis.Create(() => _writerGrams);
        _segments = new(() => new SegmentBuilder(_analyzer, _writer.Config.Similarity));
        Open();
        _workers = new IndexingWorkers(Environment.ProcessorCount, Index, WriteSegment);
    }

    /// <summary>An index in memory, for tests.</summary>
    public static SearchIndex InMemory() => new(new RAMDirectory());

    /// <summary>True when the folder held a corrupt or outdated index that was wiped at opening.</summary>
    public bool WasReset { get; private set; }

    /// <summary>Why it was wiped, for the log.</summary>
    public string? ResetReason { get; private set; }

    /// <summary>The change-log position of the last commit, or null for a new or wiped index.</summary>
    public long? Checkpoint => _checkpoint;

    /// <summary>The gram set of the last commit, which searches use.</summary>
    internal GramSet Grams => _committedGrams;

    /// <summary>
    /// True when the gram set was learnt from a sample much smaller than the index has grown to:
    /// searches stay exact, but some 3- and 4-character ones slow down. <see cref="SearchIndexer"/>
    /// then rebuilds, which learns the set again (at most a few times in an index's life, all while
    /// it is small: a full sample is never stale).
    /// </summary>
    public bool GramsStale => _committedGrams.IsStaleFor(Count);

    /// <summary>Documents visible to searches (as of the last commit).</summary>
    public long Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try { return searcher.IndexReader.NumDocs; }
            finally { _searchers.Release(searcher); }
        }
    }

    private void Open()
    {
        try
        {
            OpenWriter(OpenMode.CREATE_OR_APPEND);
            var data = _writer.CommitData;
            if (DirectoryReader.IndexExists(_directory)
                && (!data.TryGetValue(SchemaKey, out var schema) || schema != SearchSchema.Version))
            {
                throw new CorruptIndexException($"schema {schema ?? "none"}, expected {SearchSchema.Version}");
            }
            _checkpoint = _pendingCheckpoint = data.TryGetValue(CheckpointKey, out var value)
                && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var position) ? position : null;
            _absentAbove = _writer.MaxDoc == 0 ? 0 : null;
            _learning = _writer.MaxDoc == 0;
        }
        catch (LockObtainFailedException e)
        {
            throw new SearchIndexLockedException(
                $"搜索索引目录正被另一个进程使用。The search index folder is in use by another process: {_directory}. Each instance needs its own data folder.", e);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or UnauthorizedAccessException))
        {
            // A cache: start empty rather than refuse to start; the caller rebuilds from the database.
            CloseQuietly();
            foreach (var file in _directory.ListAll()) _directory.DeleteFile(file);
            OpenWriter(OpenMode.CREATE);
            _checkpoint = _pendingCheckpoint = null;
            _absentAbove = 0;
            _learning = true;
            WasReset = true;
            ResetReason = $"{e.GetType().Name}: {e.Message}";
        }
    }

    private void OpenWriter(OpenMode mode)
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)
        {
            OpenMode = mode,
            // A larger buffer flushes fewer, bigger segments while rebuilding; bounded to stay well under the memory goal.
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        if (!DirectoryReader.IndexExists(_directory))
        {
            _writerGrams = GramSet.None;
            _writer.SetCommitData(CommitData(null));
            _writer.Commit();
        }
        _writerGrams = _committedGrams = GramSet.Parse(_writer.CommitData);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new GramSearcherFactory(this));
    }

    private void CloseQuietly()
    {
        try { _searchers?.Dispose(); } catch (Exception) { /* already broken */ }
        try { _writer?.Rollback(); } catch (Exception) { /* already broken */ }
        _searchers = null!;
        _writer = null!;
    }

    private Dictionary<string, string> CommitData(long? checkpoint)
    {
        var data = _writerGrams.Serialize();
        data[SchemaKey] = SearchSchema.Version;
        if (checkpoint is { } c) data[CheckpointKey] = c.ToString(CultureInfo.InvariantCulture);
        return data;
    }

    /// <summary>
    /// Adds the documents or replaces those with the same Id. Indexing goes on in the background
    /// (<see cref="IndexingWorkers"/>); the changes are visible and durable after <see cref="Commit()"/>,
    /// which also rethrows any indexing failure.
    /// </summary>
    public void Upsert(IEnumerable<SearchDocument> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        foreach (var d in docs)
        {
            ArgumentNullException.ThrowIfNull(d);
            lock (_upsertLock)
            {
                if (_learning)
                {
                    _sample.Add(d);
                    _sampleChars += d.Title.Length + d.Body.Length + (d.AttachmentText?.Length ?? 0);
                    if (_sample.Count >= GramSet.SampleItems || _sampleChars >= GramSet.SampleChars) FinishLearning(complete: true);
                }
                else
                {
                    Enqueue(d);
                }
            }
        }
        lock (_upsertLock) _workers.Push();
    }

    private void Enqueue(SearchDocument d)
    {
        var isNew = d.Id > _absentAbove;
        if (isNew) _absentAbove = d.Id;
        _workers.Add(new IndexingWork(d, isNew));
    }

    /// <summary>Learns the gram set from the held documents and indexes them under it. Holds the upsert lock.</summary>
    private void FinishLearning(bool complete)
    {
        _workers.Drain(); // nothing is being indexed under the old set
        _writerGrams = GramSet.Learn(_sample, complete);
        _learning = false;
        foreach (var d in _sample) Enqueue(d);
        _workers.Push();
        _sample.Clear();
        _sampleChars = 0;
    }

    /// <summary>
    /// On an indexing thread. A document that is in no segment yet goes to the thread's
    /// <see cref="SegmentBuilder"/> (twice as fast as IndexWriter's own inversion), which becomes a
    /// segment when full or when the workers are drained; a replacement goes through IndexWriter,
    /// after the builder has handed over any older version of the item it holds.
    /// </summary>
    private void Index(IndexingWork work)
    {
        var doc = _builders.Value!.Build(work.Document);
        var segment = _segments.Value!;
        if (work.IsNew)
        {
            if (!segment.TryAdd(doc)) _writer.AddDocument(doc);
            else if (segment.IsFull) WriteSegment();
            return;
        }
        WriteSegment();
        _writer.UpdateDocument(SearchSchema.IdTerm(work.Document.Id), doc);
    }

    /// <summary>Adds the thread's built documents to the writer as one segment (written by the index's codec).</summary>
    private void WriteSegment()
    {
        var segment = _segments.Value!;
        if (segment.DocCount == 0) return;
        if (_closingRebuild)
        {
            segment.Clear(); // the rebuild is rolled back: writing its last segments would only delay the shutdown
            return;
        }
        try
        {
            using var reader = segment.ToReader();
            _writer.AddIndexes(reader);
        }
        finally
        {
            // On failure the documents are dropped with the error (Drain rethrows it, so no checkpoint
            // passes them and they are indexed again from the change log).
            segment.Clear();
        }
        _writer.MaybeMerge(); // AddIndexes leaves merging to the next flush; keep the segment count down now
    }

    public void Delete(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var terms = ids.Select(SearchSchema.IdTerm).ToArray();
        if (terms.Length == 0) return;
        lock (_upsertLock)
        {
            if (_learning)
            {
                var gone = ids.ToHashSet();
                _sample.RemoveAll(d => gone.Contains(d.Id));
            }
        }
        _workers.Drain(); // an upsert queued before this delete must not land after it
        _writer.DeleteDocuments(terms);
    }

    /// <summary>Empties the index for a rebuild. The stored checkpoint goes too, at the next commit.</summary>
    public void DeleteAll()
    {
        lock (_commitLock)
        {
            _workers.Drain();
            _writer.DeleteAll();
            _pendingCheckpoint = null;
            _rebuilding = true;
            lock (_upsertLock)
            {
                _absentAbove = 0;
                _learning = true;
                _sample.Clear();
                _sampleChars = 0;
                _writerGrams = GramSet.None;
            }
        }
    }

    /// <summary>
    /// Waits until every document given so far is in a segment and no merge is pending or running.
    /// A rebuild calls it before its commit: indexing outruns merging, and a million-item index
    /// committed with its big merges still running answered searches slowly for minutes (merges
    /// take the CPU and push the index out of the page cache).
    /// </summary>
    public void WaitForMerges()
    {
        _workers.Drain();
        _writer.MaybeMerge();
        _writer.WaitForMerges(); // a finished merge registers the next one it makes possible before waiters wake: cascades included
    }

    /// <summary>Makes the changes durable and visible to searches; keeps the current checkpoint.</summary>
    public void Commit()
    {
        lock (_commitLock) CommitLocked(_pendingCheckpoint);
    }

    /// <summary>Makes the changes durable and visible, together with the change-log position they reach.</summary>
    public void Commit(long checkpoint)
    {
        lock (_commitLock) CommitLocked(checkpoint);
    }

    private void CommitLocked(long? checkpoint)
    {
        lock (_upsertLock)
        {
            if (_learning && _sample.Count > 0) FinishLearning(complete: false);
        }
        _workers.Drain();
        _writer.SetCommitData(CommitData(checkpoint));
        _writer.Commit();
        _pendingCheckpoint = _checkpoint = checkpoint;
        _rebuilding = false;
        _committedGrams = _writerGrams; // before the refresh: the new searcher carries it
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Closes the index. Uncommitted changes are committed under the last checkpoint, which is safe:
    /// the log is replayed from that checkpoint and replays are idempotent. A rebuild under way is
    /// dropped instead: committed under the old checkpoint, a half-filled index would look complete,
    /// and its documents would sit under the old gram set; the old index stays and catches up.
    /// </summary>
    public void Dispose()
    {
        _closingRebuild = _rebuilding;
        _workers?.Dispose();
        _searchers?.Dispose();
        if (_rebuilding) _writer?.Rollback();
        else _writer?.Dispose(waitForMerges: false);
        _directory.Dispose();
        _analyzer.Dispose();
        _builders.Dispose();
        _segments.Dispose();
    }

    /// <summary>
    /// Searchers that score the index segments on all cores at once: halves the time of a query that
    /// hits half a million items on two cores. Under many concurrent searches it neither helps nor hurts.
    /// Each carries the gram set its documents were indexed under (queries are planned with it).
    /// </summary>
    private sealed class GramSearcherFactory(SearchIndex index) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new GramSearcher(reader, index._committedGrams);
    }
}

internal sealed class GramSearcher(IndexReader reader, GramSet grams) : IndexSearcher(reader, TaskScheduler.Default)
{
    public GramSet Grams { get; } = grams;
}
