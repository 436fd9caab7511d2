using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>Staging of a <c>programmas</c> delivery (aanleverformaat §2.1).</summary>
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
}
