using Dapper;
using Npgsql;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The tables read from a stored score run (methode-v1 §1–5), in the sort order of publicatie §3, unrounded.</summary>
internal static class ScoreTableQueries
{
    public static async Task<PublishedTable<EffectRow>> EffectenAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<EffectRow>(new CommandDefinition("""
            SELECT gemeente, @Jaar AS Jaar, programma_id AS ProgrammaId, thema, instrument, paren, gemiddeld_verschil AS GemiddeldVerschil,
                   sd_verschil AS SdVerschil, d_z AS Dz, g, se, ci_laag AS CiLaag, ci_hoog AS CiHoog, reden
            FROM score_effect WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return EffectRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => r.ProgrammaId, StringComparer.Ordinal)
            .ThenBy(r => order.Thema(r.Thema)).ThenBy(r => order.Instrument(r.Instrument)));
    }

    public static async Task<PublishedTable<ProgrammaThemaScoreRow>> ScoresProgrammaThemaAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<ProgrammaThemaScoreRow>(new CommandDefinition("""
            SELECT gemeente, @Jaar AS Jaar, programma_id AS ProgrammaId, thema, relevantie, erkenning, evidentie, effect_g AS EffectG,
                   effect_ci_laag AS EffectCiLaag, effect_ci_hoog AS EffectCiHoog, paren, score, label
            FROM score_programma_thema WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return ProgrammaThemaScoreRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente))
            .ThenBy(r => r.ProgrammaId, StringComparer.Ordinal).ThenBy(r => order.Thema(r.Thema)));
    }

    public static async Task<PublishedTable<GemeenteThemaScoreRow>> ScoresGemeenteThemaAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<GemeenteThemaScoreRow>(new CommandDefinition("""
            SELECT gemeente, '' AS GemeenteNaam, @Jaar AS Jaar, thema, programmas, deelnemers, score, effect_g AS EffectG, effect_ci_laag AS EffectCiLaag,
                   effect_ci_hoog AS EffectCiHoog, k, tau2, paren, bevolking_0_23 AS Bevolking023, bereik_pct AS BereikPct
            FROM score_gemeente_thema WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return GemeenteThemaScoreRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => order.Thema(r.Thema))
            .Select(r => r with { GemeenteNaam = order.Naam(r.Gemeente) }));
    }

    public static async Task<PublishedTable<WitteVlekRow>> WitteVlekkenAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<WitteVlekRow>(new CommandDefinition("""
            SELECT gemeente, @Jaar AS Jaar, thema, leeftijdsgroep, programmas, beste_erkenning AS BesteErkenning, effectief, status
            FROM score_witte_vlek WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return WitteVlekRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente)).ThenBy(r => order.Thema(r.Thema))
            .ThenBy(r => order.Leeftijdsgroep(r.Leeftijdsgroep)));
    }

    /// <summary>Programmes matched to the national list (methode-v1 §5a), by gemeente (REGIO last) and programma_id.</summary>
    public static async Task<PublishedTable<InterventieMatchRow>> InterventieMatchesAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<InterventieMatchRow>(new CommandDefinition("""
            SELECT gemeente, @Jaar AS Jaar, programma_id AS ProgrammaId, interventie_id AS InterventieId, interventie_naam AS InterventieNaam, databank, match,
                   erkenning_lokaal AS ErkenningLokaal, erkenning_landelijk AS ErkenningLandelijk, afwijking
            FROM score_interventie_match WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return InterventieMatchRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente), StringComparer.Ordinal)
            .ThenBy(r => r.ProgrammaId, StringComparer.Ordinal));
    }

    /// <summary>Suggestions for gaps (methode-v1 §5a), by gemeente (REGIO last), theme, age band, erkenning high → low, interventie_id.</summary>
    public static async Task<PublishedTable<SuggestieRow>> SuggestiesAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<SuggestieRow>(new CommandDefinition("""
            SELECT gemeente, @Jaar AS Jaar, thema, leeftijdsgroep, status, interventie_id AS InterventieId, interventie_naam AS InterventieNaam,
                   databank, erkenning, url
            FROM score_suggestie WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return SuggestieRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente), StringComparer.Ordinal).ThenBy(r => order.Thema(r.Thema))
            .ThenBy(r => order.Leeftijdsgroep(r.Leeftijdsgroep)).ThenByDescending(r => order.Erkenning(r.Erkenning))
            .ThenBy(r => r.InterventieId, StringComparer.Ordinal));
    }
}
