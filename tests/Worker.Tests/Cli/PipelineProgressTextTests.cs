using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Cli;

namespace Preventiemonitor.Worker.Tests.Cli;

/// <summary>The console's progress text: per file rows, an estimated percentage and the end of reading; the score run's tenths; the publication's steps.</summary>
public sealed class PipelineProgressTextTests : IDisposable
{
    private readonly string _drop = TestCluster.CreateTempHome("pm-voortgang-");

    public void Dispose() => Directory.Delete(_drop, recursive: true);

    [Fact]
    public void A_file_shows_rows_an_estimated_percentage_and_when_it_has_been_read()
    {
        // 400,000 data rows of equal length: the estimate from the first MiB is close to exact.
        Directory.CreateDirectory(Path.Combine(_drop, "GM0935", "metingen"));
        var rows = 4 * DeliveryProcessor.ProgressEvery;
        File.WriteAllText(Path.Combine(_drop, "GM0935", "metingen", "m.csv"), "kop,kop\n" + string.Concat(Enumerable.Repeat("abc,def\n", rows)));
        var text = new PipelineProgressText(_drop);
        const string File1 = "GM0935/metingen/m.csv";

        Assert.True(text.Stage(PipelineStage.Ingest).Milestone);
        var first = text.Delivery(new DeliveryProgress(File1, DeliveryProcessor.ProgressEvery))!.Value;
        Assert.False(first.Milestone);
        Assert.Contains("100.000 rijen gelezen (≈ 25 %)", first.Text);
        var second = text.Delivery(new DeliveryProgress(File1, 2 * DeliveryProcessor.ProgressEvery))!.Value;
        Assert.Contains("≈ 50 %, ", second.Text);
        Assert.Contains(" rijen/s)", second.Text);
        text.Delivery(new DeliveryProgress(File1, rows));
        // The same count again is the end of the file (the last report after the COPY).
        var end = text.Delivery(new DeliveryProgress(File1, rows))!.Value;
        Assert.True(end.Milestone);
        Assert.Contains("400.000 rijen gelezen (", end.Text);
        Assert.EndsWith("opslaan in de database", end.Text);

        // A small file, or one from a source without a local file: one line, at its end, without a percentage.
        var small = text.Delivery(new DeliveryProgress("GM0935/programmas/p.csv", 300))!.Value;
        Assert.True(small.Milestone);
        Assert.Contains("300 rijen gelezen; opslaan", small.Text);
    }

    [Fact]
    public void Two_files_read_at_the_same_time_each_keep_their_own_percentage_and_end()
    {
        // Two municipalities' files of 200,000 and 400,000 rows, their reports interleaved as a drop run gives them.
        Directory.CreateDirectory(Path.Combine(_drop, "GM0935", "metingen"));
        Directory.CreateDirectory(Path.Combine(_drop, "GM0938", "metingen"));
        var step = DeliveryProcessor.ProgressEvery;
        File.WriteAllText(Path.Combine(_drop, "GM0935", "metingen", "a.csv"), "kop,kop\n" + string.Concat(Enumerable.Repeat("abc,def\n", 2 * step)));
        File.WriteAllText(Path.Combine(_drop, "GM0938", "metingen", "b.csv"), "kop,kop\n" + string.Concat(Enumerable.Repeat("abc,def\n", 4 * step)));
        const string A = "GM0935/metingen/a.csv";
        const string B = "GM0938/metingen/b.csv";
        var text = new PipelineProgressText(_drop);

        Assert.Contains("≈ 50 %", text.Delivery(new DeliveryProgress(A, step))!.Value.Text);
        Assert.Contains("≈ 25 %", text.Delivery(new DeliveryProgress(B, step))!.Value.Text);
        Assert.Contains("≈ 50 %, ", text.Delivery(new DeliveryProgress(B, 2 * step))!.Value.Text);
        Assert.Contains("≈ 99 %", text.Delivery(new DeliveryProgress(A, 2 * step))!.Value.Text);
        var endA = text.Delivery(new DeliveryProgress(A, 2 * step))!.Value;
        Assert.True(endA.Milestone);
        Assert.Contains(A + ": 200.000 rijen gelezen", endA.Text);
        var thirdB = text.Delivery(new DeliveryProgress(B, 3 * step))!.Value;
        Assert.False(thirdB.Milestone);
        Assert.Contains("≈ 75 %, ", thirdB.Text);
        var endB = text.Delivery(new DeliveryProgress(B, 4 * step + 17))!.Value;
        Assert.True(endB.Milestone);
        Assert.Contains(B + ": 400.017 rijen gelezen (", endB.Text);
    }

    [Fact]
    public void A_score_run_shows_its_steps_and_every_tenth_of_the_programmes()
    {
        var text = new PipelineProgressText(null);
        Assert.Contains("ANALYZE", text.Score(new ScoreProgress(ScoreStep.Statistics))!.Value.Text);
        Assert.Contains("voor 1.800 programma's", text.Score(new ScoreProgress(ScoreStep.Pairing, 0, 1800))!.Value.Text);
        Assert.Contains("eerste paren na", text.Score(new ScoreProgress(ScoreStep.Streaming, 1, 1800, 2000))!.Value.Text);
        var milestones = Enumerable.Range(2, 1799)
            .Select(done => text.Score(new ScoreProgress(ScoreStep.Streaming, done, 1800, done * 2000L))!.Value)
            .Where(l => l.Milestone).Select(l => l.Text).ToList();
        Assert.Equal(10, milestones.Count);
        Assert.Contains("programma 180 van 1.800 (10 %)", milestones[0]);
        Assert.Contains("programma 1.800 van 1.800 (100 %): 3.600.000 paren gelezen (", milestones[^1]);
        Assert.Contains("paren/s)", milestones[^1]);
        Assert.True(text.Score(new ScoreProgress(ScoreStep.Storing, 1800, 1800))!.Value.Milestone);
    }

    [Fact]
    public void Every_publication_step_has_its_own_line()
    {
        var text = new PipelineProgressText(null);
        var lines = Enum.GetValues<PublicationStep>().Select(text.Publication).ToList();
        Assert.All(lines, l => Assert.True(l.Milestone));
        Assert.Equal(lines.Count, lines.Select(l => l.Text[l.Text.IndexOf(" s  ", StringComparison.Ordinal)..]).Distinct().Count());
        Assert.All(lines, l => Assert.DoesNotContain('[', l.Text));
        Assert.Contains("onthullingscontrole", lines[1].Text);
    }
}
