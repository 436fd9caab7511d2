using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Web;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// The job mix of the two-Worker test: one drop source per delivery (a folder with one small inventory
/// of distinct bytes, spread over the six municipalities and six years), configured for every Worker
/// through environment variables, plus score runs of those years spread evenly through the queue.
/// Enqueued through Hangfire's own client on the Workers' PostgreSQL storage, as any other producer would.
/// </summary>
internal sealed class TwoWorkerJobMix
{
    public const int FirstYear = 2020;
    public const int Years = 6;

    private static readonly string[] Gemeenten = ["GM0935", "GM0938", "GM0981", "GM0994", "GM1729", "GM1903"];

    private TwoWorkerJobMix(string folder, IReadOnlyList<string> files, int scoreRuns, Dictionary<string, string> environment)
    {
        Folder = folder;
        Files = files;
        Deliveries = files.Count;
        ScoreRuns = scoreRuns;
        Environment = environment;
    }

    /// <summary>The folder with one drop folder per source; removed by <see cref="Delete"/>.</summary>
    public string Folder { get; }

    /// <summary>The SHA-256 (lowercase hex) of each source's one file: a delivery is known by its bytes.</summary>
    public IReadOnlyList<string> Files { get; }

    public int Deliveries { get; }

    public int ScoreRuns { get; }

    public int Total => Deliveries + ScoreRuns;

    /// <summary>The settings every Worker needs: the sources and one participant key for all processes.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public static string SourceName(int index) => $"lev{index:D4}";

    public static TwoWorkerJobMix Create(int deliveries, int scoreRuns)
    {
        var folder = TestCluster.CreateTempHome("pm-twoworkers-");
        var environment = new Dictionary<string, string>
        {
            // Two processes, one installation: the same key, or the same participant gets two hashes.
            ["Preventiemonitor__DeelnemerSleutel"] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        };
        var files = new List<string>(deliveries);
        for (var i = 0; i < deliveries; i++)
        {
            var gemeente = Gemeenten[i % Gemeenten.Length];
            var jaar = FirstYear + (i / Gemeenten.Length % Years);
            var source = Path.Combine(folder, SourceName(i));
            var dir = Path.Combine(source, gemeente, "programmas");
            Directory.CreateDirectory(dir);
            var bytes = System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"""
                programma_id;naam;gemeente;jaar;doelgroep;leeftijd_van;leeftijd_tot;thema_primair;erkenning;deelnemers;budget_eur
                P{i:D4};Kanjertraining {i};{gemeente};{jaar};jeugdigen;6;12;weerbaarheid;Goed onderbouwd;{20 + (i % 30)};1250,50

                """));
            File.WriteAllBytes(Path.Combine(dir, $"programmas_{jaar}.csv"), bytes);
            files.Add(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
            environment[$"Bronnen__{i}__Naam"] = SourceName(i);
            environment[$"Bronnen__{i}__Soort"] = "drop";
            environment[$"Bronnen__{i}__Locatie"] = source;
        }

        return new TwoWorkerJobMix(folder, files, scoreRuns, environment);
    }

    /// <summary>
    /// Hangfire's client on the storage of the database behind <paramref name="dataSource"/> (schema made by
    /// the Workers). Hangfire's log provider is process-wide: an in-process site of another test class may
    /// have left it pointing at its disposed logger factory, so the client gets one that logs nothing.
    /// </summary>
    public static BackgroundJobClient Client(NpgsqlDataSource dataSource)
    {
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new SilentLogProvider());
        return new(new PostgreSqlStorage(
            new DataSourceConnectionFactory(dataSource),
            new PostgreSqlStorageOptions { SchemaName = WorkerWebHost.HangfireSchema, PrepareSchemaIfNecessary = false }));
    }

    private sealed class SilentLogProvider : Hangfire.Logging.ILogProvider, Hangfire.Logging.ILog
    {
        public Hangfire.Logging.ILog GetLogger(string name) => this;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }

    /// <summary>Enqueues every job once, score runs spread evenly between the deliveries; returns the job ids in order.</summary>
    public IReadOnlyList<EnqueuedJob> Enqueue(IBackgroundJobClient client)
    {
        var jobs = new List<EnqueuedJob>(Total);
        var delivery = 0;
        var score = 0;
        for (var n = 0; n < Total; n++)
        {
            if ((long)n * ScoreRuns / Total != (long)(n + 1) * ScoreRuns / Total)
            {
                var jaar = FirstYear + (score++ % Years);
                jobs.Add(new EnqueuedJob(long.Parse(client.Enqueue<ScoreYearJob>(job => job.Run(jaar, null, CancellationToken.None)), CultureInfo.InvariantCulture), IsScore: true));
            }
            else
            {
                var name = SourceName(delivery++);
                jobs.Add(new EnqueuedJob(long.Parse(client.Enqueue<IngestSourceJob>(job => job.Run(name, CancellationToken.None)), CultureInfo.InvariantCulture), IsScore: false));
            }
        }

        return jobs;
    }

    public void Delete() => Directory.Delete(Folder, recursive: true);
}

/// <summary>One job of the mix: its Hangfire id and whether it is a score run (else an ingest).</summary>
internal sealed record EnqueuedJob(long Id, bool IsScore);
