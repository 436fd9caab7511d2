namespace Preventiemonitor.Scoring;

/// <summary>The steps of a score run, in order, as reported to <see cref="ScoreProgress"/>.</summary>
public enum ScoreStep
{
    /// <summary>ANALYZE of what the run reads.</summary>
    Statistics,

    /// <summary>PostgreSQL reads and sorts the year's measurements (no row has arrived yet).</summary>
    Pairing,

    /// <summary>The pairs stream in, one programme after another.</summary>
    Streaming,

    /// <summary>The method itself (thema scores, gaps, best practices).</summary>
    Computing,

    /// <summary>Storing the run (binary COPY of the results) and committing.</summary>
    Storing,
}

/// <summary>
/// Progress of a score run: the step, and while the pairs stream in, the programmes done of the inventory's
/// total and the pair rows read so far (the caller measures the rate).
/// </summary>
public sealed record ScoreProgress(ScoreStep Step, int ProgrammasKlaar = 0, int ProgrammasTotaal = 0, long Rijen = 0);
