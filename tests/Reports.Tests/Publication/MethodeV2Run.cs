using Dapper;
using Npgsql;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Publication.Tables;

namespace Preventiemonitor.Reports.Tests.Publication;

/// <summary>
/// A v2 score run made by hand for the publication tests (the v2 computation lives elsewhere): a copy of a
/// stored v1 run with methode_versie 'v2' (every v1 row the same), plus rows in the four tables of migration
/// 0010 derived from the v1 rows so that every relation of onthulling-v2 (R7–R10) holds at the true values:
/// tripels ≤ paren, a programme's tripels between its instruments' largest and their sum, sums over
/// programmes and municipalities, target groups that add up to the area's paren, and an effect that rests
/// on one instrument equal to that instrument's effect. A few cells hold hand-chosen values for the
/// rounding cases (<see cref="Special"/>).
/// </summary>
internal static class MethodeV2Run
{
    /// <summary>Hand-chosen values: exact binary midpoints (half away from zero), a value that rounds to zero, p-values around 0.00005.</summary>
    public static class Special
    {
        public const double GemiddeldT1 = 0.0625;        // 0.063
        public const double GemiddeldT2 = -0.0625;       // -0.063
        public const double GemiddeldTerugval = -0.0004; // 0.000 (no sign)
        public const double BehoudPct = 12.25;           // 12.3
        public const double FollowUpDagen = 45.25;       // 45.3
        public const double Tau2 = 0.03125;              // 0.0313
        public const double QTussen = 2.0625;            // 2.063
        public const double PTiny = 0.0000499;           // 0.0000, workbook "< 0.0001"
        public const double PHalf = 0.00005;             // 0.0001 (the double lies just above 0.00005)
        public const double POther = 0.015625;           // 0.0156
    }

    private const double Z = 1.959964;

