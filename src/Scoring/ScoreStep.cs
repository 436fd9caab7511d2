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
