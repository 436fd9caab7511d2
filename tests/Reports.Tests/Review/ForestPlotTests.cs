using System.Xml.Linq;
using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Reports.Tests.Review;

public sealed class ForestPlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Render() => XDocument.Parse(ForestPlot.Render("f", "Effect <weerbaarheid>", "Beschrijving & meer",
    [
        new ForestRow("Sterk Huis", 0.339, -0.108, 0.786),
        new ForestRow("Klein programma", null, null, null, Missing: "< 10 (weggelaten)"),
        new ForestRow("Samen: Maastricht", 0.25, 0.056, 0.447, Pooled: true),
    ], "Verschil tussen de groepen: p = 0,0156")).Root!;

    [Fact]
    public void Is_accessible_SVG_without_inline_style()
    {
        var svg = Render();
        Assert.Equal("img", svg.Attribute("role")!.Value);
        Assert.Equal("f-titel f-beschrijving", svg.Attribute("aria-labelledby")!.Value);
        Assert.Equal("Effect <weerbaarheid>", svg.Element(Svg + "title")!.Value);
        Assert.Equal("Beschrijving & meer", svg.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Fact]
    public void Every_row_prints_its_effect_and_interval_or_why_there_is_none()
    {
        var svg = Render();
        var rows = svg.Elements(Svg + "g").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Sterk Huis: effect 0,339 (-0,108 tot 0,786)", rows[0].Element(Svg + "title")!.Value);
        Assert.Contains(rows[0].Elements(Svg + "text"), t => t.Value == "0,339 (-0,108 tot 0,786)");
        Assert.Single(rows[0].Elements(Svg + "line"));
        Assert.Equal("Klein programma: < 10 (weggelaten)", rows[1].Element(Svg + "title")!.Value);
        Assert.Empty(rows[1].Elements(Svg + "line"));
        Assert.Single(rows[2].Elements(Svg + "polygon")); // the pooled effect is a diamond
        Assert.Contains(svg.Elements(Svg + "text"), t => t.Value == "Verschil tussen de groepen: p = 0,0156");
    }

    [Fact]
    public void The_axis_holds_every_interval_and_zero()
    {
        var (min, max, step) = ForestPlot.Domain([new ForestRow("a", 1.2, 0.3, 2.1), new ForestRow("b", -0.9, -1.3, -0.2)]);
        Assert.Equal(-1.5, min);
        Assert.Equal(2.5, max);
        Assert.Equal(1.0, step);
    }
}
