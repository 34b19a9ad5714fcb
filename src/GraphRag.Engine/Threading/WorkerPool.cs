namespace GraphRag.Engine.Threading;

/// <summary>One item of parallel work; the caller reuses the same object call after call (nothing is allocated per run).</summary>
public interface IParallelWork
{
    void Execute(int item);
}

/// <summary>
/// A fixed set of threads that run the items of one <see cref="IParallelWork"/> at a time, the caller working
/// alongside them. Built for the many short products of decoding (hundreds per token): a run allocates nothing,
/// and idle workers spin briefly before sleeping, so that the next product finds them awake.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    /// <summary>Spin iterations before an idle worker sleeps (a few tens of microseconds).</summary>
    private const int SpinsBeforeSleep = 2000;

    private readonly Thread[] _workers;
    private readonly object _gate = new();
    private IParallelWork? _work;
    private int _items;
    private int _next;
    private int _busy;
    private int _generation;
    private int _sleepers;
    private volatile bool _disposed;
    private Exception? _failure;

    /// <param name="threads">Threads in all, the caller's included (1 runs everything on the caller).</param>
    public WorkerPool(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        Threads = threads;
        _workers = new Thread[threads - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"GraphRag compute {i + 1}" };
            _workers[i].Start();
        }
    }

    public int Threads { get; }

    /// <summary>Runs items [0, <paramref name="items"/>) of <paramref name="work"/> and returns when all are done.</summary>
    public void Run(IParallelWork work, int items)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_workers.Length == 0 || items <= 1)
        {
            for (var i = 0; i < items; i++) work.Execute(i);
            return;
        }
        _work = work;
        _items = items;
        _next = 0;
        _busy = _workers.Length;
        Interlocked.Increment(ref _generation);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_gate) Monitor.PulseAll(_gate);
        }
        Drain(work);
        var spin = new SpinWait();
        while (Volatile.Read(ref _busy) > 0) spin.SpinOnce(sleep1Threshold: -1);
        _work = null;
        if (Interlocked.Exchange(ref _failure, null) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>Takes items until none are left; a failure stops this thread's share and is rethrown by <see cref="Run"/>.</summary>
    private void Drain(IParallelWork work)
    {
        try
        {
            int item;
            while ((item = Interlocked.Increment(ref _next) - 1) < _items)
                work.Execute(item);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            Interlocked.Exchange(ref _next, _items);
        }
    }

    private void WorkerLoop()
    {
        var seen = 0;
        while (true)
        {
            var spins = 0;
            while (Volatile.Read(ref _generation) == seen && !_disposed)
            {
                if (++spins < SpinsBeforeSleep)
                {
                    Thread.SpinWait(20);
                    continue;
                }
                lock (_gate)
                {
                    Interlocked.Increment(ref _sleepers);
                    while (Volatile.Read(ref _generation) == seen && !_disposed) Monitor.Wait(_gate);
                    Interlocked.Decrement(ref _sleepers);
                }
            }
            if (_disposed) return;
            seen = Volatile.Read(ref _generation);
            Drain(_work!);
            Interlocked.Decrement(ref _busy);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (_gate) Monitor.PulseAll(_gate);
        foreach (var worker in _workers) worker.Join();
    }
}
