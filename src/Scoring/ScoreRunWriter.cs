using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>Writes the results of a score run with binary COPY (inside the run's transaction).</summary>
internal static class ScoreRunWriter
{
    public static async Task WriteAsync(
        NpgsqlConnection connection, long runId, long[] deliveries, ScoringResult result,
        IReadOnlyList<ProgrammeMatch> matches, IReadOnlyList<Suggestion> suggestions, int timeoutSeconds, CancellationToken ct)
    {
        var timeout = timeoutSeconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(timeoutSeconds);
        await CopyAsync(connection, "COPY score_run_levering (score_run_id, levering_id) FROM STDIN (FORMAT BINARY)", deliveries, (copy, levering) =>
        {
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(levering, NpgsqlDbType.Bigint);
        }, timeout, ct).ConfigureAwait(false);

        await CopyAsync(connection, """
            COPY score_effect (score_run_id, gemeente, programma_id, thema, instrument, paren, gemiddeld_verschil, sd_verschil,
                               d_z, j, g, var_g, se, ci_laag, ci_hoog, reden) FROM STDIN (FORMAT BINARY)
            """, result.Effects, (copy, row) =>
        {
            var e = row.Effect;
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(row.Gemeente, NpgsqlDbType.Text);
            copy.Write(row.ProgrammaId, NpgsqlDbType.Text);
            copy.Write(row.Thema, NpgsqlDbType.Text);
            copy.Write(row.Instrument, NpgsqlDbType.Text);
            copy.Write(e.Paren, NpgsqlDbType.Integer);
            foreach (var value in new[] { e.GemiddeldVerschil, e.SdVerschil, e.Dz, e.J, e.G, e.VarG, e.Se, e.CiLaag, e.CiHoog })
            {
                WriteDouble(copy, value);
            }

            WriteText(copy, e.Reden);
        }, timeout, ct).ConfigureAwait(false);

        await CopyAsync(connection, """
            COPY score_programma_thema (score_run_id, gemeente, programma_id, thema, relevantie, erkenning, evidentie, effect_g, effect_se,
                                        effect_ci_laag, effect_ci_hoog, observed_o, paren, deelnemers, score, label) FROM STDIN (FORMAT BINARY)
            """, result.ProgrammeThemes, (copy, row) =>
        {
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(row.Gemeente, NpgsqlDbType.Text);
            copy.Write(row.ProgrammaId, NpgsqlDbType.Text);
            copy.Write(row.Thema, NpgsqlDbType.Text);
            copy.Write(row.Relevantie, NpgsqlDbType.Double);
            copy.Write(row.Erkenning, NpgsqlDbType.Text);
            copy.Write(row.Evidentie, NpgsqlDbType.Double);
            WriteDouble(copy, row.Effect?.G);
            WriteDouble(copy, row.Effect?.Se);
            WriteDouble(copy, row.Effect?.CiLaag);
            WriteDouble(copy, row.Effect?.CiHoog);
            WriteDouble(copy, row.O);
            copy.Write(row.Paren, NpgsqlDbType.Integer);
            copy.Write(row.Deelnemers, NpgsqlDbType.Integer);
            copy.Write(row.Score, NpgsqlDbType.Double);
            copy.Write(row.Label, NpgsqlDbType.Text);
        }, timeout, ct).ConfigureAwait(false);

        await CopyAsync(connection, """
            COPY score_gemeente_thema (score_run_id, gemeente, thema, programmas, deelnemers, score, effect_g, effect_se, effect_ci_laag,
                                       effect_ci_hoog, k, tau2, q, paren, bevolking_0_23, bereik_pct) FROM STDIN (FORMAT BINARY)
            """, result.MunicipalityThemes, (copy, row) =>
        {
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(row.Gemeente, NpgsqlDbType.Text);
            copy.Write(row.Thema, NpgsqlDbType.Text);
            copy.Write(row.Programmas, NpgsqlDbType.Integer);
            copy.Write(row.Deelnemers, NpgsqlDbType.Bigint);
            WriteDouble(copy, row.Score);
            WriteDouble(copy, row.Effect?.Effect.G);
            WriteDouble(copy, row.Effect?.Effect.Se);
            WriteDouble(copy, row.Effect?.Effect.CiLaag);
            WriteDouble(copy, row.Effect?.Effect.CiHoog);
            copy.Write(row.Effect?.K ?? 0, NpgsqlDbType.Integer);
            WriteDouble(copy, row.Effect?.Tau2);
            WriteDouble(copy, row.Effect?.Q);
            copy.Write(row.Paren, NpgsqlDbType.Integer);
            if (row.Bevolking is long bevolking)
            {
                copy.Write(bevolking, NpgsqlDbType.Bigint);
            }
            else
            {
                copy.WriteNull();
            }

            WriteDouble(copy, row.BereikPct);
        }, timeout, ct).ConfigureAwait(false);

        await CopyAsync(connection, """
            COPY score_witte_vlek (score_run_id, gemeente, thema, leeftijdsgroep, programmas, beste_erkenning, effectief, status)
            FROM STDIN (FORMAT BINARY)
            """, result.Gaps, (copy, row) =>
        {
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(row.Gemeente, NpgsqlDbType.Text);
            copy.Write(row.Thema, NpgsqlDbType.Text);
            copy.Write(row.Leeftijdsgroep, NpgsqlDbType.Text);
            copy.Write(row.Programmas, NpgsqlDbType.Integer);
            WriteText(copy, row.BesteErkenning);
            copy.Write(row.Effectief, NpgsqlDbType.Integer);
            copy.Write(row.Status, NpgsqlDbType.Text);
        }, timeout, ct).ConfigureAwait(false);

        await CopyAsync(connection, """
            COPY score_interventie_match (score_run_id, gemeente, programma_id, interventie_id, interventie_naam, databank, match,
                                          erkenning_lokaal, erkenning_landelijk, afwijking) FROM STDIN (FORMAT BINARY)
            """, matches, (copy, row) =>
        {
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(row.Gemeente, NpgsqlDbType.Text);
            copy.Write(row.ProgrammaId, NpgsqlDbType.Text);
            copy.Write(row.InterventieId, NpgsqlDbType.Text);
            copy.Write(row.InterventieNaam, NpgsqlDbType.Text);
            copy.Write(row.Databank, NpgsqlDbType.Text);
            copy.Write(row.Match, NpgsqlDbType.Text);
            copy.Write(row.ErkenningLokaal, NpgsqlDbType.Text);
            copy.Write(row.ErkenningLandelijk, NpgsqlDbType.Text);
            copy.Write(row.Afwijking, NpgsqlDbType.Boolean);
        }, timeout, ct).ConfigureAwait(false);

        await CopyAsync(connection, """
            COPY score_suggestie (score_run_id, gemeente, thema, leeftijdsgroep, status, interventie_id, interventie_naam, databank,
                                  erkenning, url) FROM STDIN (FORMAT BINARY)
            """, suggestions, (copy, row) =>
        {
            copy.Write(runId, NpgsqlDbType.Bigint);
            copy.Write(row.Gemeente, NpgsqlDbType.Text);
            copy.Write(row.Thema, NpgsqlDbType.Text);
            copy.Write(row.Leeftijdsgroep, NpgsqlDbType.Text);
            copy.Write(row.Status, NpgsqlDbType.Text);
            copy.Write(row.InterventieId, NpgsqlDbType.Text);
            copy.Write(row.InterventieNaam, NpgsqlDbType.Text);
            copy.Write(row.Databank, NpgsqlDbType.Text);
            copy.Write(row.Erkenning, NpgsqlDbType.Text);
            WriteText(copy, row.Url);
        }, timeout, ct).ConfigureAwait(false);
    }

    /// <summary>One binary COPY: every item becomes a row written by <paramref name="writeRow"/>.</summary>
    internal static async Task CopyAsync<T>(NpgsqlConnection connection, string command, IEnumerable<T> items,
        Action<NpgsqlBinaryImporter, T> writeRow, TimeSpan timeout, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync(command, ct).ConfigureAwait(false);
        copy.Timeout = timeout;
        foreach (var item in items)
        {
            copy.StartRow();
            writeRow(copy, item);
        }

        await copy.CompleteAsync(ct).ConfigureAwait(false);
    }

    internal static void WriteDouble(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is double v)
        {
            copy.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            copy.WriteNull();
        }
    }

    internal static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }
}
