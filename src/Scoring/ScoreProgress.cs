namespace Preventiemonitor.Scoring;

/// <summary>
/// Progress of a score run: the step, and while the pairs stream in, the programmes done of the inventory's
/// total and the pair rows read so far (the caller measures the rate).
/// </summary>
public sealed record ScoreProgress(ScoreStep Step, int ProgrammasKlaar = 0, int ProgrammasTotaal = 0, long Rijen = 0);
