namespace Preventiemonitor.Worker.Settings;

/// <summary>Section <c>Hangfire</c>: <c>WorkerCount</c> (1–100, default 4) and <c>QueuePollIntervalSeconds</c> (default 5).</summary>
public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    public int WorkerCount { get; set; } = 4;

    public double QueuePollIntervalSeconds { get; set; } = 5;

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (WorkerCount is < 1 or > 100)
        {
            yield return (nameof(WorkerCount), $"moet tussen 1 en 100 liggen, niet {WorkerCount}.");
        }

        if (!(QueuePollIntervalSeconds > 0) || QueuePollIntervalSeconds > 3600)
        {
            yield return (nameof(QueuePollIntervalSeconds), "moet groter dan 0 en hoogstens 3600 zijn.");
        }
    }
}
