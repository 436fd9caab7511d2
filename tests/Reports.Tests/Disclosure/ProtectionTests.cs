using Preventiemonitor.Reports.Disclosure;
using Xunit.Abstractions;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// Generated publications (<see cref="SyntheticPublication"/>: many small programmes, a theme where
/// every municipality has one small programme, a municipality with a single programme, programmes
/// on secondary themes, strongly differing scores) at k_min 5, 10 and 20: the primary rule alone is
/// broken by the independent attacker; after the engine's protection, written in the published
/// format, the attacker narrows no primary count beyond its baseline (what the markers alone allow,
/// computed by the attacker itself with every published value forgotten); the engine is deterministic.
/// </summary>
public sealed class ProtectionTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("disclosure-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    public void The_primary_rule_alone_is_broken_by_the_attacker(int seed, int kMin)
    {
        var input = SyntheticPublication.Generate(seed, municipalities: 6, programmesPerMunicipality: 5, kMin);
        var model = LinkedCellModelBuilder.Build(input);
        var primaryOnly = SuppressionState.Primary(model);

        var attacked = Attack(input, primaryOnly.Emptied.ToHashSet(), kMin, "v1", forget: false);

        Assert.Contains(attacked, c => c.Low > 1 + 1e-5 || c.High < kMin - 1 - 1e-5);
        Assert.False(DisclosureAuditor.Audit(primaryOnly).Passed);
    }

    [Theory]
    [InlineData(1, 5, 5)]
    [InlineData(2, 5, 5)]
    [InlineData(1, 10, 5)]
    [InlineData(2, 10, 5)]
    [InlineData(7, 10, 5)]
    [InlineData(3, 20, 5)]
    [InlineData(4, 20, 5)]
    [InlineData(5, 10, 20)]
    public void No_emptied_count_is_narrowed_beyond_its_baseline(int seed, int kMin, int programmes)
    {
        var input = SyntheticPublication.Generate(seed, municipalities: 6, programmes, kMin);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = SecondarySuppressor.Protect(LinkedCellModelBuilder.Build(input));
        var protection = watch.Elapsed;

        Assert.True(result.Succeeded, result.Reason);
        var emptied = result.Emptied.Keys.ToHashSet();
        var attacked = Attack(input, emptied, kMin, "v2", forget: false);
        var baseline = Attack(input, emptied, kMin, "v2", forget: true).ToDictionary(c => (c.File, c.Row, c.Column));
        var primary = attacked.Where(c => baseline[(c.File, c.Row, c.Column)].High <= kMin - 1).ToList();
        output.WriteLine($"seed {seed}, k_min {kMin}: {input.Programmes.Count} programma's, {result.Primary.Count()} primair, " +
            $"{result.Secondary.Count()} secundair leeggemaakt; {primary.Count(c => c.Low > 1 + 1e-5 || c.High < kMin - 1 - 1e-5)} " +
            $"primaire aantallen met een basisbereik kleiner dan 1 … k_min − 1; bescherming {protection.TotalSeconds:0.0} s, aanval {(watch.Elapsed - protection).TotalSeconds:0.0} s");
        Assert.Equal(result.Primary.Count(), primary.Count);
        Assert.All(primary, c =>
        {
            var b = baseline[(c.File, c.Row, c.Column)];
            Assert.True(Math.Abs(c.Low - b.Low) < 1e-5 && Math.Abs(c.High - b.High) < 1e-5, $"{c} narrower than its baseline {b}");
        });
        Assert.All(result.Audit.Cells.Where(c => c.By == EmptiedBy.Primary), c =>
        {
            Assert.True(c.Passed);
            Assert.Equal(c.Baseline.Low, c.Range.Low, 5);
            Assert.Equal(c.Baseline.High, c.Range.High, 5);
        });
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(7, 10)]
    [InlineData(3, 20)]
    public void Same_input_gives_the_same_emptied_cells_and_files(int seed, int kMin)
    {
        var input = SyntheticPublication.Generate(seed, municipalities: 6, programmesPerMunicipality: 5, kMin);

        var first = SecondarySuppressor.Protect(LinkedCellModelBuilder.Build(input));
        var second = SecondarySuppressor.Protect(LinkedCellModelBuilder.Build(input));

        Assert.Equal(first.Emptied, second.Emptied);
        Assert.Equal(first.Reason, second.Reason);
        SuppressedCsvWriter.Write(Path.Combine(_root, "a"), input, first.Emptied.Keys.ToHashSet());
        SuppressedCsvWriter.Write(Path.Combine(_root, "b"), input, second.Emptied.Keys.ToHashSet());
        foreach (var file in Directory.GetFiles(Path.Combine(_root, "a")))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(_root, "b", Path.GetFileName(file))));
        }
    }

    /// <summary>
    /// Writes the publication with <paramref name="emptied"/> and runs the attacker on it (or, with
    /// <paramref name="forget"/>, its baseline), with the knowledge of §1 taken from the unsuppressed
    /// files: a count below k_min is primary.
    /// </summary>
    private IReadOnlyList<AttackedCell> Attack(DisclosureInput input, IReadOnlySet<CellKey> emptied, int kMin, string name, bool forget)
    {
        var truth = Path.Combine(_root, name + "-truth");
        var published = Path.Combine(_root, name);
        SuppressedCsvWriter.Write(truth, input, new HashSet<CellKey>());
        SuppressedCsvWriter.Write(published, input, emptied);
        var values = PublishedCsv.V1Tables
            .SelectMany(t => PublishedCsv.Read(truth, t).Select(r => (t, r)))
            .ToDictionary(x => (x.t, x.r["_key"]), x => x.r);
        return LinearAttacker.Attack(published, input.NMin, (file, row, column) =>
            PublishedCsv.Number(values[(file, row)][column]) < kMin ? (1, kMin - 1) : (kMin, double.PositiveInfinity), forget);
    }
}
