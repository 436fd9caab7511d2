using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Tests.Publication;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;
using Xunit.Abstractions;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// The independent attacker, extended with R7–R10 (<see cref="LinearAttacker"/>), against v2 publications with only
/// the primary rule and after the audit (issue 15: "finds every emptied count of a v2 publication with only primary
/// suppression and none after the audit").
/// <para>
/// Literally, "every emptied count" holds on a publication built for it (<see cref="SyntheticV2Publication"/>: each
/// small count the only small one of a sum): there the attacker recovers every primary count of every table exactly.
/// It cannot hold in general: a primary count that is the only emptied cell of a sum (R1–R3, R8, R9, R10) is
/// recovered exactly, but a count escapes when (a) every sum it takes part in holds a second small count whose
/// published total leaves both their whole range (in the hand-made run <see cref="MethodeV2Run"/>, Valkenburg's
/// <c>weerbaarheid</c>: VAL-2025-05 with 3 and VAL-2025-08 with 7 triples, the municipality's 10 published; each could
/// be anything from 1 to 9), or (b) it takes part in inequalities only, which a published or narrowed neighbour
/// already satisfies: an instrument's <c>tripels</c> enter only <c>tripels ≤ paren</c> and <c>max_i ≤ tripels_pt ≤
/// Σ_i</c> (R8), so beside a second instrument of the same programme any value 1 … 9 fits (on the sample drop V006
/// <c>weerbaarheid</c>, SDQ_EMOTIE and RSES with 8 triples each; in the hand-made run MST-2025-001
/// <c>opvoedvaardigheden</c>, OBVL_TOTAAL 3 beside NOSIK_TOTAAL 92 and the programme's 92).
/// </para>
/// <para>
/// So on every publication the precise statement is asserted (<see cref="Classify"/>): every primary count alone in a
/// sum is recovered exactly, and every primary count the attacker leaves at its baseline is alone in no sum; with the
/// literal statement per table where it holds: on the sample drop in every table but <c>duurzaamheid_effecten</c>
/// (case b only), on the hand-made run in the v1 tables, <c>duurzaamheid_gemeente_thema</c> and
/// <c>effecten_doelgroep</c>. After the audit the attacker narrows no primary count, in any table, and on the sample
/// the region's rows of <c>duurzaamheid_gemeente_thema</c> are all published (the choice by level,
/// <see cref="Preventiemonitor.Reports.Disclosure.CellLevel"/>).
/// </para>
/// </summary>
public sealed class MethodeV2AttackerTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int KMin = 10;

    /// <summary>The tables in which, on the sample drop, every primary count is narrowed with the primary rule alone.</summary>
    private static readonly string[] EveryCountNarrowedOnTheSample =
    [
        "programmas", "effecten", "scores_programma_thema", "scores_gemeente_thema",
        "duurzaamheid_programma_thema", "duurzaamheid_gemeente_thema", "effecten_doelgroep",
    ];

    /// <summary>The tables in which, on the hand-made v2 run (<see cref="MethodeV2Run"/>), every primary count is narrowed with the primary rule alone.</summary>
    private static readonly string[] EveryCountNarrowedOnTheHandMadeRun =
        ["programmas", "effecten", "scores_programma_thema", "scores_gemeente_thema", "duurzaamheid_gemeente_thema", "effecten_doelgroep"];

    private readonly string _out = TestCluster.CreateTempHome("pm-v2-aanval-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Primary_suppression_alone_lets_the_attacker_narrow_every_emptied_count_of_a_generated_v2_publication()
    {
        var publication = SyntheticV2Publication.Generate(seed: 15, municipalities: 4);
        var folder = Path.Combine(_out, "gegenereerd");
        publication.Write(folder, primaryBelow: KMin);
        var truth = publication.Truth;

        var (narrowed, kept) = Classify(folder, (file, row, column) => truth[$"{file}[{row}].{column}"]);

        output.WriteLine($"gegenereerd, alleen primair: {narrowed.Count} aantallen smaller dan hun basis, {kept.Count} niet");
        Assert.Empty(kept);
        foreach (var table in PublishedCsv.KeyColumns.Keys)
        {
            Assert.Contains(narrowed, c => c.File == table);
        }

        Assert.All(narrowed, c => Assert.True(c.IsExact && Math.Abs(c.Low - truth[LinearAttacker.Id(c)]) < 1e-6, $"{c}, waar {truth[LinearAttacker.Id(c)]}"));
    }

    [Fact]
    public async Task On_the_sample_drop_primary_suppression_alone_exposes_every_count_alone_in_a_sum_and_the_audited_publication_none()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance)
            .RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);

        var published = await AttackAsync(db, run.Id, "sample", EveryCountNarrowedOnTheSample);

        // The choice by level spares the region: on the sample every region row of duurzaamheid_gemeente_thema is published.
        Assert.All(PublishedCsv.Read(published, "duurzaamheid_gemeente_thema").Where(r => r["gemeente"] == "REGIO"),
            r => Assert.True(r["tripels"] != "" && r["g_t2"] != "" && r["onderdrukt"] == "false", r["_key"]));
    }

    [Fact]
    public async Task On_the_hand_made_v2_run_primary_suppression_alone_exposes_every_count_alone_in_a_sum_and_the_audited_publication_none()
    {
        var runs = await MethodeV2PublicationTests.ScoreAsync(fixture);

        await AttackAsync(runs.Db, runs.V2, "handgemaakt", EveryCountNarrowedOnTheHandMadeRun);
    }

    /// <summary>
    /// Attacks run <paramref name="runId"/>'s tables after the primary rule alone (the precise statement of <see cref="Classify"/>;
    /// every primary count of <paramref name="literal"/> narrowed) and its audited publication (none narrowed); returns the
    /// publication's folder.
    /// </summary>
    private async Task<string> AttackAsync(NpgsqlDataSource db, long runId, string name, string[] literal)
    {
        var truthFolder = await WriteAsync(name + "-onbeschermd", db, runId, primaryOnly: false);
        var primaryOnly = await WriteAsync(name + "-alleen-primair", db, runId, primaryOnly: true);
        var values = PublishedCsv.KeyColumns.Keys
            .SelectMany(t => PublishedCsv.Read(truthFolder, t).Select(r => (t, r)))
            .ToDictionary(x => $"{x.t}[{x.r["_key"]}]", x => x.r);
        double Truth(string file, string row, string column) => PublishedCsv.Number(values[$"{file}[{row}]"][column]);

        var (narrowed, kept) = Classify(primaryOnly, Truth);
        output.WriteLine($"{name}, alleen primair: {narrowed.Count} aantallen smaller dan hun basis, {kept.Count} niet:");
        kept.ForEach(c => output.WriteLine($"  {c}, waar {Truth(c.File, c.Row, c.Column)}"));
        Assert.Contains(narrowed, c => c.File.Contains("duurzaamheid", StringComparison.Ordinal) || c.File == "effecten_doelgroep");
        foreach (var table in literal)
        {
            Assert.DoesNotContain(kept, c => c.File == table);
        }

        // The audited publication: every primary count keeps its baseline range.
        var published = (await new PublicationService(db, NullLogger<PublicationService>.Instance)
            .PublishAsync(runId, name, _out, "test", CancellationToken.None)).Folder;
        var after = Classify(published, Truth);
        output.WriteLine($"{name}, gepubliceerd: {after.Narrowed.Count + after.Kept.Count} primaire aantallen, {after.Narrowed.Count} smaller dan hun basis");
        Assert.Contains(after.Kept, c => c.File == "effecten_doelgroep" || c.File.Contains("duurzaamheid", StringComparison.Ordinal));
        Assert.Empty(after.Narrowed);
        return published;
    }

    /// <summary>
    /// The primary counts (true value below k_min) of a publication folder, split into those the attacker narrows
    /// beyond their baseline and those it does not; asserts the precise statement on the way: a primary count that is
    /// the only emptied cell of a sum is recovered exactly, and one left at its baseline is the only emptied cell of no sum.
    /// </summary>
    private static (List<AttackedCell> Narrowed, List<AttackedCell> Kept) Classify(string folder, Func<string, string, string, double> truth)
    {
        (double, double) Knowledge(string file, string row, string column) =>
            truth(file, row, column) < KMin ? (1, KMin - 1) : (KMin, double.PositiveInfinity);
        var attacked = LinearAttacker.Attack(folder, nMin: KMin, Knowledge);
        var baseline = LinearAttacker.Attack(folder, nMin: KMin, Knowledge, forget: true).ToDictionary(LinearAttacker.Id);
        var emptied = attacked.Select(LinearAttacker.Id).ToHashSet();
        var sums = LinearAttacker.Sums(folder, KMin, Knowledge);
        bool Alone(AttackedCell c) => sums.Any(s => s.Contains(LinearAttacker.Id(c)) && s.Count(emptied.Contains) == 1);

        var primary = attacked.Where(c => truth(c.File, c.Row, c.Column) < KMin).ToList();
        foreach (var c in primary.Where(Alone))
        {
            Assert.True(c.IsExact && Math.Abs(c.Low - truth(c.File, c.Row, c.Column)) < 1e-6, $"{c} staat alleen in een som maar is niet precies bekend");
        }

        var narrowed = primary.Where(c => baseline[LinearAttacker.Id(c)] is var b && (Math.Abs(c.Low - b.Low) > 1e-5 || Math.Abs(c.High - b.High) > 1e-5)).ToList();
        var kept = primary.Except(narrowed).ToList();
        Assert.All(kept, c => Assert.False(Alone(c), $"{c} staat alleen in een som"));
        return (narrowed, kept);
    }

    /// <summary>Writes a run's tables: unsuppressed, or after the primary rule only.</summary>
    private async Task<string> WriteAsync(string name, NpgsqlDataSource db, long runId, bool primaryOnly)
    {
        var folder = Path.Combine(_out, name);
        Directory.CreateDirectory(folder);
        var data = await new PublicationBuilder(db).BuildAsync(runId, CancellationToken.None);
        if (primaryOnly)
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
