using System.Text.RegularExpressions;
using System.Xml.Linq;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Worker.Tests.Composition;

/// <summary>
/// The layout rules of the README, checked on the files themselves: dependencies point inward, the
/// test projects mirror src/ one to one, and every file in src/ holds at most one public type.
/// </summary>
public sealed partial class HouseRulesTests
{
    private static readonly string Src = Path.Combine(RepositoryPaths.Root, "src");

    /// <summary>What each part may reference; anything else is a dependency pointing the wrong way.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Model"] = [],
        ["Storage"] = ["Model"],
        ["Ingest"] = ["Model", "Storage"],
        ["Scoring"] = ["Model", "Storage"],
        ["Reports"] = ["Model", "Storage"],
        ["Worker"] = ["Model", "Storage", "Ingest", "Scoring", "Reports"],
    };

    [Fact]
    public void Every_part_references_only_the_parts_inside_it()
    {
        var parts = Directory.GetDirectories(Src).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Allowed.Keys.Order(), parts!);
        foreach (var part in parts)
        {
            var references = ProjectReferences(Path.Combine(Src, part!, $"Preventiemonitor.{part}.csproj"));
            var wrong = references.Except(Allowed[part!]).ToArray();
            Assert.True(wrong.Length == 0, $"{part} verwijst naar {string.Join(", ", wrong)}");
        }
    }

    [Fact]
    public void Test_projects_mirror_src_one_to_one()
    {
        var tests = Path.Combine(RepositoryPaths.Root, "tests");
        foreach (var part in Allowed.Keys)
        {
            var project = Path.Combine(tests, $"{part}.Tests", $"Preventiemonitor.{part}.Tests.csproj");
            Assert.True(File.Exists(project), $"geen testproject voor src/{part}");
            Assert.Contains(part, ProjectReferences(project));
        }
    }

    [Fact]
    public void Every_source_file_holds_at_most_one_public_type()
    {
        var offenders = Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(Src, f), Count: TopLevelPublicType().Matches(File.ReadAllText(f)).Count))
            .Where(f => f.Count > 1)
            .Select(f => $"{f.File} ({f.Count})")
            .ToArray();
        Assert.True(offenders.Length == 0, "meer dan één publiek type: " + string.Join(", ", offenders));
    }

    private static string[] ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')).Replace("Preventiemonitor.", "", StringComparison.Ordinal))
            .ToArray();

    // A public type declared at the top level of a file-scoped namespace starts at column 0.
    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|partial|readonly|record|ref|unsafe|file)\s+)*(?:class|record|struct|interface|enum|delegate)\b", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();
}
