using Npgsql;
using Preventiemonitor.Model;
using Preventiemonitor.Model.Numbers;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Scoring;
using Preventiemonitor.Storage;
using Spectre.Console;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// The <c>score --jaar YYYY</c> command: a score run (a stored run that is still current — same
/// deliveries, method and parameters — is shown instead of making a second, identical one; so a rerun
/// after a crash leaves one run) and a per-theme table for the region (numbers as
/// methode-v1 §7). The region's numbers go through the same disclosure step as the publication
/// (<see cref="PublicationDisclosure"/>): a cell the publication would empty shows <c>&lt; k_min</c>.
/// </summary>
internal static class ScoreCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IAnsiConsole console, int? jaar, CancellationToken ct)
    {
        var service = services.GetRequiredService<ScoreRunService>();
        jaar ??= await service.LatestYearAsync(ct).ConfigureAwait(false)
            ?? throw new UserInputException("Er is nog geen geaccepteerde programma-inventaris: niets te scoren. Verwerk eerst leveringen (ingest).");

        var parameters = services.GetRequiredService<MethodParameters>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var run = await ScoreRunReuse.FindCurrentAsync(dataSource, jaar.Value, parameters, ct).ConfigureAwait(false);
        if (run is null)
        {
            var made = await ConsoleProgress.RunAsync(console, $"Jaar {jaar} scoren…", null,
                (PipelineReporters reporters) => service.RunAsync(jaar.Value, parameters, $"cli:{Environment.UserName}", reporters.Score, ct)).ConfigureAwait(false);
            run = new PipelineScore(made.Id, made.Jaar, made.Programmas, made.Leveringen, Reused: false);
        }


        var catalog = await new ReferenceCatalogStore(dataSource).LoadAsync(ct).ConfigureAwait(false);
        var published = await new PublicationBuilder(dataSource).BuildAsync(run.Id, ct).ConfigureAwait(false);
        var disclosure = PublicationDisclosure.Protect(published.Tables, parameters.KMin, parameters.NMin);
        var areas = published.Tables.OfType<PublishedTable<GemeenteThemaScoreRow>>().Single();
        Print(run, parameters, catalog, areas, disclosure, console);
        return WorkerCommandLine.ExitOk;
    }

    internal static void Print(PipelineScore run, MethodParameters p, Model.ReferenceData.ReferenceCatalog catalog,
        PublishedTable<GemeenteThemaScoreRow> areas, PublicationDisclosureResult disclosure, IAnsiConsole console)
    {
        console.Line();
        console.Line($"Score run {run.Id}: jaar {run.Jaar}, methode {p.Versie} " +
                     $"(n_min {p.NMin}, g_groot {F(p.GGroot, 2)}, w_E {F(p.WE, 2)}, w_O {F(p.WO, 2)}), " +
                     $"{run.Programmas} programma's, {run.Leveringen} leveringen gebruikt" +
                     (run.Reused ? " (bestaande run: dezelfde leveringen, methode en parameters; er is geen nieuwe gemaakt)." : "."));
        console.Line($"Regio {catalog.Regio.Naam}, per thema:");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn(new Text("thema")));
        foreach (var column in new[] { "programma's", "deelnemers", "score", "effect g [95%-interval]", "k", "tau²" })
        {
            table.AddColumn(new TableColumn(new Text(column)).RightAligned());
        }

        var marker = "< " + p.KMin.ToString(Dutch);
        foreach (var thema in catalog.Themas)
        {
            var row = Enumerable.Range(0, areas.RowCount).Single(i => areas.Rows[i].Gemeente == catalog.Regio.Code && areas.Rows[i].Thema == thema.Code);
            var r = areas.Rows[row];
            string Cell(string column, Func<double, string> format, string missing) =>
                areas.Suppressed.Contains((row, areas.Spec.IndexOf(column))) ? marker : areas.Get(row, column) is { } v ? format(Convert.ToDouble(v, Dutch)) : missing;
            var g = Cell("effect_g", v => F(v, 3), "geen");
            var effect = g == "geen" || g == marker ? g : $"{g} [{Cell("effect_ci_laag", v => F(v, 3), "")}; {Cell("effect_ci_hoog", v => F(v, 3), "")}]";
            table.AddRow(
                new Text(thema.Naam), new Text(r.Programmas.ToString(Dutch)), new Text(Cell("deelnemers", v => ((long)v).ToString(Dutch), "0")),
                new Text(Cell("score", v => F(v, 1), "–")), new Text(effect), new Text(r.K.ToString(Dutch)),
                new Text(Cell("tau2", v => F(v, 4), "–")));
        }

        console.Write(table);
        console.Line($"Kleine aantallen (k_min {p.KMin}): {disclosure.Primary} cellen leeggemaakt door de hoofdregel en {disclosure.Secondary} extra, "
                     + $"zodat geen leeggemaakt getal terug te rekenen is; zo staan ze ook in de publicatie ('{marker}').");
    }

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    private static string F(double value, int decimals) => OutputRounding.FormatDutch(value, decimals);
}
