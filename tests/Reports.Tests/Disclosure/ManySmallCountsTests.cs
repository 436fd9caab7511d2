using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Disclosure;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.ScaleGenerator;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;
using Xunit.Abstractions;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// Issue 14: a generated v2 year with many small counts (tools/ScaleGenerator <c>--klein</c>: 30% of the programmes
/// have 1 … 9 participants), protected by the publication's disclosure control, and attacked by the independent
/// attacker (<see cref="LinearAttacker"/> with R7–R10): it narrows no primary count beyond its baseline, so a speed-up
/// that broke the protection fails here. At this size every component is below <see cref="ComponentLimits.Default"/>, so the
/// bounded paths (blocks without the wide relations, binding candidates, futile counts put aside) are reached with the limits
/// lowered: the year is published, the engine's own final audit passes, and the attacker narrows no primary count.
/// </summary>
public sealed class ManySmallCountsTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int KMin = 10;

    private readonly string _out = TestCluster.CreateTempHome("pm-v2-klein-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task A_v2_year_with_many_small_counts_is_protected_and_the_attacker_narrows_no_emptied_count()
    {
        var primary = await PublishAndAttackAsync(new ScaleDropOptions { Rijen = 10_000, Programmas = 40, Gemeenten = 2, Klein = 0.3 }, null);
        Assert.True(primary.Count > 60, $"te weinig kleine aantallen: {primary.Count}");
        Assert.Contains(primary, c => c.File == "effecten_doelgroep" || c.File.Contains("duurzaamheid", StringComparison.Ordinal));
    }

    /// <summary>
    /// The bounded paths on a year small enough for a test: limits far below <see cref="ComponentLimits.Default"/> make the
    /// region's R4 cut the components into blocks (20/8 refused the first year before: pruning a region's mean published it
    /// again while its R4, cut from every block, narrowed the blocks' counts).
    /// </summary>
    [Theory]
    [InlineData(40, 2, 20250614UL, 20, 8)]
    [InlineData(40, 2, 7UL, 20, 8)]
    [InlineData(20, 3, 11UL, 12, 5)]
    [InlineData(40, 2, 20250614UL, 40, 15)]
    public async Task With_low_limits_a_v2_year_is_published_and_the_attacker_narrows_no_emptied_count(
        int programmas, int gemeenten, ulong seed, int exact, int large)
    {
        var primary = await PublishAndAttackAsync(
            new ScaleDropOptions { Rijen = 8_000, Programmas = programmas, Gemeenten = gemeenten, Klein = 0.3, Seed = seed },
            new ComponentLimits(exact, large));
        Assert.True(primary.Count > 20, $"te weinig kleine aantallen: {primary.Count}");
    }

    /// <summary>
    /// The cause of the refusal at low limits: a region's mean, emptied, constrains nothing; published again, its R4 fixes a
    /// weighted sum of the programmes of both municipalities. In a block that R4 is cut, so the mean's own component is the mean
    /// alone: pruning must check the blocks its cut relation reaches (<see cref="LinkedComponent.Around"/>), which hold primary counts.
    /// </summary>
    [Fact]
    public async Task Publishing_a_region_mean_again_reaches_the_blocks_of_its_cut_relation()
    {
        var drop = Path.Combine(_out, "drop");
        ScaleDrop.Write(drop, new ScaleDropOptions { Rijen = 8_000, Programmas = 40, Gemeenten = 2, Klein = 0.3 });
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(drop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance)
            .RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        var data = await new PublicationBuilder(db).BuildAsync(run.Id, CancellationToken.None);
        var checkedMeans = 0;
        PublicationDisclosure.Protect(data.Tables, KMin, KMin, full =>
        {
            var model = full.WithLimits(new ComponentLimits(20, 8));
            var state = SuppressionState.Primary(model);
            foreach (var mean in model.Cells.Keys.Where(k => k.Table == "scores_gemeente_thema" && k.Row.StartsWith("REGIO|", StringComparison.Ordinal) && k.Column == "score"))
            {
                var own = LinkedComponent.Of(state, mean);
                if (!own.IsBlock)
                {
                    continue;
                }

                var around = LinkedComponent.Around(state, mean);
                var primaries = around.SelectMany(c => c.Variables).Where(k => state.Emptied.Contains(k) && model.IsPrimary(model.Cells[k])).ToList();
                Assert.DoesNotContain(own.Variables, k => state.Emptied.Contains(k) && model.IsPrimary(model.Cells[k]));
                Assert.NotEmpty(own.Cut);
                Assert.True(around.Count > 1, $"{mean}: {around.Count} componenten");
                Assert.True(primaries.Select(k => k.Row.Split('|')[0]).Distinct().Count() > 1, $"{mean}: {string.Join(", ", primaries)}");
                checkedMeans++;
            }

            return SecondarySuppressor.Protect(model);
        });
        Assert.True(checkedMeans > 0);
    }

    /// <summary>
    /// Generates, ingests, scores and publishes the year (protected with <paramref name="limits"/>, or the default), asserts that
    /// the attacker narrows no primary count beyond its baseline, and returns the attacked primary counts.
    /// </summary>
    private async Task<List<AttackedCell>> PublishAndAttackAsync(ScaleDropOptions options, ComponentLimits? limits)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var drop = Path.Combine(_out, "drop");
        ScaleDrop.Write(drop, options);
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(drop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance)
            .RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        var truth = await WriteAsync(db, run.Id, "onbeschermd", protect: null);
        var scored = watch.Elapsed;
        var published = await WriteAsync(db, run.Id, "beschermd",
            limits is null ? SecondarySuppressor.Protect : m => SecondarySuppressor.Protect(m.WithLimits(limits)));
        var protection = watch.Elapsed;

        var values = PublishedCsv.KeyColumns.Keys
            .SelectMany(t => PublishedCsv.Read(truth, t).Select(r => (t, r)))
            .ToDictionary(x => (x.t, x.r["_key"]), x => x.r);
        (double, double) Knowledge(string file, string row, string column) =>
            PublishedCsv.Number(values[(file, row)][column]) < KMin ? (1, KMin - 1) : (KMin, double.PositiveInfinity);
        var attacked = LinearAttacker.Attack(published, KMin, Knowledge);
        var baseline = LinearAttacker.Attack(published, KMin, Knowledge, forget: true).ToDictionary(c => (c.File, c.Row, c.Column));
        var primary = attacked.Where(c => Knowledge(c.File, c.Row, c.Column).Item2 < KMin).ToList();
        var narrowed = primary.Where(c => baseline[(c.File, c.Row, c.Column)] is var b && (Math.Abs(c.Low - b.Low) > 1e-5 || Math.Abs(c.High - b.High) > 1e-5)).ToList();

        output.WriteLine($"{run.Programmas} programma's: {attacked.Count} leeggemaakte aantallen, {primary.Count} primair, {narrowed.Count} smaller dan hun basis; " +
            $"gegenereerd, ingelezen en berekend in {scored.TotalSeconds:0.0} s, beschermd in {(protection - scored).TotalSeconds:0.0} s, aanval {(watch.Elapsed - protection).TotalSeconds:0.0} s");
        narrowed.ForEach(c => output.WriteLine($"  {c}"));
        var emptied = string.Join("\n", attacked.Select(c => $"{c.File}[{c.Row}].{c.Column}").Order(StringComparer.Ordinal));
        output.WriteLine($"  hash van de leeggemaakte aantallen: {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(emptied)))[..16]}");
        Assert.Empty(narrowed);
        return primary;
    }

    /// <summary>Writes the run's tables: unprotected (<paramref name="protect"/> null) or protected by the publication's disclosure control with that engine.</summary>
    private async Task<string> WriteAsync(Npgsql.NpgsqlDataSource db, long runId, string name, Func<LinkedCellModel, SuppressionResult>? protect)
    {
        var folder = Path.Combine(_out, name);
        Directory.CreateDirectory(folder);
        var data = await new PublicationBuilder(db).BuildAsync(runId, CancellationToken.None);
        if (protect is not null)
        {
            var result = PublicationDisclosure.Protect(data.Tables, KMin, KMin, protect);
            Assert.True(result.Audit.Passed);
        }

        foreach (var table in data.Tables)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, table.Spec.FileName), CsvTableWriter.Write(table));
        }

        return folder;
    }
}
