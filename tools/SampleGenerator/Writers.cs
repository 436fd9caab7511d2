using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClosedXML.Excel;

namespace Preventiemonitor.SampleGenerator;

internal static partial class Writers
{
    private static readonly DateTime FixedTimestamp = new(2025, 10, 1, 9, 0, 0, DateTimeKind.Utc);

    public static void WriteCsv(string path, Table table, CsvFormat format)
    {
        var sb = new StringBuilder();
        AppendLine(sb, table.Headers.Select(h => (string?)h), format);
        foreach (var row in table.Rows)
        {
            AppendLine(sb, row.Select(v => FormatText(v, format.DecimalComma, format.DateFormat)), format);
        }

        byte[] bytes;
        switch (format.Encoding)
        {
            case TextEncoding.Utf8:
                bytes = new UTF8Encoding(false).GetBytes(sb.ToString());
                break;
            case TextEncoding.Utf8Bom:
                var utf8 = new UTF8Encoding(true);
                bytes = [.. utf8.GetPreamble(), .. utf8.GetBytes(sb.ToString())];
                break;
            case TextEncoding.Windows1252:
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                var cp1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
                bytes = cp1252.GetBytes(sb.ToString());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static void AppendLine(StringBuilder sb, IEnumerable<string?> fields, CsvFormat format)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                sb.Append(format.Delimiter);
            }

            first = false;
            var f = field ?? string.Empty;
            if (f.Contains(format.Delimiter, StringComparison.Ordinal) || f.Contains('"', StringComparison.Ordinal)
                || f.Contains('\n', StringComparison.Ordinal) || f.Contains('\r', StringComparison.Ordinal))
            {
                sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(f);
            }
        }

        sb.Append(format.NewLine);
    }

    public static string? FormatText(object? value, bool decimalComma, string dateFormat) => value switch
    {
        null => null,
        string s => s,
        int i => i.ToString(CultureInfo.InvariantCulture),
        Num n => FormatNum(n, decimalComma),
        DateOnly d => d.ToString(dateFormat, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"unsupported value type {value.GetType()}"),
    };

    private static string FormatNum(Num n, bool decimalComma)
    {
        var s = n.Value.ToString("F" + n.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return decimalComma ? s.Replace('.', ',') : s;
    }

    /// <summary>
    /// Writes a workbook with an explanatory first sheet and the data on a sheet named
    /// <paramref name="sheetName"/>. Dates become real date cells (unless given as text),
    /// numbers real numbers. The package is normalised so the bytes are the same on every run.
    /// </summary>
    public static void WriteXlsx(string path, Table table, string sheetName, IReadOnlyList<string> toelichting, double[] columnWidths)
    {
        using var wb = new XLWorkbook();
        wb.Properties.Author = "Preventiemonitor SampleGenerator";
        wb.Properties.LastModifiedBy = "Preventiemonitor SampleGenerator";
        wb.Properties.Company = string.Empty;
        wb.Properties.Created = FixedTimestamp;
        wb.Properties.Modified = FixedTimestamp;

        var info = wb.Worksheets.Add("Toelichting");
        for (var i = 0; i < toelichting.Count; i++)
        {
            info.Cell(i + 1, 1).SetValue<string>(toelichting[i]);
        }

        info.Column(1).Width = 100;

        var ws = wb.Worksheets.Add(sheetName);
        for (var c = 0; c < table.Headers.Count; c++)
        {
            ws.Cell(1, c + 1).SetValue<string>(table.Headers[c]);
            ws.Cell(1, c + 1).Style.Font.Bold = true;
            ws.Column(c + 1).Width = c < columnWidths.Length ? columnWidths[c] : 14;
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                var cell = ws.Cell(r + 2, c + 1);
                switch (row[c])
                {
                    case null:
                        break;
                    case string s:
                        cell.SetValue<string>(s);
                        break;
                    case int i:
                        cell.SetValue<int>(i);
                        break;
                    case Num n:
                        cell.SetValue<decimal>(n.Value);
                        cell.Style.NumberFormat.Format = n.Decimals == 0 ? "0" : "0." + new string('0', n.Decimals);
                        break;
                    case DateOnly d:
                        cell.SetValue<DateTime>(d.ToDateTime(TimeOnly.MinValue));
                        cell.Style.DateFormat.Format = "dd-mm-yyyy";
                        break;
                    default:
                        throw new ArgumentException($"unsupported value type {row[c]!.GetType()}");
                }
            }
        }

        using var raw = new MemoryStream();
        wb.SaveAs(raw);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Preventiemonitor.Reports.Publication.OpenXmlPackage.Normalise(raw.ToArray(), new DateTimeOffset(2025, 10, 1, 9, 0, 0, TimeSpan.Zero)));
    }

    /// <summary>Writes an array of objects; empty values are left out of the object.</summary>
    public static void WriteJson(string path, Table table, string dateFormat)
    {
        using var ms = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var w = new Utf8JsonWriter(ms, options))
        {
            w.WriteStartArray();
            foreach (var row in table.Rows)
            {
                w.WriteStartObject();
                for (var c = 0; c < row.Length; c++)
                {
                    var name = table.Headers[c];
                    switch (row[c])
                    {
                        case null:
                            break;
                        case string s:
                            w.WriteString(name, s);
                            break;
                        case int i:
                            w.WriteNumber(name, i);
                            break;
                        case Num n:
                            w.WritePropertyName(name);
                            w.WriteRawValue(FormatNum(n, decimalComma: false));
                            break;
                        case DateOnly d:
                            w.WriteString(name, d.ToString(dateFormat, CultureInfo.InvariantCulture));
                            break;
                        default:
                            throw new ArgumentException($"unsupported value type {row[c]!.GetType()}");
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        ms.WriteByte((byte)'\n');
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ms.ToArray());
    }
}
