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
}

/// <summary>What the processor learns from each row regardless of validity (for file-level rules).</summary>
internal sealed class RowFacts
{
    public bool LooksLikeBsn { get; set; }

    public void Reset() => LooksLikeBsn = false;
}

internal sealed class ProgrammaStage(ValidationContext context) : DatasetStage
{
    public override Dataset Dataset => Dataset.Programmas;

    public override string StageTable => "stage_programma";

    public override string CreateStaging => """
        CREATE TEMP TABLE stage_programma (
            rij bigint, programma_id text, naam text, aanbieder text, gemeente text, jaar integer, doelgroep text,
            leeftijd_van smallint, leeftijd_tot smallint, thema_primair text, themas_secundair text[], erkenning text,
            preventietype text, deelnemers integer, budget_eur numeric, startdatum date, einddatum date
        ) ON COMMIT DROP
        """;

    public override string CopyCommand => """
        COPY stage_programma (rij, programma_id, naam, aanbieder, gemeente, jaar, doelgroep, leeftijd_van, leeftijd_tot,
            thema_primair, themas_secundair, erkenning, preventietype, deelnemers, budget_eur, startdatum, einddatum)
        FROM STDIN (FORMAT BINARY)
        """;

    public override string Deduplicate => DuplicateSql("stage_programma", "programma_id",
        "format('dubbel programma_id ''%s'' (al op rij %s)', (SELECT programma_id FROM stage_programma WHERE rij = removed.eerste), eerste)");

    public override string InsertIntoModel => """
        INSERT INTO programma (levering_id, rij, programma_id, naam, aanbieder, gemeente, jaar, doelgroep, leeftijd_van,
            leeftijd_tot, thema_primair, themas_secundair, erkenning, preventietype, deelnemers, budget_eur, startdatum, einddatum)
        SELECT @id, rij, programma_id, naam, aanbieder, gemeente, jaar, doelgroep, leeftijd_van, leeftijd_tot,
            thema_primair, themas_secundair, erkenning, preventietype, deelnemers, budget_eur, startdatum, einddatum
        FROM stage_programma
        """;

    public override IReadOnlyList<RowIssue> ValidateAndWrite(RawRow row, NpgsqlBinaryImporter importer, RowFacts facts)
    {
        var result = ProgrammaValidator.Validate(row, context);
        if (result.Record is not { } p)
        {
            return result.Issues;
        }

        importer.StartRow();
        importer.Write(p.Rij, NpgsqlDbType.Bigint);
        importer.Write(p.ProgrammaId, NpgsqlDbType.Text);
        importer.Write(p.Naam, NpgsqlDbType.Text);
        WriteNullable(importer, p.Aanbieder, NpgsqlDbType.Text);
        importer.Write(p.Gemeente, NpgsqlDbType.Text);
        importer.Write(p.Jaar, NpgsqlDbType.Integer);
        importer.Write(p.Doelgroep, NpgsqlDbType.Text);
        importer.Write((short)p.LeeftijdVan, NpgsqlDbType.Smallint);
        importer.Write((short)p.LeeftijdTot, NpgsqlDbType.Smallint);
        importer.Write(p.ThemaPrimair, NpgsqlDbType.Text);
        importer.Write(p.ThemasSecundair.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        importer.Write(p.Erkenning, NpgsqlDbType.Text);
        WriteNullable(importer, p.Preventietype, NpgsqlDbType.Text);
        importer.Write(p.Deelnemers, NpgsqlDbType.Integer);
        WriteNullable(importer, p.BudgetEur, NpgsqlDbType.Numeric);
        WriteNullable(importer, p.Startdatum, NpgsqlDbType.Date);
        WriteNullable(importer, p.Einddatum, NpgsqlDbType.Date);
        return [];
    }

    internal static void WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type)
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

internal sealed class MetingStage(ValidationContext context, byte[] participantKey) : DatasetStage, IDisposable
{
    private readonly MetingValidator _validator = new(context, participantKey);

    public override Dataset Dataset => Dataset.Metingen;

    public override string StageTable => "stage_meting";

    public override string CreateStaging => """
        CREATE TEMP TABLE stage_meting (
            rij bigint, gemeente text, jaar integer, programma_id text, deelnemer_hash bytea, moment text,
            datum date, leeftijd smallint, instrument text, score numeric
        ) ON COMMIT DROP
        """;

    public override string CopyCommand => """
        COPY stage_meting (rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score)
        FROM STDIN (FORMAT BINARY)
        """;

