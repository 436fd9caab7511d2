using System.Diagnostics;
using System.Text;
using Preventiemonitor.Ingest.Parsing;
using Xunit.Abstractions;

namespace Preventiemonitor.Ingest.Tests.Parsing;

/// <summary>Proves that a large CSV is streamed: the managed heap stays small while a million rows pass.</summary>
public sealed class CsvStreamingTests(ITestOutputHelper output)
{
    private const int RowCount = 1_000_000;
    private const long MaxHeapBytes = 100L * 1024 * 1024;

    [Fact]
    public void MillionRowCsvIsStreamedWithASmallHeap()
    {
        using var temp = new TempDirectory();
        var path = temp.File("metingen.csv");
        WriteFile(path);
        var fileBytes = new FileInfo(path).Length;
        GC.Collect();

        var stopwatch = Stopwatch.StartNew();
        long rows = 0;
        long lastRowNumber = 0;
        long peakHeap = 0;
        using (var stream = File.OpenRead(path))
        using (var reader = RowReaderFactory.Open(stream, "metingen.csv", "metingen", new ParseLimits()))
        {
            Assert.Equal("CSV, UTF-8 met BOM, scheidingsteken ';'", reader.Description);
            foreach (var row in reader.ReadRows(CancellationToken.None))
            {
                rows++;
                lastRowNumber = row.RowNumber;
                if (rows % 100_000 == 0)
                {
                    peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                }
            }
        }

        output.WriteLine($"{fileBytes / (1024 * 1024)} MiB, {rows} rijen in {stopwatch.Elapsed.TotalSeconds:F1} s, grootste heap {peakHeap / (1024 * 1024)} MiB");
        Assert.True(fileBytes > 35L * 1024 * 1024, $"testbestand is maar {fileBytes} bytes");
        Assert.Equal(RowCount, rows);
        Assert.Equal(RowCount + 1L, lastRowNumber);
        Assert.True(peakHeap < MaxHeapBytes, $"heap groeide tot {peakHeap} bytes");
    }

    private static void WriteFile(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 1 << 16);
        writer.Write("programma_id;gemeente;jaar;deelnemer;moment;datum;instrument;score\r\n");
        for (var i = 1; i <= RowCount; i++)
        {
            writer.Write("P");
            writer.Write(i % 997);
            writer.Write(";GM0935;2025;D");
            writer.Write(i);
            writer.Write(";T1;2025-06-30;SDQ_EMOTIE;");
            writer.Write(i % 10);
            writer.Write(",5\r\n");
        }
    }
}
