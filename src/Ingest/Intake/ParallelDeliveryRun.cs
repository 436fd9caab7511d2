namespace Preventiemonitor.Ingest.Intake;

/// <summary>
/// Processes the files of one run with up to <c>parallel</c> at the same time, with the same result as one after the
/// other in their order:
/// <list type="bullet">
/// <item>each file is prepared (taken, hashed, its delivery id reserved) in the order of the run, one at a time, so the
/// ids follow that order as before;</item>
/// <item>a file waits for every earlier file with the same key (the municipality: its deliveries replace each other and
/// their warnings depend on each other) and for every earlier file without a key (national and population files, which
/// concern every municipality); a file without a key waits for all earlier files;</item>
/// <item>at most <c>parallel</c> files are processed at once, and at most two more wait prepared (their private copies
/// on disk);</item>
/// <item>after a failure no further file is started; the files being processed finish, and the first failure (in the
/// order of the run) is thrown.</item>
/// </list>
/// </summary>
internal static class ParallelDeliveryRun
{
    /// <param name="prepare">Takes one file; null when it is not processed at all (its reason noted by the caller).</param>
    public static async Task<TResult?[]> RunAsync<TItem, TPrepared, TResult>(
        IReadOnlyList<TItem> items,
        Func<TItem, string?> keyOf,
        int parallel,
        Func<TItem, CancellationToken, Task<TPrepared?>> prepare,
        Func<TPrepared, CancellationToken, Task<TResult>> process,
        CancellationToken ct)
        where TPrepared : class, IDisposable
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallel, 1);
        var results = new TResult?[items.Count];
        var tasks = new Task?[items.Count];
        using var gate = new SemaphoreSlim(parallel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var window = parallel + 2;
        try
        {
            for (var i = 0; i < items.Count && !stop.IsCancellationRequested; i++)
            {
                while (tasks.Count(t => t is { IsCompleted: false }) >= window)
                {
                    await Task.WhenAny(tasks.Where(t => t is { IsCompleted: false })!).ConfigureAwait(false);
                }

                if (stop.IsCancellationRequested)
                {
                    break;
                }

                var prepared = await prepare(items[i], ct).ConfigureAwait(false);
                if (prepared is null)
                {
                    continue;
                }

                var key = keyOf(items[i]);
                var before = Enumerable.Range(0, i)
                    .Where(j => tasks[j] is { IsCompleted: false } && (key is null || keyOf(items[j]) is null || keyOf(items[j]) == key))
                    .Select(j => tasks[j]!)
                    .ToArray();
                var index = i;
                tasks[i] = ProcessAfterAsync(prepared, before, gate, stop, async (p, token) => results[index] = await process(p, token).ConfigureAwait(false), ct);
            }
        }
        finally
        {
            // Whatever happened while preparing: let the started files end before leaving (their private copies too).
            await Task.WhenAll(tasks.Where(t => t is not null).Select(t => t!.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
        }

        var failed = tasks.FirstOrDefault(t => t is { IsFaulted: true });
        if (failed is not null)
        {
            await failed.ConfigureAwait(false);
        }

        ct.ThrowIfCancellationRequested();
        return results;
    }

    private static async Task ProcessAfterAsync<TPrepared>(
        TPrepared prepared, Task[] before, SemaphoreSlim gate, CancellationTokenSource stop, Func<TPrepared, CancellationToken, Task> process, CancellationToken ct)
        where TPrepared : IDisposable
    {
        using (prepared)
        {
            // The earlier files it depends on, failed or not (a failure has stopped the run: then this one is not started).
            await Task.WhenAll(before.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await process(prepared, ct).ConfigureAwait(false);
            }
            catch
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
