using System.Globalization;

namespace Preventiemonitor.ScaleGenerator;

/// <summary>A generated programme and the instruments its participants are measured on (all within its themes).</summary>
internal sealed record ProgrammePlan(
    string Id, string Doelgroep, int Van, int Tot, string Thema, string? Secundair, string Erkenning, string Preventietype,
    ScaleInstrument[] Instruments)
{
    /// <summary>The inventory of one municipality: themes, ages and recognition levels spread over the programmes.</summary>
    public static List<ProgrammePlan> For(string code, ScaleDropOptions options, SplitMix rng)
    {
        var list = new List<ProgrammePlan>(options.Programmas);
        var themas = ScaleCatalogue.Themas;
        for (var i = 0; i < options.Programmas; i++)
        {
            var thema = themas[i % themas.Length];
            var ouders = thema == "opvoedvaardigheden";
            var van = ouders ? rng.Next(0, 6) : rng.Next(0, 16);
            var tot = Math.Min(23, van + rng.Next(1, 8));

            // Every third programme has a secondary theme; every sixth is also measured on it.
            string? secundair = i % 3 == 0 ? themas[(i + 2) % themas.Length] : null;
            var instruments = ScaleCatalogue.Of(thema).ToList();
            if (secundair is not null && i % 6 == 0)
            {
                instruments.Add(ScaleCatalogue.Of(secundair)[0]);
            }

            list.Add(new ProgrammePlan(
                $"S{code[2..]}-{(i + 1).ToString("D4", CultureInfo.InvariantCulture)}",
                ouders ? "ouders" : i % 7 == 0 ? "beide" : "jeugdigen",
                van,
                tot,
                thema,
                secundair,
                ScaleCatalogue.Erkenningen[rng.Next(0, ScaleCatalogue.Erkenningen.Length - 1)],
                ScaleCatalogue.Preventietypen[i % ScaleCatalogue.Preventietypen.Length],
                [.. instruments]));
        }

        return list;
    }
}
