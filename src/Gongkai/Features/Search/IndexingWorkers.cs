using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Gongkai.Features.Search;

/// <summary>
/// Indexes documents on one background thread per core, so that a caller reading the next batch
/// from the database overlaps with indexing, and a thread busy flushing a segment (a second or so,
/// done by whichever thread fills the buffer) does not idle the others at the end of every batch.
/// Items are spread by Id, so two versions of one item are indexed in the order they came
/// (IndexWriter keeps the last). <see cref="Drain"/> waits for everything queued so far and rethrows
/// a failure; the index calls it before deletes and commits, which therefore see every earlier upsert.
/// </summary>
internal sealed class IndexingWorkers : IDisposable
{
    // Per thread. Large enough to keep a thread busy while another flushes; about 10 MB of typical items.
    private const int QueueCapacity = 2_048;

    private readonly BlockingCollection<SearchDocument>[] _queues;
    private readonly Thread[] _threads;
    private readonly Action<SearchDocument> _index;
    private readonly object _idle = new();
    private long _pending;
    private ExceptionDispatchInfo? _failure;

    public IndexingWorkers(int threads, Action<SearchDocument> index)
    {
        _index = index;
        _queues = new BlockingCollection<SearchDocument>[Math.Max(1, threads)];
        _threads = new Thread[_queues.Length];
        for (var i = 0; i < _queues.Length; i++)
        {
            _queues[i] = new BlockingCollection<SearchDocument>(QueueCapacity);
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"search-indexing-{i}" };
            _threads[i].Start(_queues[i]);
        }
    }

    /// <summary>Queues a document; blocks while its thread's queue is full.</summary>
    public void Add(SearchDocument doc)
    {
        Interlocked.Increment(ref _pending);
        _queues[(int)((ulong)doc.Id % (ulong)_queues.Length)].Add(doc);
    }

    private void Run(object? state)
    {
        foreach (var doc in ((BlockingCollection<SearchDocument>)state!).GetConsumingEnumerable())
        {
            try
            {
                _index(doc);
            }
            catch (Exception e)
            {
                // Kept for Drain: the caller must not commit a checkpoint past an item that failed.
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(e), null);
            }
            finally
            {
                if (Interlocked.Decrement(ref _pending) == 0)
                {
                    lock (_idle) Monitor.PulseAll(_idle);
                }
            }
        }
    }

    /// <summary>Waits until every queued document is in the IndexWriter; rethrows the first failure since the last drain.</summary>
    public void Drain()
    {
        lock (_idle)
        {
            while (Interlocked.Read(ref _pending) > 0) Monitor.Wait(_idle);
        }
        Interlocked.Exchange(ref _failure, null)?.Throw();
    }

    public void Dispose()
    {
        foreach (var queue in _queues) queue.CompleteAdding();
        foreach (var thread in _threads) thread.Join();
        foreach (var queue in _queues) queue.Dispose();
    }
}
