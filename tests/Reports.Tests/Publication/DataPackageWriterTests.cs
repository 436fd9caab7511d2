using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

public sealed class DataPackageWriterTests
{
    private static readonly byte[] WitteVlekkenCsv = Encoding.UTF8.GetBytes(
        "gemeente,jaar,thema,leeftijdsgroep,programmas,beste_erkenning,effectief,status\n" +
        "0888,2025,opvoeden,0-3,0,,0,geen_aanbod\n" +
        "REGIO,2025,opvoeden,0-3,2,effectief_eerste,1,effectief_aanbod\n");

    private static readonly byte[] DatakwaliteitCsv = Encoding.UTF8.GetBytes(
        "levering_id,bron,gemeente,dataset,jaar,bestand,sha256,ontvangen_op,status,rijen,geaccepteerd,geweigerd,waarschuwingen\n" +
        "1,drop,0888,programmas,2025,\"0888/programma's, 2025.csv\"," + new string('a', 64) + ",2025-11-24T10:15:00Z,geaccepteerd,3,3,0,0\n");

    private static readonly byte[] InterventieMatchesCsv = Encoding.UTF8.GetBytes(
        "gemeente,jaar,programma_id,interventie_id,interventie_naam,databank,match,erkenning_lokaal,erkenning_landelijk,afwijking\n");

    private static DataPackageContent Content(IReadOnlyList<DataPackageDelivery>? deliveries = null) => new()
    {
        Name = DataPackageContent.NameFromLabel("tussenrapportage-2025-20251124-101500"),
        Title = "Tussenrapportage 2025",
        Created = new DateTimeOffset(2025, 11, 24, 11, 15, 0, TimeSpan.FromHours(1)),
        MethodVersion = "v1",
        Files =
        [
            new(PublicationTables.WitteVlekken, WitteVlekkenCsv),
            new(PublicationTables.Datakwaliteit, DatakwaliteitCsv),
            new(PublicationTables.InterventieMatches, InterventieMatchesCsv),
        ],
        ScoreRunId = 42,
        Parameters = [new("n_min", 10), new("g_groot", 0.8), new("w_E", 0.4), new("w_O", 0.6), new("k_min", 10)],
        Deliveries = deliveries ??
        [
            new(7, "http-bevolking", new string('c', 64)),
            new(1, "drop", new string('a', 64)),
            new(3, "drop", new string('b', 64)),
        ],
    };

    private static JsonDocument Parse(byte[] bytes) => JsonDocument.Parse(bytes);

