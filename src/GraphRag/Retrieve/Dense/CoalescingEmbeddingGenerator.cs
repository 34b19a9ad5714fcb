using Microsoft.Extensions.AI;

namespace GraphRag.Retrieve.Dense;

/// <summary>
/// Query encodings asked for at the same time run as one batch. One forward pass of the encoder
/// reads all of its weights whatever the number of texts, and each pass runs on every core: 32
/// concurrent searches encoding one question each made 32 passes compete for two cores (hybrid
/// search fell to 25 requests/s, p95 6.7 s). Here one pass runs at a time; the questions that
/// arrive meanwhile wait and go together in the next, up to <paramref name="maxBatch"/> texts. A
/// lone question starts at once, so a quiet server waits for nothing.
/// </summary>
public sealed class CoalescingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, int maxBatch = 32)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    private readonly Lock _gate = new();
    private readonly Queue<Request> _waiting = new();
    private bool _encoding;

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Options apply to a whole batch: a request with its own goes alone.
        if (options is not null)
            return await base.GenerateAsync(values, options, cancellationToken);
        var request = new Request(values.ToList());
        if (request.Texts.Count == 0)
            return [];
        bool start;
        lock (_gate)
        {
            _waiting.Enqueue(request);
            start = !_encoding;
            _encoding = true;
        }
        if (start)
            _ = Task.Run(EncodeWaitingAsync, CancellationToken.None);
        // A caller that gives up stops waiting; its texts are still encoded with the others.
        return await request.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Encodes what waits, batch after batch, until nothing does.</summary>
    private async Task EncodeWaitingAsync()
    {
        while (TakeBatch() is { } batch)
        {
            try
            {
                var vectors = await base.GenerateAsync(batch.SelectMany(r => r.Texts), options: null, CancellationToken.None);
                var next = 0;
                foreach (var request in batch)
                {
                    request.Result.TrySetResult([.. vectors.Skip(next).Take(request.Texts.Count)]);
                    next += request.Texts.Count;
                }
            }
            catch (Exception ex)
            {
                foreach (var request in batch)
                    request.Result.TrySetException(ex);
            }
        }
    }

    /// <summary>The next requests in arrival order, up to the batch size (a bigger request goes alone); null when none wait.</summary>
    private List<Request>? TakeBatch()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _encoding = false;
                return null;
            }
            var batch = new List<Request> { _waiting.Dequeue() };
            var texts = batch[0].Texts.Count;
            while (_waiting.TryPeek(out var next) && texts + next.Texts.Count <= maxBatch)
            {
                texts += next.Texts.Count;
                batch.Add(_waiting.Dequeue());
            }
            return batch;
        }
    }

    private sealed record Request(IReadOnlyList<string> Texts)
    {
        public TaskCompletionSource<GeneratedEmbeddings<Embedding<float>>> Result { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
