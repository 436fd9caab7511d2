using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Tests.Publication;
using Preventiemonitor.TestSupport;
using Xunit.Abstractions;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// The independent attacker, extended with R7–R10 (<see cref="LinearAttacker"/>), against a v2 publication
/// of the sample drop (<see cref="MethodeV2Run"/>): with only the primary rule it narrows emptied counts
/// beyond what the markers allow; after the audit it narrows none, in any table.
/// </summary>
public sealed class MethodeV2AttackerTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int KMin = 10;
    private readonly string _out = TestCluster.CreateTempHome("pm-v2-aanval-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Primary_suppression_alone_is_broken_and_the_audited_v2_publication_is_not()
    {
        var runs = await MethodeV2PublicationTests.ScoreAsync(fixture);
        var truth = await WriteAsync("onbeschermd", runs, primaryOnly: null);
        var primaryOnly = await WriteAsync("alleen-primair", runs, primaryOnly: true);
        var values = PublishedCsv.KeyColumns.Keys
            .SelectMany(t => PublishedCsv.Read(truth, t).Select(r => (t, r)))
            .ToDictionary(x => (x.t, x.r["_key"]), x => x.r);
        (double, double) Knowledge(string file, string row, string column) =>
            PublishedCsv.Number(values[(file, row)][column]) < KMin ? (1, KMin - 1) : (KMin, double.PositiveInfinity);

        // Only the primary rule: the reader narrows emptied counts, also in the v2 tables (R7–R10).
        var broken = Narrowed(primaryOnly, Knowledge);
        output.WriteLine($"alleen primair: {broken.Count} aantallen smaller dan hun basis, waarvan {broken.Count(c => c.File.Contains("duurzaamheid") || c.File == "effecten_doelgroep")} in de v2-tabellen");
        Assert.NotEmpty(broken);
        Assert.Contains(broken, c => c.File.Contains("duurzaamheid", StringComparison.Ordinal) || c.File == "effecten_doelgroep");

        // The publication as written: every primary count keeps its baseline range.
        var published = (await new PublicationService(runs.Db, NullLogger<PublicationService>.Instance)
            .PublishAsync(runs.V2, "v2", _out, "test", CancellationToken.None)).Folder;
        var attacked = LinearAttacker.Attack(published, nMin: 10, Knowledge);
        Assert.Contains(attacked, c => c.File == "effecten_doelgroep" || c.File.Contains("duurzaamheid", StringComparison.Ordinal));
        var narrowed = Narrowed(published, Knowledge);
        output.WriteLine($"gepubliceerd: {attacked.Count} leeggemaakte aantallen, {narrowed.Count} smaller dan hun basis");
        Assert.Empty(narrowed);
    }

    /// <summary>The primary counts (true value below k_min) whose attacked range is narrower than their baseline.</summary>
    private static List<AttackedCell> Narrowed(string folder, Func<string, string, string, (double, double)> knowledge)
    {
        var attacked = LinearAttacker.Attack(folder, nMin: 10, knowledge);
        var baseline = LinearAttacker.Attack(folder, nMin: 10, knowledge, forget: true).ToDictionary(c => (c.File, c.Row, c.Column));
        return [.. attacked.Where(c => knowledge(c.File, c.Row, c.Column).Item2 < KMin)
            .Where(c => baseline[(c.File, c.Row, c.Column)] is var b && (Math.Abs(c.Low - b.Low) > 1e-5 || Math.Abs(c.High - b.High) > 1e-5))];
    }

    /// <summary>Writes the v2 run's tables: unsuppressed (<paramref name="primaryOnly"/> null) or after the primary rule only.</summary>
    private async Task<string> WriteAsync(string name, MethodeV2PublicationTests.Runs runs, bool? primaryOnly)
    {
        var folder = Path.Combine(_out, name);
        Directory.CreateDirectory(folder);
        var data = await new PublicationBuilder(runs.Db).BuildAsync(runs.V2, CancellationToken.None);
        if (primaryOnly == true)
        {
            DisclosureControl.Apply(data.Tables, KMin);
        }

        foreach (var table in data.Tables)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, table.Spec.FileName), CsvTableWriter.Write(table));
        }

        return folder;
    }
}
