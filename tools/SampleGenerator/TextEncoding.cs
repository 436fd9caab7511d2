namespace Preventiemonitor.SampleGenerator;

/// <summary>The text encodings of the sample CSV files.</summary>
internal enum TextEncoding
{
    Utf8,
    Utf8Bom,
    Windows1252,
}
