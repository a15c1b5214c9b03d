using System.Runtime.ExceptionServices;

namespace Gongkai.Features.Search;

/// <summary>
/// Indexes documents on one background thread per core, so that a caller reading the next batch
/// from the database overlaps with indexing, and a thread busy flushing a segment (a second or so,
/// done by whichever thread fills the buffer) does not idle the others at the end of every batch.
/// Items are spread by Id, so two versions of one item are indexed in the order they came
/// (IndexWriter keeps the last). Documents travel in chunks, through queues that block without
/// spinning: one by one through a BlockingCollection, the caller spun on the full queue for each
/// free slot, a fifth of the CPU of a rebuild on two cores (profiled).
/// <see cref="Add"/> and <see cref="Push"/> are for one caller at a time; <see cref="Drain"/> waits
/// for everything pushed so far, has each thread hand over what it holds (its flush action: a
/// <see cref="SegmentBuilder"/>'s documents), and rethrows a failure; the index calls it before
/// deletes and commits, which therefore see every earlier upsert. A thread also flushes when it stops.
/// </summary>
internal sealed class IndexingWorkers : IDisposable
{
    private const int ChunkSize = 64;
    private const int QueueCapacity = 32; // chunks per thread: about 10 MB of typical items

    private readonly ChunkQueue[] _queues;
    private readonly List<IndexingWork>[] _chunks;
    private readonly Thread[] _threads;
    private readonly Action<IndexingWork> _index;
    private readonly Action _flush;
    private static readonly IndexingWork[] FlushRequest = [];
    private readonly object _idle = new();
    private long _pending;
    private ExceptionDispatchInfo? _failure;

    public IndexingWorkers(int threads, Action<IndexingWork> index, Action flush)
    {
        _index = index;
        _flush = flush;
        var count = Math.Max(1, threads);
        _queues = new ChunkQueue[count];
        _chunks = new List<IndexingWork>[count];
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _queues[i] = new ChunkQueue(QueueCapacity);
            _chunks[i] = new List<IndexingWork>(ChunkSize);
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"search-indexing-{i}" };
            _threads[i].Start(_queues[i]);
        }
    }

    /// <summary>Adds a document to its thread's next chunk; queues the chunk when full (blocking while the queue is full).</summary>
    public void Add(IndexingWork work)
    {
        var i = (int)((ulong)work.Document.Id % (ulong)_queues.Length);
        _chunks[i].Add(work);
        if (_chunks[i].Count >= ChunkSize) Push(i);
    }

    /// <summary>Queues the partly filled chunks.</summary>
    public void Push()
    {
        for (var i = 0; i < _chunks.Length; i++) Push(i);
    }

    private void Push(int i)
    {
        if (_chunks[i].Count == 0) return;
        Interlocked.Add(ref _pending, _chunks[i].Count);
        _queues[i].Add([.. _chunks[i]]);
        _chunks[i].Clear();
    }

    private void Run(object? state)
    {
        var queue = (ChunkQueue)state!;
        while (queue.Take() is { } chunk)
        {
            if (chunk.Length == 0)
            {
                Flush();
                Done(1);
                continue;
            }
            foreach (var work in chunk)
            {
                try
                {
                    _index(work);
                }
                catch (Exception e)
                {
                    // Kept for Drain: the caller must not commit a checkpoint past an item that failed.
                    Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
                }
            }
            Done(chunk.Length);
        }
        Flush();
    }

    private void Flush()
    {
        try
        {
            _flush();
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
        }
    }

    private void Done(int count)
    {
        if (Interlocked.Add(ref _pending, -count) == 0)
        {
            lock (_idle) Monitor.PulseAll(_idle);
        }
    }

    /// <summary>Waits until every pushed document is in the IndexWriter (each thread flushed); rethrows the first failure since the last drain.</summary>
    public void Drain()
    {
        Interlocked.Add(ref _pending, _queues.Length);
        foreach (var queue in _queues) queue.Add(FlushRequest);
        lock (_idle)
        {
            while (Interlocked.Read(ref _pending) > 0) Monitor.Wait(_idle);
        }
        Interlocked.Exchange(ref _failure, null)?.Throw();
    }

    public void Dispose()
    {
        foreach (var queue in _queues) queue.Complete();
        foreach (var thread in _threads) thread.Join();
    }
}

/// <summary>A document to index; <see cref="IsNew"/> when no version of it can be in the index yet.</summary>
internal readonly record struct IndexingWork(SearchDocument Document, bool IsNew);

/// <summary>A bounded queue of chunks; Monitor.Wait blocks without the long spin of SemaphoreSlim.</summary>
internal sealed class ChunkQueue(int capacity)
{
    private readonly Queue<IndexingWork[]> _items = new();
    private bool _complete;

    public void Add(IndexingWork[] chunk)
    {
        lock (_items)
        {
            while (_items.Count >= capacity) Monitor.Wait(_items);
            _items.Enqueue(chunk);
            Monitor.PulseAll(_items);
        }
    }

    /// <summary>The next chunk, or null once completed and empty.</summary>
    public IndexingWork[]? Take()
    {
        lock (_items)
        {
            while (_items.Count == 0 && !_complete) Monitor.Wait(_items);
            if (_items.Count == 0) return null;
            var chunk = _items.Dequeue();
            Monitor.PulseAll(_items);
            return chunk;
        }
    }

    public void Complete()
    {
        lock (_items)
        {
            _complete = true;
            Monitor.PulseAll(_items);
        }
    }
}
