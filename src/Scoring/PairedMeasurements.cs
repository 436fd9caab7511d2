using Npgsql;
using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>
/// The effects per programme × instrument and the distinct paired participants per programme × theme; for a v2
/// run also what <see cref="FollowUpCollector"/> gathered (null for v1).
/// </summary>
internal sealed record PairedResult(
    Dictionary<(string Gemeente, string ProgrammaId, string Instrument), InstrumentEffect> Effects,
    Dictionary<(string Gemeente, string ProgrammaId, string Thema), int> Paren,
    FollowUpCollector? FollowUp);

/// <summary>
/// Pairs T0 and T1 (methode-v1 §1) in one pass over the year's current measurements: conditional
/// aggregation per participant and instrument, so the plan is a scan and a sort whatever the planner
/// estimates (a self-join on five columns became a nested loop when statistics were missing). The
/// delivery rules make (gemeente, jaar, programma_id, instrument, deelnemer, moment) unique among the
/// current measurements, so each participant has at most one T0, T1 and T2 score: the aggregate is the
/// score as delivered (numeric, exact). The same pass yields what method v2 needs of each pair: the T2
/// score (a triple), the signed days from the T1 to the T2 date, and the age on the T0 row. Only programmes
/// of the inventory and instruments of one of the programme's themes are used (aanleverformaat §2.2); that
/// filter needs the small inventory only and runs here.
/// </summary>
internal static class PairedMeasurements
{
    /// <summary>Pairs in a fixed order (the sums of an effect run in the same order every time): what a v1 run reads.</summary>
    private const string SelectPairs = """
        SELECT gemeente, programma_id, instrument, deelnemer_hash, t0, t1
        FROM (
            SELECT m.gemeente COLLATE "C" AS gemeente, m.programma_id COLLATE "C" AS programma_id,
                   m.instrument COLLATE "C" AS instrument, m.deelnemer_hash,
                   max(m.score) FILTER (WHERE m.moment = 'T0') AS t0,
                   max(m.score) FILTER (WHERE m.moment = 'T1') AS t1
            FROM actuele_meting m
            WHERE m.jaar = @jaar AND m.moment IN ('T0', 'T1')
            GROUP BY 1, 2, 3, 4
        ) d
        WHERE t0 IS NOT NULL AND t1 IS NOT NULL
        ORDER BY 1, 2, 3, 4
        """;

    /// <summary>
    /// The same pairs in the same order, with what a v2 run also needs: the T2 score (null without one), the
    /// signed days from the T1 date to the T2 date, and the age on the T0 row. Same plan: one scan, one sort.
    /// </summary>
    private const string SelectPairsWithFollowUp = """
        SELECT gemeente, programma_id, instrument, deelnemer_hash, t0, t1, t2, t2_datum - t1_datum AS follow_up_dagen, t0_leeftijd
        FROM (
            SELECT m.gemeente COLLATE "C" AS gemeente, m.programma_id COLLATE "C" AS programma_id,
                   m.instrument COLLATE "C" AS instrument, m.deelnemer_hash,
                   max(m.score) FILTER (WHERE m.moment = 'T0') AS t0,
                   max(m.score) FILTER (WHERE m.moment = 'T1') AS t1,
                   max(m.score) FILTER (WHERE m.moment = 'T2') AS t2,
                   max(m.datum) FILTER (WHERE m.moment = 'T1') AS t1_datum,
                   max(m.datum) FILTER (WHERE m.moment = 'T2') AS t2_datum,
                   max(m.leeftijd) FILTER (WHERE m.moment = 'T0') AS t0_leeftijd
            FROM actuele_meting m
            WHERE m.jaar = @jaar AND m.moment IN ('T0', 'T1', 'T2')
            GROUP BY 1, 2, 3, 4
        ) d
        WHERE t0 IS NOT NULL AND t1 IS NOT NULL
        ORDER BY 1, 2, 3, 4
        """;

    /// <summary>The pairing query of a v1 run.</summary>
    public static string Sql => SelectPairs;

    /// <summary>The pairing query of a v2 run.</summary>
    public static string SqlWithFollowUp => SelectPairsWithFollowUp;

