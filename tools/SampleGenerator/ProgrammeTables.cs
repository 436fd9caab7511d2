using static Preventiemonitor.SampleGenerator.Catalogue;

namespace Preventiemonitor.SampleGenerator;

/// <summary>The programme inventories of the sample files, and row numbers as a person sees them.</summary>
internal static class ProgrammeTables
{
    private static readonly string[] ProgCols =
    [
        "programma_id", "naam", "aanbieder", "gemeente", "jaar", "doelgroep", "leeftijd_van", "leeftijd_tot",
        "thema_primair", "themas_secundair", "erkenning", "preventietype", "deelnemers", "budget_eur", "startdatum", "einddatum",
    ];

    public static Table ProgrammeTable(Gemeente g, Prng rng, IReadOnlyList<string>? headers = null, bool withOpmerking = false)
    {
        var cols = withOpmerking ? [.. ProgCols, "opmerking"] : ProgCols;
        var t = new Table(cols, headers);
        var starts = new[] { new DateOnly(2025, 1, 1), new DateOnly(2024, 9, 1), new DateOnly(2023, 1, 1), new DateOnly(2022, 8, 29) };
        var lateStarts = new[] { new DateOnly(2025, 3, 1), new DateOnly(2025, 8, 25), new DateOnly(2025, 1, 1) };
        var ends = new DateOnly?[] { new DateOnly(2025, 12, 31), null, new DateOnly(2026, 7, 31), new DateOnly(2025, 12, 31) };
        var opmerkingen = new[] { null, "loopt door in 2026", null, "subsidie via SPUK", null, "cijfers aanbieder" };

        foreach (var p in g.Programmas)
        {
            var (code, label) = Erkenningen.Single(e => e.Code == p.T.Erkenning);
            var erkenning = rng.Next(0, 5) switch
            {
                0 => code,
                1 => label,
                2 => label.ToUpperInvariant(),
                3 => " " + label.ToLowerInvariant() + " ",
                4 => code.ToUpperInvariant(),
                _ => "  " + code + " ",
            };
            var doelgroep = rng.Next(0, 3) == 0 ? char.ToUpperInvariant(p.T.Doelgroep[0]) + p.T.Doelgroep[1..] : p.T.Doelgroep;
            Num? budget = rng.Next(0, 6) == 0
                ? null
                : new Num(p.Deelnemers * rng.Next(60, 900) + rng.Next(0, 99) / 100m + 250, 2);
            var start = p.Gemeten > 0 ? rng.Pick(starts) : rng.Pick(lateStarts);
            DateOnly? eind = rng.Pick(ends);
            DateOnly? startOrNull = rng.Next(0, 7) == 0 ? null : start;
            var secundair = p.T.Secundair.Length == 0 ? null : string.Join('|', p.T.Secundair);
            var preventietype = rng.Next(0, 5) == 0 ? null : p.T.Preventietype;

            object?[] row =
            [
                p.Id, p.DisplayNaam, p.DisplayAanbieder, g.Code, Jaar, doelgroep,
                p.VanAsWritten ?? p.T.Van, p.TotAsWritten ?? p.T.Tot,
                p.PrimairAsWritten ?? p.T.Primair, secundair, erkenning, preventietype,
                p.Deelnemers, budget, startOrNull, eind,
            ];
            if (withOpmerking)
            {
                row = [.. row, rng.Pick(opmerkingen)];
            }

            t.Rows.Add(row);
        }

        return t;
    }

    public static int RowOf(Table t, object?[] row)
    {
        var index = t.Rows.FindIndex(r => ReferenceEquals(r, row));
        if (index < 0)
        {
            throw new InvalidOperationException("row not in table");
        }

        return Table.RowNumber(index);
    }

    public static int RowOfProgramme(Table t, string id) => Table.RowNumber(t.Rows.FindIndex(r => (string?)r[0] == id));
}
