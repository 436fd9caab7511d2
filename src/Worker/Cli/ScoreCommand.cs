using Npgsql;
using Preventiemonitor.Model;
using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Scoring;
using Preventiemonitor.Storage;
using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>The <c>score --jaar YYYY</c> command: a new score run and a per-theme table for the region (numbers as methode-v1 §7).</summary>
internal static class ScoreCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IAnsiConsole console, int? jaar, CancellationToken ct)
    {
        var service = services.GetRequiredService<ScoreRunService>();
        jaar ??= await service.LatestYearAsync(ct).ConfigureAwait(false)
            ?? throw new UserInputException("Er is nog geen geaccepteerde programma-inventaris: niets te scoren. Verwerk eerst leveringen (ingest).");

        var parameters = services.GetRequiredService<MethodParameters>();
        var run = await console.Status().StartAsync($"Jaar {jaar} scoren…", _ => service.RunAsync(jaar.Value, parameters, $"cli:{Environment.UserName}", ct))
            .ConfigureAwait(false);
        var catalog = await new ReferenceCatalogStore(services.GetRequiredService<NpgsqlDataSource>()).LoadAsync(ct).ConfigureAwait(false);
        Print(run, parameters, catalog, console);
        return WorkerCommandLine.ExitOk;
    }

    internal static void Print(ScoreRunSummary run, MethodParameters p, Model.ReferenceData.ReferenceCatalog catalog, IAnsiConsole console)
    {
        console.Line();
        console.Line($"Score run {run.Id}: jaar {run.Jaar}, methode {MethodParameters.MethodVersion} " +
                     $"(n_min {p.NMin}, g_groot {F(p.GGroot, 2)}, w_E {F(p.WE, 2)}, w_O {F(p.WO, 2)}), " +
                     $"{run.Programmas} programma's, {run.Leveringen} leveringen gebruikt.");
        console.Line($"Regio {catalog.Regio.Naam}, per thema:");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn(new Text("thema")));
        foreach (var column in new[] { "programma's", "deelnemers", "score", "effect g [95%-interval]", "k", "tau²" })
        {
            table.AddColumn(new TableColumn(new Text(column)).RightAligned());
        }

        foreach (var thema in catalog.Themas)
        {
            var r = run.Result.MunicipalityThemes.Single(x => x.Gemeente == catalog.Regio.Code && x.Thema == thema.Code);
            var effect = r.Effect is { } e ? $"{F(e.Effect.G, 3)} [{F(e.Effect.CiLaag, 3)}; {F(e.Effect.CiHoog, 3)}]" : "geen";
            table.AddRow(
                new Text(thema.Naam), new Text(r.Programmas.ToString(Dutch)), new Text(r.Deelnemers.ToString(Dutch)),
                new Text(r.Score is double s ? F(s, 1) : "–"), new Text(effect), new Text((r.Effect?.K ?? 0).ToString(Dutch)),
                new Text(r.Effect is { } x ? F(x.Tau2, 4) : "–"));
        }

        console.Write(table);
    }

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    private static string F(double value, int decimals) => OutputRounding.FormatDutch(value, decimals);
}
