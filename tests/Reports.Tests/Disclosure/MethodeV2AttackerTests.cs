using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Tests.Publication;
using Preventiemonitor.TestSupport;
using Xunit.Abstractions;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// The independent attacker, extended with R7–R10 (<see cref="LinearAttacker"/>), against v2 publications with only
/// the primary rule and after the audit (issue 15: "finds every emptied count of a v2 publication with only primary
/// suppression and none after the audit").
/// <para>
/// Literally, "every emptied count" holds on a publication built for it (<see cref="SyntheticV2Publication"/>: each
/// small count the only small one of a sum): there the attacker narrows every primary count of every table beyond its
/// baseline. It cannot hold in general, and does not on the sample drop: a primary count that is the only emptied cell
/// of a sum (R1–R3, R8, R9, R10) is recovered exactly, but a count escapes when (a) every sum it takes part in holds a
/// second small count whose published total leaves both their whole range (Valkenburg's <c>weerbaarheid</c>:
/// VAL-2025-05 with 3 and VAL-2025-08 with 7 triples, the municipality's 10 published: each could be anything from 1
/// to 9), or (b) it takes part in inequalities only (R6 and R8 between a programme and its instruments, R9 for age
/// groups) that a large published neighbour already satisfies (MST-2025-001 <c>opvoedvaardigheden</c>: OBVL_TOTAAL 3
/// triples beside NOSIK_TOTAAL 92 and the programme's 92; max ≤ 92 ≤ sum holds for any value). So on the sample the
/// precise statement is asserted: every primary count alone in a sum is recovered exactly, every primary count the
/// attacker leaves at its baseline is alone in no sum, and in the tables where it holds on the sample (the four v1
/// tables, <c>duurzaamheid_gemeente_thema</c>, <c>effecten_doelgroep</c>) every primary count is narrowed. After the
/// audit no count is narrowed, in any table, and the region's rows of <c>duurzaamheid_gemeente_thema</c> are all
/// published (the choice by level, <see cref="Preventiemonitor.Reports.Disclosure.CellLevel"/>).
/// </para>
/// </summary>
public sealed class MethodeV2AttackerTests(DatabaseFixture fixture, ITestOutputHelper output) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const int KMin = 10;

    /// <summary>The tables in which, on the sample drop, every primary count is narrowed with the primary rule alone.</summary>
    private static readonly string[] EveryCountNarrowedOnTheSample =
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
    public async Task Primary_suppression_alone_exposes_every_count_alone_in_a_sum_and_the_audited_v2_publication_none()
    {
        var runs = await MethodeV2PublicationTests.ScoreAsync(fixture);
        var truthFolder = await WriteAsync("onbeschermd", runs, primaryOnly: false);
        var primaryOnly = await WriteAsync("alleen-primair", runs, primaryOnly: true);
        var values = PublishedCsv.KeyColumns.Keys
            .SelectMany(t => PublishedCsv.Read(truthFolder, t).Select(r => (t, r)))
            .ToDictionary(x => $"{x.t}[{x.r["_key"]}]", x => x.r);
        double Truth(string file, string row, string column) => PublishedCsv.Number(values[$"{file}[{row}]"][column]);

        var (narrowed, kept) = Classify(primaryOnly, Truth);
        output.WriteLine($"alleen primair: {narrowed.Count} aantallen smaller dan hun basis, {kept.Count} niet:");
        kept.ForEach(c => output.WriteLine($"  {c}, waar {Truth(c.File, c.Row, c.Column)}"));
        Assert.Contains(narrowed, c => c.File.Contains("duurzaamheid", StringComparison.Ordinal) || c.File == "effecten_doelgroep");
        foreach (var table in EveryCountNarrowedOnTheSample)
        {
            Assert.DoesNotContain(kept, c => c.File == table);
        }

        // The published v2 publication: every primary count keeps its baseline range.
        var published = (await new PublicationService(runs.Db, NullLogger<PublicationService>.Instance)
            .PublishAsync(runs.V2, "v2", _out, "test", CancellationToken.None)).Folder;
        var after = Classify(published, Truth);
        output.WriteLine($"gepubliceerd: {after.Narrowed.Count + after.Kept.Count} primaire aantallen, {after.Narrowed.Count} smaller dan hun basis");
        Assert.Contains(after.Kept, c => c.File == "effecten_doelgroep" || c.File.Contains("duurzaamheid", StringComparison.Ordinal));
        Assert.Empty(after.Narrowed);

        // The choice by level spares the region: on the sample every region row of duurzaamheid_gemeente_thema is published.
        Assert.All(PublishedCsv.Read(published, "duurzaamheid_gemeente_thema").Where(r => r["gemeente"] == "REGIO"),
            r => Assert.True(r["tripels"] != "" && r["g_t2"] != "" && r["onderdrukt"] == "false", r["_key"]));
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

    /// <summary>Writes the v2 run's tables: unsuppressed, or after the primary rule only.</summary>
    private async Task<string> WriteAsync(string name, MethodeV2PublicationTests.Runs runs, bool primaryOnly)
    {
        var folder = Path.Combine(_out, name);
        Directory.CreateDirectory(folder);
        var data = await new PublicationBuilder(runs.Db).BuildAsync(runs.V2, CancellationToken.None);
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
