using System.Collections.Concurrent;
using Preventiemonitor.Ingest.Intake;

namespace Preventiemonitor.Ingest.Tests.Intake;

/// <summary>
/// The order rules of a drop run processed several files at a time, on generated runs (keys, absent keys, durations):
/// prepared in order, never before an earlier file of the same municipality or an earlier national file, at most
/// <c>parallel</c> at once and two more prepared, every private copy disposed, a failure stops what comes after.
/// </summary>
public sealed class ParallelDeliveryRunTests
{
    private static readonly string?[] Keys = ["GM0935", "GM0938", "GM0981", null];

    [Fact]
    public async Task Generated_runs_keep_the_order_rules_and_the_results_in_order()
    {
        var random = new Random(14);
        for (var round = 0; round < 60; round++)
        {
            var parallel = 1 + (round % 4);
            var items = Enumerable.Range(0, random.Next(1, 14))
                .Select(i => new Item(i, Keys[random.Next(Keys.Length)], random.Next(0, 4) == 0 ? 0 : random.Next(1, 12)))
                .ToList();
            var log = new Log();

            var results = await ParallelDeliveryRun.RunAsync(items, i => i.Key, parallel,
                (item, _) => Task.FromResult<Prepared?>(log.Prepare(item)), (p, _) => log.ProcessAsync(p), CancellationToken.None);

            Assert.Equal(items.Select(i => $"uitkomst {i.Index}"), results);
            Assert.Equal(items.Select(i => i.Index), log.Prepared);
            Assert.True(log.MaxActive <= parallel, $"ronde {round}: {log.MaxActive} tegelijk bij {parallel}");
            Assert.True(log.MaxHeld <= parallel + 2, $"ronde {round}: {log.MaxHeld} kopieën tegelijk");
            Assert.Equal(0, log.Held);
            foreach (var later in items)
            {
                foreach (var earlier in items.Where(e => e.Index < later.Index && (e.Key is null || later.Key is null || e.Key == later.Key)))
                {
                    Assert.True(log.End[earlier.Index] <= log.Start[later.Index],
                        $"ronde {round}: {later.Index} ({later.Key ?? "landelijk"}) begon vóór het einde van {earlier.Index} ({earlier.Key ?? "landelijk"})");
                }
            }
        }
    }

    [Fact]
    public async Task Files_of_different_municipalities_are_processed_at_the_same_time()
    {
        var log = new Log();
        Item[] items = [new(0, "GM0935", 300), new(1, "GM0935", 10), new(2, "GM0938", 300)];

        await ParallelDeliveryRun.RunAsync(items, i => i.Key, 2,
            (item, _) => Task.FromResult<Prepared?>(log.Prepare(item)), (p, _) => log.ProcessAsync(p), CancellationToken.None);

        Assert.Equal(2, log.MaxActive);
        Assert.True(log.Start[2] < log.End[0], "GM0938 wachtte op GM0935");
        Assert.True(log.End[0] <= log.Start[1]);
    }

    [Fact]
    public async Task A_skipped_file_has_no_result_and_a_failure_stops_the_files_after_it()
    {
        var log = new Log();
        Item[] items = [new(0, "GM0935", 200), new(1, "GM0938", 5, Fails: true), new(2, "GM0938", 5), new(3, null, 5), new(4, "GM0981", 5)];

        var skipped = await ParallelDeliveryRun.RunAsync(items.Take(1).Append(new Item(1, "GM0938", 0)).ToList(), i => i.Key, 2,
            (item, _) => Task.FromResult(item.Index == 1 ? null : log.Prepare(item)), (p, _) => log.ProcessAsync(p), CancellationToken.None);
        Assert.Equal(new[] { "uitkomst 0", null }, skipped.AsEnumerable());

        log = new Log();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ParallelDeliveryRun.RunAsync(items, i => i.Key, 2,
            (item, _) => Task.FromResult<Prepared?>(log.Prepare(item)), (p, _) => log.ProcessAsync(p), CancellationToken.None));

        Assert.Equal("levering 1 mislukt", failure.Message);
        Assert.True(log.End.ContainsKey(0), "de levering die al liep, liep af");
        Assert.False(log.Start.ContainsKey(2) || log.Start.ContainsKey(3) || log.Start.ContainsKey(4), "na de fout begon er nog een");
        Assert.Equal(0, log.Held);
    }

    private sealed record Item(int Index, string? Key, int Milliseconds, bool Fails = false);

    private sealed class Prepared(Item item, Log log) : IDisposable
    {
        public Item Item { get; } = item;

        public void Dispose() => log.Release();
    }

    /// <summary>What happened, with a logical clock (each event one tick) so "ended before started" is exact.</summary>
    private sealed class Log
    {
        private readonly Lock _gate = new();
        private long _clock;
        private int _active;

        public List<int> Prepared { get; } = [];

        public ConcurrentDictionary<int, long> Start { get; } = new();

        public ConcurrentDictionary<int, long> End { get; } = new();

        public int MaxActive { get; private set; }

        public int Held { get; private set; }

        public int MaxHeld { get; private set; }

        public Prepared Prepare(Item item)
        {
            lock (_gate)
            {
                Prepared.Add(item.Index);
                Held++;
                MaxHeld = Math.Max(MaxHeld, Held);
                return new Prepared(item, this);
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                Held--;
            }
        }

        public async Task<string> ProcessAsync(Prepared prepared)
        {
            lock (_gate)
            {
                Start[prepared.Item.Index] = ++_clock;
                MaxActive = Math.Max(MaxActive, ++_active);
            }

            try
            {
                await Task.Delay(prepared.Item.Milliseconds);
                return prepared.Item.Fails ? throw new InvalidOperationException($"levering {prepared.Item.Index} mislukt") : $"uitkomst {prepared.Item.Index}";
            }
            finally
            {
                lock (_gate)
                {
                    End[prepared.Item.Index] = ++_clock;
                    _active--;
                }
            }
        }
    }
}
