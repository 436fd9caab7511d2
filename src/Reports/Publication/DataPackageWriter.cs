using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Preventiemonitor.Reports.Publication;

/// <summary>One CSV file of the publication: its table and its exact bytes as written.</summary>
public sealed record DataPackageFile(TableSpec Spec, byte[] Csv);

/// <summary>A method parameter of the score run (methode-v1 §6 name) and its value.</summary>
public sealed record DataPackageParameter(string Name, double Value);

/// <summary>A delivery the publication used: its id, source name and SHA-256 (lowercase hex) of its bytes.</summary>
public sealed record DataPackageDelivery(long Id, string Source, string Sha256);

/// <summary>A raw source of the data (Data Package v1 <c>sources</c>: title, optional path).</summary>
public sealed record DataPackageSource(string Title, string? Path = null);

/// <summary>A licence of the package (Data Package v1 <c>licenses</c>: Open Definition id, URL, title).</summary>
public sealed record DataPackageLicense(string Name, string Path, string Title);

/// <summary>
/// What <see cref="DataPackageWriter"/> describes: the publication's identity, its CSV files in
/// publication order and the provenance for the custom <c>preventiemonitor</c> property (publicatie §6).
/// </summary>
public sealed record DataPackageContent
{
    /// <summary>The CBS table the population figures (<c>bevolking_0_23</c>, <c>bereik_pct</c>) come from.</summary>
    public static readonly DataPackageSource CbsBevolking = new("CBS StatLine 03759ned", "https://opendata.cbs.nl/ODataApi/odata/03759ned/");

    /// <summary>
    /// Default package description. Data Package v1 sources carry no licence, so the attribution CBS
    /// requires for its open data (CC BY 4.0) is stated here.
    /// </summary>
    public const string DefaultDescription =
        "Tussenrapportage van de Preventiemonitor: programma's, effecten, scores, witte vlekken en datakwaliteit " +
        "per gemeente en thema. Bevolkingscijfers: CBS StatLine, tabel 03759ned " +
        "(https://opendata.cbs.nl/ODataApi/odata/03759ned/), licentie CC BY 4.0 " +
        "(https://creativecommons.org/licenses/by/4.0/), bron: Centraal Bureau voor de Statistiek.";

    /// <summary>Package name: lowercase, url-safe (<c>^[-a-z0-9._/]+$</c>); see <see cref="NameFromLabel"/>.</summary>
    public required string Name { get; init; }

    public required string Title { get; init; }

    /// <summary>When the publication was made; written as ISO 8601 UTC.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>Method version (e.g. <c>v1</c>), written as the package <c>version</c>.</summary>
    public required string MethodVersion { get; init; }

    /// <summary>The CSV files in publication order.</summary>
    public required IReadOnlyList<DataPackageFile> Files { get; init; }

    public required long ScoreRunId { get; init; }

    /// <summary>The method parameters of the score run, in the order they are to be written.</summary>
    public required IReadOnlyList<DataPackageParameter> Parameters { get; init; }

    /// <summary>The deliveries used; written in ascending id order.</summary>
    public required IReadOnlyList<DataPackageDelivery> Deliveries { get; init; }

    /// <summary>Package description (Markdown allowed); null writes none.</summary>
    public string? Description { get; init; } = DefaultDescription;

    /// <summary>Raw sources of the data; by default the CBS population table.</summary>
    public IReadOnlyList<DataPackageSource> Sources { get; init; } = [CbsBevolking];

    /// <summary>
    /// Licences of the package itself. Empty by default: publicatie.md does not fix the licence of the
    /// publication, so the publisher decides; an empty list writes no <c>licenses</c> (the spec wants at least one item).
    /// </summary>
    public IReadOnlyList<DataPackageLicense> Licenses { get; init; } = [];

    /// <summary>A package name from a publication label: lowercase, every character outside <c>[-a-z0-9._]</c> becomes <c>-</c>.</summary>
    public static string NameFromLabel(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        var builder = new StringBuilder(label.Length);
        foreach (var c in label.ToLowerInvariant())
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' ? c : '-');
        }

        return builder.ToString();
    }
}

