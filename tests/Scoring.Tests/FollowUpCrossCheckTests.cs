using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Scoring.Tests;

/// <summary>
/// An independent second calculation of method v2's counts on generated data: plain SQL (self-joins of the
/// current measurements, not the one-pass pairing) finds the triples per programme × instrument with their mean
/// and sd of d02 and the median follow-up days, the distinct participants with a triple per programme × theme,
/// and per (area, theme, dimension, group) the programmes, the pairs' distinct participants and the programmes
/// with an effect (k). A v2 run must store exactly these.
/// </summary>
public sealed class FollowUpCrossCheckTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    /// <summary>T0 × T1 (× T2) of one participant, programme and instrument, on instruments of the programme's themes.</summary>
    private const string Joined = """
        FROM actuele_meting t0
        JOIN actuele_meting t1 ON t1.gemeente = t0.gemeente AND t1.jaar = t0.jaar AND t1.programma_id = t0.programma_id
                              AND t1.instrument = t0.instrument AND t1.deelnemer_hash = t0.deelnemer_hash AND t1.moment = 'T1'
        JOIN actueel_programma p ON p.gemeente = t0.gemeente AND p.jaar = t0.jaar AND p.programma_id = t0.programma_id
        JOIN instrument i ON i.code = t0.instrument
        """;

    private const string Where = """
        WHERE t0.jaar = 2025 AND t0.moment = 'T0' AND (i.thema = p.thema_primair OR i.thema = ANY (p.themas_secundair))
        """;

    private const string Triples = "WITH tri AS (SELECT t0.gemeente, t0.programma_id, t0.instrument, i.thema, t0.deelnemer_hash, " +
        "CASE i.richting WHEN 'hoger_beter' THEN 1 ELSE -1 END * (t2.score - t0.score) AS d02, t2.datum - t1.datum AS dagen\n" + Joined + """

        JOIN actuele_meting t2 ON t2.gemeente = t0.gemeente AND t2.jaar = t0.jaar AND t2.programma_id = t0.programma_id
                              AND t2.instrument = t0.instrument AND t2.deelnemer_hash = t0.deelnemer_hash AND t2.moment = 'T2'
        """ + "\n" + Where + ")\n";

    private const string Groups = """
        WITH pairs AS (
            SELECT t0.gemeente, t0.programma_id, t0.instrument, i.thema, t0.deelnemer_hash, t0.leeftijd, p.doelgroep,
                   coalesce(p.preventietype, 'onbekend') AS preventietype,
                   CASE i.richting WHEN 'hoger_beter' THEN 1 ELSE -1 END * (t1.score - t0.score) AS d
        """ + "\n" + Joined + "\n" + Where + """
        ), grouped AS (
            SELECT gemeente, programma_id, instrument, thema, deelnemer_hash, d, 'leeftijdsgroep' AS dimensie, lg.code AS groep
            FROM pairs JOIN leeftijdsgroep lg ON pairs.leeftijd BETWEEN lg.van AND lg.tot
            UNION ALL SELECT gemeente, programma_id, instrument, thema, deelnemer_hash, d, 'doelgroep', doelgroep FROM pairs
            UNION ALL SELECT gemeente, programma_id, instrument, thema, deelnemer_hash, d, 'preventietype', preventietype FROM pairs
        ), per_instrument AS (
            SELECT gemeente, programma_id, instrument, thema, dimensie, groep, count(*) >= @nMin AND min(d) <> max(d) AS effect
            FROM grouped GROUP BY 1, 2, 3, 4, 5, 6
        ), per_programme AS (
            SELECT g.gemeente, g.programma_id, g.thema, g.dimensie, g.groep, count(DISTINCT g.deelnemer_hash) AS paren,
                   bool_or(pi.effect) AS effect
            FROM grouped g JOIN per_instrument pi USING (gemeente, programma_id, instrument, thema, dimensie, groep)
            GROUP BY 1, 2, 3, 4, 5
        ), areas AS (
            SELECT code AS area, code AS member FROM gemeente UNION ALL SELECT 'REGIO', code FROM gemeente
        )
        SELECT a.area AS Gemeente, pp.thema, pp.dimensie, pp.groep, count(*) FILTER (WHERE pp.paren > 0)::int AS Programmas,
               sum(pp.paren)::int AS Paren, count(*) FILTER (WHERE pp.effect)::int AS K
        FROM per_programme pp JOIN areas a ON a.member = pp.gemeente
        GROUP BY 1, 2, 3, 4
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Stored_v2_counts_agree_with_a_SQL_only_calculation(int seed)
    {
        var db = await fixture.CreateMigratedDatabaseAsync();
        var drop = FollowUpDrop.Write(seed);
        try
        {
            await new IngestService(db, new byte[32], [], null, NullLoggerFactory.Instance).IngestDropAsync(drop, null, null, CancellationToken.None);
        }
        finally
        {
            Directory.Delete(drop, recursive: true);
        }

        var parameters = new MethodParameters { Versie = MethodVersions.V2 };
        var run = await new ScoreRunService(db, NullLogger<ScoreRunService>.Instance).RunAsync(2025, parameters, "crosscheck", CancellationToken.None);
        await using var c = await db.OpenConnectionAsync();

        // §8.1: triples per programme × instrument.
        var triples = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Instrument, int N, double Mean, double? Sd, double Dagen)>(
                Triples + "SELECT gemeente, programma_id, instrument, count(*)::int, avg(d02)::float8, stddev_samp(d02)::float8, " +
                "percentile_cont(0.5) WITHIN GROUP (ORDER BY dagen) FROM tri GROUP BY 1, 2, 3"))
            .ToDictionary(r => (r.Gemeente, r.ProgrammaId, r.Instrument));
        var stored = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Instrument, int Tripels, double? Mean, double? Sd, double? Dagen, string? Reden)>(
            "SELECT gemeente, programma_id, instrument, tripels, gemiddeld_t2, sd_t2, follow_up_dagen, reden FROM score_duurzaamheid_effect WHERE score_run_id = @id",
            new { id = run.Id })).ToList();
        Assert.Equal(triples.Count, stored.Count);
        Assert.Contains(stored, s => s.Reden is null);
        Assert.Contains(stored, s => s.Reden == EffectReason.TeWeinigParen);
        Assert.Contains(triples.Values, t => t.Dagen <= 0 || t.N % 2 == 0);
        foreach (var s in stored)
        {
            var e = triples[(s.Gemeente, s.ProgrammaId, s.Instrument)];
            Assert.Equal(e.N, s.Tripels);
            if (s.Reden != EffectReason.TeWeinigParen)
            {
                Assert.Equal(e.Mean, s.Mean!.Value, 1e-9);
                Assert.Equal(e.Sd!.Value, s.Sd!.Value, 1e-9);
                Assert.Equal(e.Dagen, s.Dagen!.Value, 1e-12);
            }
        }

        // §8.2: distinct participants with a triple per programme × theme (0 when none).
        var perTheme = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Thema, int N)>(
                Triples + "SELECT gemeente, programma_id, thema, count(DISTINCT deelnemer_hash)::int FROM tri GROUP BY 1, 2, 3"))
            .ToDictionary(r => (r.Gemeente, r.ProgrammaId, r.Thema), r => r.N);
        var storedThemes = (await c.QueryAsync<(string Gemeente, string ProgrammaId, string Thema, int Tripels, string Label)>(
            "SELECT gemeente, programma_id, thema, tripels, label FROM score_duurzaamheid_programma_thema WHERE score_run_id = @id", new { id = run.Id })).ToList();
        Assert.Equal(await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_programma_thema WHERE score_run_id = @id", new { id = run.Id }), storedThemes.Count);
        Assert.All(storedThemes, r => Assert.Equal(perTheme.GetValueOrDefault((r.Gemeente, r.ProgrammaId, r.Thema)), r.Tripels));
        Assert.Contains(storedThemes, r => r.Label == DurabilityMethod.TeWeinigParen);

        // §9: per area × theme × dimension × group.
        var expected = (await c.QueryAsync<(string Gemeente, string Thema, string Dimensie, string Groep, int Programmas, int Paren, int K)>(
                Groups, new { nMin = parameters.NMin }))
            .ToDictionary(r => (r.Gemeente, r.Thema, r.Dimensie, r.Groep), r => (r.Programmas, r.Paren, r.K));
        var groups = (await c.QueryAsync<(string Gemeente, string Thema, string Dimensie, string Groep, int Programmas, int Paren, int K)>(
            "SELECT gemeente, thema, dimensie, groep, programmas, paren, k FROM score_effect_doelgroep WHERE score_run_id = @id", new { id = run.Id })).ToList();
        Assert.Equal(7 * 5 * 11, groups.Count);
        Assert.All(expected.Keys, key => Assert.Contains(groups, g => (g.Gemeente, g.Thema, g.Dimensie, g.Groep) == key));
        Assert.Contains(groups, g => g.Dimensie == "leeftijdsgroep" && g.K > 0);
        Assert.Contains(groups, g => g.Groep == "onbekend" && g.Paren > 0);
        foreach (var g in groups)
        {
            Assert.Equal(expected.GetValueOrDefault((g.Gemeente, g.Thema, g.Dimensie, g.Groep)), (g.Programmas, g.Paren, g.K));
        }

        // A participant whose T0 rows straddle a birthday counts in two age groups: the bands add up to more than the theme.
        var ageSum = groups.Where(g => g.Gemeente == "REGIO" && g.Dimensie == "leeftijdsgroep").Sum(g => g.Paren);
        var doelgroepSum = groups.Where(g => g.Gemeente == "REGIO" && g.Dimensie == "doelgroep").Sum(g => g.Paren);
        Assert.True(ageSum > doelgroepSum, $"{ageSum} vs {doelgroepSum}");
        Assert.Equal(await c.ExecuteScalarAsync<int>("SELECT sum(paren)::int FROM score_gemeente_thema WHERE score_run_id = @id AND gemeente = 'REGIO'", new { id = run.Id }),
            doelgroepSum);
    }
}
