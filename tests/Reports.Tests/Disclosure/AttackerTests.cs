namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// The attacker works: it breaks the sample publication of version 1 (issue 12), kept frozen in
/// <c>Disclosure/Snapshots/sample-2025-v1</c> (the four linked CSVs as version 1's rule published them;
/// the live snapshot in Publication/Snapshots is now version 2's).
/// </summary>
public sealed class AttackerTests
{
    /// <summary>The frozen version-1 sample publication's linked CSVs (found from the test binaries up to the repository).</summary>
    public static string Sample => Path.Combine(Repository, "tests", "Reports.Tests", "Disclosure", "Snapshots", "sample-2025-v1");

    /// <summary>The repository root, found from the test binaries upwards.</summary>
    public static string Repository
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Preventiemonitor.sln")))
            {
                dir = dir.Parent;
            }

            return dir!.FullName;
        }
    }

    [Fact]
    public void Recovers_every_emptied_count_of_the_version_1_sample_publication()
    {
        // Even a reader who only knows that an emptied count is at least 1 narrows all of them.
        var cells = LinearAttacker.Attack(Sample, nMin: 10, (_, _, _) => (1, double.PositiveInfinity));

        Assert.Equal(18, cells.Count);
        Assert.All(cells, c => Assert.True(c.Low > 1 + 1e-6 || c.High < 9 - 1e-6, $"not narrowed: {c}"));
        Assert.Equal(12, cells.Count(c => c.IsExact));
        Assert.Equal(4, Exact(cells, "scores_gemeente_thema", "GM0938|veiligheid", "deelnemers"));
        Assert.Equal(4, Exact(cells, "programmas", "GM0938|MRS-04", "deelnemers"));
        Assert.Equal(3, Exact(cells, "scores_programma_thema", "GM0938|MRS-04|opvoedvaardigheden", "paren"));
        Assert.Equal(22, Exact(cells, "scores_gemeente_thema", "GM0981|veiligheid", "deelnemers"));
    }

    private static double Exact(IReadOnlyList<AttackedCell> cells, string file, string row, string column)
    {
        var cell = Assert.Single(cells, c => c.File == file && c.Row == row && c.Column == column);
        Assert.True(cell.IsExact, cell.ToString());
        return Math.Round(cell.Low, 6);
    }
}
