using System.Globalization;
using Preventiemonitor.Storage;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Scoring;

namespace Preventiemonitor.Worker.Cli;

/// <summary>The <c>score --jaar YYYY</c> command: a new score run and a short per-theme summary for the region.</summary>
internal static class ScoreCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static async Task<int> RunAsync(DatabaseRuntime database, IConfiguration configuration, ILoggerFactory loggerFactory,
        int? jaar, TextWriter output, CancellationToken ct)
    {
        var service = new ScoreRunService(database.DataSource, loggerFactory.CreateLogger<ScoreRunService>());
        jaar ??= await service.LatestYearAsync(ct).ConfigureAwait(false);
        if (jaar is null)
        {
            await Console.Error.WriteLineAsync("Er is nog geen geaccepteerde programma-inventaris: niets te scoren. Verwerk eerst leveringen (ingest).").ConfigureAwait(false);
            return WorkerCommandLine.ExitFailure;
        }

        var parameters = MethodConfiguration.Load(configuration);
        var run = await service.RunAsync(jaar.Value, parameters, $"cli:{Environment.UserName}", ct).ConfigureAwait(false);
        var catalog = await new ReferenceCatalogStore(database.DataSource).LoadAsync(ct).ConfigureAwait(false);
        Print(run, parameters, catalog, output);
        return WorkerCommandLine.ExitOk;
    }

    internal static void Print(ScoreRunSummary run, MethodParameters p, Model.ReferenceData.ReferenceCatalog catalog, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Score run {run.Id}: jaar {run.Jaar}, methode {MethodParameters.MethodVersion} " +
                         $"(n_min {p.NMin}, g_groot {F(p.GGroot, 2)}, w_E {F(p.WE, 2)}, w_O {F(p.WO, 2)}), " +
                         $"{run.Programmas} programma's, {run.Leveringen} leveringen gebruikt.");
        output.WriteLine($"Regio {catalog.Regio.Naam}, per thema:");
        output.WriteLine($"  {"thema",-32}{"programma's",12}{"deelnemers",12}{"score",8}  {"effect g [95%-interval]",-28}{"k",4}{"tau²",9}");
        foreach (var thema in catalog.Themas)
        {
            var r = run.Result.MunicipalityThemes.Single(x => x.Gemeente == catalog.Regio.Code && x.Thema == thema.Code);
            var effect = r.Effect is { } e
                ? $"{F(e.Effect.G, 3)} [{F(e.Effect.CiLaag, 3)}; {F(e.Effect.CiHoog, 3)}]"
                : "geen";
            output.WriteLine($"  {thema.Naam,-32}{r.Programmas,12}{r.Deelnemers,12}{(r.Score is double s ? F(s, 1) : "–"),8}  {effect,-28}{r.Effect?.K ?? 0,4}{(r.Effect is { } x ? F(x.Tau2, 4) : "–"),9}");
        }
    }

    private static string F(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), Dutch);
}
