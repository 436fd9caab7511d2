using System.Globalization;
using Preventiemonitor.Ingest.Loading;
using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// Progress of a long ingest: a live status line on a terminal; redirected, one plain line per
/// 100,000 rows of a large file.
/// </summary>
internal static class ConsoleProgress
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static async Task<T> RunAsync<T>(IAnsiConsole console, string title, Func<IProgress<DeliveryProgress>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await work(new Reporter(value =>
            {
                if (value.Rows > 0 && value.Rows % DeliveryProcessor.ProgressEvery == 0)
                {
                    console.Line($"  … {value.Bestand}: {Rows(value.Rows)} rijen gelezen");
                }
            })).ConfigureAwait(false);
        }

        return await console.Status().StartAsync(title, context =>
            work(new Reporter(value => context.Status($"{title} {value.Bestand}: {Rows(value.Rows)} rijen gelezen")))).ConfigureAwait(false);
    }

    private static string Rows(long rows) => rows.ToString("N0", Dutch);

    /// <summary>Reports at once, on the reporting thread (not through a synchronisation context).</summary>
    private sealed class Reporter(Action<DeliveryProgress> report) : IProgress<DeliveryProgress>
    {
        public void Report(DeliveryProgress value) => report(value);
    }
}
