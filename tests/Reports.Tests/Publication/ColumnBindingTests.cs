using System.Globalization;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// Every declared column publishes the record property of its own name: a row whose properties all hold
/// different values is written to CSV and read back by header, and each column must carry the value of
/// the property named like it (<c>gemiddeld_verschil</c> ↔ <c>GemiddeldVerschil</c>). Two swapped
/// columns would fail here, as the last test shows.
/// </summary>
public sealed class ColumnBindingTests
{
    public static TheoryData<string> Tables => [.. PublicationTables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Each_column_publishes_the_property_of_its_name(string table)
    {
        var spec = PublicationTables.All.Single(t => t.Name == table);
        var check = typeof(ColumnBindingTests).GetMethod(nameof(Mismatches))!.MakeGenericMethod(spec.RowType);
        Assert.Empty((IReadOnlyList<string>)check.Invoke(null, [spec])!);
    }

    [Fact]
    public void Two_swapped_columns_are_caught()
    {
        Assert.Equal(["g", "se"], Mismatches(Swapped.Table));
    }

    [Fact]
    public void A_column_bound_to_a_property_of_the_record_is_found_by_that_property()
    {
        Assert.Equal(1, PublicationTables.ScoresGemeenteThema.Column(r => r.Score).Decimals);
        Assert.Equal("bevolking_0_23", PublicationTables.ScoresGemeenteThema.Column(r => r.Bevolking023).Name);
        Assert.Throws<ArgumentException>(() => PublicationTables.ScoresGemeenteThema.Column(r => r.Gemeente.Length));
    }

    /// <summary>The columns whose CSV cell does not hold the value of the property named like the column.</summary>
    public static IReadOnlyList<string> Mismatches<TRow>(TableDefinition<TRow> table)
        where TRow : class
    {
        var row = (TRow)Activator.CreateInstance(typeof(TRow))!;
        var properties = typeof(TRow).GetProperties().Where(p => p.CanWrite).ToList();
        for (var i = 0; i < properties.Count; i++)
        {
            var type = Nullable.GetUnderlyingType(properties[i].PropertyType) ?? properties[i].PropertyType;
            object value = type == typeof(string) ? "waarde-van-" + properties[i].Name
                : type == typeof(bool) ? true
                : type == typeof(DateTimeOffset) ? DateTimeOffset.UnixEpoch.AddDays(i)
                : Convert.ChangeType(100 + i, type, CultureInfo.InvariantCulture);
            properties[i].SetValue(row, value);
        }

        var (header, rows) = CsvTableReader.ReadText(CsvTableWriter.Write(table.NewTable([row])));
        Assert.Equal(table.Columns.Select(c => c.Name), header);
        var mismatches = new List<string>();
        for (var c = 0; c < header.Count; c++)
        {
            var property = properties.Single(p => string.Equals(p.Name, header[c].Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            var expected = CsvTableWriter.Format(Normalise(property.GetValue(row)), table.Columns[c]);
            if (rows[0][c] != expected)
            {
                mismatches.Add(header[c]);
            }
        }

        return mismatches;
    }

    private static object? Normalise(object? value) => value switch
    {
        int i => (long)i,
        _ => value,
    };

    /// <summary>A table whose declaration binds g to Se and se to G.</summary>
    private sealed record Swapped
    {
        private static readonly ColumnsOf<Swapped> C = new();

        public static readonly TableDefinition<Swapped> Table = new("verwisseld", "Verwisseld", null,
        [
            C.Gemeente(r => r.Gemeente),
            C.Number("g", 3, "Effect g", "g", r => r.Se),
            C.Number("se", 3, "Standaardfout", "se", r => r.G),
        ], ["gemeente"]);

        public string? Gemeente { get; init; }

        public double? G { get; init; }

        public double? Se { get; init; }
    }
}
