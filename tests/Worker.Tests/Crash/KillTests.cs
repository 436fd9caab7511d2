using System.Text.RegularExpressions;
using Preventiemonitor.TestSupport;
using Xunit.Abstractions;

namespace Preventiemonitor.Worker.Tests.Crash;

/// <summary>
/// Issue 13 §5/§7: the real Worker process (<c>pipeline</c> on the sample drop) is killed with SIGKILL at
/// seeded random moments of the ingest, the score run and the publication, then the same command is run
/// again; after every rerun the database and the output folder must be exactly what one uninterrupted
/// run leaves: one delivery per file with all its rows, one complete score run, one publication whose
/// folder matches the stored SHA-256 of every file, and no temporary files or folders.
/// Kill moments are chosen by waiting for log lines (--verbose) plus a seeded random delay.
/// </summary>
public sealed partial class KillTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private const int Seed = 20_250_613;
    private static readonly int WantedKills = int.TryParse(Environment.GetEnvironmentVariable("PM_KILLS"), out var n) ? n : 21;
    private const string Label = "kill";

    private static readonly TimeSpan LineTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A kill moment: the n-th line that matches, then a delay of up to so many milliseconds; every other
    /// round runs the pipeline without <c>--label</c> (then the rerun must find the run and its publication itself).
    /// </summary>
    private sealed record KillPoint(string Phase, Regex Line, int Nth, int MaxDelayMs)
    {
        public bool WithLabel { get; init; } = true;
    }

    [Fact]
    public async Task Killing_the_pipeline_at_random_moments_and_running_it_again_leaves_exactly_one_complete_result()
    {
        var reference = await RunAsync(killPoint: null);
        Assert.Equal(19, reference.State.Deliveries.Count);
        Assert.Equal(1, reference.State.ScoreRuns);
        Assert.Single(reference.State.Publications);
        Assert.Empty(reference.State.FolderProblems);

        // The kill points come from the seed in a fixed order; rounds run three at a time (each its own database and home).
        var random = new Random(Seed);
        var points = Enumerable.Range(0, WantedKills * 2).Select(i => Choose(random, i)).ToList();
        int kills = 0, reruns = 0, held = 0, attempts = 0, tempLeft = 0, committedNotMoved = 0;
        var perPhase = new Dictionary<string, int>();
        var failures = new List<string>();
        while (kills < WantedKills && attempts < points.Count)
        {
            var batch = points.Skip(attempts).Take(Math.Min(3, WantedKills - kills)).ToList();
            attempts += batch.Count;
            var rounds = await Task.WhenAll(batch.Select(RunAsync));
            foreach (var (point, round) in batch.Zip(rounds))
            {
                if (!round.Killed)
                {
                    continue;
                }

                kills++;
                reruns++;
                perPhase[point.Phase] = perPhase.GetValueOrDefault(point.Phase) + 1;
                tempLeft += round.TempLeft ? 1 : 0;
                committedNotMoved += round.CommittedNotMoved ? 1 : 0;
                var problems = Compare(reference.State, round.State).ToList();
                if (round.RerunExit != 0)
                {
                    problems.Add($"herhaling eindigde met {round.RerunExit}: {round.RerunOutput}");
                }

                if (problems.Count == 0)
                {
                    held++;
                }
                else
                {
                    failures.Add($"kill {kills} ({point.Phase}, regel {point.Nth} van /{point.Line}/{(point.WithLabel ? "" : ", zonder --label")}): {string.Join("; ", problems)}");
                }
            }
        }

        var figures = $"Kill-test (seed {Seed}): {kills} kills ({string.Join(", ", perPhase.Select(p => $"{p.Key} {p.Value}"))}), " +
                      $"{reruns} herhalingen, invarianten gehouden na {held} van {reruns}; {attempts - kills} runs waren klaar vóór de kill; " +
                      $"{tempLeft} keer bleef een tijdelijke publicatiemap achter, waarvan {committedNotMoved} keer na de commit (map nog niet op zijn plaats).";
        output.WriteLine(figures);
        Console.WriteLine(figures);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(kills >= Math.Min(20, WantedKills), figures);
    }

    private static KillPoint Choose(Random random, int attempt) => ChoosePoint(random, attempt) with { WithLabel = attempt % 2 == 0 };

    private static KillPoint ChoosePoint(Random random, int attempt) => (attempt % 3) switch
    {
        0 => new KillPoint("ingest", DeliveryLine(), 1 + random.Next(17), random.Next(60)),
        1 => new KillPoint("score", ScoreStartLine(), 1, random.Next(400)),
        _ => random.Next(3) switch
        {
            0 => new KillPoint("publicatie", ScoreDoneLine(), 1, random.Next(150)),
            1 => new KillPoint("publicatie", FilesReadyLine(), 1, random.Next(40)),
            _ => new KillPoint("publicatie", CommittedLine(), 1, random.Next(3)),
        },
    };

    private sealed record Round(bool Killed, int RerunExit, string RerunOutput, CrashState State)
    {
        /// <summary>After the kill: a temporary publication folder was left in the output folder.</summary>
        public bool TempLeft { get; init; }

        /// <summary>After the kill: the publication was committed but its folder not yet in place.</summary>
        public bool CommittedNotMoved { get; init; }
    }

    /// <summary>One round on a new database: the pipeline, killed at the point (if any), then the same command to the end.</summary>
    private async Task<Round> RunAsync(KillPoint? killPoint)
    {
        var (_, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        var home = TestCluster.CreateTempHome("pm-kill-");
        var outRoot = Path.Combine(home, "out");
        string[] args = killPoint?.WithLabel == false
            ? ["pipeline", "--drop", RepositoryPaths.SampleDrop, "--out", outRoot, "--connection", connectionString, "--verbose"]
            : ["pipeline", "--drop", RepositoryPaths.SampleDrop, "--out", outRoot, "--label", Label, "--connection", connectionString, "--verbose"];
        var environment = new Dictionary<string, string>();

        var killed = false;
        var started = DateTime.UtcNow;
        if (killPoint is not null)
        {
            using var worker = KillableWorker.Start(home, environment, args);
            if (await worker.WaitForLinesAsync(killPoint.Line, killPoint.Nth, LineTimeout))
            {
                await Task.Delay(killPoint.MaxDelayMs);
            }

            killed = await worker.KillAsync();
        }

        var killedAt = DateTime.UtcNow;
        var tempLeft = Directory.Exists(outRoot) && Directory.EnumerateDirectories(outRoot, ".pm-publicatie-*").Any();
        var committedNotMoved = tempLeft && !PublicationFolderPresent(outRoot) && await CommittedAsync(connectionString);
        var (exit, rerunOutput) = await WorkerProcess.RunAsync(home, null, environment, args);
        output.WriteLine($"{killPoint?.Phase ?? "referentie"}: run {(killedAt - started).TotalSeconds:0.0} s, herhaling {(DateTime.UtcNow - killedAt).TotalSeconds:0.0} s");
        var state = await CrashState.ReadAsync(connectionString, outRoot, home);
        Directory.Delete(home, recursive: true);
        return new Round(killed, exit, rerunOutput, state) { TempLeft = tempLeft, CommittedNotMoved = committedNotMoved };
    }

    private static async Task<bool> CommittedAsync(string connectionString)
    {
        await using var c = new Npgsql.NpgsqlConnection(connectionString);
        await c.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<bool>(c, "SELECT EXISTS (SELECT 1 FROM publicatie)");
    }

    /// <summary>A publication folder (not a temporary one, not the delivery reports) is in the output folder.</summary>
    private static bool PublicationFolderPresent(string outRoot) =>
        Directory.EnumerateDirectories(outRoot).Select(Path.GetFileName).Any(name => name is not null && !name.StartsWith('.') && name != "leveringsrapporten");

    private static IEnumerable<string> Compare(CrashState expected, CrashState actual)
    {
        if (!expected.Deliveries.SequenceEqual(actual.Deliveries))
        {
            yield return "leveringen verschillen: " + string.Join(" | ", actual.Deliveries.Except(expected.Deliveries)) +
                         " (verwacht: " + string.Join(" | ", expected.Deliveries.Except(actual.Deliveries)) + ")";
        }

        if (actual.ScoreRuns != 1)
        {
            yield return $"{actual.ScoreRuns} score runs";
        }

        if (!expected.ScoreRows.SequenceEqual(actual.ScoreRows))
        {
            yield return "score-rijen: " + string.Join(", ", actual.ScoreRows);
        }

        if (!expected.Publications.SequenceEqual(actual.Publications))
        {
            yield return "publicaties: " + string.Join(" | ", actual.Publications);
        }

        foreach (var problem in actual.FolderProblems)
        {
            yield return problem;
        }
    }

    [GeneratedRegex(@": (geaccepteerd|deels_geaccepteerd|geweigerd|vervangen), ")]
    private static partial Regex DeliveryLine();

    [GeneratedRegex(@"Score run voor \d+ gestart")]
    private static partial Regex ScoreStartLine();

    [GeneratedRegex(@"Score run \d+ voor \d+:")]
    private static partial Regex ScoreDoneLine();

    [GeneratedRegex(@"bestanden klaar in")]
    private static partial Regex FilesReadyLine();

    [GeneratedRegex(@"vastgelegd; map wordt op zijn plaats gezet")]
    private static partial Regex CommittedLine();
}
