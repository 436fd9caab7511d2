namespace Preventiemonitor.Scoring;

/// <summary>
/// How a score run talks to the database, section <c>Scoring</c>: the time each statement of a run may
/// take (key <c>CommandTimeoutSeconds</c>, 0 = no limit). Explicit, so long work never meets Npgsql's
/// default of 30 s; cancellation (stopping a job or a command) works regardless.
/// </summary>
public sealed class ScoreRunOptions
{
    public const string Section = "Scoring";

    /// <summary>One hour: far above a national year on two cores, far below "hangs for ever".</summary>
    public int CommandTimeoutSeconds { get; set; } = 3600;

    /// <summary>Every value that cannot be used: the key (without section) and a Dutch reason.</summary>
    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (CommandTimeoutSeconds < 0)
        {
            yield return (nameof(CommandTimeoutSeconds), $"mag niet negatief zijn (0 = geen limiet), niet {CommandTimeoutSeconds}.");
        }
    }
}
