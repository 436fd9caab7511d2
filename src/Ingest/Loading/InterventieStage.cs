using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>Staging of the national list of interventions (§2.4).</summary>
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
        WriteNullable(importer, i.Url, NpgsqlDbType.Text);
        importer.Write(i.Peildatum, NpgsqlDbType.Date);
        return [];
    }
}
