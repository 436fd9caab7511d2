using Preventiemonitor.Reports.Review;

namespace Preventiemonitor.Reports.Tests.Review;

public sealed class ScoreHeatmapTests
{
    [Fact]
    public void The_scale_splits_the_occurring_scores_into_five_classes_of_about_equal_size()
    {
        double?[] scores = [1.0, 2.5, 4.7, 6.0, 11.3, 16.5, 20.0, 32.5, 40.1, 64.0, null];
        var scale = ScoreHeatmap.Scale(scores);
        Assert.Equal(5, scale.Count);
        Assert.Equal([0, 1, 2, 3, 4], scale.Select(b => b.Index));
        Assert.Equal(1.0, scale[0].Low);
        Assert.Equal(2.5, scale[0].High);
        Assert.Equal(40.1, scale[4].Low);
        Assert.Equal(64.0, scale[4].High);
        Assert.Equal("1,0 tot 2,5", scale[0].Label);
        // Every occurring value is in exactly one class, and low values that differ get different colours.
        Assert.All(scores.OfType<double>(), s => Assert.Single(scale, b => s >= b.Low && s <= b.High));
        Assert.NotEqual(ScoreHeatmap.BinOf(scale, 1.0)!.Index, ScoreHeatmap.BinOf(scale, 6.0)!.Index);
        Assert.Null(ScoreHeatmap.BinOf(scale, null));
    }

    [Fact]
    public void Equal_scores_share_a_class_and_few_values_spread_over_the_whole_scale()
    {
        var scale = ScoreHeatmap.Scale([10.0, 10.0, 50.0]);
        Assert.Equal(2, scale.Count);
        Assert.Equal([0, 4], scale.Select(b => b.Index));
        Assert.Equal("10,0", scale[0].Label);
        Assert.Equal("schaal-4", ScoreHeatmap.BinOf(scale, 50.0)!.CssClass);
        Assert.Empty(ScoreHeatmap.Scale([null, null]));
    }

    [Fact]
    public void Classify_gives_every_cell_with_a_score_its_class()
    {
        var scale = ScoreHeatmap.Scale([5.0, 60.0]);
        var cells = ScoreHeatmap.Classify([new HeatmapCell("GM0935", "weerbaarheid", 5.0), new HeatmapCell("GM0935", "veiligheid", null)], scale);
        Assert.Equal("schaal-0", cells[0].Bin!.CssClass);
        Assert.Null(cells[1].Bin);
    }
}
