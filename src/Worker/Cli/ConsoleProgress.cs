using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;
using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// Progress of a long ingest or pipeline (<see cref="PipelineProgressText"/>): on a terminal a live status line
/// and a line per step; redirected, a line per step and one per 100,000 rows of a large file.
/// </summary>
internal static class ConsoleProgress
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, string title, string? dropRoot, Func<IProgress<DeliveryProgress>, Task<T>> work) =>
        RunAsync(console, title, dropRoot, reporters => work(reporters.Deliveries!));

    public static async Task<T> RunAsync<T>(IAnsiConsole console, string title, string? dropRoot, Func<PipelineReporters, Task<T>> work)
    {
        var text = new PipelineProgressText(dropRoot);
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work(Reporters(text, line =>
            {
                if (line.Milestone || line.Text.Contains("rijen gelezen", StringComparison.Ordinal))
                {
                    console.Line(line.Text);
                }
            })).ConfigureAwait(false);
        }

        return await console.Status().StartAsync(title, context => work(Reporters(text, line =>
        {
            if (line.Milestone)
            {
                console.Line(line.Text);
            }

            context.Status($"{title} {line.Text.Trim()}".EscapeMarkup());
        }))).ConfigureAwait(false);
    }

    private static PipelineReporters Reporters(PipelineProgressText text, Action<ProgressLine> show)
    {
        var gate = new Lock();
        void Show(ProgressLine? line)
        {
            if (line is { } l)
            {
                lock (gate)
                {
                    show(l);
                }
            }
        }

        return new PipelineReporters(
            new Reporter<DeliveryProgress>(v => Show(text.Delivery(v))),
            new Reporter<PipelineStage>(v => Show(text.Stage(v))),
            new Reporter<ScoreProgress>(v => Show(text.Score(v))),
            new Reporter<PublicationStep>(v => Show(text.Publication(v))));
    }

    /// <summary>Reports at once, on the reporting thread (not through a synchronisation context).</summary>
    private sealed class Reporter<TValue>(Action<TValue> report) : IProgress<TValue>
    {
        public void Report(TValue value) => report(value);
    }
}