/// <summary>
/// Writes <c>datapackage.json</c> (publicatie §6): a Frictionless Tabular Data Package (v1) with one
/// Tabular Data Resource per CSV — path, format, media type, encoding, size, SHA-256, CSV dialect
/// (publicatie §3) and Table Schema — plus the custom property <c>preventiemonitor</c> (score run,
/// parameters, deliveries used). Output: UTF-8 without BOM, indented with two spaces, <c>\n</c> line
/// ends, final newline; the same content always gives the same bytes.
/// </summary>
public static partial class DataPackageWriter
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
        Validate(content);

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
        json.WriteEndObject();
    }

    private static string FormatCreated(DateTimeOffset created) =>
        created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static void Validate(DataPackageContent content)
    {
        if (!NamePattern().IsMatch(content.Name))
        {
            throw new ArgumentException($"Pakketnaam '{content.Name}' mag alleen kleine letters, cijfers en - . _ / bevatten.", nameof(content));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(content.Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(content.MethodVersion);

        if (content.Files.Count == 0)
        {
            throw new ArgumentException("Een datapakket heeft minstens één CSV-bestand.", nameof(content));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in content.Files)
        {
            ArgumentNullException.ThrowIfNull(file.Spec);
            ArgumentNullException.ThrowIfNull(file.Csv);
            var spec = file.Spec;
            if (!NamePattern().IsMatch(spec.Name))
            {
                throw new ArgumentException($"Tabelnaam '{spec.Name}' is geen geldige resourcenaam.", nameof(content));
            }

            if (!names.Add(spec.Name))
            {
                throw new ArgumentException($"Tabel {spec.Name} staat twee keer in het datapakket.", nameof(content));
            }

            if (spec.Columns.Count == 0)
            {
                throw new ArgumentException($"Tabel {spec.Name} heeft geen kolommen.", nameof(content));
            }

            if (spec.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != spec.Columns.Count)
            {
                throw new ArgumentException($"Tabel {spec.Name} heeft dubbele kolomnamen.", nameof(content));
            }

            if (spec.PrimaryKey.Count == 0 || spec.PrimaryKey.Distinct(StringComparer.Ordinal).Count() != spec.PrimaryKey.Count)
            {
                throw new ArgumentException($"Tabel {spec.Name}: de primaire sleutel moet uit verschillende kolommen bestaan.", nameof(content));
            }

            foreach (var key in spec.PrimaryKey)
            {
                if (!spec.Has(key))
                {
                    throw new ArgumentException($"Tabel {spec.Name}: sleutelkolom '{key}' bestaat niet.", nameof(content));
                }
            }
        }

        var parameterNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in content.Parameters)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(parameter.Name);
            if (!parameterNames.Add(parameter.Name))
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' staat er twee keer in.", nameof(content));
            }

            if (!double.IsFinite(parameter.Value))
            {
                throw new ArgumentException($"Parameter '{parameter.Name}' heeft geen eindige waarde.", nameof(content));
            }
        }

        var deliveryIds = new HashSet<long>();
        foreach (var delivery in content.Deliveries)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(delivery.Source);
            if (!deliveryIds.Add(delivery.Id))
            {
                throw new ArgumentException($"Levering {delivery.Id} staat er twee keer in.", nameof(content));
            }

            if (!Sha256Pattern().IsMatch(delivery.Sha256))
            {
                throw new ArgumentException($"Levering {delivery.Id}: '{delivery.Sha256}' is geen SHA-256 in kleine hexadecimale letters.", nameof(content));
            }
        }

        foreach (var source in content.Sources)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(source.Title);
        }

        foreach (var license in content.Licenses)
        {
            if (!LicenseNamePattern().IsMatch(license.Name))
            {
                throw new ArgumentException($"Licentie '{license.Name}' is geen Open Definition-id.", nameof(content));
            }
        }
    }

    /// <summary>Data Package v1 name pattern for packages and resources.</summary>
    [GeneratedRegex(@"^[-a-z0-9._/]+\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[0-9a-f]{64}\z")]
    private static partial Regex Sha256Pattern();

    /// <summary>Data Package v1 licence name pattern (an Open Definition licence id).</summary>
    [GeneratedRegex(@"^[-a-zA-Z0-9._]+\z")]
    private static partial Regex LicenseNamePattern();
}
