using System.Globalization;
using System.Text;

namespace Preventiemonitor.Ingest.Benchmark;

/// <summary>The generated measurement file: Dutch Excel style (';' and decimal comma), one municipality.</summary>
internal static class MeasurementFile
{
    /// <summary>Writes <paramref name="rows"/> rows, or rows until the file has <paramref name="minBytes"/>; returns the rows written.</summary>
    public static long Write(string path, long rows, long? minBytes)
    {
        // 200 programmes, participants with T0 and T1 on one instrument each; scores with a decimal comma.
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write("programma_id;gemeente;jaar;deelnemer;moment;datum;leeftijd;instrument;score\n");
        var random = new Random(42);
        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        long i = 0;
        for (; minBytes is long min ? stream.Position < min : i < rows; i++)
        {
            var participant = i / 2;
            var moment = i % 2 == 0 ? "T0" : "T1";
            var score = (random.Next(10, 50) / 10.0).ToString("0.0", dutch);
            writer.Write($"P{participant % 200:000};GM0935;2025;D{participant:0000000};{moment};{(i % 2 == 0 ? "01-03-2025" : "2025-09-01")};{participant % 24};ZRM_GEMIDDELD;{score}\n");
            if (minBytes is not null && i % 1024 == 0)
            {
                writer.Flush();
            }
        }

        return i;
    }
}
