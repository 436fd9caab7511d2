using System.Globalization;
using Preventiemonitor.Ingest.Sources;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Ingest.Intake;

/// <summary>The <c>bevolking</c> file (gemeente, jaar, leeftijd, aantal) that <see cref="IngestService"/> makes of a CBS answer.</summary>
internal static class PopulationFile
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="local"/>, ordered by municipality, year and age.</summary>
    public static async Task WriteAsync(string local, IReadOnlyList<PopulationRow> rows)
    {
        await using (var writer = new StreamWriter(local, false, CsvText.Utf8))
        {
            CsvText.WriteRow(writer, "gemeente", "jaar", "leeftijd", "aantal");
            foreach (var row in rows.OrderBy(r => r.Municipality, StringComparer.Ordinal).ThenBy(r => r.Year).ThenBy(r => r.Age))
            {
                CsvText.WriteRow(writer, row.Municipality, Inv(row.Year), Inv(row.Age), Inv(row.Count));
            }
        }
    }

    private static string Inv(long value) => value.ToString(CultureInfo.InvariantCulture);
}
