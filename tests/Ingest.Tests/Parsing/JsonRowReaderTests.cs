using Preventiemonitor.Ingest.Parsing;
using static Preventiemonitor.Ingest.Tests.Parsing.ParsingTestFiles;

namespace Preventiemonitor.Ingest.Tests.Parsing;

public sealed class JsonRowReaderTests
{
    [Fact]
    public void ArrayOfObjectsWithNumbersStringsAndNull()
    {
        var result = Read("array.json");

        Assert.Equal(FileFormat.Json, result.Format);
        Assert.Equal("JSON, lijst van objecten", result.Description);
        Assert.False(result.DecimalCommaAllowed);
        Assert.Equal(["programma_id", "score", "naam", "aanbieder", "actief", "extra", "nested"], result.Header);
        Assert.Equal([2L, 3L, 4L], result.Rows.Select(r => r.RowNumber));

        var first = result.Rows[0].Cells;
        Assert.Equal(new RawCell("P1"), first[0]);
        Assert.Equal(new RawCell("3.50", Number: 3.5), first[1]);
        Assert.Equal(new RawCell("Café"), first[2]);
        Assert.True(first[3].IsEmpty);
        Assert.Equal(new RawCell("true"), first[4]);

        var second = result.Rows[1].Cells;
        Assert.Equal(new RawCell("7", Number: 7), second[1]);
        Assert.Equal("Zoë", second[2].Text);
        Assert.True(second[4].IsEmpty);

        var third = result.Rows[2].Cells;
        Assert.True(third[0].IsEmpty);
        Assert.Equal(new RawCell("-1e2", Number: -100), third[1]);
        Assert.Equal("Derde", third[2].Text);
    }

    [Fact]
    public void KeysFirstSeenInLaterObjectsAreColumnsToo()
    {
        var result = Read("array.json");

        Assert.Empty(result.Warnings);
        // "Extra" is the same column as "extra" (names are normalised); within one object the first value counts.
        Assert.True(result.Rows[0].Cells[5].IsEmpty);
        Assert.Equal(new RawCell("1", Number: 1), result.Rows[1].Cells[5]);
        Assert.Equal(new RawCell("5", Number: 5), result.Rows[2].Cells[5]);
        Assert.Equal("{\"a\": [1, 2]}", result.Rows[2].Cells[6].Text);
    }

    [Fact]
    public void NestedValueBecomesRawJsonText()
    {
        using var temp = new TempDirectory();
        var path = temp.File("genest.json");
        File.WriteAllText(path, """[{"programma_id": "P1", "themas": ["a", "b"]}]""");

        var row = Assert.Single(ReadPath(path).Rows);

        Assert.Equal("[\"a\", \"b\"]", row.Cells[1].Text);
    }

    [Fact]
    public void KeysMatchAfterNormalisation()
    {
        using var temp = new TempDirectory();
        var path = temp.File("sleutels.json");
        File.WriteAllText(path, "\uFEFF" + """[{"Programma ID": "P1"}, {"programma_id": "P2"}]""");

        var result = ReadPath(path);

        Assert.Equal(["Programma ID"], result.Header);
        Assert.Equal(["P1", "P2"], result.Rows.Select(r => r.Cells[0].Text));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void ObjectInsteadOfArrayIsRefused()
    {
        Assert.Equal("JSON moet een lijst (array) van objecten zijn", Refused("object.json").Message);
    }

    [Fact]
    public void ArrayOfNumbersIsRefused()
    {
        Assert.StartsWith("JSON moet een lijst (array) van objecten zijn", Refused("array-of-numbers.json").Message);
    }

    [Fact]
    public void EmptyArrayIsRefused()
    {
        Assert.StartsWith("JSON-lijst is leeg", Refused("empty-array.json").Message);
    }

    [Fact]
    public void BrokenJsonIsRefusedWithItsPosition()
    {
        Assert.StartsWith("bestand is geen geldige JSON (regel 2", Refused("broken.json").Message);
    }
}
