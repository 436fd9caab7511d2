using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Scoring.Tests;

/// <summary>
/// An independent second calculation: for generated datasets, SQL alone pairs T0 and T1, applies the
/// instrument's direction and computes n, mean and sample sd of the differences (and d_z); the stored
/// effects of a score run must agree within 1e-9.
/// </summary>
public sealed class CrossCheckTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string SqlOnly = """
        WITH pairs AS (
            SELECT t0.gemeente, t0.programma_id, t0.instrument,
                   CASE i.richting WHEN 'hoger_beter' THEN t1.score - t0.score ELSE t0.score - t1.score END AS d
            FROM meting t0
            JOIN meting t1 ON t1.levering_id = t0.levering_id AND t1.programma_id = t0.programma_id AND t1.instrument = t0.instrument
                          AND t1.deelnemer_hash = t0.deelnemer_hash AND t1.moment = 'T1'
            JOIN instrument i ON i.code = t0.instrument
            WHERE t0.moment = 'T0'
        )
        SELECT gemeente, programma_id AS ProgrammaId, instrument, count(*)::int AS n,
               avg(d)::float8 AS mean, stddev_samp(d)::float8 AS sd
        FROM pairs GROUP BY gemeente, programma_id, instrument
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Stored_effects_agree_with_a_SQL_only_calculation(int seed)
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        var drop = Generate(seed);
        try
        {
            await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(drop, null, null, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(drop, recursive: true);
        }

        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, new MethodParameters(), "crosscheck", CancellationToken.None);
        await using var c = await db.OpenConnectionAsync();
        var expected = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Instrument, int N, double Mean, double? Sd)>(SqlOnly))
            .ToDictionary(r => (r.Gemeente, r.ProgrammaId, r.Instrument));
        var stored = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Instrument, int Paren, double? Mean, double? Sd, double? Dz, string? Reden)>(
            "SELECT gemeente, programma_id, instrument, paren, gemiddeld_verschil, sd_verschil, d_z, reden FROM score_effect WHERE score_run_id = @id",
            new { id = run.Id })).ToList();

        Assert.Equal(expected.Count, stored.Count);
        Assert.Contains(stored, s => s.Reden is null);
        Assert.Contains(stored, s => s.Reden == EffectReason.TeWeinigParen);
        foreach (var s in stored)
        {
            var e = expected[(s.Gemeente, s.ProgrammaId, s.Instrument)];
            Assert.Equal(e.N, s.Paren);
            if (s.Reden is null)
            {
                Assert.Equal(e.Mean, s.Mean!.Value, 1e-9);
                Assert.Equal(e.Sd!.Value, s.Sd!.Value, 1e-9);
                Assert.Equal(e.Mean / e.Sd.Value, s.Dz!.Value, 1e-9);
            }
        }
    }

    /// <summary>A drop with one municipality, six programmes and random paired scores (deterministic per seed).</summary>
    private static string Generate(int seed)
    {
        var random = new Random(seed);
        var root = TestCluster.CreateTempHome("pm-crosscheck-");
        var programmes = new StringBuilder("programma_id,naam,gemeente,jaar,doelgroep,leeftijd_van,leeftijd_tot,thema_primair,themas_secundair,erkenning,deelnemers\n");
        var metingen = new StringBuilder("programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score\n");
        (string Thema, string Secundair, string[] Instruments)[] shapes =
        [
            ("weerbaarheid", "", ["SDQ_EMOTIE", "RSES"]),
            ("sociale_aansluiting", "weerbaarheid", ["SDQ_PROSOCIAAL", "SDQ_LEEFTIJDGENOTEN", "RSES"]),
            ("zelfstandigheid", "", ["ZRM_GEMIDDELD"]),
            ("opvoedvaardigheden", "", ["OBVL_TOTAAL", "NOSIK_TOTAAL"]),
            ("veiligheid", "", ["VEILIGHEID_BELEVING"]),
            ("weerbaarheid", "", ["SDQ_EMOTIE"]),
        ];
        for (var p = 0; p < shapes.Length; p++)
        {
            var (thema, secundair, instruments) = shapes[p];
            var id = $"X{p}";
            var participants = p == 5 ? 6 : random.Next(10, 60); // X5 has too few pairs
            programmes.Append(CultureInfo.InvariantCulture, $"{id},Programma {p},GM0935,2025,jeugdigen,4,17,{thema},{secundair},goed_onderbouwd,{participants}\n");
            foreach (var instrument in instruments)
            {
                var (min, max, step) = instrument switch
                {
                    "RSES" => (0m, 30m, 1m),
                    "ZRM_GEMIDDELD" => (1m, 5m, 0.1m),
                    "OBVL_TOTAAL" => (34m, 136m, 1m),
                    "NOSIK_TOTAAL" => (25m, 150m, 1m),
                    "VEILIGHEID_BELEVING" => (1m, 10m, 0.5m),
                    _ => (0m, 10m, 1m),
                };
                var steps = (int)((max - min) / step);
                for (var k = 0; k < participants; k++)
                {
                    var t0 = min + (random.Next(0, steps + 1) * step);
                    var t1 = Math.Clamp(t0 + (random.Next(-3, 6) * step), min, max);
                    metingen.Append(CultureInfo.InvariantCulture, $"{id},GM0935,2025,D{k},T0,2025-02-01,{10 + (k % 8)},{instrument},{t0.ToString(CultureInfo.InvariantCulture)}\n");
                    if (k % 7 != 3)
                    {
                        metingen.Append(CultureInfo.InvariantCulture, $"{id},GM0935,2025,D{k},T1,2025-06-01,{10 + (k % 8)},{instrument},{t1.ToString(CultureInfo.InvariantCulture)}\n");
                    }
                }
            }
        }

        Directory.CreateDirectory(Path.Combine(root, "GM0935", "programmas"));
        Directory.CreateDirectory(Path.Combine(root, "GM0935", "metingen"));
        File.WriteAllText(Path.Combine(root, "GM0935", "programmas", "p.csv"), programmes.ToString());
        File.WriteAllText(Path.Combine(root, "GM0935", "metingen", "m.csv"), metingen.ToString());
        return root;
    }
}