    public override string Deduplicate => DuplicateSql("stage_meting",
        "gemeente, jaar, programma_id, deelnemer_hash, instrument, moment",
        "format('dubbele meting: zelfde programma, deelnemer, instrument en moment als rij %s', eerste)");

    public override string InsertIntoModel => """
        INSERT INTO meting (levering_id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score)
        SELECT @id, rij, gemeente, jaar, programma_id, deelnemer_hash, moment, datum, leeftijd, instrument, score
        FROM stage_meting
        """;

    public override IReadOnlyList<RowIssue> ValidateAndWrite(RawRow row, NpgsqlBinaryImporter importer, RowFacts facts)
    {
        var result = _validator.Validate(row, out var looksLikeBsn);
        facts.LooksLikeBsn = looksLikeBsn;
        if (result.Record is not { } m)
        {
            return result.Issues;
        }

        importer.StartRow();
        importer.Write(m.Rij, NpgsqlDbType.Bigint);
        importer.Write(m.Gemeente, NpgsqlDbType.Text);
        importer.Write(m.Jaar, NpgsqlDbType.Integer);
        importer.Write(m.ProgrammaId, NpgsqlDbType.Text);
        importer.Write(m.DeelnemerHash, NpgsqlDbType.Bytea);
        importer.Write(m.Moment, NpgsqlDbType.Text);
        importer.Write(m.Datum, NpgsqlDbType.Date);
        importer.Write((short)m.Leeftijd, NpgsqlDbType.Smallint);
        importer.Write(m.Instrument, NpgsqlDbType.Text);
        importer.Write(m.Score, NpgsqlDbType.Numeric);
        return [];
    }

    public void Dispose() => _validator.Dispose();
}

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

internal sealed class InterventieStage(ValidationContext context) : DatasetStage
{
    public override Dataset Dataset => Dataset.Interventies;

    public override string StageTable => "stage_interventie";

    public override string CreateStaging => """
        CREATE TEMP TABLE stage_interventie (
            rij bigint, interventie_id text, naam text, databank text, erkenning text, doelgroep text,
            leeftijd_van smallint, leeftijd_tot smallint, thema_primair text, themas_secundair text[], url text, peildatum date
        ) ON COMMIT DROP
        """;

    public override string CopyCommand => """
        COPY stage_interventie (rij, interventie_id, naam, databank, erkenning, doelgroep, leeftijd_van, leeftijd_tot,
            thema_primair, themas_secundair, url, peildatum)
        FROM STDIN (FORMAT BINARY)
        """;

    public override string Deduplicate => DuplicateSql("stage_interventie", "interventie_id",
        "format('dubbel interventie_id ''%s'' (al op rij %s)', (SELECT interventie_id FROM stage_interventie WHERE rij = removed.eerste), eerste)");

    public override string InsertIntoModel => """
        INSERT INTO interventie (levering_id, rij, interventie_id, naam, databank, erkenning, doelgroep, leeftijd_van,
            leeftijd_tot, thema_primair, themas_secundair, url, peildatum)
        SELECT @id, rij, interventie_id, naam, databank, erkenning, doelgroep, leeftijd_van, leeftijd_tot,
            thema_primair, themas_secundair, url, peildatum
        FROM stage_interventie
        """;

    public override IReadOnlyList<RowIssue> ValidateAndWrite(RawRow row, NpgsqlBinaryImporter importer, RowFacts facts)
    {
        var result = InterventieValidator.Validate(row, context);
        if (result.Record is not { } i)
        {
            return result.Issues;
        }

        importer.StartRow();
        importer.Write(i.Rij, NpgsqlDbType.Bigint);
        importer.Write(i.InterventieId, NpgsqlDbType.Text);
        importer.Write(i.Naam, NpgsqlDbType.Text);
        importer.Write(i.Databank, NpgsqlDbType.Text);
        importer.Write(i.Erkenning, NpgsqlDbType.Text);
        importer.Write(i.Doelgroep, NpgsqlDbType.Text);
        importer.Write((short)i.LeeftijdVan, NpgsqlDbType.Smallint);
        importer.Write((short)i.LeeftijdTot, NpgsqlDbType.Smallint);
        importer.Write(i.ThemaPrimair, NpgsqlDbType.Text);
        importer.Write(i.ThemasSecundair.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        ProgrammaStage.WriteNullable(importer, i.Url, NpgsqlDbType.Text);
        importer.Write(i.Peildatum, NpgsqlDbType.Date);
        return [];
    }
}
