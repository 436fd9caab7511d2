using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;
using Preventiemonitor.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// The sample publication (samples/drop, year 2025, method v2: the v1 tables and the four v2 tables)
/// against its committed snapshot, byte for byte, and
/// its workbook against its CSVs: every numeric cell of the workbook equals the CSV cell of the same row
/// and column (methode-v1 §7: CSV, workbook, site and command line round the same way).
/// </summary>
public sealed class PublicationSnapshotTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IDisposable
{
    private static readonly string SnapshotFolder = Path.Combine(AppContext.BaseDirectory, "Publication", "Snapshots", "sample-2025");

    private readonly string _out = TestCluster.CreateTempHome("pm-snapshot-");

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private async Task<string> PublishSampleAsync()
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(RepositoryPaths.SampleDrop, null, null, CancellationToken.None);
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters { Versie = MethodVersions.V2 }, "test", CancellationToken.None);
        return (await new PublicationService(db, NullLogger<PublicationService>.Instance).PublishAsync(run.Id, "snapshot", _out, "test", CancellationToken.None)).Folder;
    }

    [Fact]
    public async Task The_sample_publication_CSVs_equal_the_committed_snapshot_byte_for_byte()
    {
        var folder = await PublishSampleAsync();

        var tables = PublicationTables.Of(MethodVersions.V2);
        Assert.Equal(tables.Select(t => t.FileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(SnapshotFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var table in tables)
        {
            var expected = WithoutReceiptTimes(table, await File.ReadAllBytesAsync(Path.Combine(SnapshotFolder, table.FileName)));
            var actual = WithoutReceiptTimes(table, await File.ReadAllBytesAsync(Path.Combine(folder, table.FileName)));
            var expectedLines = Encoding.UTF8.GetString(expected).Split('\n');
            var actualLines = Encoding.UTF8.GetString(actual).Split('\n');
            for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
            {
                Assert.True(expectedLines[i] == actualLines[i], $"{table.FileName}, regel {i + 1}:\nverwacht {expectedLines[i]}\nkreeg    {actualLines[i]}");
            }

            Assert.Equal(expected, actual);
        }
    }

    /// <summary>
    /// The CSV bytes with every <c>ontvangen_op</c> (the time a delivery was received, so the time this test
    /// ingested the sample) replaced by a fixed text, after checking it is ISO 8601 UTC. Every other byte counts.
    /// </summary>
    private static byte[] WithoutReceiptTimes(TableSpec table, byte[] csv)
    {
        if (!table.Has("ontvangen_op"))
        {
            return csv;
        }

        var column = table.IndexOf("ontvangen_op");
        var lines = Encoding.UTF8.GetString(csv).Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var (_, rows) = CsvTableReader.ReadText(Encoding.UTF8.GetBytes(lines[0] + "\n" + lines[i] + "\n"));
            var time = rows[0][column];
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", time);
            lines[i] = lines[i].Replace("," + time + ",", ",ONTVANGEN_OP,", StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    [Fact]
    public async Task Every_numeric_workbook_cell_of_the_sample_publication_equals_its_CSV_cell()
    {
        var folder = await PublishSampleAsync();
        var csvs = PublicationTables.Of(MethodVersions.V2).ToDictionary(t => t.Name, t => File.ReadAllBytes(Path.Combine(folder, t.FileName)));

        var compared = WorkbookCsvComparison.AssertEqual(File.ReadAllBytes(Path.Combine(folder, PublicationService.Workbook)), csvs);

        Assert.True(compared > 500, $"{compared.ToString(CultureInfo.InvariantCulture)} getallen vergeleken");
    }

    [Fact]
    public async Task Every_cell_of_every_data_sheet_of_the_sample_publication_reads_back_as_its_CSV_cell()
    {
        var folder = await PublishSampleAsync();
        var csvs = PublicationTables.Of(MethodVersions.V2).ToDictionary(t => t.Name, t => File.ReadAllBytes(Path.Combine(folder, t.FileName)));

        var compared = WorkbookReadBack.AssertEveryCell(File.ReadAllBytes(Path.Combine(folder, PublicationService.Workbook)), csvs, kMin: 10);

        Assert.True(compared > 1000, $"{compared.ToString(CultureInfo.InvariantCulture)} cellen vergeleken");
    }
}
