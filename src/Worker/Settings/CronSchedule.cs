namespace Preventiemonitor.Worker.Settings;

/// <summary>Checks a cron expression the way Hangfire reads it (five or six fields, Cronos).</summary>
internal static class CronSchedule
{
    public static bool IsValid(string expression)
    {
        var text = expression.Trim();
        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? Cronos.CronFormat.IncludeSeconds : Cronos.CronFormat.Standard;
        try
        {
            Cronos.CronExpression.Parse(text, format);
            return true;
        }
        catch (Cronos.CronFormatException)
        {
            return false;
        }
    }
}
