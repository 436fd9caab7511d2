using static Preventiemonitor.SampleGenerator.Catalogue;
using static Preventiemonitor.SampleGenerator.CsvFormat;
using static Preventiemonitor.SampleGenerator.Expected;
using static Preventiemonitor.SampleGenerator.ProgrammeTables;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The files outside the municipalities: the national list of interventions and the population.</summary>
internal static class NationalFiles
{
    public static void WriteInterventies(DropContext ctx)
    {
        // The national list: the complete list, checked on one day; one entry with a level too low for the list.
        var peildatum = new DateOnly(2025, 9, 1);
        var t = new Table(["interventie_id", "naam", "databank", "erkenning", "doelgroep", "leeftijd_van", "leeftijd_tot",
            "thema_primair", "themas_secundair", "url", "peildatum"]);
        foreach (var i in Interventies)
        {
            t.Rows.Add([i.Id, i.Naam, i.Databank, i.Erkenning, i.Doelgroep, i.Van, i.Tot, i.Primair,
                i.Secundair.Length == 0 ? null : string.Join('|', i.Secundair), i.Url, peildatum]);
        }

        var path = "landelijk/interventies/interventies_2025.csv";
        Writers.WriteCsv(ctx.Full(path), t, Utf8Comma);
        var low = Interventies.Single(i => i.Erkenning == "niet_beoordeeld");
        ctx.Files.Add(new(path, "CSV, UTF-8, `,`, LF; landelijke lijst van erkende interventies", t.Rows.Count, Deels,
            "1 rij in quarantaine (erkenning te laag)"));
        ctx.Defects.Add(new(path, RowOfProgramme(t, low.Id), "erkenning", low.Erkenning, Quarantaine,
            "erkenning 'niet_beoordeeld' is te laag voor de landelijke lijst (minstens goed_beschreven)"));
    }

    public static void WriteBevolking(DropContext ctx)
    {
        var t = new Table(["gemeente", "jaar", "leeftijd", "aantal"]);
        foreach (var g in Gemeenten)
        {
            var rng = SampleDrop.RngFor(g, 3);
            for (var age = 0; age <= 23; age++)
            {
                var band = age switch { <= 3 => 0, <= 11 => 1, <= 17 => 2, 18 => 3, _ => 4 };
                var baseCount = g.Bevolking[band];
                var n = (int)Math.Round(baseCount * (1 + 0.06 * rng.Normal()), MidpointRounding.AwayFromZero);
                t.Rows.Add([g.Code, Jaar, age, n]);
            }
        }

        var path = "bevolking/bevolking_2025.csv";
        Writers.WriteCsv(ctx.Full(path), t, Utf8Comma);
        ctx.Files.Add(new(path, "CSV, UTF-8, `,`, LF; gemeente, jaar, leeftijd 0–23, aantal", t.Rows.Count, Geaccepteerd, "–"));
    }
}
