namespace Preventiemonitor.Worker;

/// <summary>The steps of a pipeline run, in order.</summary>
public enum PipelineStage
{
    /// <summary>Reading the deliveries of every source.</summary>
    Ingest,

    /// <summary>Scoring the year (or finding the current score run).</summary>
    Score,

    /// <summary>Writing the publication (or finding the current one).</summary>
    Publish,
}
