using System.Diagnostics;
using System.Globalization;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker.Cli;

/// <summary>A line of progress: a milestone (always shown as a line) or a passing state (a live status, or a line now and then).</summary>
internal readonly record struct ProgressLine(string Text, bool Milestone);

/// <summary>
/// The Dutch progress text of the <c>ingest</c> and <c>pipeline</c> commands: each step with the time since the
/// start; per file the rows read, an estimated percentage and rows per second, and when the file has been read;
/// the score run's programmes done of the total and pair rows per second; the publication's steps.
/// </summary>
internal sealed class PipelineProgressText(string? dropRoot)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _step = new();
    // Per file being read (two deliveries of different municipalities can be read at the same time).
    private readonly Dictionary<string, FileState> _files = new(StringComparer.Ordinal);
    private int _lastTenth = -1;

    public ProgressLine Stage(PipelineStage stage)
    {
        var text = stage switch
        {
            PipelineStage.Ingest => "Stap 1 van 3: leveringen verwerken",
            PipelineStage.Score => "Stap 2 van 3: het jaar scoren",
            _ => "Stap 3 van 3: publiceren",
        };
        return Milestone(text);
    }

    /// <summary>Rows read of a delivery; the last report of a file (fewer than a full step, or the same count again) ends its reading.</summary>
    public ProgressLine? Delivery(DeliveryProgress value)
    {
        if (!_files.TryGetValue(value.Bestand, out var file))
        {
            // The first report of a file comes after its first rows: the rate counts from there.
            file = new FileState(value.Rows, RowEstimate.Of(dropRoot is null ? null : Path.Combine(dropRoot, value.Bestand)));
            _files[value.Bestand] = file;
        }

        var ended = value.Rows == file.Rows || value.Rows % DeliveryProcessor.ProgressEvery != 0;
        file.Rows = value.Rows;
        var rate = value.Rows > file.FirstRows ? $"{N((long)((value.Rows - file.FirstRows) / Math.Max(0.001, file.Clock.Elapsed.TotalSeconds)))} rijen/s" : null;
        if (ended)
        {
            _files.Remove(value.Bestand);
            return Milestone($"  {value.Bestand}: {N(value.Rows)} rijen gelezen{(rate is null ? string.Empty : $" ({rate})")}; opslaan in de database");
        }

        var percent = file.Estimate is long estimate ? $"≈ {Math.Min(99, 100 * value.Rows / Math.Max(1, estimate))} %" : null;
        var detail = string.Join(", ", new[] { percent, rate }.Where(d => d is not null));
        return new ProgressLine($"  … {value.Bestand}: {N(value.Rows)} rijen gelezen{(detail.Length == 0 ? string.Empty : $" ({detail})")}", false);
    }

    public ProgressLine? Score(ScoreProgress value)
    {
        switch (value.Step)
        {
            case ScoreStep.Statistics:
                return Milestone("  statistieken bijwerken (ANALYZE)");
            case ScoreStep.Pairing:
                _step.Restart();
                _lastTenth = -1;
                return Milestone($"  T0 en T1 koppelen voor {N(value.ProgrammasTotaal)} programma's: PostgreSQL leest en sorteert de metingen van het jaar");
            case ScoreStep.Streaming when _lastTenth < 0:
                // The first programme: PostgreSQL has read and sorted; the rate counts from here.
                _lastTenth = 0;
                var sorted = _step.Elapsed.TotalSeconds;
                _step.Restart();
                return Milestone($"  eerste paren na {S(sorted)} s; programma {N(value.ProgrammasKlaar)} van {N(value.ProgrammasTotaal)}");
            case ScoreStep.Streaming:
                var tenth = value.ProgrammasTotaal == 0 ? 10 : 10 * value.ProgrammasKlaar / value.ProgrammasTotaal;
                var milestone = tenth != _lastTenth;
                _lastTenth = tenth;
                var percent = value.ProgrammasTotaal == 0 ? 100 : 100 * value.ProgrammasKlaar / value.ProgrammasTotaal;
                return new ProgressLine(Timed($"  programma {N(value.ProgrammasKlaar)} van {N(value.ProgrammasTotaal)} ({percent} %): " +
                                              $"{N(value.Rijen)} paren gelezen ({Rate(value.Rijen)} paren/s)"), milestone);
            case ScoreStep.Computing:
                return Milestone("  de methode rekenen");
            default:
                return Milestone("  de score run opslaan");
        }
    }

    public ProgressLine Publication(PublicationStep step) => Milestone(step switch
    {
        PublicationStep.Reading => "  tabellen van de score run lezen",
        PublicationStep.Disclosure => "  onthullingscontrole (primaire regel, aanvullende onderdrukking, audit)",
        PublicationStep.Rendering => "  CSV's, werkboek en datapackage.json maken",
        PublicationStep.Writing => "  bestanden naar een tijdelijke map schrijven",
        PublicationStep.Storing => "  publicatie vastleggen in de database",
        _ => "  map op zijn plaats zetten",
    });

    private ProgressLine Milestone(string text) => new(Timed(text), true);

    // No brackets: a test of the redirected output rejects "\u001b[", which a culture-aware comparison finds in any "[".
    private string Timed(string text) => $"{S(_total.Elapsed.TotalSeconds),8} s  {text}";

    private string Rate(long rows) => N((long)(rows / Math.Max(0.001, _step.Elapsed.TotalSeconds)));

    private static string N(long value) => value.ToString("N0", Dutch);

    private static string S(double seconds) => seconds.ToString("N1", Dutch);

    private sealed class FileState(long firstRows, long? estimate)
    {
        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public long FirstRows { get; } = firstRows;

        public long? Estimate { get; } = estimate;

        public long Rows { get; set; } = -1;
    }
}
