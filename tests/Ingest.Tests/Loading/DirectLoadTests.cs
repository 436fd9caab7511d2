using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Tests.Sources;
using Preventiemonitor.Model.Deliveries;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// The fast path of <c>metingen</c> (rows COPY'd straight into <c>meting</c>, <see cref="DirectMeasurementLoad"/>) against
/// the exact staging path (<see cref="DeliveryProcessor.DirectMeasurements"/> false): the same files in the same order
/// on two fresh databases give the same deliveries (ids included), rows, reasons, warnings, bookkeeping and payloads.
/// </summary>
public sealed class DirectLoadTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_fast_path_and_the_exact_path_leave_the_same_deliveries_rows_reasons_and_warnings()
    {
        // Valid files, a replacement per moment, a T2-only file, rows with reasons, unknown programmes and instruments
        // outside the themes, an inventory that arrives later, and the files the fast path hands over (several years,
        // duplicate keys) or undoes (BSN, more than half invalid).
        (string File, Dataset Dataset)[] files =
        [
            ("metingen-2025-03.csv", Dataset.Metingen),
            ("programmas-p1.csv", Dataset.Programmas),
            ("metingen-p1-instrumenten.csv", Dataset.Metingen),
            ("metingen-moment-t0t1t2.csv", Dataset.Metingen),
            ("metingen-moment-t2.csv", Dataset.Metingen),
            ("metingen-2025-09.csv", Dataset.Metingen),
            ("metingen-rijfouten.csv", Dataset.Metingen),
            ("metingen-bsn.csv", Dataset.Metingen),
            ("metingen-2024-2025.csv", Dataset.Metingen),
            ("metingen-meer-dan-helft-ongeldig.csv", Dataset.Metingen),
            ("metingen-moment-volledig.csv", Dataset.Metingen),
            ("metingen-extra-kolom.csv", Dataset.Metingen),
            ("metingen-moment-t2-ongeldig.csv", Dataset.Metingen),
            ("programmas-p1-p2.csv", Dataset.Programmas),
        ];

        var (fast, fastLog) = await LoadAsync(files, direct: true);
        var (exact, exactLog) = await LoadAsync(files, direct: false);

        for (var i = 0; i < DeliverySequence.Dumps.Length; i++)
        {
            Assert.Equal(exact[i], fast[i]);
        }

        // The sequence loads rows, rejects rows, warns (derived and supersede warnings) and quarantines a file.
        Assert.All(new[] { 1, 2, 3, 6 }, i => Assert.NotEmpty(exact[i]));
        Assert.Contains(exact[3], w => w.Contains("onbekend programma", StringComparison.Ordinal));
        Assert.Contains(exact[3], w => w.Contains("niet meer in gebruik", StringComparison.Ordinal));
        Assert.Contains(exact[2], f => f.Contains("dubbele meting", StringComparison.Ordinal));
        // Both paths were really taken: straight into meting, and handed over (duplicates, two years).
        Assert.Contains("metingen-2025-03.csv: metingen rechtstreeks in meting geladen", fastLog.AllText, StringComparison.Ordinal);
        Assert.Contains("metingen-rijfouten.csv: metingen via de staging gelezen", fastLog.AllText, StringComparison.Ordinal);
        Assert.Contains("metingen-2024-2025.csv: metingen via de staging gelezen", fastLog.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("rechtstreeks", exactLog.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_refused_for_a_BSN_after_valid_rows_leaves_no_measurements_and_keeps_its_id()
    {
        var (dump, log) = await LoadAsync([("metingen-bsn.csv", Dataset.Metingen), ("metingen-2025-03.csv", Dataset.Metingen)], direct: true);

        Assert.StartsWith("(1,", dump[0][0], StringComparison.Ordinal);
        Assert.Contains(",geweigerd,", dump[0][0], StringComparison.Ordinal);
        Assert.EndsWith(",t)", dump[0][0], StringComparison.Ordinal);
        Assert.StartsWith("(2,", dump[0][1], StringComparison.Ordinal);
        Assert.All(dump[1], row => Assert.StartsWith("(2,", row, StringComparison.Ordinal));
        // The refused bytes are only in the quarantine.
        Assert.DoesNotContain(dump[5], row => dump[0][0].Contains(row[1..65], StringComparison.Ordinal));
        Assert.NotEmpty(dump[6]);
        Assert.Contains("metingen-2025-03.csv: metingen rechtstreeks in meting geladen", log.AllText, StringComparison.Ordinal);
    }

    private async Task<(List<List<string>> Dump, CapturingLogger<DeliveryProcessor> Log)> LoadAsync((string File, Dataset Dataset)[] files, bool direct)
    {
        var (dataSource, log) = await DeliverySequence.LoadAsync(fixture, files.Select(f => (LoadingHarness.DataPath(f.File), f.Dataset)), direct);
        return (await DeliverySequence.DumpAsync(dataSource), log);
    }
}