    /// <summary>
    /// Streams the pairs (one programme in memory at a time) and computes each effect and the distinct
    /// participants with at least one pair per theme of the programme; for a v2 run also the triples and the
    /// effects per T0 age band (<see cref="FollowUpCollector"/>).
    /// </summary>
    public static async Task<PairedResult> ComputeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ReferenceCatalog catalog,
        IReadOnlyDictionary<(string Gemeente, string ProgrammaId), HashSet<string>> themesOfProgramme,
        int jaar, MethodParameters parameters, int timeoutSeconds, IProgress<ScoreProgress>? progress, CancellationToken ct)
    {
        var effects = new Dictionary<(string, string, string), InstrumentEffect>();
        var paren = new Dictionary<(string, string, string), int>();
        var followUp = parameters.IsV2 ? new FollowUpCollector(catalog, parameters.NMin) : null;
        await using var command = new NpgsqlCommand(followUp is null ? SelectPairs : SelectPairsWithFollowUp, connection, transaction)
        {
            CommandTimeout = timeoutSeconds,
        };
        command.Parameters.AddWithValue("jaar", jaar);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);

        (string Gemeente, string Programma, string Instrument)? current = null;
        (string Gemeente, string Programma)? programme = null;
        var differences = new List<decimal>();
        var hashBuffer = new byte[ParticipantHash.Length + 1];
        var participantsPerTheme = new Dictionary<string, HashSet<ParticipantHash>>(StringComparer.Ordinal);
        string? thema = null;
        Instrument? instrument = null;
        var programmesDone = 0;
        var rows = 0L;

        void FlushEffect()
        {
            if (current is { } key && differences.Count > 0)
            {
                effects[key] = InstrumentEffect.Compute(differences, parameters.NMin);
                differences.Clear();
                followUp?.FlushInstrument(key, instrument!);
            }
        }

        void FlushProgramme()
        {
            if (programme is { } p)
            {
                foreach (var (t, participants) in participantsPerTheme)
                {
                    paren[(p.Gemeente, p.Programma, t)] = participants.Count;
                }

                followUp?.FlushProgramme(p);
                programmesDone += themesOfProgramme.ContainsKey(p) ? 1 : 0;
                progress?.Report(new ScoreProgress(ScoreStep.Streaming, programmesDone, themesOfProgramme.Count, rows));
            }

            participantsPerTheme.Clear();
        }

        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows++;
            var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            if (current != key)
            {
                FlushEffect();
                if (programme != (key.Item1, key.Item2))
                {
                    FlushProgramme();
                    programme = (key.Item1, key.Item2);
                }

                current = key;
                instrument = catalog.FindInstrument(key.Item3);
                var instrumentThema = instrument?.ThemaCode;
                thema = instrumentThema is not null && themesOfProgramme.TryGetValue((key.Item1, key.Item2), out var themes) && themes.Contains(instrumentThema)
                    ? instrumentThema
                    : null;
            }

            if (thema is null)
            {
                continue;
            }

            var t0 = reader.GetDecimal(4);
            var t1 = reader.GetDecimal(5);
            var difference = PairedDifference.Of(t0, t1, instrument!.Richting);
            differences.Add(difference);
            if (!participantsPerTheme.TryGetValue(thema, out var set))
            {
                participantsPerTheme[thema] = set = [];
            }

            // Read into one buffer (no array per row); one byte more than a hash has, so a longer value is noticed.
            var who = ParticipantHash.From(hashBuffer.AsSpan(0, (int)reader.GetBytes(3, 0, hashBuffer, 0, hashBuffer.Length)));
            set.Add(who);
            if (followUp is not null)
            {
                DurabilityTriple? triple = reader.IsDBNull(6) ? null : new DurabilityTriple(t0, t1, reader.GetDecimal(6), reader.GetInt32(7));
                followUp.Add(thema, who, difference, triple, reader.GetInt16(8));
            }
        }

        FlushEffect();
        FlushProgramme();
        return new PairedResult(effects, paren, followUp);
    }
}
