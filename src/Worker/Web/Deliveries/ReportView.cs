using System.Text;
using Npgsql;
using Preventiemonitor.Ingest.Reporting;
using Preventiemonitor.Storage;

namespace Preventiemonitor.Worker.Web.Deliveries;

/// <summary>
/// The delivery report for the page: the very CSV of <see cref="DeliveryReport"/> (aanleverformaat §6,
/// already masked: no BSN-like value, no participant id, no formula) read back into its rows, so the page
/// and the download always say the same. Also the CSV's size in bytes, for the download link.
/// </summary>
public sealed class ReportView
{
    /// <summary>A line of the report: <c>soort,rij,kolom,waarde,melding</c>.</summary>
    public sealed record Line(string Soort, string? Rij, string? Kolom, string? Waarde, string? Melding);

    private ReportView(string csv, IReadOnlyList<Line> lines)
    {
        Csv = csv;
        Lines = lines;
    }

    public string Csv { get; }

    public IReadOnlyList<Line> Lines { get; }

    public long Bytes => CsvText.Utf8.GetByteCount(Csv);

    public IEnumerable<Line> Of(string soort) => Lines.Where(l => l.Soort == soort);

    /// <summary>The report of a delivery, or null when it does not exist.</summary>
    public static async Task<ReportView?> LoadAsync(NpgsqlDataSource dataSource, long id, CancellationToken ct)
    {
        var writer = new StringWriter();
        if (!await new DeliveryReport(dataSource).WriteAsync(id, writer, ct).ConfigureAwait(false))
        {
            return null;
        }

        var csv = writer.ToString();
        return new ReportView(csv, [.. Parse(csv).Skip(1).Select(f => new Line(f[0], Empty(f[1]), Empty(f[2]), Empty(f[3]), Empty(f[4])))]);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    /// <summary>RFC 4180 records as written by <see cref="CsvText"/> (quoted fields may hold commas, quotes and line ends).</summary>
    private static IEnumerable<string[]> Parse(string csv)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                yield return Pad(fields);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
    }

    private static string[] Pad(List<string> fields)
    {
        while (fields.Count < 5)
        {
            fields.Add(string.Empty);
        }

        return [.. fields];
    }
}
