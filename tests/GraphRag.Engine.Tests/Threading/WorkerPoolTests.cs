using GraphRag.Engine.Threading;

namespace GraphRag.Engine.Tests.Threading;

public sealed class WorkerPoolTests
{
    private sealed class CountingWork(int items) : IParallelWork
    {
        public readonly int[] Counts = new int[items];

        public void Execute(int item) => Interlocked.Increment(ref Counts[item]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Every_item_runs_exactly_once_in_every_run(int threads)
    {
        using var pool = new WorkerPool(threads);
        var work = new CountingWork(97);
        for (var run = 0; run < 200; run++)
            pool.Run(work, 97);
        Assert.All(work.Counts, count => Assert.Equal(200, count));
    }

    private sealed class FailingWork : IParallelWork
    {
        public void Execute(int item)
        {
            if (item == 5) throw new InvalidOperationException("item 5 failed");
        }
    }

    [Fact]
    public void A_failing_item_is_rethrown_to_the_caller_and_the_pool_keeps_working()
    {
        using var pool = new WorkerPool(3);
        var error = Assert.Throws<InvalidOperationException>(() => pool.Run(new FailingWork(), 40));
        Assert.Equal("item 5 failed", error.Message);
        var work = new CountingWork(10);
        pool.Run(work, 10);
        Assert.All(work.Counts, count => Assert.Equal(1, count));
    }
}
