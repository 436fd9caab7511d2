namespace Preventiemonitor.Worker.Settings;

/// <summary>Section <c>Publicatie</c>: <c>Cron</c>, the schedule of the pipeline job (Europe/Amsterdam); empty means none.</summary>
public sealed class PublicationOptions
{
    public const string Section = "Publicatie";

    public string? Cron { get; set; }

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (!string.IsNullOrWhiteSpace(Cron) && !CronSchedule.IsValid(Cron))
        {
            yield return (nameof(Cron), $"'{Cron}' is geen geldige cron-uitdrukking (bijvoorbeeld \"0 6 * * 1\").");
        }
    }
}
