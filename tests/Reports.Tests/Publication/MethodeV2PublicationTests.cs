using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Reports.Tests.Disclosure;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// Publishing a v2 score run (methode-v2 §10) on the sample drop: a v1 run, and a v2 run that is that run
/// copied with hand-made rows in the four v2 tables (<see cref="MethodeV2Run"/>).
/// </summary>
public sealed class MethodeV2PublicationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int KMin = 10;
    private static readonly string[] V2Files = ["duurzaamheid_effecten.csv", "duurzaamheid_programma_thema.csv", "duurzaamheid_gemeente_thema.csv", "effecten_doelgroep.csv"];
    private readonly string _out = TestCluster.CreateTempHome("pm-v2-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    internal sealed record Runs(NpgsqlDataSource Db, long V1, long V2);

    internal static async Task<Runs> ScoreAsync(DatabaseFixture fixture)
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "test", CancellationToken.None);
        return new Runs(db, run.Id, await MethodeV2Run.CreateAsync(db, run.Id));
    }

    private async Task<(PublicationResult V1, PublicationResult V2)> PublishBothAsync()
    {
        var runs = await ScoreAsync(fixture);
        var service = new PublicationService(runs.Db, NullLogger<PublicationService>.Instance);
        var v1 = await service.PublishAsync(runs.V1, "run-v1", _out, "test", CancellationToken.None);
        var v2 = await service.PublishAsync(runs.V2, "run-v2", _out, "test", CancellationToken.None);
        return (v1, v2);
    }

    private static List<Dictionary<string, string>> Read(string folder, string table) => PublishedCsv.Read(folder, table);

    [Fact]
    public async Task A_v1_run_publishes_only_the_v1_tables_and_a_v2_run_the_same_v1_tables_byte_for_byte_plus_four()
    {
        var (v1, v2) = await PublishBothAsync();

        var v1Files = Directory.GetFiles(v1.Folder).Select(Path.GetFileName).ToHashSet();
        Assert.DoesNotContain(v1Files, V2Files.Contains);
        Assert.All(V2Files, f => Assert.True(File.Exists(Path.Combine(v2.Folder, f)), f));
        foreach (var table in PublicationTables.All)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(v1.Folder, table.FileName)), await File.ReadAllBytesAsync(Path.Combine(v2.Folder, table.FileName)));
        }

        using var p1 = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(v1.Folder, PublicationService.DataPackage)));
        Assert.Equal("v1", p1.RootElement.GetProperty("version").GetString());
        Assert.Equal(PublicationTables.All.Select(t => t.Name), p1.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        using var w1 = new XLWorkbook(Path.Combine(v1.Folder, PublicationService.Workbook));
        Assert.DoesNotContain(w1.Worksheets, w => w.Name is "Duurzaamheid" or "Doelgroepen");
    }

    [Fact]
    public async Task The_new_tables_have_the_columns_order_and_rounding_of_section_10()
    {
        var (_, v2) = await PublishBothAsync();
        var lines = (string f) => File.ReadAllText(Path.Combine(v2.Folder, f)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("gemeente,jaar,programma_id,thema,instrument,tripels,gemiddeld_t1,sd_t1,gemiddeld_t2,sd_t2,gemiddeld_terugval,sd_terugval,g_t1,g_t2,g_t2_ci_laag,g_t2_ci_hoog,g_terugval,g_terugval_ci_laag,g_terugval_ci_hoog,behoud_pct,follow_up_dagen,reden,onderdrukt", lines(V2Files[0])[0]);
        Assert.Equal("gemeente,jaar,programma_id,thema,tripels,g_t2,g_t2_ci_laag,g_t2_ci_hoog,g_terugval,g_terugval_ci_laag,g_terugval_ci_hoog,label,onderdrukt", lines(V2Files[1])[0]);
        Assert.Equal("gemeente,gemeente_naam,jaar,thema,programmas_follow_up,tripels,k_t2,g_t2,g_t2_ci_laag,g_t2_ci_hoog,tau2_t2,k_terugval,g_terugval,g_terugval_ci_laag,g_terugval_ci_hoog,tau2_terugval,onderdrukt", lines(V2Files[2])[0]);
        Assert.Equal("gemeente,jaar,thema,dimensie,groep,programmas,paren,k,effect_g,ci_laag,ci_hoog,tau2,q_tussen,df,p_verschil,onderdrukt", lines(V2Files[3])[0]);

        // Half away from zero on the exact binary value; no sign on a zero.
        var special = Assert.Single(Read(v2.Folder, "duurzaamheid_effecten"), r => r["behoud_pct"] == "12.3");
        Assert.Equal(("0.063", "-0.063", "0.000", "45.3"), (special["gemiddeld_t1"], special["gemiddeld_t2"], special["gemiddeld_terugval"], special["follow_up_dagen"]));
        Assert.Contains(Read(v2.Folder, "duurzaamheid_gemeente_thema"), r => r["tau2_t2"] == "0.0313");
        var groups = Read(v2.Folder, "effecten_doelgroep");
        var regio = groups.Where(r => r["gemeente"] == "REGIO" && r["q_tussen"] != "").ToList();
        Assert.Contains(regio, r => r["dimensie"] == "leeftijdsgroep" && r["p_verschil"] == "0.0000" && r["q_tussen"] == "2.063");
        Assert.Contains(regio, r => r["dimensie"] == "doelgroep" && r["p_verschil"] == "0.0001");
        Assert.Contains(regio, r => r["dimensie"] == "preventietype" && r["p_verschil"] == "0.0156");
        Assert.All(groups.Where(r => r["tau2"] != ""), r => Assert.Equal("0.0313", r["tau2"]));
    }

    [Fact]
    public async Task Effecten_doelgroep_is_sorted_by_gemeente_with_REGIO_last_theme_then_dimension_and_group_in_section_9_order()
    {
        var (_, v2) = await PublishBothAsync();
        var groups = Read(v2.Folder, "effecten_doelgroep");
        var order = TargetGroups.Dimensions.SelectMany(d => d.Groepen.Select(g => (d.Dimensie, g))).ToList();
        Assert.Equal(35 * 11, groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            Assert.Equal(order[i % 11], (groups[i]["dimensie"], groups[i]["groep"]));
        }

        var gemeenten = groups.Select(r => r["gemeente"]).Distinct().ToList();
        Assert.Equal("REGIO", gemeenten[^1]);
        Assert.Equal(gemeenten[..^1].Order(StringComparer.Ordinal), gemeenten[..^1]);
        var durability = Read(v2.Folder, "duurzaamheid_gemeente_thema").Select(r => r["gemeente"]).Distinct().ToList();
        Assert.Equal("REGIO", durability[^1]);
    }

    [Fact]
    public async Task Primary_suppression_empties_small_tripels_and_paren_with_their_statistics_and_keeps_programmas_k_and_label()
    {
        var runs = await ScoreAsync(fixture);
        var data = await new PublicationBuilder(runs.Db).BuildAsync(runs.V2, CancellationToken.None);
        DisclosureControl.Apply(data.Tables, KMin);
        foreach (var table in data.Tables.Where(t => PublicationTables.MethodeV2.Any(s => s.Name == t.Spec.Name)))
        {
            var count = table.Spec.PeopleCounts.Single().Name;
            var small = 0;
            for (var row = 0; row < table.RowCount; row++)
            {
                var truth = Truth(table, row, count);
                if (truth is >= 1 and < KMin)
                {
                    small++;
                    Assert.Null(table.Get(row, count));
                    Assert.All(table.Spec.ComputedFrom(count), c => Assert.Null(table.Get(row, c)));
                    Assert.Equal(true, table.Get(row, "onderdrukt"));
                    Assert.All(new[] { "programmas", "programmas_follow_up", "k", "k_t2", "k_terugval", "label" }.Where(table.Spec.Has),
                        c => Assert.NotNull(table.Get(row, c)));
                }
                else
                {
                    Assert.Equal(truth, table.Get(row, count));
                }
            }

            Assert.True(small > 0, $"{table.Spec.Name}: geen klein aantal in de proefdata");
        }
    }

    private static long? Truth(PublishedTable table, int row, string count) => table switch
    {
        PublishedTable<DuurzaamheidEffectRow> t => t.Rows[row].Tripels,
        PublishedTable<DuurzaamheidProgrammaThemaRow> t => t.Rows[row].Tripels,
        PublishedTable<DuurzaamheidGemeenteThemaRow> t => t.Rows[row].Tripels,
        PublishedTable<EffectDoelgroepRow> t => t.Rows[row].Paren,
        _ => throw new ArgumentException(count),
    };

    [Fact]
    public async Task The_subgroup_test_is_emptied_on_every_row_of_a_dimension_where_a_group_effect_was_emptied()
    {
        var (_, v2) = await PublishBothAsync();
        foreach (var dimension in Read(v2.Folder, "effecten_doelgroep").GroupBy(r => (r["gemeente"], r["thema"], r["dimensie"])))
        {
            if (dimension.Any(r => r["k"] != "0" && r["effect_g"] == ""))
            {
                Assert.All(dimension, r => Assert.Equal(("", "", ""), (r["q_tussen"], r["df"], r["p_verschil"])));
            }
        }

        // The rule itself, on a table where one group's effect is emptied by hand: onderdrukt stays false on the other rows.
        var table = EffectDoelgroepRow.Table.NewTable();
        foreach (var (groep, k) in new[] { ("jeugdigen", 1), ("ouders", 2), ("beide", 0) })
        {
            table.Add(new EffectDoelgroepRow
            {
                Gemeente = "GM0935", Jaar = 2025, Thema = "weerbaarheid", Dimensie = "doelgroep", Groep = groep, Programmas = k, Paren = 40, K = k,
                EffectG = k > 0 ? 0.3 : null, CiLaag = k > 0 ? 0.1 : null, CiHoog = k > 0 ? 0.5 : null, QTussen = 1.5, Df = 1, PVerschil = 0.22,
            });
        }

        table.DeriveSuppressionFlag();
        table.Suppress(0, table.Spec.IndexOf("paren"));
        table.Suppress(0, table.Spec.IndexOf("effect_g"));
        MethodeV2Disclosure.EmptySubgroupTests([table]);
        Assert.All(Enumerable.Range(0, 3), row => Assert.All(MethodeV2Disclosure.SubgroupTest, c => Assert.Null(table.Get(row, c))));
        Assert.Equal([true, false, false], Enumerable.Range(0, 3).Select(row => table.Get(row, "onderdrukt")));
    }

    [Fact]
    public async Task The_workbook_has_Duurzaamheid_and_Doelgroepen_after_Witte_vlekken_with_the_cells_of_the_CSVs()
    {
        var (_, v2) = await PublishBothAsync();
        using var wb = new XLWorkbook(Path.Combine(v2.Folder, PublicationService.Workbook));
        Assert.Equal(["Toelichting", "Scores per thema", "Programma's", "Effecten", "Witte vlekken", "Duurzaamheid", "Doelgroepen", "Suggesties", "Datakwaliteit"],
            wb.Worksheets.Select(w => w.Name));

        var duurzaamheid = wb.Worksheet("Duurzaamheid");
        var programmes = Read(v2.Folder, "duurzaamheid_programma_thema");
        var second = programmes.Count + 3;
        AssertBlock(duurzaamheid, 1, PublicationTables.DuurzaamheidProgrammaThema, v2.Folder);
        AssertBlock(duurzaamheid, second, PublicationTables.DuurzaamheidGemeenteThema, v2.Folder);
        var doelgroepen = wb.Worksheet("Doelgroepen");
        AssertBlock(doelgroepen, 1, PublicationTables.EffectenDoelgroep, v2.Folder);
        Assert.Contains(doelgroepen.CellsUsed(), c => c.GetString() == "< 0.0001");

        var toelichting = string.Join("\n", wb.Worksheet("Toelichting").CellsUsed().Select(c => c.GetString()));
        Assert.Contains("Duurzaamheid en doelgroepen (methode v2)", toelichting);
        Assert.Contains("Behoud (%)", toelichting);
        Assert.Contains("terugval", toelichting);
        Assert.Contains("twee instrumenten met elk 6 tripels", toelichting);
        Assert.Contains("geen bewijs", toelichting);
        Assert.Contains("gemiddelde veranderingen, geen gemiddelde scores", toelichting);
    }

    /// <summary>Every cell of a block equals the CSV cell: numbers by value, emptied cells as "&lt; 10", p below 0.00005 as "&lt; 0.0001", text as text.</summary>
    private static void AssertBlock(IXLWorksheet ws, int top, TableSpec spec, string folder)
    {
        var (header, rows) = CsvTableReader.ReadText(File.ReadAllBytes(Path.Combine(folder, spec.FileName)));
        Assert.Equal(spec.Columns.Select(c => c.Header), Enumerable.Range(1, spec.Columns.Count).Select(c => ws.Cell(top, c).GetString()));
        Assert.Equal(spec.Columns.Select(c => c.Name), header);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < header.Count; c++)
            {
                var cell = ws.Cell(top + r + 1, c + 1);
                var text = rows[r][c];
                var column = spec.Columns[c];
                if (text.Length == 0)
                {
                    Assert.True(cell.IsEmpty() || cell.GetString() == "< 10", $"{spec.Name} {r} {column.Name}: {cell.GetString()}");
                }
                else if (column.LessThanInWorkbook && text == "0.0000")
                {
                    Assert.Equal("< 0.0001", cell.GetString());
                }
                else if (column.Type is ColumnType.Number or ColumnType.Integer)
                {
                    Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), cell.GetValue<double>());
                }
                else if (column.Type == ColumnType.Boolean)
                {
                    Assert.Equal(text == "true" ? "ja" : "nee", cell.GetString());
                }
                else
                {
                    Assert.Equal(text, cell.GetString());
                }
            }
        }
    }

    [Fact]
    public async Task The_data_package_has_a_resource_with_schema_and_primary_key_per_new_CSV_and_version_v2()
    {
        var (_, v2) = await PublishBothAsync();
        using var package = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(v2.Folder, PublicationService.DataPackage)));
        Assert.Equal("v2", package.RootElement.GetProperty("version").GetString());
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(12, resources.Count);
        foreach (var spec in PublicationTables.MethodeV2)
        {
            var resource = resources[spec.Name];
            var bytes = await File.ReadAllBytesAsync(Path.Combine(v2.Folder, spec.FileName));
            Assert.Equal(spec.FileName, resource.GetProperty("path").GetString());
            Assert.Equal(bytes.LongLength, resource.GetProperty("bytes").GetInt64());
            Assert.Equal(DataPackageWriter.Hash(bytes), resource.GetProperty("hash").GetString());
            var schema = resource.GetProperty("schema");
            Assert.Equal(spec.Columns.Select(c => c.Name), schema.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Equal(spec.Columns.Select(c => DataPackageWriter.SchemaType(c.Type)), schema.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("type").GetString()));
            Assert.Equal(spec.PrimaryKey, schema.GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()));
            // The primary key is unique in the file.
            var (header, rows) = CsvTableReader.ReadText(bytes);
            var keys = rows.Select(r => string.Join('|', spec.PrimaryKey.Select(k => r[header.ToList().IndexOf(k)]))).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
        }
    }
}
