namespace Preventiemonitor.SampleGenerator;

/// <summary>How a sample CSV file is written: delimiter, encoding, decimal comma, date format and line end.</summary>
internal sealed record CsvFormat(char Delimiter, TextEncoding Encoding, bool DecimalComma, string DateFormat, string NewLine)
{
    /// <summary>Plain UTF-8 without BOM, <c>,</c>, dates yyyy-MM-dd, LF.</summary>
    public static CsvFormat Utf8Comma { get; } = new(',', TextEncoding.Utf8, DecimalComma: false, "yyyy-MM-dd", "\n");
}
