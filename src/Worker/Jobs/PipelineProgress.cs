using System.Diagnostics;
using Hangfire.Server;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;

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
    private readonly Lock _gate = new();
    private string? _file;

    public PipelineProgress(PerformContext? context)
    {
        _context = context;
        Stages = new Synchronous<PipelineStage>(_gate, stage =>
        {
            _context?.SetJobParameter(StageParameter, stage.ToString());
            _context?.SetJobParameter(ProgressParameter, null);
        });
        Deliveries = new Synchronous<DeliveryProgress>(_gate, OnDelivery);
        Reporters = new PipelineReporters(Deliveries, Stages, new Synchronous<ScoreProgress>(_gate, OnScore), new Synchronous<PublicationStep>(_gate, OnPublication));
    }

    /// <summary>All of the above, and the score run's programmes and the publication's steps.</summary>
    public PipelineReporters Reporters { get; }

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

    private void OnScore(ScoreProgress progress)
    {
        if (progress.Step == ScoreStep.Streaming && _sinceWritten.Elapsed < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _file = null;
        _sinceWritten.Restart();
        _context?.SetJobParameter(ProgressParameter, progress.Step switch
        {
            ScoreStep.Statistics => "statistieken bijwerken",
            ScoreStep.Pairing => $"T0 en T1 koppelen voor {Dutch(progress.ProgrammasTotaal)} programma's: PostgreSQL sorteert de metingen",
            ScoreStep.Streaming => $"programma {Dutch(progress.ProgrammasKlaar)} van {Dutch(progress.ProgrammasTotaal)} gekoppeld ({Dutch(progress.Rijen)} paren)",
            ScoreStep.Computing => "de methode rekenen",
            _ => "de score run opslaan",
        });
    }

    private void OnPublication(PublicationStep step) => _context?.SetJobParameter(ProgressParameter, step switch
    {
        PublicationStep.Reading => "tabellen van de score run lezen",
        PublicationStep.Disclosure => "onthullingscontrole",
        PublicationStep.Rendering => "CSV's, werkboek en datapackage.json maken",
        PublicationStep.Writing => "bestanden schrijven",
        PublicationStep.Storing => "publicatie vastleggen in de database",
        _ => "map op zijn plaats zetten",
    });

    private static string Dutch(long value) => Model.Numbers.OutputRounding.FormatDutch(value, 0);

    /// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    /// <summary>Reports at once, one report at a time (two deliveries of a drop run can report at the same time).</summary>
    private sealed class Synchronous<T>(Lock gate, Action<T> report) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (gate)
            {
                report(value);
            }
        }
    }
}
