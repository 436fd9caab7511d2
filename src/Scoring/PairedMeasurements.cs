using System.Runtime.InteropServices;
using Npgsql;
using Preventiemonitor.Model.ReferenceData;
using Preventiemonitor.Model.Scoring;

namespace Preventiemonitor.Scoring;

/// <summary>The effects per programme × instrument and the distinct paired participants per programme × theme.</summary>
internal sealed record PairedResult(
    Dictionary<(string Gemeente, string ProgrammaId, string Instrument), InstrumentEffect> Effects,
    Dictionary<(string Gemeente, string ProgrammaId, string Thema), int> Paren);

/// <summary>
/// Pairs T0 and T1 (methode-v1 §1) in one pass over the year's current measurements: conditional
/// aggregation per participant and instrument, so the plan is a scan and a sort whatever the planner
/// estimates (a self-join on five columns became a nested loop when statistics were missing). The
/// delivery rules make (gemeente, jaar, programma_id, instrument, deelnemer, moment) unique among the
/// current measurements, so each participant has at most one T0 and one T1 score: the aggregate is the
/// score as delivered (numeric, exact). Only programmes of the inventory and instruments of one of the
/// programme's themes are used (aanleverformaat §2.2); that filter needs the small inventory only and runs here.
/// </summary>
internal static class PairedMeasurements
{
    /// <summary>Pairs in a fixed order (the sums of an effect run in the same order every time).</summary>
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

    public static string Sql => SelectPairs;

    /// <summary>
    /// Streams the pairs (one programme in memory at a time) and computes each effect and the distinct
    /// participants with at least one pair per theme of the programme.
    /// </summary>
    public static async Task<PairedResult> ComputeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ReferenceCatalog catalog,
        IReadOnlyDictionary<(string Gemeente, string ProgrammaId), HashSet<string>> themesOfProgramme,
        int jaar, MethodParameters parameters, int timeoutSeconds, CancellationToken ct)
    {
        var effects = new Dictionary<(string, string, string), InstrumentEffect>();
        var paren = new Dictionary<(string, string, string), int>();
        await using var command = new NpgsqlCommand(SelectPairs, connection, transaction) { CommandTimeout = timeoutSeconds };
        command.Parameters.AddWithValue("jaar", jaar);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);

        (string Gemeente, string Programma, string Instrument)? current = null;
        (string Gemeente, string Programma)? programme = null;
        var differences = new List<decimal>();
        var participantsPerTheme = new Dictionary<string, HashSet<ParticipantHash>>(StringComparer.Ordinal);
        string? thema = null;

        void FlushEffect()
        {
            if (current is { } key && differences.Count > 0)
            {
                effects[key] = InstrumentEffect.Compute(differences, parameters.NMin);
                differences = [];
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
            }

            participantsPerTheme.Clear();
        }

        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
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
                var instrumentThema = catalog.FindInstrument(key.Item3)?.ThemaCode;
                thema = instrumentThema is not null && themesOfProgramme.TryGetValue((key.Item1, key.Item2), out var themes) && themes.Contains(instrumentThema)
                    ? instrumentThema
                    : null;
            }

            if (thema is null)
            {
                continue;
            }

            var instrument = catalog.FindInstrument(key.Item3)!;
            differences.Add(PairedDifference.Of(reader.GetDecimal(4), reader.GetDecimal(5), instrument.Richting));
            if (!participantsPerTheme.TryGetValue(thema, out var set))
            {
                participantsPerTheme[thema] = set = [];
            }

            set.Add(ParticipantHash.From(reader.GetFieldValue<byte[]>(3)));
        }

        FlushEffect();
        FlushProgramme();
        return new PairedResult(effects, paren);
    }

    /// <summary>The 32 bytes of an HMAC-SHA-256 participant hash as a value (no per-row array kept).</summary>
    private readonly record struct ParticipantHash(ulong A, ulong B, ulong C, ulong D)
    {
        public static ParticipantHash From(byte[] hash)
        {
            if (hash.Length != 32)
            {
                throw new InvalidOperationException($"deelnemer_hash heeft {hash.Length} bytes in plaats van 32.");
            }

            var words = MemoryMarshal.Cast<byte, ulong>(hash);
            return new ParticipantHash(words[0], words[1], words[2], words[3]);
        }
    }
}
