using Preventiemonitor.Ingest.Parsing;

namespace Preventiemonitor.Ingest.Tests.Parsing;

/// <summary>Opens test inputs from Parsing/Data and temporary files, and reads them to the end.</summary>
internal static class ParsingTestFiles
{
    public static string DataPath(string name) => Path.Combine(AppContext.BaseDirectory, "Parsing", "Data", name);

    public static ReadResult Read(string name, string dataset = "programmas", ParseLimits? limits = null) =>
        ReadPath(DataPath(name), dataset, limits);

    public static ReadResult ReadPath(string path, string dataset = "programmas", ParseLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        using var reader = RowReaderFactory.Open(stream, Path.GetFileName(path), dataset, limits ?? new ParseLimits());
        var rows = reader.ReadRows(CancellationToken.None).ToList();
        return new ReadResult(reader.Format, reader.Header, reader.DecimalCommaAllowed, reader.Description, reader.Warnings.ToList(), rows);
    }

    public static FileRefusedException Refused(string name, string dataset = "programmas", ParseLimits? limits = null) =>
        Assert.Throws<FileRefusedException>(() => Read(name, dataset, limits));

    public static FileRefusedException RefusedPath(string path, string dataset = "programmas", ParseLimits? limits = null) =>
        Assert.Throws<FileRefusedException>(() => ReadPath(path, dataset, limits));

    public static string[] Texts(RawRow row) => [.. row.Cells.Select(c => c.Text ?? string.Empty)];
}

internal sealed record ReadResult(
    FileFormat Format,
    IReadOnlyList<string> Header,
    bool DecimalCommaAllowed,
    string Description,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<RawRow> Rows);

/// <summary>A temporary directory removed after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pm-parsing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