    [Fact]
    public void Resources_describe_each_csv_with_its_exact_size_and_sha256()
    {
        var content = Content();
        using var doc = Parse(DataPackageWriter.Write(content));
        var resources = doc.RootElement.GetProperty("resources").EnumerateArray().ToList();

        Assert.Equal(content.Files.Count, resources.Count);
        for (var i = 0; i < resources.Count; i++)
        {
            var file = content.Files[i];
            var resource = resources[i];
            Assert.Equal(file.Spec.Name, resource.GetProperty("name").GetString());
            Assert.Equal(file.Spec.FileName, resource.GetProperty("path").GetString());
            Assert.Equal(file.Spec.Title, resource.GetProperty("title").GetString());
            Assert.Equal("tabular-data-resource", resource.GetProperty("profile").GetString());
            Assert.Equal("csv", resource.GetProperty("format").GetString());
            Assert.Equal("text/csv", resource.GetProperty("mediatype").GetString());
            Assert.Equal("utf-8", resource.GetProperty("encoding").GetString());
            Assert.Equal(file.Csv.LongLength, resource.GetProperty("bytes").GetInt64());
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(file.Csv)), resource.GetProperty("hash").GetString());
        }

        // A known vector, independent of the writer's own hashing.
        Assert.Equal("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DataPackageWriter.Hash([]));
    }

    [Fact]
    public void Dialect_states_the_csv_format_of_publicatie_3()
    {
        using var doc = Parse(DataPackageWriter.Write(Content()));
        foreach (var resource in doc.RootElement.GetProperty("resources").EnumerateArray())
        {
            var dialect = resource.GetProperty("dialect");
            Assert.Equal(",", dialect.GetProperty("delimiter").GetString());
            Assert.Equal("\"", dialect.GetProperty("quoteChar").GetString());
            Assert.True(dialect.GetProperty("doubleQuote").GetBoolean());
            Assert.Equal("\n", dialect.GetProperty("lineTerminator").GetString());
            Assert.True(dialect.GetProperty("header").GetBoolean());
        }
    }

    [Fact]
    public void Schema_fields_follow_the_table_spec_in_name_order_type_and_description()
    {
        var content = Content();
        using var doc = Parse(DataPackageWriter.Write(content));
        var resources = doc.RootElement.GetProperty("resources").EnumerateArray().ToList();

        for (var i = 0; i < resources.Count; i++)
        {
            var spec = content.Files[i].Spec;
            var schema = resources[i].GetProperty("schema");
            var fields = schema.GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(spec.Columns.Select(c => c.Name), fields.Select(f => f.GetProperty("name").GetString()));
            Assert.Equal(spec.Columns.Select(c => c.Description), fields.Select(f => f.GetProperty("description").GetString()));
            Assert.Equal(spec.Columns.Select(c => c.Header), fields.Select(f => f.GetProperty("title").GetString()));
            Assert.Equal(spec.PrimaryKey, schema.GetProperty("primaryKey").EnumerateArray().Select(k => k.GetString()));
            Assert.Equal([""], schema.GetProperty("missingValues").EnumerateArray().Select(v => v.GetString()));

            // The header row of the CSV names the same fields in the same order.
            var header = Encoding.UTF8.GetString(content.Files[i].Csv).Split('\n')[0];
            Assert.Equal(header.Split(','), fields.Select(f => f.GetProperty("name").GetString()));
        }

        var datakwaliteit = resources.Single(r => r.GetProperty("name").GetString() == "datakwaliteit");
        var types = datakwaliteit.GetProperty("schema").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString());
        Assert.Equal("integer", types["levering_id"]);
        Assert.Equal("string", types["bron"]);
        Assert.Equal("datetime", types["ontvangen_op"]);

        var matches = resources.Single(r => r.GetProperty("name").GetString() == "interventie_matches");
        var afwijking = matches.GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "afwijking");
        Assert.Equal("boolean", afwijking.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData(ColumnType.Text, "string")]
    [InlineData(ColumnType.Integer, "integer")]
    [InlineData(ColumnType.Number, "number")]
    [InlineData(ColumnType.Boolean, "boolean")]
    [InlineData(ColumnType.DateTime, "datetime")]
    public void Column_types_map_to_table_schema_types(ColumnType type, string expected) =>
        Assert.Equal(expected, DataPackageWriter.SchemaType(type));

    [Fact]
    public void Every_published_table_maps_to_a_valid_resource()
    {
        var content = Content() with
        {
            Files = [.. PublicationTables.All.Select(t => new DataPackageFile(t, Encoding.UTF8.GetBytes(string.Join(',', t.Columns.Select(c => c.Name)) + "\n")))],
        };
        using var doc = Parse(DataPackageWriter.Write(content));
        var resources = doc.RootElement.GetProperty("resources").EnumerateArray().ToList();

        Assert.Equal(PublicationTables.All.Select(t => t.Name), resources.Select(r => r.GetProperty("name").GetString()));
        var number = resources.Single(r => r.GetProperty("name").GetString() == "scores_gemeente_thema")
            .GetProperty("schema").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "bereik_pct");
        Assert.Equal("number", number.GetProperty("type").GetString());
    }

    [Fact]
    public void Package_metadata_follows_the_tabular_data_package_profile()
    {
        using var doc = Parse(DataPackageWriter.Write(Content()));
        var root = doc.RootElement;

        Assert.Equal("tabular-data-package", root.GetProperty("profile").GetString());
        Assert.Equal("tussenrapportage-2025-20251124-101500", root.GetProperty("name").GetString());
        Assert.Equal("Tussenrapportage 2025", root.GetProperty("title").GetString());
        Assert.Equal("v1", root.GetProperty("version").GetString());
        Assert.Equal("2025-11-24T10:15:00Z", root.GetProperty("created").GetString());
        Assert.Contains("CC BY 4.0", root.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(root.TryGetProperty("licenses", out _));

        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal("CBS StatLine 03759ned", source.GetProperty("title").GetString());
        Assert.Equal("https://opendata.cbs.nl/ODataApi/odata/03759ned/", source.GetProperty("path").GetString());
    }

    [Fact]
    public void Licenses_are_written_only_when_given()
    {
        var content = Content() with
        {
            Licenses = [new("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "Creative Commons Attribution 4.0")],
        };
        using var doc = Parse(DataPackageWriter.Write(content));

        var license = Assert.Single(doc.RootElement.GetProperty("licenses").EnumerateArray());
        Assert.Equal("CC-BY-4.0", license.GetProperty("name").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", license.GetProperty("path").GetString());
    }

    [Fact]
    public void Created_keeps_fractional_seconds_when_present()
    {
        var content = Content() with { Created = new DateTimeOffset(2025, 11, 24, 10, 15, 0, 250, TimeSpan.Zero) };
        using var doc = Parse(DataPackageWriter.Write(content));
        Assert.Equal("2025-11-24T10:15:00.25Z", doc.RootElement.GetProperty("created").GetString());
    }

    [Fact]
    public void Custom_property_holds_score_run_parameters_and_deliveries()
    {
        using var doc = Parse(DataPackageWriter.Write(Content()));
        var custom = doc.RootElement.GetProperty("preventiemonitor");

        Assert.Equal(42, custom.GetProperty("score_run_id").GetInt64());

        var parameters = custom.GetProperty("parameters").EnumerateObject().ToList();
        Assert.Equal(["n_min", "g_groot", "w_E", "w_O", "k_min"], parameters.Select(p => p.Name));
        Assert.Equal([10, 0.8, 0.4, 0.6, 10], parameters.Select(p => p.Value.GetDouble()));
        Assert.Equal("10", parameters[0].Value.GetRawText());
        Assert.Equal("0.8", parameters[1].Value.GetRawText());

        var deliveries = custom.GetProperty("leveringen").EnumerateArray().ToList();
        Assert.Equal([1L, 3L, 7L], deliveries.Select(d => d.GetProperty("id").GetInt64()));
        Assert.Equal(["drop", "drop", "http-bevolking"], deliveries.Select(d => d.GetProperty("bron").GetString()));
        Assert.Equal([new string('a', 64), new string('b', 64), new string('c', 64)], deliveries.Select(d => d.GetProperty("sha256").GetString()));
    }

    [Fact]
    public void Output_is_deterministic_utf8_without_bom_and_lf_only()
    {
        var first = DataPackageWriter.Write(Content());
        var second = DataPackageWriter.Write(Content());
        Assert.Equal(first, second);

        // Delivery order in the input does not change the bytes.
        var reordered = DataPackageWriter.Write(Content([new(3, "drop", new string('b', 64)), new(7, "http-bevolking", new string('c', 64)), new(1, "drop", new string('a', 64))]));
        Assert.Equal(first, reordered);

        Assert.False(first.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.DoesNotContain((byte)'\r', first);
        Assert.Equal((byte)'\n', first[^1]);
        var text = new UTF8Encoding(false, true).GetString(first);
        Assert.StartsWith("{\n  \"profile\": \"tabular-data-package\",\n", text, StringComparison.Ordinal);

        // Dutch text is written as is, not as \u escapes.
        Assert.Contains("Programma's met erkenning ≥ effectief_eerste", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_from_label_is_lowercase_and_url_safe()
    {
        Assert.Equal("tussenrapportage-2025-20251124-101500", DataPackageContent.NameFromLabel("tussenrapportage-2025-20251124-101500"));
        Assert.Equal("proef-2025-nov-a-b", DataPackageContent.NameFromLabel("Proef 2025 Nov a/b"));
    }

    [Fact]
    public void Invalid_content_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content() with { Name = "Tussenrapportage 2025" }));
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content() with { Name = "naam\n" }));
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content() with { Files = [] }));
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content() with
        {
            Files = [new(PublicationTables.WitteVlekken, WitteVlekkenCsv), new(PublicationTables.WitteVlekken, WitteVlekkenCsv)],
        }));
        Assert.Throws<ArgumentException>(() => new TableDefinition<WitteVlekRow>("witte_vlekken", "Witte vlekken", null,
            PublicationTables.WitteVlekken.BoundColumns, ["bestaat_niet"]));
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content() with { Parameters = [new("k_min", double.NaN)] }));
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content() with { Parameters = [new("k_min", 10), new("k_min", 5)] }));
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content([new(1, "drop", new string('A', 64))])));
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content([new(1, "drop", new string('a', 64)), new(1, "drop", new string('b', 64))])));
        Assert.Throws<ArgumentException>(() => DataPackageWriter.Write(Content() with { Licenses = [new("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY")] }));
    }
}
