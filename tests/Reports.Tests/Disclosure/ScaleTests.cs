using System.Diagnostics;
using Preventiemonitor.Reports.Disclosure;
using Xunit.Abstractions;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>The benchmark line of issue 12: a 1,800-programme publication (6 municipalities × 300 programmes, five themes).</summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void A_publication_of_1800_programmes_is_protected_quickly()
    {
        var input = SyntheticPublication.Generate(11, municipalities: 6, programmesPerMunicipality: 300, kMin: 10, exact: true);
        var watch = Stopwatch.StartNew();

        var result = SecondarySuppressor.Protect(LinkedCellModelBuilder.Build(input));

        watch.Stop();
        output.WriteLine(
            $"1.800 programma's: {input.ProgrammeThemes.Count} programma×thema, {result.Primary.Count()} primair, " +
            $"{result.Secondary.Count()} secundair leeggemaakt, beschermd en gecontroleerd in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(1800, input.Programmes.Count);
        Assert.True(result.Succeeded, result.Reason);
        Assert.True(result.Audit.Passed);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"te traag: {watch.Elapsed}");
    }
}
