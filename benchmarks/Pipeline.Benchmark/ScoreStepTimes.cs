using System.Diagnostics;
using System.Globalization;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Pipeline.Benchmark;

/// <summary>The wall time of each step of a score run (<see cref="ScoreStep"/>), from its progress reports, reported synchronously.</summary>
internal sealed class ScoreStepTimes : IProgress<ScoreProgress>
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(ScoreStep Step, TimeSpan Start)> _starts = [];

    public void Report(ScoreProgress value)
    {
        if (_starts.Count == 0 || _starts[^1].Step != value.Step)
        {
            _starts.Add((value.Step, _watch.Elapsed));
        }
    }

    /// <summary>"statistieken 0.14 s, sorteren 0.90 s, …" up to now (the last step ends when this is called).</summary>
    public string Summary()
    {
        var end = _watch.Elapsed;
        return string.Join(", ", _starts.Select((s, i) => string.Create(CultureInfo.InvariantCulture,
            $"{Name(s.Step)} {((i + 1 < _starts.Count ? _starts[i + 1].Start : end) - s.Start).TotalSeconds:N2} s")));
    }

    private static string Name(ScoreStep step) => step switch
    {
        ScoreStep.Statistics => "statistieken",
        ScoreStep.Pairing => "sorteren tot het eerste paar",
        ScoreStep.Streaming => "paren lezen",
        ScoreStep.Computing => "methode",
        _ => "opslaan",
    };
}
