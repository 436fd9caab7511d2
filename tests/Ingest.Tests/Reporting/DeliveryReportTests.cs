using Dapper;
using Preventiemonitor.Ingest.Reporting;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Reporting;

public sealed class DeliveryReportTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private async Task<long> InsertDeliveryAsync()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO levering (bron, gemeente, dataset, bestand, sha256, grootte, ontvangen_op, status, formaat, jaren, rijen, geaccepteerd, geweigerd, waarschuwingen)
            VALUES ('drop', 'GM0935', 'metingen', 'GM0935/metingen/m,1.csv', md5(random()::text) || md5(random()::text), 1234, '2025-10-01T08:30:00Z',
                    'deels_geaccepteerd', 'CSV, UTF-8, scheidingsteken '';''', '{2025}', 3, 1, 2, 1)
            RETURNING id
            """);
        await connection.ExecuteAsync("""
            INSERT INTO levering_fout (levering_id, rij, kolom, waarde, reden) VALUES
              (@id, 7, 'score', '14', 'score 14 ligt buiten 0–10 voor SDQ_EMOTIE'),
              (@id, 3, 'leeftijd', '25', 'leeftijd 25 ligt buiten 0–23'),
              (@id, 3, 'datum', '"x"', '''"x"'' is geen geldige datum (verwacht jjjj-mm-dd, dd-mm-jjjj of d-m-jjjj)');
            INSERT INTO levering_waarschuwing (levering_id, rij, kolom, waarde, melding) VALUES
              (@id, 1, 'opmerking', NULL, 'onbekende kolom ''opmerking'' genegeerd');
            """, new { id });
        return id;
    }

    [Fact]
    public async Task Lists_delivery_counts_warnings_and_every_rejected_row_in_row_order_as_RFC4180_CSV()
    {
        var id = await InsertDeliveryAsync();
        var writer = new StringWriter();
        Assert.True(await new DeliveryReport(fixture.DataSource).WriteAsync(id, writer, CancellationToken.None));
        var lines = writer.ToString().Split('\n');

        Assert.Equal("soort,rij,kolom,waarde,melding", lines[0]);
        Assert.Contains($"levering,,id,{id},", lines);
        Assert.Contains("levering,,bestand,\"GM0935/metingen/m,1.csv\",", lines);
        Assert.Contains("levering,,ontvangen_op,2025-10-01T08:30:00Z,", lines);
        Assert.Contains("levering,,formaat,\"CSV, UTF-8, scheidingsteken ';'\",", lines);
        Assert.Contains("levering,,status,deels_geaccepteerd,", lines);
        Assert.Contains("telling,,rijen,3,", lines);
        Assert.Contains("telling,,geweigerd,2,", lines);
        Assert.Contains("waarschuwing,1,opmerking,,onbekende kolom 'opmerking' genegeerd", lines);
        var errors = lines.Where(l => l.StartsWith("fout,", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                "fout,3,datum,\"\"\"x\"\"\",\"'\"\"x\"\"' is geen geldige datum (verwacht jjjj-mm-dd, dd-mm-jjjj of d-m-jjjj)\"",
                "fout,3,leeftijd,25,leeftijd 25 ligt buiten 0–23",
                "fout,7,score,14,score 14 ligt buiten 0–10 voor SDQ_EMOTIE",
            ],
            errors);
        Assert.Equal(string.Empty, lines[^1]); // every line ends with \n
        Assert.DoesNotContain('\r', writer.ToString());
    }

    [Fact]
    public async Task Is_written_to_a_folder_as_UTF8_without_BOM_and_an_unknown_delivery_is_reported()
    {
        var id = await InsertDeliveryAsync();
        var folder = TestCluster.CreateTempHome("pm-report-");
        try
        {
            var path = await new DeliveryReport(fixture.DataSource).WriteToFolderAsync(id, folder, CancellationToken.None);
            Assert.Equal(Path.Combine(folder, $"leveringsrapport-{id}.csv"), path);
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.Equal((byte)'s', bytes[0]);
            Assert.Contains("ligt buiten 0–23", System.Text.Encoding.UTF8.GetString(bytes));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.False(await new DeliveryReport(fixture.DataSource).WriteAsync(-1, new StringWriter(), CancellationToken.None));
    }

    [Fact]
    public async Task Is_written_atomically_over_an_old_report_and_temporary_files_of_killed_processes_are_removed()
    {
        var id = await InsertDeliveryAsync();
        var folder = TestCluster.CreateTempHome("pm-report-");
        try
        {
            // A process that has exited stands for one that was killed while writing a report.
            using var gone = System.Diagnostics.Process.Start("true")!;
            await gone.WaitForExitAsync();
            var stale = Path.Combine(folder, $".leveringsrapport-{id}.csv.tmp-{gone.Id}-0123456789abcdef");
            var running = Path.Combine(folder, $".leveringsrapport-{id}.csv.tmp-{Environment.ProcessId}-fedcba9876543210");
            await File.WriteAllTextAsync(stale, "soort,rij");
            await File.WriteAllTextAsync(running, "soort,rij");
            var path = Path.Combine(folder, $"leveringsrapport-{id}.csv");
            await File.WriteAllTextAsync(path, "oud");

            Assert.Equal(path, await new DeliveryReport(fixture.DataSource).WriteToFolderAsync(id, folder, CancellationToken.None));
            Assert.StartsWith("soort,rij,kolom,waarde,melding", await File.ReadAllTextAsync(path));
            Assert.False(File.Exists(stale));
            Assert.True(File.Exists(running)); // a process that still runs may still be writing it
            File.Delete(running);

            await Assert.ThrowsAsync<InvalidOperationException>(() => new DeliveryReport(fixture.DataSource).WriteToFolderAsync(-1, folder, CancellationToken.None));
            Assert.Equal([path], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
