namespace Preventiemonitor.Worker.Web;

/// <summary>The time zone of the schedules (cron expressions are Dutch local time).</summary>
public static class AmsterdamTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
}
