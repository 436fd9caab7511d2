using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>
/// The dataset-specific part of loading: the temporary staging table the valid rows are COPY'd into,
/// the validation of one row, and the set-based SQL that removes duplicates, derives warnings and
/// moves the rows into the model. Every SQL statement here runs inside the delivery's transaction.
/// </summary>
internal abstract class DatasetStage
{
    public abstract Dataset Dataset { get; }

    /// <summary>
    /// The staging table (temporary, dropped at commit); it has the columns gemeente and jaar, except for
    /// the national list of interventions, which belongs to no municipality or year.
    /// </summary>
    public abstract string StageTable { get; }

    public abstract string CreateStaging { get; }

    public abstract string CopyCommand { get; }

    /// <summary>Deletes later duplicates from staging and records them in stage_fout.</summary>
    public abstract string Deduplicate { get; }

    /// <summary>
    /// False when the stage knows that the staged rows have no duplicate keys (then <see cref="Deduplicate"/>
    /// need not run); true when it does not know.
    /// </summary>
    public virtual bool MayHaveDuplicates => true;

    /// <summary>Inserts staging into the model with <c>@id</c> as the delivery.</summary>
    public abstract string InsertIntoModel { get; }

    /// <summary>Validates one row; writes a valid row to the importer and returns no issues.</summary>
    public abstract IReadOnlyList<RowIssue> ValidateAndWrite(RawRow row, NpgsqlBinaryImporter importer, RowFacts facts);

    public static DatasetStage For(Dataset dataset, ValidationContext context, byte[] participantKey) => dataset switch
    {
        Dataset.Programmas => new ProgrammaStage(context),
        Dataset.Metingen => new MetingStage(context, participantKey),
        Dataset.Bevolking => new BevolkingStage(context),
        Dataset.Interventies => new InterventieStage(context),
        _ => throw new ArgumentOutOfRangeException(nameof(dataset)),
    };

    protected static string DuplicateSql(string table, string partitionBy, string reasonSql) => $"""
        WITH ranked AS (
            SELECT ctid AS tid, rij, first_value(rij) OVER w AS eerste, row_number() OVER w AS nr
            FROM {table}
            WINDOW w AS (PARTITION BY {partitionBy} ORDER BY rij)
        ), removed AS (
            DELETE FROM {table} s USING ranked r WHERE s.ctid = r.tid AND r.nr > 1
            RETURNING r.rij, r.eerste
        )
        INSERT INTO stage_fout (rij, kolom, waarde, reden)
        SELECT rij, NULL, NULL, {reasonSql} FROM removed
        """;

    protected static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, type);
        }
    }
}
