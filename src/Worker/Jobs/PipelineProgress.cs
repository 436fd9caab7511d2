using System.Diagnostics;
using Hangfire.Server;
using Preventiemonitor.Ingest.Loading;

namespace Preventiemonitor.Worker.Jobs;

/// <summary>
/// Keeps a running pipeline job's step, progress and outcome in its Hangfire job parameters
/// (<see cref="StageParameter"/>, <see cref="ProgressParameter"/>, <see cref="OutcomeParameter"/>), where
/// the pipeline page reads them. Progress of a long file is written at most once a second.
/// </summary>
public sealed class PipelineProgress
{
    public const string StageParameter = "Stap";
    public const string ProgressParameter = "Voortgang";
    public const string OutcomeParameter = "Uitkomst";

    private readonly PerformContext? _context;
    private readonly Stopwatch _sinceWritten = Stopwatch.StartNew();
    private string? _file;

    public PipelineProgress(PerformContext? context)
    {
        _context = context;
        Stages = new Synchronous<PipelineStage>(stage =>
        {
            _context?.SetJobParameter(StageParameter, stage.ToString());
            _context?.SetJobParameter(ProgressParameter, null);
        });
        Deliveries = new Synchronous<DeliveryProgress>(OnDelivery);
    }

    /// <summary>Receives each step as it starts.</summary>
    public IProgress<PipelineStage> Stages { get; }

    /// <summary>Receives the rows read per delivery.</summary>
    public IProgress<DeliveryProgress> Deliveries { get; }

    /// <summary>Records the outcome (the step parameter is cleared: the run is done).</summary>
    public void Finish(PipelineOutcome outcome)
    {
        _context?.SetJobParameter(OutcomeParameter, outcome);
        _context?.SetJobParameter(StageParameter, null);
    }

    private void OnDelivery(DeliveryProgress progress)
    {
        if (progress.Bestand == _file && _sinceWritten.Elapsed < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _file = progress.Bestand;
        _sinceWritten.Restart();
        _context?.SetJobParameter(ProgressParameter, $"{progress.Bestand}: {Model.Numbers.OutputRounding.FormatDutch(progress.Rows, 0)} rijen gelezen");
    }

    /// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class Synchronous<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
