using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>Staging of a <c>bevolking</c> delivery (§2.3).</summary>
internal sealed class BevolkingStage(ValidationContext context) : DatasetStage
{
    public override Dataset Dataset => Dataset.Bevolking;

    public override string StageTable => "stage_bevolking";

    public override string CreateStaging =>
        "CREATE TEMP TABLE stage_bevolking (rij bigint, gemeente text, jaar integer, leeftijd smallint, aantal integer) ON COMMIT DROP";

    public override string CopyCommand =>
        "COPY stage_bevolking (rij, gemeente, jaar, leeftijd, aantal) FROM STDIN (FORMAT BINARY)";

    public override string Deduplicate => DuplicateSql("stage_bevolking", "gemeente, jaar, leeftijd",
        "format('dubbele rij: gemeente, jaar en leeftijd staan al op rij %s', eerste)");

    public override string InsertIntoModel => """
        INSERT INTO bevolking (levering_id, rij, gemeente, jaar, leeftijd, aantal)
        SELECT @id, rij, gemeente, jaar, leeftijd, aantal FROM stage_bevolking
        """;

    public override IReadOnlyList<RowIssue> ValidateAndWrite(RawRow row, NpgsqlBinaryImporter importer, RowFacts facts)
    {
        var result = BevolkingValidator.Validate(row, context);
        if (result.Record is not { } b)
        {
            return result.Issues;
        }

        importer.StartRow();
        importer.Write(b.Rij, NpgsqlDbType.Bigint);
        importer.Write(b.Gemeente, NpgsqlDbType.Text);
        importer.Write(b.Jaar, NpgsqlDbType.Integer);
        importer.Write((short)b.Leeftijd, NpgsqlDbType.Smallint);
        importer.Write(b.Aantal, NpgsqlDbType.Integer);
        return [];
    }
}
