using Preventiemonitor.Ingest.Parsing;
using static Preventiemonitor.Ingest.Tests.Parsing.ParsingTestFiles;

namespace Preventiemonitor.Ingest.Tests.Parsing;

public sealed class RowReaderFactoryTests
{
    [Theory]
    [InlineData("levering.csv", FileFormat.Csv)]
    [InlineData("LEVERING.CSV", FileFormat.Csv)]
    [InlineData("metingen 2025.Xlsx", FileFormat.Xlsx)]
    [InlineData("api.JSON", FileFormat.Json)]
    public void FormatFollowsTheExtensionCaseInsensitively(string fileName, FileFormat expected)
    {
        Assert.Equal(expected, RowReaderFactory.FormatOf(fileName));
    }

    [Fact]
    public void UnsupportedExtensionIsRefused()
    {
        using var stream = new MemoryStream("a,b\n1,2\n"u8.ToArray());

        var refused = Assert.Throws<FileRefusedException>(
            () => RowReaderFactory.Open(stream, "levering.txt", "programmas", new ParseLimits()));

        Assert.Equal("bestandstype '.txt' wordt niet ondersteund (alleen .csv, .xlsx of .json)", refused.Message);
    }

    [Fact]
    public void OldExcelFormatIsRefused()
    {
        Assert.Equal(
            "bestandstype '.xls' wordt niet ondersteund (alleen .csv, .xlsx of .json)",
            Assert.Throws<FileRefusedException>(() => RowReaderFactory.FormatOf("oud.xls")).Message);
    }

    [Fact]
    public void OversizedFileIsRefusedWithTheLimitInMebibytes()
    {
        using var temp = new TempDirectory();
        var path = temp.File("groot.csv");
        using (var stream = File.Create(path))
        {
            stream.SetLength((200L * 1024 * 1024) + 1);
        }

        Assert.Equal("bestand is groter dan 200 MiB", RefusedPath(path).Message);
    }

    [Fact]
    public void FileExactlyAtTheLimitIsRead()
    {
        var size = new FileInfo(DataPath("utf8.csv")).Length;

        Assert.Equal(2, Read("utf8.csv", limits: new ParseLimits { MaxFileBytes = size }).Rows.Count);
        Assert.Equal($"bestand is groter dan {size - 1} bytes", Refused("utf8.csv", limits: new ParseLimits { MaxFileBytes = size - 1 }).Message);
    }

    [Fact]
    public void RowsCanBeEnumeratedOnlyOnce()
    {
        using var stream = File.OpenRead(DataPath("utf8.csv"));
        using var reader = RowReaderFactory.Open(stream, "utf8.csv", "programmas", new ParseLimits());

        Assert.Equal(2, reader.ReadRows(CancellationToken.None).Count());
        Assert.Throws<InvalidOperationException>(() => reader.ReadRows(CancellationToken.None));
    }

    [Theory]
    [InlineData("utf8.csv")]
    [InlineData("array.json")]
    public void ReadingStopsWhenCancelled(string name)
    {
        using var stream = File.OpenRead(DataPath(name));
        using var reader = RowReaderFactory.Open(stream, name, "programmas", new ParseLimits());
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => reader.ReadRows(cancellation.Token).ToList());
    }

    [Fact]
    public void DisposingTheReaderLeavesTheStreamOpen()
    {
        using var stream = File.OpenRead(DataPath("utf8.csv"));
        using (var reader = RowReaderFactory.Open(stream, "utf8.csv", "programmas", new ParseLimits()))
        {
            Assert.NotEmpty(reader.Header);
        }

        Assert.True(stream.CanRead);
    }
}
