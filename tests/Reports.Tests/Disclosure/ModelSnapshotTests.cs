using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Disclosure;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// The linked-cell models the publication of the sample year (samples/drop, 2025, method v2) builds, stage 1 and
/// stage 2, written out in full (every cell with its kind, values, domain, emptiability and carriers; every relation
/// with its id, kind, terms and bounds; the cells emptied before and the last resorts) against the committed dump
/// <c>Disclosure/Snapshots/sample-2025-model.txt</c>, written by the model builder before its keys were shared
/// (issue 14). And every key a model holds is the one instance of that cell: a relation's terms, a cell's carriers
/// and the model's own sets refer to the key object of <see cref="LinkedCellModel.Cells"/>, one row text per row.
/// </summary>
public sealed class ModelSnapshotTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly string Snapshot = Path.Combine(AttackerTests.Repository, "tests", "Reports.Tests", "Disclosure", "Snapshots", "sample-2025-model.txt");

    private static async Task<List<LinkedCellModel>> SampleModelsAsync(DatabaseFixture fixture)
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        var data = await new PublicationBuilder(db).BuildAsync(run.Id, CancellationToken.None);
        var models = new List<LinkedCellModel>();
        PublicationDisclosure.Protect(data.Tables, data.Run.KMin, (int)data.Run.Parameters["n_min"], model =>
        {
            models.Add(model);
            return SecondarySuppressor.Protect(model);
        });
        return models;
    }

    [Fact]
    public async Task The_models_of_the_sample_year_equal_the_committed_dump_and_share_one_key_per_cell()
    {
        var models = await SampleModelsAsync(fixture);
        Assert.True(models.Count >= 2, $"verwacht twee fasen, kreeg {models.Count} modellen");
        Assert.True(models[^1].Cells.Keys.Any(k => DisclosureKeys.MethodeV2Tables.Contains(k.Table)), "het laatste model heeft geen cellen van de v2-tabellen");

        var actual = string.Join("", models.Select((m, i) => Dump(m, $"model {i + 1}")));
        var expected = await File.ReadAllTextAsync(Snapshot);
        if (expected != actual)
        {
            var written = Path.Combine(AppContext.BaseDirectory, "sample-2025-model.actual.txt");
            await File.WriteAllTextAsync(written, actual);
            var (e, a) = (expected.Split('\n'), actual.Split('\n'));
            var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
            Assert.Fail($"Het model wijkt af van {Snapshot} (volledig: {written}), regel {first + 1}:\nverwacht {e.ElementAtOrDefault(first)}\nkreeg    {a.ElementAtOrDefault(first)}");
        }

        foreach (var model in models)
        {
            // A cell without relations (and one the model does not know) has an empty list that can be walked.
            Assert.Empty(model.RelationsOf(new CellKey("geen_tabel", "GEEN|rij", "geen_kolom")).ToList());
            AssertOneInstancePerCell(model);
        }
    }

    private static void AssertOneInstancePerCell(LinkedCellModel model)
    {
        var instances = model.Cells.ToDictionary(c => c.Key, c => c.Key);
        void Same(CellKey key, string where) => Assert.True(ReferenceEquals(instances[key], key), $"{where}: {key} is een tweede exemplaar van de sleutel");
        foreach (var (key, cell) in model.Cells)
        {
            Assert.Same(key, cell.Key);
            foreach (var carrier in cell.CarriedBy)
            {
                Same(carrier, $"drager van {key}");
            }
        }

        foreach (var relation in model.Relations)
        {
            foreach (var key in relation.Cells)
            {
                Same(key, $"relatie {relation.Id}");
            }
        }

        foreach (var key in model.EmptiedBefore.Concat(model.LastResort))
        {
            Same(key, "vooraf leeggemaakt of laatste redmiddel");
        }

        var rows = model.Cells.Keys.GroupBy(k => (k.Table, k.Row));
        Assert.All(rows, row => Assert.Single(row.Select(k => k.Row).Distinct(ReferenceEqualityComparer.Instance)));
    }

    /// <summary>The model as text: cells in key order, relations in their order, numbers round-trip exact.</summary>
    internal static string Dump(LinkedCellModel model, string title)
    {
        static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {title}: k_min {model.KMin}, kiest op niveau {model.ChoosesByLevel}, plafond {N(model.Ceiling)}\n");
        foreach (var cell in model.Cells.Values.OrderBy(c => c.Key))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"cel {cell.Key} {cell.Kind} {N(cell.Value)} {N(cell.Truth)} ±{N(cell.HalfWidth)} [{N(cell.Domain.Low)}, {N(cell.Domain.High)}] "
                + $"{(cell.Emptiable ? "leeg te maken" : "vast")} niveau {model.LevelOf(cell.Key)} dragers [{string.Join(", ", cell.CarriedBy)}]\n");
        }

        foreach (var relation in model.Relations)
        {
            text.Append(CultureInfo.InvariantCulture, $"relatie {relation.Id} ({relation.GetType().Name}{(relation.Implied ? ", afgeleid" : "")}"
                + $"{(relation.IsStructural(model) ? ", structureel" : "")}{(model.IsWide(relation) ? ", breed" : "")}): {Describe(relation)}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"vooraf leeggemaakt: {string.Join(", ", model.EmptiedBefore.Order())}\n");
        text.Append(CultureInfo.InvariantCulture, $"laatste redmiddel: {string.Join(", ", model.LastResort.Order())}\n");
        return text.ToString();

        static string Terms(IEnumerable<LinearTerm> terms) => string.Join(" + ", terms.Select(t => $"{N(t.Coefficient)}·{t.Cell}"));
        static string Describe(DisclosureRelation relation) => relation switch
        {
            LinearRelation r => $"{N(r.Lower)} ≤ {Terms(r.Terms)} ≤ {N(r.Upper)}",
            WeightedMeanRelation r => $"{r.Mean} · {r.TotalWeight} = {Terms(r.Parts)}",
            EffectCountRelation r => $"{r.Count} ~ {r.G}, {r.CiLow}, {r.CiHigh}",
            _ => string.Join(", ", relation.Cells),
        };
    }
}
