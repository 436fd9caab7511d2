using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;
using Xunit.Abstractions;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// A real method v2 run of <c>samples/drop</c> with n_min = k_min other than 10 publishes, and the
/// independent attacker (<see cref="LinearAttacker"/> with R7–R10) narrows no emptied count beyond its
/// baseline. At 12 the second stage of the audit cannot protect some counts with the v2 tables alone (R9
/// bounds a municipality's <c>paren</c> by its primary age groups, and a sibling programme's published
/// counts then narrow a primary one) and empties cells of the v1 tables as a last resort.
/// </summary>
public sealed class MethodeV2KMinTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _out = TestCluster.CreateTempHome("pm-v2-kmin-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(15)]
    public async Task A_v2_run_with_n_min_and_k_min_publishes_and_the_attacker_narrows_no_emptied_count(int kMin)
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var parameters = new MethodParameters { Versie = MethodVersions.V2, NMin = kMin, KMin = kMin };
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, parameters, "test", CancellationToken.None);
        var published = (await new PublicationService(db, NullLogger<PublicationService>.Instance)
            .PublishAsync(run.Id, $"k{kMin}", _out, "test", CancellationToken.None)).Folder;

        var truth = Path.Combine(_out, "onbeschermd");
        Directory.CreateDirectory(truth);
        foreach (var table in (await new PublicationBuilder(db).BuildAsync(run.Id, CancellationToken.None)).Tables)
        {
            await File.WriteAllBytesAsync(Path.Combine(truth, table.Spec.FileName), CsvTableWriter.Write(table));
        }

        var values = PublishedCsv.KeyColumns.Keys
            .SelectMany(t => PublishedCsv.Read(truth, t).Select(r => (t, r)))
            .ToDictionary(x => (x.t, x.r["_key"]), x => x.r);
        (double, double) Knowledge(string file, string row, string column) =>
            PublishedCsv.Number(values[(file, row)][column]) < kMin ? (1, kMin - 1) : (kMin, double.PositiveInfinity);

        using (var package = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(published, PublicationService.DataPackage))))
        {
            var onthulling = package.RootElement.GetProperty("preventiemonitor").GetProperty("onthulling");
            Assert.Equal(kMin, onthulling.GetProperty("k_min").GetInt32());
            Assert.Equal("geslaagd", onthulling.GetProperty("audit").GetString());
        }

        var attacked = LinearAttacker.Attack(published, kMin, Knowledge);
        var baseline = LinearAttacker.Attack(published, kMin, Knowledge, forget: true).ToDictionary(c => (c.File, c.Row, c.Column));
        var primary = attacked.Where(c => Knowledge(c.File, c.Row, c.Column).Item2 < kMin).ToList();
        Assert.Contains(primary, c => c.File == "effecten_doelgroep" || c.File.Contains("duurzaamheid", StringComparison.Ordinal));
        var narrowed = primary.Where(c => baseline[(c.File, c.Row, c.Column)] is var b && (Math.Abs(c.Low - b.Low) > 1e-5 || Math.Abs(c.High - b.High) > 1e-5)).ToList();
        output.WriteLine($"k_min {kMin}: {attacked.Count} leeggemaakte aantallen, {primary.Count} primair, {narrowed.Count} smaller dan hun basis");
        Assert.Empty(narrowed);
    }
}
