using System.Globalization;
using System.Xml;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>The cells of an XLSX sheet as <see cref="RawCell"/>s, and ExcelDataReader's errors on a damaged file as a refusal (<see cref="XlsxRowReader"/>).</summary>
internal static class XlsxCells
{
    public static RawCell ToCell(object? value) => value switch
    {
        null => RawCell.Empty,
        string text => text.Length == 0 ? RawCell.Empty : new RawCell(text),
        double number => new RawCell(number.ToString("R", CultureInfo.InvariantCulture), Number: number),
        DateTime date => new RawCell(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Date: date),
        bool flag => new RawCell(flag ? "true" : "false"),
        TimeSpan time => new RawCell(time.ToString("c", CultureInfo.InvariantCulture)),
        IConvertible convertible => new RawCell(convertible.ToString(CultureInfo.InvariantCulture)),
        _ => new RawCell(value.ToString()),
    };

    public static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsCorruptionError(ex))
        {
            throw Corrupt(ex);
        }
    }

    public static bool IsCorruptionError(Exception ex) =>
        ex is InvalidDataException or XmlException or ExcelDataReader.Exceptions.ExcelReaderException
            or FormatException or InvalidOperationException or NotSupportedException or IOException
            or ArgumentException or IndexOutOfRangeException; // ExcelDataReader on some corrupted parts (mutation campaign)

    public static FileRefusedException Corrupt(Exception ex) =>
        new($"bestand is geen geldig XLSX-bestand: {ex.Message}", ex);
}
