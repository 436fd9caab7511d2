using System.Xml.Linq;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Reports.Tests.Review;

public sealed class ScoreHeatmapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Render() => XDocument.Parse(ScoreHeatmap.Render("kaart", "Scores per thema <2025>",
        ["Maastricht", "Gulpen & Wittem", "Maastricht-Heuvelland"],
        ["Versterken weerbaarheid", "Vergroten veiligheid"],
        [
            new HeatmapCell("Maastricht", "Versterken weerbaarheid", 16.54),
            new HeatmapCell("Maastricht", "Vergroten veiligheid", 100),
            new HeatmapCell("Gulpen & Wittem", "Versterken weerbaarheid", null),
            new HeatmapCell("Maastricht-Heuvelland", "Versterken weerbaarheid", 0),
        ]));

    [Fact]
    public void Is_valid_SVG_with_a_title_and_description_for_screen_readers()
    {
        var svg = Render().Root!;
        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("kaart-titel kaart-beschrijving", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("Scores per thema <2025>", svg.Element(Svg + "title")!.Value);
        Assert.Contains("Donkerder betekent een hogere score", svg.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void Every_cell_prints_its_value_and_has_its_own_title()
    {
        var cells = Render().Root!.Descendants(Svg + "g").ToList();
        Assert.Equal(6, cells.Count); // 3 rows × 2 themes
        var maastricht = cells.Single(g => g.Element(Svg + "title")!.Value == "Maastricht, Versterken weerbaarheid: score 16,5");
        Assert.Equal("16,5", maastricht.Element(Svg + "text")!.Value);
        var empty = cells.Single(g => g.Element(Svg + "title")!.Value == "Gulpen & Wittem, Versterken weerbaarheid: geen score");
        Assert.Equal("–", empty.Element(Svg + "text")!.Value);
        Assert.Contains(cells, g => g.Element(Svg + "title")!.Value == "Maastricht, Vergroten veiligheid: score 100,0");
    }

    [Theory]
    [InlineData(0.0, "#f5f5f5", "#000000")]
    [InlineData(100.0, "#2d2d2d", "#ffffff")]
    [InlineData(50.0, "#919191", "#000000")]
    [InlineData(null, "#ffffff", "#000000")]
    public void Greys_from_light_to_dark_with_readable_text(double? score, string fill, string ink) =>
        Assert.Equal((fill, ink), ScoreHeatmap.Shade(score));
}
