using System.Globalization;
using System.Text;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Scoring.Tests;

/// <summary>
/// A generated drop for method v2 (deterministic per seed): two municipalities, six programmes of every doelgroep
/// and preventietype (two without one), ages in every band, T1 for most participants and T2 follow-ups for a share
/// (some without a T1, some dated on or before their T1), and participants whose T0 age differs between instruments.
/// </summary>
internal static class FollowUpDrop
{
    private static readonly (string Id, string Gemeente, string Thema, string Secundair, string[] Instruments, string Doelgroep, string Preventietype,
        int Van, int Tot, int Deelnemers, double T2Share)[] Shapes =
    [
        ("P0", "GM0935", "weerbaarheid", "", ["SDQ_EMOTIE", "RSES"], "jeugdigen", "universeel", 4, 17, 40, 0.6),
        ("P1", "GM0935", "sociale_aansluiting", "weerbaarheid", ["SDQ_PROSOCIAAL", "SDQ_LEEFTIJDGENOTEN", "RSES"], "beide", "", 10, 23, 35, 0.5),
        ("P2", "GM0935", "opvoedvaardigheden", "", ["OBVL_TOTAAL", "NOSIK_TOTAAL"], "ouders", "selectief", 0, 11, 30, 0.7),
        ("P3", "GM0981", "weerbaarheid", "", ["SDQ_EMOTIE"], "jeugdigen", "geindiceerd", 12, 23, 25, 0.15),
        ("P4", "GM0981", "zelfstandigheid", "", ["ZRM_GEMIDDELD"], "jeugdigen", "", 16, 23, 30, 0.5),
        ("P5", "GM0981", "weerbaarheid", "", ["SDQ_EMOTIE", "RSES"], "ouders", "universeel", 0, 3, 6, 1.0),
    ];

    public static string Write(int seed)
    {
        var random = new Random(seed);
        var root = TestCluster.CreateTempHome("pm-followup-");
        var programmes = new Dictionary<string, StringBuilder>();
        var metingen = new Dictionary<string, StringBuilder>();
        foreach (var s in Shapes)
        {
            if (!programmes.TryGetValue(s.Gemeente, out var p))
            {
                programmes[s.Gemeente] = p = new StringBuilder(
                    "programma_id,naam,gemeente,jaar,doelgroep,leeftijd_van,leeftijd_tot,thema_primair,themas_secundair,erkenning,preventietype,deelnemers\n");
                metingen[s.Gemeente] = new StringBuilder("programma_id,gemeente,jaar,deelnemer,moment,datum,leeftijd,instrument,score\n");
            }

            p.Append(CultureInfo.InvariantCulture,
                $"{s.Id},Programma {s.Id},{s.Gemeente},2025,{s.Doelgroep},{s.Van},{s.Tot},{s.Thema},{s.Secundair},goed_onderbouwd,{s.Preventietype},{s.Deelnemers}\n");
            var m = metingen[s.Gemeente];
            for (var k = 0; k < s.Deelnemers; k++)
            {
                var age = random.Next(s.Van, s.Tot + 1);
                foreach (var instrument in s.Instruments)
                {
                    var (min, max, step) = Range(instrument);
                    var steps = (int)((max - min) / step);
                    var t0 = min + (random.Next(0, steps + 1) * step);
                    var t1 = Math.Clamp(t0 + (random.Next(-3, 6) * step), min, max);
                    var t2 = Math.Clamp(t1 + (random.Next(-4, 3) * step), min, max);
                    var t0Age = random.NextDouble() < 0.2 ? Math.Min(age + 1, s.Tot) : age; // a birthday between two T0 rows
                    Row(m, s.Id, s.Gemeente, k, "T0", "2025-02-01", t0Age, instrument, t0);
                    var withT1 = random.NextDouble() < 0.85;
                    var t1Date = new DateOnly(2025, 6, 1).AddDays(random.Next(0, 30));
                    if (withT1)
                    {
                        Row(m, s.Id, s.Gemeente, k, "T1", t1Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), age, instrument, t1);
                    }

                    if (random.NextDouble() < s.T2Share)
                    {
                        var t2Date = t1Date.AddDays(random.Next(-5, 150)); // a few on or before T1
                        Row(m, s.Id, s.Gemeente, k, "T2", t2Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), age, instrument, t2);
                    }
                }
            }
        }

        foreach (var (gemeente, p) in programmes)
        {
            Directory.CreateDirectory(Path.Combine(root, gemeente, "programmas"));
            Directory.CreateDirectory(Path.Combine(root, gemeente, "metingen"));
            File.WriteAllText(Path.Combine(root, gemeente, "programmas", "p.csv"), p.ToString());
            File.WriteAllText(Path.Combine(root, gemeente, "metingen", "m.csv"), metingen[gemeente].ToString());
        }

        return root;
    }

    private static void Row(StringBuilder m, string id, string gemeente, int k, string moment, string datum, int age, string instrument, decimal score) =>
        m.Append(CultureInfo.InvariantCulture,
            $"{id},{gemeente},2025,{id}-D{k},{moment},{datum},{age},{instrument},{score.ToString(CultureInfo.InvariantCulture)}\n");

    private static (decimal Min, decimal Max, decimal Step) Range(string instrument) => instrument switch
    {
        "RSES" => (0m, 30m, 1m),
        "ZRM_GEMIDDELD" => (1m, 5m, 0.1m),
        "OBVL_TOTAAL" => (34m, 136m, 1m),
        "NOSIK_TOTAAL" => (25m, 150m, 1m),
        _ => (0m, 10m, 1m),
    };
}
