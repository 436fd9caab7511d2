using System.Text;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Tests.Loading;
using Preventiemonitor.Ingest.Tests.Validation;

namespace Preventiemonitor.Ingest.Tests.Parsing;

/// <summary><see cref="PlainCsvReader"/> against <see cref="CsvRowReader"/>: for every plain file the same rows, numbers, cells and extra cells.</summary>
public sealed class PlainCsvReaderTests
{
    [Fact]
    public void Generated_files_read_as_bytes_give_the_rows_CsvHelper_gives()
    {
        var plainFiles = 0;
        var rows = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var bytes = new MeasurementCsvGenerator(seed, ContractCatalog.Instance.Instrumenten) { Broken = 0.5 }.File();
            using var stream = new MemoryStream(bytes);
            using var reader = (CsvRowReader)RowReaderFactory.Open(stream, "metingen.csv", "metingen", new ParseLimits());
            if (PlainCsvReader.TryOpen(reader) is not { } plain)
            {
                Assert.True(bytes.Contains((byte)'"') || HasLoneCarriageReturn(bytes), $"seed {seed}: the file is plain");
                continue;
            }

            plainFiles++;
            var expected = Rows(bytes);
            var actual = plain.ReadRows(CancellationToken.None).ToList();
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(Describe(expected[i]), Describe(actual[i]));
            }

            rows += actual.Count;
        }

        Assert.True(plainFiles > 300, $"{plainFiles} plain files");
        Assert.True(rows > 5000, $"{rows} rows");
    }

    [Theory]
    [InlineData("a;b\n1;\"2\"\n", 1)]
    [InlineData("a;b\n1;2\r3;4\n", 2)]
    [InlineData("a;b\r1;2\r\n", 1)]
    public void A_file_with_a_quote_or_a_lone_carriage_return_is_left_to_CsvHelper(string text, int rows)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var reader = (CsvRowReader)RowReaderFactory.Open(stream, "metingen.csv", "metingen", new ParseLimits());

        Assert.Null(PlainCsvReader.TryOpen(reader));
        // CsvHelper reads on where it was.
        Assert.Equal(rows, reader.ReadRows(CancellationToken.None).Count());
    }

    [Fact]
    public void A_file_that_is_not_UTF8_or_has_a_very_long_line_is_left_to_CsvHelper()
    {
        byte[][] files =
        [
            [.. "a;b\n"u8, 0xE9, .. ";2\n"u8],
            Encoding.UTF8.GetBytes("a;b\n" + new string('x', PlainCsvReader.MaxLineBytes) + ";2\n1;2\n"),
        ];
        foreach (var bytes in files)
        {
            using var stream = new MemoryStream(bytes);
            using var reader = (CsvRowReader)RowReaderFactory.Open(stream, "metingen.csv", "metingen", new ParseLimits());

            Assert.Null(PlainCsvReader.TryOpen(reader));
            Assert.NotEmpty(reader.ReadRows(CancellationToken.None));
        }
    }

    private static List<RawRow> Rows(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var reader = RowReaderFactory.Open(stream, "metingen.csv", "metingen", new ParseLimits());
        return [.. reader.ReadRows(CancellationToken.None)];
    }

    private static string Describe(RawRow row) =>
        $"{row.RowNumber} [{string.Join("|", row.Cells.Select(c => c.Text is null ? "∅" : $"<{c.Text}>"))}] +{row.ExtraNonEmptyCells}";

    private static bool HasLoneCarriageReturn(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] != '\n')
            {
                return true;
            }
        }

        return false;
    }
}
