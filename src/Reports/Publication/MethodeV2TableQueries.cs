using Dapper;
using Npgsql;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Publication;

/// <summary>The four tables of methode-v2 §10 read from a stored v2 score run (migration 0010), in the sort order of publicatie §3, unrounded.</summary>
internal static class MethodeV2TableQueries
{
    /// <summary>Sorted as effecten.csv: gemeente (REGIO last), programma_id, theme, instrument.</summary>
    public static async Task<PublishedTable<DuurzaamheidEffectRow>> DuurzaamheidEffectenAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<DuurzaamheidEffectRow>(new CommandDefinition("""
            SELECT gemeente, @Jaar AS Jaar, programma_id AS ProgrammaId, thema, instrument, tripels,
                   gemiddeld_t1 AS GemiddeldT1, sd_t1 AS SdT1, gemiddeld_t2 AS GemiddeldT2, sd_t2 AS SdT2,
                   gemiddeld_terugval AS GemiddeldTerugval, sd_terugval AS SdTerugval, g_t1 AS GT1,
                   g_t2 AS GT2, g_t2_ci_laag AS GT2CiLaag, g_t2_ci_hoog AS GT2CiHoog,
                   g_terugval AS GTerugval, g_terugval_ci_laag AS GTerugvalCiLaag, g_terugval_ci_hoog AS GTerugvalCiHoog,
                   behoud_pct AS BehoudPct, follow_up_dagen AS FollowUpDagen, reden
            FROM score_duurzaamheid_effect WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return DuurzaamheidEffectRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente), StringComparer.Ordinal)
            .ThenBy(r => r.ProgrammaId, StringComparer.Ordinal).ThenBy(r => order.Thema(r.Thema)).ThenBy(r => order.Instrument(r.Instrument)));
    }

    /// <summary>Sorted as scores_programma_thema.csv: gemeente (REGIO last), programma_id, theme.</summary>
    public static async Task<PublishedTable<DuurzaamheidProgrammaThemaRow>> DuurzaamheidProgrammaThemaAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<DuurzaamheidProgrammaThemaRow>(new CommandDefinition("""
            SELECT gemeente, @Jaar AS Jaar, programma_id AS ProgrammaId, thema, tripels,
                   g_t2 AS GT2, g_t2_ci_laag AS GT2CiLaag, g_t2_ci_hoog AS GT2CiHoog,
                   g_terugval AS GTerugval, g_terugval_ci_laag AS GTerugvalCiLaag, g_terugval_ci_hoog AS GTerugvalCiHoog, label
            FROM score_duurzaamheid_programma_thema WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return DuurzaamheidProgrammaThemaRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente), StringComparer.Ordinal)
            .ThenBy(r => r.ProgrammaId, StringComparer.Ordinal).ThenBy(r => order.Thema(r.Thema)));
    }

    /// <summary>Sorted as scores_gemeente_thema.csv: gemeente (REGIO last), theme.</summary>
    public static async Task<PublishedTable<DuurzaamheidGemeenteThemaRow>> DuurzaamheidGemeenteThemaAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<DuurzaamheidGemeenteThemaRow>(new CommandDefinition("""
            SELECT gemeente, '' AS GemeenteNaam, @Jaar AS Jaar, thema, programmas_follow_up AS ProgrammasFollowUp, tripels,
                   k_t2 AS KT2, g_t2 AS GT2, g_t2_ci_laag AS GT2CiLaag, g_t2_ci_hoog AS GT2CiHoog, tau2_t2 AS Tau2T2,
                   k_terugval AS KTerugval, g_terugval AS GTerugval, g_terugval_ci_laag AS GTerugvalCiLaag,
                   g_terugval_ci_hoog AS GTerugvalCiHoog, tau2_terugval AS Tau2Terugval
            FROM score_duurzaamheid_gemeente_thema WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return DuurzaamheidGemeenteThemaRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente), StringComparer.Ordinal)
            .ThenBy(r => order.Thema(r.Thema)).Select(r => r with { GemeenteNaam = order.Naam(r.Gemeente) }));
    }

    /// <summary>Sorted by gemeente (REGIO last), theme, then dimension and group in the orders of methode-v2 §9 (not alphabetical).</summary>
    public static async Task<PublishedTable<EffectDoelgroepRow>> EffectenDoelgroepAsync(NpgsqlConnection c, ScoreRunInfo run, PublicationOrder order, CancellationToken ct)
    {
        var rows = await c.QueryAsync<EffectDoelgroepRow>(new CommandDefinition("""
            SELECT gemeente, @Jaar AS Jaar, thema, dimensie, groep, programmas, paren, k, effect_g AS EffectG, ci_laag AS CiLaag,
                   ci_hoog AS CiHoog, tau2, q_tussen AS QTussen, df, p_verschil AS PVerschil
            FROM score_effect_doelgroep WHERE score_run_id = @Id
            """, new { run.Id, run.Jaar }, cancellationToken: ct)).ConfigureAwait(false);
        return EffectDoelgroepRow.Table.NewTable(rows.OrderBy(r => order.Gemeente(r.Gemeente), StringComparer.Ordinal)
            .ThenBy(r => order.Thema(r.Thema)).ThenBy(r => TargetGroups.DimensionOrder(r.Dimensie))
            .ThenBy(r => TargetGroups.GroupOrder(r.Dimensie, r.Groep)));
    }
}