    /// <summary>Copies run <paramref name="v1RunId"/> as a v2 run and fills its v2 tables; returns the new run's id.</summary>
    public static async Task<long> CreateAsync(NpgsqlDataSource db, long v1RunId, int nMin = 10)
    {
        var v1 = await new PublicationBuilder(db).BuildAsync(v1RunId, CancellationToken.None);
        await using var c = await db.OpenConnectionAsync();
        await using var tx = await c.BeginTransactionAsync();
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO score_run (jaar, methode_versie, parameters, gestart_op, klaar_op, gestart_door)
            SELECT jaar, 'v2', parameters, gestart_op, klaar_op, gestart_door FROM score_run WHERE id = @v1RunId RETURNING id
            """, new { v1RunId }, tx);
        foreach (var table in new[] { "score_run_levering", "score_effect", "score_programma_thema", "score_gemeente_thema", "score_witte_vlek", "score_interventie_match", "score_suggestie" })
        {
            var columns = (await c.QueryAsync<string>(
                "SELECT column_name FROM information_schema.columns WHERE table_name = @table AND column_name <> 'score_run_id' ORDER BY ordinal_position",
                new { table }, tx)).ToList();
            var list = string.Join(", ", columns);
            await c.ExecuteAsync($"INSERT INTO {table} (score_run_id, {list}) SELECT @id, {list} FROM {table} WHERE score_run_id = @v1RunId", new { id, v1RunId }, tx);
        }

        var rows = Generate(v1, nMin);
        await c.ExecuteAsync("""
            INSERT INTO score_duurzaamheid_effect VALUES (@Run, @Gemeente, @ProgrammaId, @Thema, @Instrument, @Tripels, @GemiddeldT1, @SdT1, @GemiddeldT2, @SdT2,
                @GemiddeldTerugval, @SdTerugval, @GT1, @GT1Se, @GT1CiLaag, @GT1CiHoog, @GT2, @GT2Se, @GT2CiLaag, @GT2CiHoog,
                @GTerugval, @GTerugvalSe, @GTerugvalCiLaag, @GTerugvalCiHoog, @BehoudPct, @FollowUpDagen, @Reden)
            """, rows.Instruments.Select(r => r with { Run = id }), tx);
        await c.ExecuteAsync("""
            INSERT INTO score_duurzaamheid_programma_thema VALUES (@Run, @Gemeente, @ProgrammaId, @Thema, @Tripels, @GT2, @GT2Se, @GT2CiLaag, @GT2CiHoog,
                @GTerugval, @GTerugvalSe, @GTerugvalCiLaag, @GTerugvalCiHoog, @Label)
            """, rows.ProgrammeThemes.Select(r => r with { Run = id }), tx);
        await c.ExecuteAsync("""
            INSERT INTO score_duurzaamheid_gemeente_thema VALUES (@Run, @Gemeente, @Thema, @ProgrammasFollowUp, @Tripels, @KT2, @GT2, @GT2Se, @GT2CiLaag, @GT2CiHoog,
                @Tau2T2, @KTerugval, @GTerugval, @GTerugvalSe, @GTerugvalCiLaag, @GTerugvalCiHoog, @Tau2Terugval)
            """, rows.Areas.Select(r => r with { Run = id }), tx);
        await c.ExecuteAsync("""
            INSERT INTO score_effect_doelgroep VALUES (@Run, @Gemeente, @Thema, @Dimensie, @Groep, @Programmas, @Paren, @K, @EffectG, @EffectSe,
                @CiLaag, @CiHoog, @Tau2, @QTussen, @Df, @PVerschil)
            """, rows.Groups.Select(r => r with { Run = id }), tx);
        await tx.CommitAsync();
        return id;
    }

    public static MethodeV2Rows Generate(PublicationData v1, int nMin)
    {
        var effecten = v1.Tables.OfType<PublishedTable<EffectRow>>().Single().Rows;
        var pts = v1.Tables.OfType<PublishedTable<ProgrammaThemaScoreRow>>().Single().Rows;
        var areas = v1.Tables.OfType<PublishedTable<GemeenteThemaScoreRow>>().Single().Rows;
        var programmes = v1.Tables.OfType<PublishedTable<ProgrammaRow>>().Single().Rows.ToDictionary(p => (p.Gemeente, p.ProgrammaId));

        var instruments = new List<V2Instrument>();
        var biggest = effecten.Where(e => e.Paren >= nMin).MaxBy(e => e.Paren);
        for (var j = 0; j < effecten.Count; j++)
        {
            var e = effecten[j];
            var n = j % 4 == 0 ? 0 : j % 4 == 1 ? Math.Min(e.Paren ?? 0, 3) : (e.Paren ?? 0) * 7 / 10;
            if (e == biggest)
            {
                n = e.Paren!.Value;
            }

            if (n == 0)
            {
                continue;
            }

            instruments.Add(Instrument(e, n, j, nMin, special: e == biggest));
        }

        var byPt = instruments.ToLookup(i => (i.Gemeente, i.ProgrammaId, i.Thema));
        var programmeThemes = pts.Select(pt => ProgrammeTheme(pt, byPt[(pt.Gemeente, pt.ProgrammaId, pt.Thema)].ToList(), nMin)).ToList();
        var ptByKey = programmeThemes.ToDictionary(p => (p.Gemeente, p.ProgrammaId, p.Thema));
        var v2Areas = areas.Select(a => Area(a, pts.Where(pt => pt.Thema == a.Thema && (a.Gemeente == "REGIO" || pt.Gemeente == a.Gemeente))
            .Select(pt => ptByKey[(pt.Gemeente, pt.ProgrammaId, pt.Thema)]).ToList())).ToList();
        var groups = MethodeV2Groups.Generate(areas, pts, programmes);
        return new MethodeV2Rows(instruments, programmeThemes, v2Areas, groups);
    }

    private static V2Instrument Instrument(EffectRow e, long n, int j, int nMin, bool special)
    {
        var row = new V2Instrument { Gemeente = e.Gemeente, ProgrammaId = e.ProgrammaId, Thema = e.Thema, Instrument = e.Instrument, Tripels = (int)n };
        if (n < nMin)
        {
            return row with { Reden = "te_weinig_paren" };
        }

        var (g2, se2, l2, h2) = Effect(0.05 + 0.1 * (j % 5), n);
        var (gt, set, lt, ht) = Effect(-0.45 + 0.1 * (j % 7), n);
        var (g1, se1, l1, h1) = Effect(0.4, n);
        return row with
        {
            GemiddeldT1 = special ? Special.GemiddeldT1 : 1.5, SdT1 = 3.0, GemiddeldT2 = special ? Special.GemiddeldT2 : 1.0, SdT2 = 3.5,
            GemiddeldTerugval = special ? Special.GemiddeldTerugval : -0.5, SdTerugval = 2.0,
            GT1 = g1, GT1Se = se1, GT1CiLaag = l1, GT1CiHoog = h1, GT2 = g2, GT2Se = se2, GT2CiLaag = l2, GT2CiHoog = h2,
            GTerugval = gt, GTerugvalSe = set, GTerugvalCiLaag = lt, GTerugvalCiHoog = ht,
            BehoudPct = special ? Special.BehoudPct : 66.7, FollowUpDagen = special ? Special.FollowUpDagen : 120,
        };
    }

    private static V2ProgrammeTheme ProgrammeTheme(ProgrammaThemaScoreRow pt, List<V2Instrument> own, int nMin)
    {
        var t2 = Pool(own.Where(i => i.GT2 is not null).Select(i => (i.GT2!.Value, i.GT2Se!.Value, i.GT2CiLaag!.Value, i.GT2CiHoog!.Value)).ToList());
        var tv = Pool(own.Where(i => i.GTerugval is not null).Select(i => (i.GTerugval!.Value, i.GTerugvalSe!.Value, i.GTerugvalCiLaag!.Value, i.GTerugvalCiHoog!.Value)).ToList());
        var tripels = own.Count == 0 ? 0 : own.Max(i => i.Tripels);
        var label = tripels == 0 ? "geen_follow_up" : own.All(i => i.Tripels < nMin) ? "te_weinig_paren"
            : tv is { } v && v.High < 0 ? "terugval" : t2 is { } b && b.Low > 0 ? "blijvend_effect" : "onzeker";
        return new V2ProgrammeTheme
        {
            Gemeente = pt.Gemeente, ProgrammaId = pt.ProgrammaId, Thema = pt.Thema, Tripels = tripels, Label = label,
            GT2 = t2?.G, GT2Se = t2?.Se, GT2CiLaag = t2?.Low, GT2CiHoog = t2?.High,
            GTerugval = tv?.G, GTerugvalSe = tv?.Se, GTerugvalCiLaag = tv?.Low, GTerugvalCiHoog = tv?.High,
        };
    }

    private static V2Area Area(GemeenteThemaScoreRow a, List<V2ProgrammeTheme> own)
    {
        var t2 = own.Where(p => p.GT2 is not null).Select(p => (p.GT2!.Value, p.GT2Se!.Value, p.GT2CiLaag!.Value, p.GT2CiHoog!.Value)).ToList();
        var tv = own.Where(p => p.GTerugval is not null).Select(p => (p.GTerugval!.Value, p.GTerugvalSe!.Value, p.GTerugvalCiLaag!.Value, p.GTerugvalCiHoog!.Value)).ToList();
        var (p2, pv) = (Pool(t2), Pool(tv));
        return new V2Area
        {
            Gemeente = a.Gemeente, Thema = a.Thema, ProgrammasFollowUp = own.Count(p => p.Tripels > 0), Tripels = own.Sum(p => p.Tripels),
            KT2 = t2.Count, GT2 = p2?.G, GT2Se = p2?.Se, GT2CiLaag = p2?.Low, GT2CiHoog = p2?.High, Tau2T2 = t2.Count > 0 ? Special.Tau2 : null,
            KTerugval = tv.Count, GTerugval = pv?.G, GTerugvalSe = pv?.Se, GTerugvalCiLaag = pv?.Low, GTerugvalCiHoog = pv?.High,
            Tau2Terugval = tv.Count > 0 ? 0 : null,
        };
    }

    /// <summary>An effect g on n people with its se and 95% interval as methode-v1 §1 gives them.</summary>
    public static (double G, double Se, double Low, double High) Effect(double g, long n)
    {
        var se = Math.Sqrt((1 + (g * g / 2)) / n);
        return (g, se, g - (Z * se), g + (Z * se));
    }

    /// <summary>Fixed-effect pooling; one effect stays exactly itself (as v1 §2 and §4 give for k = 1).</summary>
    public static (double G, double Se, double Low, double High)? Pool(List<(double G, double Se, double Low, double High)> effects)
    {
        if (effects.Count <= 1)
        {
            return effects.Count == 0 ? null : effects[0];
        }

        var w = effects.Select(e => 1 / (e.Se * e.Se)).ToList();
        var g = effects.Select((e, i) => e.G * w[i]).Sum() / w.Sum();
        var se = Math.Sqrt(1 / w.Sum());
        return (g, se, g - (Z * se), g + (Z * se));
    }
}
