namespace Preventiemonitor.Worker.Settings;

/// <summary>
/// Section <c>Hangfire</c>: <c>WorkerCount</c> (1–100, default 4), <c>QueuePollIntervalSeconds</c> (default 5) and
/// <c>JobHistoryDays</c>, how long finished jobs stay in the dashboard (default 30, at least 30: the site links to them).
/// </summary>
public sealed class HangfireOptions
{
    public const string Section = "Hangfire";

    public int WorkerCount { get; set; } = 4;

    public double QueuePollIntervalSeconds { get; set; } = 5;

    public int JobHistoryDays { get; set; } = 30;

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

        if (JobHistoryDays is < 30 or > 3660)
        {
            yield return (nameof(JobHistoryDays), $"moet tussen 30 en 3660 dagen liggen, niet {JobHistoryDays} (de site linkt naar taken van de afgelopen 30 dagen).");
        }
    }
}
