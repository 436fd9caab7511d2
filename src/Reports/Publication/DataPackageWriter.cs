using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Writes <c>datapackage.json</c> (publicatie §6): a Frictionless Tabular Data Package (v1) with one
/// Tabular Data Resource per CSV — path, format, media type, encoding, size, SHA-256, CSV dialect
/// (publicatie §3) and Table Schema — plus the custom property <c>preventiemonitor</c> (score run,
/// parameters, deliveries used). Output: UTF-8 without BOM, indented with two spaces, <c>\n</c> line
/// ends, final newline; the same content always gives the same bytes.
/// </summary>
public static class DataPackageWriter
{
    public const string FileName = "datapackage.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
        // Keeps Dutch text (é, ’, ≥, €) readable; the output is a file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(DataPackageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        DataPackageValidation.Validate(content);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("profile", "tabular-data-package");
            json.WriteString("name", content.Name);
            json.WriteString("title", content.Title);
            if (content.Description is not null)
            {
                json.WriteString("description", content.Description);
            }

            json.WriteString("version", content.MethodVersion);
            json.WriteString("created", FormatCreated(content.Created));

            if (content.Licenses.Count > 0)
            {
                json.WriteStartArray("licenses");
                foreach (var license in content.Licenses)
                {
                    json.WriteStartObject();
                    json.WriteString("name", license.Name);
                    json.WriteString("path", license.Path);
                    json.WriteString("title", license.Title);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("sources");
            foreach (var source in content.Sources)
            {
                json.WriteStartObject();
                json.WriteString("title", source.Title);
                if (source.Path is not null)
                {
                    json.WriteString("path", source.Path);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("resources");
            foreach (var file in content.Files)
            {
                WriteResource(json, file);
            }

            json.WriteEndArray();

            WriteProvenance(json, content);
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The Table Schema type of a column type.</summary>
    public static string SchemaType(ColumnType type) => type switch
    {
        ColumnType.Text => "string",
        ColumnType.Integer => "integer",
        ColumnType.Number => "number",
        ColumnType.Boolean => "boolean",
        ColumnType.DateTime => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Onbekend kolomtype."),
    };

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the bytes (the Data Resource <c>hash</c> form).</summary>
    public static string Hash(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void WriteResource(Utf8JsonWriter json, DataPackageFile file)
    {
        var spec = file.Spec;
        json.WriteStartObject();
        json.WriteString("profile", "tabular-data-resource");
        json.WriteString("name", spec.Name);
        json.WriteString("path", spec.FileName);
        json.WriteString("title", spec.Title);
        json.WriteString("format", "csv");
        json.WriteString("mediatype", "text/csv");
        json.WriteString("encoding", "utf-8");
        json.WriteNumber("bytes", file.Csv.LongLength);
        json.WriteString("hash", Hash(file.Csv));

        json.WriteStartObject("dialect");
        json.WriteString("delimiter", ",");
        json.WriteString("quoteChar", "\"");
        json.WriteBoolean("doubleQuote", true);
        json.WriteString("lineTerminator", "\n");
        json.WriteBoolean("header", true);
        json.WriteEndObject();

        json.WriteStartObject("schema");
        json.WriteStartArray("fields");
        foreach (var column in spec.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("title", column.Header);
            json.WriteString("type", SchemaType(column.Type));
            json.WriteString("description", column.Description);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("primaryKey");
        foreach (var key in spec.PrimaryKey)
        {
            json.WriteStringValue(key);
        }

        json.WriteEndArray();
        json.WriteStartArray("missingValues");
        json.WriteStringValue("");
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter json, DataPackageContent content)
    {
        json.WriteStartObject("preventiemonitor");
        json.WriteNumber("score_run_id", content.ScoreRunId);

        json.WriteStartObject("parameters");
        foreach (var parameter in content.Parameters)
        {
            json.WriteNumber(parameter.Name, parameter.Value);
        }

        json.WriteEndObject();

        json.WriteStartArray("leveringen");
        foreach (var delivery in content.Deliveries.OrderBy(d => d.Id))
        {
            json.WriteStartObject();
            json.WriteNumber("id", delivery.Id);
            json.WriteString("bron", delivery.Source);
            json.WriteString("sha256", delivery.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (content.Disclosure is { } disclosure)
        {
            json.WriteStartObject("onthulling");
            json.WriteNumber("k_min", disclosure.KMin);
            json.WriteNumber("primair", disclosure.Primary);
            json.WriteNumber("secundair", disclosure.Secondary);
            json.WriteString("audit", "geslaagd");
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string FormatCreated(DateTimeOffset created) =>
        created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
