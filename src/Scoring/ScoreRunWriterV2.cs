using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>Writes the v2 results of a score run (methode-v2 §8–§9) with binary COPY, the way <see cref="ScoreRunWriter"/> writes v1's.</summary>
internal static class ScoreRunWriterV2
{
    public static async Task WriteAsync(NpgsqlConnection connection, long runId, ScoringResultV2 result, int timeoutSeconds, CancellationToken ct)
    {
        var timeout = timeoutSeconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(timeoutSeconds);
        await ScoreRunWriter.CopyAsync(connection, """
            COPY score_duurzaamheid_effect (score_run_id, gemeente, programma_id, thema, instrument, tripels, gemiddeld_t1, sd_t1,
                gemiddeld_t2, sd_t2, gemiddeld_terugval, sd_terugval, g_t1, g_t1_se, g_t1_ci_laag, g_t1_ci_hoog, g_t2, g_t2_se,
                g_t2_ci_laag, g_t2_ci_hoog, g_terugval, g_terugval_se, g_terugval_ci_laag, g_terugval_ci_hoog, behoud_pct,
                follow_up_dagen, reden) FROM STDIN (FORMAT BINARY)
            """, result.DurabilityEffects, (copy, row) =>
        {
            var e = row.Effect;
            Key(copy, runId, row.Gemeente, row.ProgrammaId, row.Thema);
            copy.Write(row.Instrument, NpgsqlDbType.Text);
            copy.Write(e.Tripels, NpgsqlDbType.Integer);
            foreach (var value in new[] { e.T1.GemiddeldVerschil, e.T1.SdVerschil, e.T2.GemiddeldVerschil, e.T2.SdVerschil,
                         e.Terugval.GemiddeldVerschil, e.Terugval.SdVerschil })
            {
                ScoreRunWriter.WriteDouble(copy, value);
            }

            foreach (var effect in new[] { e.T1, e.T2, e.Terugval })
            {
                foreach (var value in new[] { effect.G, effect.Se, effect.CiLaag, effect.CiHoog })
                {
                    ScoreRunWriter.WriteDouble(copy, value);
                }
            }

            ScoreRunWriter.WriteDouble(copy, e.BehoudPct);
            ScoreRunWriter.WriteDouble(copy, e.FollowUpDagen);
            ScoreRunWriter.WriteText(copy, e.Reden);
        }, timeout, ct).ConfigureAwait(false);

        await ScoreRunWriter.CopyAsync(connection, """
            COPY score_duurzaamheid_programma_thema (score_run_id, gemeente, programma_id, thema, tripels, g_t2, g_t2_se, g_t2_ci_laag,
                g_t2_ci_hoog, g_terugval, g_terugval_se, g_terugval_ci_laag, g_terugval_ci_hoog, label) FROM STDIN (FORMAT BINARY)
            """, result.DurabilityProgrammeThemes, (copy, row) =>
        {
            Key(copy, runId, row.Gemeente, row.ProgrammaId, row.Thema);
            copy.Write(row.Tripels, NpgsqlDbType.Integer);
            Pooled(copy, row.GT2);
            Pooled(copy, row.GTerugval);
            copy.Write(row.Label, NpgsqlDbType.Text);
        }, timeout, ct).ConfigureAwait(false);

        await ScoreRunWriter.CopyAsync(connection, """
            COPY score_duurzaamheid_gemeente_thema (score_run_id, gemeente, thema, programmas_follow_up, tripels, k_t2, g_t2, g_t2_se,
                g_t2_ci_laag, g_t2_ci_hoog, tau2_t2, k_terugval, g_terugval, g_terugval_se, g_terugval_ci_laag, g_terugval_ci_hoog,
                tau2_terugval) FROM STDIN (FORMAT BINARY)
            """, result.DurabilityMunicipalityThemes, (copy, row) =>
        {
            Key(copy, runId, row.Gemeente, row.Thema);
            copy.Write(row.ProgrammasFollowUp, NpgsqlDbType.Integer);
            copy.Write(row.Tripels, NpgsqlDbType.Integer);
            Random(copy, row.GT2);
            Random(copy, row.GTerugval);
        }, timeout, ct).ConfigureAwait(false);

        await ScoreRunWriter.CopyAsync(connection, """
            COPY score_effect_doelgroep (score_run_id, gemeente, thema, dimensie, groep, programmas, paren, k, effect_g, effect_se,
                ci_laag, ci_hoog, tau2, q_tussen, df, p_verschil) FROM STDIN (FORMAT BINARY)
            """, result.TargetGroups, (copy, row) =>
        {
            Key(copy, runId, row.Gemeente, row.Thema, row.Dimensie, row.Groep);
            copy.Write(row.Programmas, NpgsqlDbType.Integer);
            copy.Write(row.Paren, NpgsqlDbType.Integer);
            copy.Write(row.Effect?.K ?? 0, NpgsqlDbType.Integer);
            Pooled(copy, row.Effect?.Effect);
            ScoreRunWriter.WriteDouble(copy, row.Effect?.Tau2);
            ScoreRunWriter.WriteDouble(copy, row.Test?.QTussen);
            if (row.Test is { } test)
            {
                copy.Write(test.Df, NpgsqlDbType.Integer);
            }
            else
            {
                copy.WriteNull();
            }

            ScoreRunWriter.WriteDouble(copy, row.Test?.PVerschil);
        }, timeout, ct).ConfigureAwait(false);
    }

    private static void Key(NpgsqlBinaryImporter copy, long runId, params string[] texts)
    {
        copy.Write(runId, NpgsqlDbType.Bigint);
        foreach (var text in texts)
        {
            copy.Write(text, NpgsqlDbType.Text);
        }
    }

    /// <summary>g, se, lower and upper bound (four nulls without an effect).</summary>
    private static void Pooled(NpgsqlBinaryImporter copy, PooledEffect? effect)
    {
        foreach (var value in new[] { effect?.G, effect?.Se, effect?.CiLaag, effect?.CiHoog })
        {
            ScoreRunWriter.WriteDouble(copy, value);
        }
    }

    /// <summary>k, g, se, interval and τ² of a DerSimonian–Laird pool (k 0 and nulls without one).</summary>
    private static void Random(NpgsqlBinaryImporter copy, RandomEffect? effect)
    {
        copy.Write(effect?.K ?? 0, NpgsqlDbType.Integer);
        Pooled(copy, effect?.Effect);
        ScoreRunWriter.WriteDouble(copy, effect?.Tau2);
    }
}
