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
    private readonly Analyzer _analyzer = BigramAnalysis.Create();
    private readonly System.Threading.Lock _commitLock = new();
    private readonly ThreadLocal<SearchDocumentBuilder> _builders = new(() => new SearchDocumentBuilder());
    private readonly IndexingWorkers _workers;
    private IndexWriter _writer = null!;
    private SearcherManager _searchers = null!;
    private long? _pendingCheckpoint;
    private long? _checkpoint;

    /// <summary>Opens or creates the index in <paramref name="directory"/> (created if missing).</summary>
    public SearchIndex(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        _directory = FSDirectory.Open(new DirectoryInfo(directory));
        try
        {
            Open();
            _workers = new IndexingWorkers(Environment.ProcessorCount, Index);
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
        Open();
        _workers = new IndexingWorkers(Environment.ProcessorCount, Index);
    }

    /// <summary>An index in memory, for tests.</summary>
    public static SearchIndex InMemory() => new(new RAMDirectory());

    /// <summary>True when the folder held a corrupt or outdated index that was wiped at opening.</summary>
    public bool WasReset { get; private set; }

    /// <summary>Why it was wiped, for the log.</summary>
    public string? ResetReason { get; private set; }

    /// <summary>The change-log position of the last commit, or null for a new or wiped index.</summary>
    public long? Checkpoint => _checkpoint;

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
            _writer.SetCommitData(CommitData(null));
            _writer.Commit();
        }
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new ParallelSearcherFactory());
    }

    private void CloseQuietly()
    {
        try { _searchers?.Dispose(); } catch (Exception) { /* already broken */ }
        try { _writer?.Rollback(); } catch (Exception) { /* already broken */ }
        _searchers = null!;
        _writer = null!;
    }

    private static Dictionary<string, string> CommitData(long? checkpoint)
    {
        var data = new Dictionary<string, string> { [SchemaKey] = SearchSchema.Version };
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
            _workers.Add(d);
        }
    }

    private void Index(SearchDocument d) =>
        _writer.UpdateDocument(SearchSchema.IdTerm(d.Id), _builders.Value!.Build(d));

    public void Delete(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var terms = ids.Select(SearchSchema.IdTerm).ToArray();
        _workers.Drain(); // an upsert queued before this delete must not land after it
        if (terms.Length > 0) _writer.DeleteDocuments(terms);
    }

    /// <summary>Empties the index for a rebuild. The stored checkpoint goes too, at the next commit.</summary>
    public void DeleteAll()
    {
        lock (_commitLock)
        {
            _workers.Drain();
            _writer.DeleteAll();
            _pendingCheckpoint = null;
        }
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
        _workers.Drain();
        _writer.SetCommitData(CommitData(checkpoint));
        _writer.Commit();
        _pendingCheckpoint = _checkpoint = checkpoint;
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>
    /// Closes the index. Uncommitted changes are committed under the last checkpoint, which is safe:
    /// the log is replayed from that checkpoint and replays are idempotent.
    /// </summary>
    public void Dispose()
    {
        _workers?.Dispose();
        _searchers?.Dispose();
        _writer?.Dispose(waitForMerges: false);
        _directory.Dispose();
        _analyzer.Dispose();
        _builders.Dispose();
    }

    /// <summary>
    /// Searchers that score the index segments on all cores at once: halves the time of a query that
    /// hits half a million items on two cores. Under many concurrent searches it neither helps nor hurts.
    /// </summary>
    private sealed class ParallelSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader, TaskScheduler.Default);
    }
}
