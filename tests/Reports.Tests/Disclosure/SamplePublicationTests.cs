using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Disclosure;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;
using Xunit.Abstractions;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// Disclosure control v2 end to end on <c>samples/drop</c> (issue 12): the real publication of the
/// sample drop, attacked from its CSV files by the independent <see cref="LinearAttacker"/>, against the
/// unsuppressed tables of the same score run (the truth, written in the same format).
/// </summary>
public sealed class SamplePublicationTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int KMin = 10;
    private readonly string _out = TestCluster.CreateTempHome("pm-onthulling-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private sealed record Published(NpgsqlDataSource Db, PublicationResult Result, string Truth);

    private async Task<Published> PublishSampleAsync()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        var result = await new PublicationService(db, NullLogger<PublicationService>.Instance).PublishAsync(run.Id, "v2", _out, "test", CancellationToken.None);
        var truth = Path.Combine(_out, "onbeschermd");
        Directory.CreateDirectory(truth);
        foreach (var table in (await new PublicationBuilder(db).BuildAsync(run.Id, CancellationToken.None)).Tables)
        {
            await File.WriteAllBytesAsync(Path.Combine(truth, table.Spec.FileName), CsvTableWriter.Write(table));
        }

        return new Published(db, result, truth);
    }

    [Fact]
    public async Task The_attacker_narrows_no_emptied_count_of_the_sample_publication_beyond_its_baseline()
    {
        var p = await PublishSampleAsync();
        var values = PublishedCsv.V1Tables
            .SelectMany(t => PublishedCsv.Read(p.Truth, t).Select(r => (t, r)))
            .ToDictionary(x => (x.t, x.r["_key"]), x => x.r);
        (double, double) Knowledge(string file, string row, string column) =>
            PublishedCsv.Number(values[(file, row)][column]) < KMin ? (1, KMin - 1) : (KMin, double.PositiveInfinity);

        var attacked = LinearAttacker.Attack(p.Result.Folder, nMin: 10, Knowledge);
        var baseline = LinearAttacker.Attack(p.Result.Folder, nMin: 10, Knowledge, forget: true).ToDictionary(c => (c.File, c.Row, c.Column));
        var primary = attacked.Where(c => PublishedCsv.Number(values[(c.File, c.Row)][c.Column]) < KMin).ToList();

        var onthulling = Onthulling(p.Result.Folder);
        Assert.Equal(onthulling.GetProperty("primair").GetInt32(), primary.Count);
        Assert.True(attacked.Count > primary.Count, "secondary counts emptied");
        output.WriteLine($"{attacked.Count} leeggemaakte aantallen, {primary.Count} primair");
        Assert.All(primary, c =>
        {
            var b = baseline[(c.File, c.Row, c.Column)];
            Assert.True(Math.Abs(c.Low - b.Low) < 1e-5 && Math.Abs(c.High - b.High) < 1e-5, $"{c} narrower than its baseline {b}");
        });
        // The same reader recovers the counts of version 1's publication of the same drop (AttackerTests).
        Assert.Contains(LinearAttacker.Attack(AttackerTests.Sample, nMin: 10, Knowledge), c => c.IsExact);
    }

    [Fact]
    public async Task Published_numbers_equal_an_unsuppressed_run_and_no_zero_is_emptied()
    {
        var p = await PublishSampleAsync();
        var emptied = 0;
        foreach (var table in PublicationTables.All)
        {
            var (header, published) = CsvTableReader.ReadText(await File.ReadAllBytesAsync(Path.Combine(p.Result.Folder, table.FileName)));
            var (_, truth) = CsvTableReader.ReadText(await File.ReadAllBytesAsync(Path.Combine(p.Truth, table.FileName)));
            Assert.Equal(truth.Count, published.Count);
            var flag = table.SuppressionFlag is { } f ? table.IndexOf(f.Name) : -1;
            for (var row = 0; row < published.Count; row++)
            {
                var rowEmptied = false;
                for (var column = 0; column < header.Count; column++)
                {
                    if (column == flag || published[row][column] == truth[row][column])
                    {
                        continue;
                    }

                    Assert.True(published[row][column].Length == 0, $"{table.Name} rij {row + 1} {header[column]}: {published[row][column]} ≠ {truth[row][column]}");
                    Assert.NotEqual("0", truth[row][column]);
                    rowEmptied = true;
                    emptied++;
                }

                if (flag >= 0)
                {
                    Assert.Equal(rowEmptied ? "true" : "false", published[row][flag]);
                }
            }
        }

        Assert.True(emptied > 0);
    }

    [Fact]
    public async Task The_data_package_workbook_and_stored_audit_agree()
    {
        var p = await PublishSampleAsync();
        var onthulling = Onthulling(p.Result.Folder);
        Assert.Equal(["k_min", "primair", "secundair", "audit"], onthulling.EnumerateObject().Select(o => o.Name));
        Assert.Equal((KMin, "geslaagd"), (onthulling.GetProperty("k_min").GetInt32(), onthulling.GetProperty("audit").GetString()));

        var store = new DisclosureAuditStore(p.Db);
        var summary = (await store.SummariesAsync(CancellationToken.None))[p.Result.Id];
        Assert.Equal((KMin, onthulling.GetProperty("primair").GetInt32(), onthulling.GetProperty("secundair").GetInt32(), true),
            (summary.KMin, summary.Primair, summary.Secundair, summary.Geslaagd));
        var cells = await store.CellsAsync(p.Result.Id, CancellationToken.None);
        Assert.Equal(summary.Primair, cells.Count(c => c.Reden == "primair"));
        Assert.Equal(summary.Secundair, cells.Count(c => c.Reden == "secundair"));
        Assert.All(cells.Where(c => c.Reden == "primair"), c =>
        {
            Assert.True(c.Geslaagd && c.Waarde is >= 1 and < KMin);
            Assert.Equal((c.BasisLaag, c.BasisHoog), (c.Laag, c.Hoog));
        });
        Assert.All(cells.Where(c => c.Reden == "secundair" && c.Kolom != "score"), c => Assert.True(c.Waarde >= KMin, $"{c}"));

        // Every stored emptied cell is empty in its CSV, and every emptied cell of the sheet Scores per thema shows "< 10".
        var areas = PublishedCsv.Read(p.Result.Folder, "scores_gemeente_thema");
        var areaCells = cells.Where(c => c.Tabel == "scores_gemeente_thema").ToList();
        Assert.All(areaCells, c => Assert.Equal("", areas.Single(r => r["_key"] == c.Rij)[c.Kolom]));
        var truth = PublishedCsv.Read(p.Truth, "scores_gemeente_thema").ToDictionary(r => r["_key"]);
        var emptyInCsv = areas.Sum(r => r.Count(kv => kv.Key != "onderdrukt" && kv.Value.Length == 0 && truth[r["_key"]][kv.Key].Length > 0));
        using var workbook = new XLWorkbook(Path.Combine(p.Result.Folder, PublicationService.Workbook));
        var markers = workbook.Worksheet("Scores per thema").CellsUsed().Count(c => c.GetString() == "< 10");
        Assert.True(emptyInCsv > 0);
        Assert.Equal(emptyInCsv, markers);
        var toelichting = string.Join("\n", workbook.Worksheet("Toelichting").CellsUsed().Select(c => c.GetString()));
        Assert.Contains($"zijn {summary.Primair + summary.Secundair} cellen leeggemaakt: {summary.Primair} omdat", toelichting);
        Assert.Contains("geen leeggemaakt getal is uit de andere gepubliceerde getallen af te leiden", toelichting);
        Assert.Contains("publicaties van verschillende jaren", toelichting);
    }

    [Fact]
    public async Task A_failing_audit_refuses_the_publication_with_a_Dutch_reason()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        var data = await new PublicationBuilder(db).BuildAsync(run.Id, CancellationToken.None);

        var e = Assert.Throws<PublicationException>(() => PublicationDisclosure.Protect(data.Tables, KMin, 10, model =>
        {
            var result = SecondarySuppressor.Protect(model);
            return result with { Succeeded = false, Reason = "Geen bescherming gevonden voor een proefcel." };
        }));

        Assert.StartsWith("De publicatie is niet geschreven: de controle op kleine aantallen", e.Message);
        Assert.EndsWith("Geen bescherming gevonden voor een proefcel.", e.Message);
        Assert.Equal(Model.UserInputException.InputExitCode, e.ExitCode);
    }

    private static JsonElement Onthulling(string folder)
    {
        using var package = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, PublicationService.DataPackage)));
        return package.RootElement.GetProperty("preventiemonitor").GetProperty("onthulling").Clone();
    }
}
