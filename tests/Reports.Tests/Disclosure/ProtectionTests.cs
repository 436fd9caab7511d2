using Preventiemonitor.Reports.Disclosure;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// Generated publications: the primary rule alone is broken by the independent attacker and the
/// engine's own audit agrees; the engine is deterministic.
/// </summary>
public sealed class ProtectionTests : IDisposable
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

        var attacked = Attack(input, primaryOnly.Emptied.ToHashSet(), kMin, "v1");

        Assert.Contains(attacked, c => c.Low > 1 + 1e-5 || c.High < kMin - 1 - 1e-5);
        Assert.False(DisclosureAuditor.Audit(primaryOnly).Passed);
    }

    [Fact]
    public void Same_input_gives_the_same_emptied_cells_and_files()
    {
        var input = SyntheticPublication.Generate(1, municipalities: 6, programmesPerMunicipality: 5, kMin: 5);

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
    /// Writes the publication with <paramref name="emptied"/> and runs the attacker on it, with the
    /// knowledge of §1 taken from the unsuppressed files: a count below k_min is primary.
    /// </summary>
    private IReadOnlyList<AttackedCell> Attack(DisclosureInput input, IReadOnlySet<CellKey> emptied, int kMin, string name)
    {
        var truth = Path.Combine(_root, name + "-truth");
        var published = Path.Combine(_root, name);
        SuppressedCsvWriter.Write(truth, input, new HashSet<CellKey>());
        SuppressedCsvWriter.Write(published, input, emptied);
        var values = PublishedCsv.KeyColumns.Keys
            .SelectMany(t => PublishedCsv.Read(truth, t).Select(r => (t, r)))
            .ToDictionary(x => (x.t, x.r["_key"]), x => x.r);
        return LinearAttacker.Attack(published, input.NMin, (file, row, column) =>
            PublishedCsv.Number(values[(file, row)][column]) < kMin ? (1, kMin - 1) : (kMin, double.PositiveInfinity));
    }
}
