using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire;
using Npgsql;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Jobs;
using Xunit.Abstractions;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// Issue 14 §5: Hangfire's own scale-out. Two real <c>serve</c> processes on one PostgreSQL database
/// share one queue of more than 500 jobs (ingests of distinct deliveries and score runs): every job is
/// executed once, by either process, and its data is there once; the same mix on one process gives the
/// comparison. Recurring jobs registered by both processes survive each other's start.
/// </summary>
[Collection(TwoWorkersCollection.Name)]
public sealed partial class TwoWorkersTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Deliveries = 460;
    private const int ScoreRuns = 46;
    private const string NeverDuringTheTest = "0 3 1 1 *";
    // A bound on waiting, not a measurement: generous, so a machine loaded by other work does not fail the test.
    private static readonly TimeSpan MixTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Two_Workers_share_one_queue_run_every_job_once_and_keep_each_others_recurring_jobs()
    {
        var mix = TwoWorkerJobMix.Create(Deliveries, ScoreRuns);
        var workers = new List<(RunningWorker Worker, string Home)>();
        try
        {
            // One process: the reference.
            var (oneDb, oneConnection) = await fixture.CreateEmptyDatabaseAsync();
            var alone = await StartAsync(workers, mix.Environment, oneConnection);
            var (oneJobs, oneTime) = await RunMixAsync(mix, oneDb, alone);
            output.WriteLine("1 Worker : " + await TwoWorkerChecks.DurationsAsync(oneDb, oneJobs));
            var onePerProcess = await TwoWorkerChecks.AssertExecutedOnceAsync(oneDb, oneJobs);
            Assert.Equal([alone.Process.Id], onePerProcess.Keys);
            await TwoWorkerChecks.AssertDataOnceAsync(oneDb, mix, oneJobs);
            Assert.Equal(0, await alone.StopAsync());

            // Two processes with other recurring jobs each: the first schedules the pipeline, the second one more source.
            var (twoDb, twoConnection) = await fixture.CreateEmptyDatabaseAsync();
            var first = await StartAsync(workers, With(mix.Environment, ("Publicatie__Cron", NeverDuringTheTest)), twoConnection);
            var onlySecond = Directory.CreateDirectory(Path.Combine(mix.Folder, "alleen-tweede")).FullName;
            var second = await StartAsync(workers, With(mix.Environment,
                ($"Bronnen__{Deliveries}__Naam", "alleen-tweede"), ($"Bronnen__{Deliveries}__Soort", "drop"),
                ($"Bronnen__{Deliveries}__Locatie", onlySecond), ($"Bronnen__{Deliveries}__Cron", NeverDuringTheTest)), twoConnection);
            string[] expectedRecurring = ["bron:alleen-tweede", HeartbeatJob.RecurringJobId, PipelineJob.RecurringJobId];
            Assert.Equal(expectedRecurring, await TwoWorkerChecks.RecurringJobsAsync(twoDb));

            var (twoJobs, twoTime) = await RunMixAsync(mix, twoDb, first, second);
            output.WriteLine("2 Workers: " + await TwoWorkerChecks.DurationsAsync(twoDb, twoJobs));
            var perProcess = await TwoWorkerChecks.AssertExecutedOnceAsync(twoDb, twoJobs);
            Assert.Equal(new[] { first.Process.Id, second.Process.Id }.Order(), perProcess.Keys.Order());
            Assert.All(perProcess.Values, executed => Assert.True(executed > 0));
            await TwoWorkerChecks.AssertDataOnceAsync(twoDb, mix, twoJobs);
            Assert.Equal(expectedRecurring, await TwoWorkerChecks.RecurringJobsAsync(twoDb));

            // At least once is Hangfire's promise (a job whose process dies is fetched again): the same jobs
            // run a second time leave the data as it was.
            var before = await TwoWorkerChecks.CountsAsync(twoDb);
            var again = twoJobs.Where(j => !j.IsScore).Take(10).Concat(twoJobs.Where(j => j.IsScore).Take(5)).ToList();
            var client = TwoWorkerJobMix.Client(twoDb);
            Assert.All(again, j => Assert.True(client.Requeue(j.Id.ToString(CultureInfo.InvariantCulture))));
            await TwoWorkerChecks.WaitForAllAsync(twoDb, again, succeededStates: 2, MixTimeout);
            Assert.Equal(before, await TwoWorkerChecks.CountsAsync(twoDb));

            Assert.Equal(0, await second.StopAsync());
            Assert.Equal(0, await first.StopAsync());
            Report(mix, oneTime, twoTime, perProcess);
        }
        finally
        {
            foreach (var (worker, home) in workers)
            {
                if (!worker.Process.HasExited)
                {
                    worker.Process.Kill(entireProcessTree: true);
                    await worker.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                }

                await worker.DisposeAsync();
                Directory.Delete(home, recursive: true);
            }

            mix.Delete();
        }
    }

    private static async Task<RunningWorker> StartAsync(List<(RunningWorker, string)> workers, IReadOnlyDictionary<string, string> environment, string connection)
    {
        var home = TestCluster.CreateTempHome("pm-twoworkers-home-");
        var (worker, _) = await RunningWorker.StartAsync(home, environment, Listening(), "serve", "--urls", "http://127.0.0.1:0", "--connection", connection);
        workers.Add((worker, home));
        return worker;
    }

    /// <summary>
    /// Enqueues the whole mix and waits until every job succeeded; the time runs from the first enqueue.
    /// Also measured: the CPU time the Worker processes spent and how busy the whole machine was.
    /// </summary>
    private static async Task<(IReadOnlyList<EnqueuedJob> Jobs, MixTime Time)> RunMixAsync(TwoWorkerJobMix mix, NpgsqlDataSource db, params RunningWorker[] workers)
    {
        TimeSpan WorkerCpu() => workers.Aggregate(TimeSpan.Zero, (sum, w) =>
        {
            w.Process.Refresh();
            return sum + w.Process.TotalProcessorTime;
        });
        var cpu = WorkerCpu();
        var machine = MachineTicks();
        var clock = Stopwatch.StartNew();
        var jobs = mix.Enqueue(TwoWorkerJobMix.Client(db));
        await TwoWorkerChecks.WaitForAllAsync(db, jobs, succeededStates: 1, MixTimeout);
        var wall = clock.Elapsed;
        var (busy, total) = MachineTicks();
        return (jobs, new MixTime(wall, WorkerCpu() - cpu, total > machine.Total ? (double)(busy - machine.Busy) / (total - machine.Total) : double.NaN));
    }

    /// <summary>All CPUs' busy and total clock ticks so far (the first line of /proc/stat); zeros elsewhere.</summary>
    private static (long Busy, long Total) MachineTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }

        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var total = ticks.Sum();
        return (total - ticks[3] - ticks[4], total);
    }

    private void Report(TwoWorkerJobMix mix, MixTime one, MixTime two, IReadOnlyDictionary<int, int> perProcess)
    {
        string Line(string what, MixTime time) => string.Create(CultureInfo.InvariantCulture,
            $"{what}: {mix.Total} jobs ({mix.Deliveries} ingests, {mix.ScoreRuns} score runs) in {time.Wall.TotalSeconds:0.0} s = " +
            $"{mix.Total / time.Wall.TotalSeconds:0.0} jobs/s; Worker CPU {time.WorkerCpu.TotalSeconds:0.0} s; machine {time.MachineBusy:P0} busy");
        output.WriteLine(Line("1 Worker ", one));
        output.WriteLine(Line("2 Workers", two));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"speed-up 2 vs 1: {one.Wall.TotalSeconds / two.Wall.TotalSeconds:0.00}x; jobs per process: {string.Join(", ", perProcess.Values.Order())}; {Environment.ProcessorCount} cores"));
    }

    /// <summary>Wall time of a mix, CPU time of the Worker processes in it, and the machine's busy share (0–1).</summary>
    private sealed record MixTime(TimeSpan Wall, TimeSpan WorkerCpu, double MachineBusy);

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> environment, params (string Key, string Value)[] extra)
    {
        var all = new Dictionary<string, string>(environment);
        foreach (var (key, value) in extra)
        {
            all[key] = value;
        }

        return all;
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
