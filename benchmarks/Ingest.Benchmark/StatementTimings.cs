using System.Collections.Concurrent;
using System.Diagnostics;

namespace Preventiemonitor.Ingest.Benchmark;

/// <summary>Sums the time of every SQL statement (and COPY) by listening to Npgsql's tracing activities.</summary>
internal sealed class StatementTimings : IDisposable
{
    private readonly ConcurrentDictionary<string, (int Count, double Seconds)> _totals = new();
    private readonly ActivityListener _listener;

    public StatementTimings()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Print(double total)
    {
        Console.WriteLine("| SQL (Npgsql-tracing) | aantal | tijd (s) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (statement, (count, seconds)) in _totals.OrderByDescending(t => t.Value.Seconds).Take(15))
        {
            Console.WriteLine($"| {statement} | {count} | {seconds:N3} |");
        }

        Console.WriteLine($"| totaal van de levering (ook wat niet in SQL zit) | | {total:N3} |");
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var key = string.Join(' ', text.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        key = key.Length > 90 ? key[..90] + "…" : key;
        if (Environment.GetEnvironmentVariable("PM_TIJDLIJN") is not null)
        {
            Console.WriteLine($"T {activity.StartTimeUtc:mm:ss.fff} {(activity.StartTimeUtc + activity.Duration):mm:ss.fff} {activity.Duration.TotalMilliseconds,7:N1} ms: {key[..Math.Min(key.Length, 60)]}");
        }

        if (activity.Duration.TotalSeconds >= 0.5)
        {
            Console.WriteLine($"  {activity.StartTimeUtc:HH:mm:ss.fff} {activity.Duration.TotalSeconds:N2} s: {key[..Math.Min(key.Length, 40)]}");
        }

        _totals.AddOrUpdate(key, (1, activity.Duration.TotalSeconds), (_, t) => (t.Count + 1, t.Seconds + activity.Duration.TotalSeconds));
    }
}
