using System.Globalization;
using System.Text;

namespace Preventiemonitor.ScaleGenerator;

/// <summary>A generated file: its path relative to the drop root, dataset, delimiter and data rows.</summary>
public sealed record ScaleFile(string Bestand, string Dataset, char Delimiter, long Rijen);

/// <summary>What <see cref="ScaleDrop.Write"/> produced.</summary>
public sealed record ScaleDropResult(IReadOnlyList<ScaleFile> Files)
{
    public long MetingRijen => Files.Where(f => f.Dataset == "metingen").Sum(f => f.Rijen);
}

/// <summary>
/// Writes a large drop folder (aanleverformaat §5) that the ingest accepts in full: per municipality an
/// inventory of N programmes and one measurement file (T0, T1 and T2, some participants without T1), and
/// the population file. Every other municipality writes ';' with decimal commas and Dutch dates, the others
/// ',' with decimal points and ISO dates. Deterministic: the same options give the same bytes.
/// </summary>
public static class ScaleDrop
{
    public static ScaleDropResult Write(string targetDir, ScaleDropOptions options)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var root = Path.GetFullPath(targetDir);
        foreach (var folder in ScaleCatalogue.GemeenteCodes.Append("bevolking"))
        {
            var dir = Path.Combine(root, folder);
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        var files = new List<ScaleFile>();
        var codes = ScaleCatalogue.GemeenteCodes.Take(options.Gemeenten).ToArray();
        for (var g = 0; g < codes.Length; g++)
        {
            var code = codes[g];
            var dutch = g % 2 == 1;
            var rows = (options.Rijen / codes.Length) + (g == 0 ? options.Rijen % codes.Length : 0);
            var programmes = ProgrammePlan.For(code, options, new SplitMix(options.Seed ^ ((ulong)(g + 1) * 0x100000001B3UL)));
            var metingen = $"{code}/metingen/metingen_{options.Jaar}.csv";
            var quotas = SmallProgrammes.Quotas(programmes, SmallProgrammes.Caps(g, options), rows);
            var deelnemers = MeasurementWriter.Write(Full(root, metingen), code, options, programmes, quotas, dutch,
                new SplitMix(options.Seed * 31UL + (ulong)g));
            files.Add(new ScaleFile(metingen, "metingen", dutch ? ';' : ',', rows));
            var programmas = $"{code}/programmas/programmas_{options.Jaar}.csv";
            WriteProgrammes(Full(root, programmas), code, options.Jaar, programmes, deelnemers, dutch);
            files.Add(new ScaleFile(programmas, "programmas", dutch ? ';' : ',', programmes.Count));
        }

        var bevolking = $"bevolking/bevolking_{options.Jaar}.csv";
        files.Add(new ScaleFile(bevolking, "bevolking", ',', WritePopulation(Full(root, bevolking), codes, options.Jaar)));
        return new ScaleDropResult([.. files.OrderBy(f => f.Bestand, StringComparer.Ordinal)]);
    }

    internal static string Full(string root, string relative)
    {
        var path = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    internal static StreamWriter Open(string path) => new(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };

    private static void WriteProgrammes(string path, string code, int jaar, IReadOnlyList<ProgrammePlan> programmes, int[] deelnemers, bool dutch)
    {
        var d = dutch ? ';' : ',';
        using var writer = Open(path);
        writer.WriteLine(string.Join(d, "programma_id", "naam", "aanbieder", "gemeente", "jaar", "doelgroep", "leeftijd_van", "leeftijd_tot",
            "thema_primair", "themas_secundair", "erkenning", "preventietype", "deelnemers", "budget_eur", "startdatum", "einddatum"));
        for (var i = 0; i < programmes.Count; i++)
        {
            var p = programmes[i];
            var budget = (1000 + (i * 137 % 90000)).ToString(CultureInfo.InvariantCulture) + (dutch ? ",50" : ".50");
            var start = new DateOnly(jaar, 1, 1).AddDays(i % 60);
            writer.WriteLine(string.Join(d, p.Id, $"Schaalprogramma {code} {i + 1}", "Aanbieder " + ((i % 17) + 1).ToString(CultureInfo.InvariantCulture),
                code, jaar.ToString(CultureInfo.InvariantCulture), p.Doelgroep, p.Van.ToString(CultureInfo.InvariantCulture),
                p.Tot.ToString(CultureInfo.InvariantCulture), p.Thema, p.Secundair ?? string.Empty, p.Erkenning, p.Preventietype,
                deelnemers[i].ToString(CultureInfo.InvariantCulture), budget, Date(start, dutch), Date(new DateOnly(jaar, 12, 31), dutch)));
        }
    }

    private static int WritePopulation(string path, IReadOnlyList<string> codes, int jaar)
    {
        using var writer = Open(path);
        writer.WriteLine("gemeente,jaar,leeftijd,aantal");
        var rows = 0;
        for (var g = 0; g < codes.Count; g++)
        {
            for (var leeftijd = 0; leeftijd <= 23; leeftijd++)
            {
                var aantal = 400 + (g * 911 % 1500) + (leeftijd * 13);
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{codes[g]},{jaar},{leeftijd},{aantal}"));
                rows++;
            }
        }

        return rows;
    }

    internal static string Date(DateOnly date, bool dutch) =>
        date.ToString(dutch ? "dd-MM-yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
