using ClosedXML.Excel;

namespace Preventiemonitor.SampleGenerator.Tests;

public sealed class SampleDropTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "pm-samples-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Preventiemonitor.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Preventiemonitor.sln not found above " + AppContext.BaseDirectory);
    }

    private static SortedDictionary<string, byte[]> ReadTree(string root)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var folder in SampleDrop.GeneratedFolders)
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                files[Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllBytes(file);
            }
        }

        return files;
    }

    private static void AssertSameTree(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs");
        }
    }

    [Fact]
    public void Generating_twice_gives_identical_bytes()
    {
        var a = Path.Combine(_temp, "a");
        var b = Path.Combine(_temp, "b");
        var first = SampleDrop.Write(a);
        var second = SampleDrop.Write(b);

        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.Defects, second.Defects);
        var treeA = ReadTree(a);
        Assert.Equal(first.Files.Select(f => f.Bestand).Order(StringComparer.Ordinal), treeA.Keys);
        AssertSameTree(treeA, ReadTree(b));
    }

    [Fact]
    public void Writing_again_over_an_existing_drop_replaces_its_content()
    {
        SampleDrop.Write(_temp);
        var stray = Path.Combine(_temp, "GM0935", "metingen", "oud.csv");
        File.WriteAllText(stray, "x");
        SampleDrop.Write(_temp);
        Assert.False(File.Exists(stray));
    }

    [Fact]
    public void Committed_samples_equal_a_fresh_generation()
    {
        var committed = Path.Combine(RepoRoot(), "samples", "drop");
        SampleDrop.Write(_temp);
        AssertSameTree(ReadTree(_temp), ReadTree(committed));
    }

    [Fact]
    public void Readme_lists_every_file_and_defect()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "samples", "README.md"));
        var result = SampleDrop.Write(_temp);
        foreach (var f in result.Files)
        {
            Assert.Contains(f.ToMarkdownRow(), readme, StringComparison.Ordinal);
        }

        foreach (var d in result.Defects)
        {
            Assert.Contains(d.ToMarkdownRow(), readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Workbooks_have_the_data_on_a_named_sheet_after_the_explanation()
    {
        var result = SampleDrop.Write(_temp);
        foreach (var f in result.Files.Where(f => f.Bestand.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            using var wb = new XLWorkbook(Path.Combine(_temp, f.Bestand));
            Assert.Equal("Toelichting", wb.Worksheet(1).Name);
            var dataset = f.Bestand.Split('/')[1];
            var ws = wb.Worksheet(dataset);
            Assert.Equal(2, ws.Position);
            Assert.Equal(f.Rijen + 1, ws.LastRowUsed().RowNumber());
        }
    }

    [Fact]
    public void The_bsn_test_number_passes_the_eleven_test()
    {
        const string bsn = "111222333";
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (bsn[i] - '0');
        }

        sum -= bsn[8] - '0';
        Assert.Equal(0, sum % 11);

        var result = SampleDrop.Write(_temp);
        var bsnDefect = Assert.Single(result.Defects, d => d.Waarde == bsn);
        var lines = File.ReadAllLines(Path.Combine(_temp, bsnDefect.Bestand));
        Assert.Contains(bsn, lines[bsnDefect.Rij!.Value - 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_municipality_has_a_main_measurement_file_and_the_drop_is_small()
    {
        var result = SampleDrop.Write(_temp);
        foreach (var code in new[] { "GM1903", "GM1729", "GM0935", "GM0938", "GM0981", "GM0994" })
        {
            Assert.Contains(result.Files, f => f.Bestand.StartsWith(code + "/metingen/", StringComparison.Ordinal)
                && f.VerwachteStatus is "geaccepteerd" or "deels_geaccepteerd");
            Assert.Contains(result.Files, f => f.Bestand.StartsWith(code + "/programmas/", StringComparison.Ordinal));
        }

        var total = ReadTree(_temp).Values.Sum(b => (long)b.Length);
        Assert.True(total < 4L * 1024 * 1024, $"sample drop is {total} bytes");
    }
}
