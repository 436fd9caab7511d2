using System.Globalization;

namespace Preventiemonitor.Reports.Tests.Disclosure;

/// <summary>
/// A generated publication of method v2, written as the CSV files the <see cref="LinearAttacker"/> reads (the columns
/// it does not read left out). Built so that every small count (1 … 9 people) is the only small count of a sum whose
/// other cells are published: per municipality and theme two large programmes and one small one, each programme on
/// one theme with one instrument, the small programme the only one of its <c>doelgroep</c> (<c>ouders</c>) and
/// <c>preventietype</c> (<c>selectief</c>) and its pairs all in age group 0-3 (at least two pairs); one more
/// municipality has only a small programme per theme, so its own counts are small and alone in the region's sums. Every count of
/// people is a whole number; scores have one decimal; large instruments carry an effect whose interval fits their
/// count (R7). Deterministic per seed.
/// </summary>
public sealed class SyntheticV2Publication
{
    private static readonly (string Thema, string Instrument)[] Themes = [("weerbaarheid", "SDQ_EMOTIE"), ("veiligheid", "VEILIGHEID_BELEVING")];
    private readonly Dictionary<string, Table> _tables = [];

    private SyntheticV2Publication()
    {
        Add("programmas", ["gemeente", "programma_id", "doelgroep", "preventietype", "deelnemers", "onderdrukt"], ["deelnemers"]);
        Add("effecten", ["gemeente", "programma_id", "thema", "instrument", "paren", "g", "ci_laag", "ci_hoog", "reden", "onderdrukt"], ["paren"], "g", "ci_laag", "ci_hoog");
        Add("scores_programma_thema", ["gemeente", "programma_id", "thema", "effect_g", "effect_ci_laag", "effect_ci_hoog", "paren", "score", "onderdrukt"], ["paren"], "effect_g", "effect_ci_laag", "effect_ci_hoog");
        Add("scores_gemeente_thema", ["gemeente", "thema", "deelnemers", "score", "effect_g", "effect_ci_laag", "effect_ci_hoog", "k", "paren", "bevolking_0_23", "bereik_pct", "onderdrukt"], ["deelnemers", "paren"]);
        Add("duurzaamheid_effecten", ["gemeente", "programma_id", "thema", "instrument", "tripels", .. Durability, "reden", "onderdrukt"], ["tripels"], Durability);
        Add("duurzaamheid_programma_thema", ["gemeente", "programma_id", "thema", "tripels", .. Durability, "onderdrukt"], ["tripels"], Durability);
        Add("duurzaamheid_gemeente_thema", ["gemeente", "thema", "tripels", "k_t2", "k_terugval", .. Durability, "onderdrukt"], ["tripels"]);
        Add("effecten_doelgroep", ["gemeente", "thema", "dimensie", "groep", "programmas", "paren", "k", "effect_g", "ci_laag", "ci_hoog", "onderdrukt"], ["paren"]);
    }

    private static string[] Durability => ["g_t2", "g_t2_ci_laag", "g_t2_ci_hoog", "g_terugval", "g_terugval_ci_laag", "g_terugval_ci_hoog"];

    /// <summary>The true value of every count of people, by <c>file[row].column</c> as <see cref="LinearAttacker"/> names it.</summary>
    public IReadOnlyDictionary<string, long> Truth => _tables.Values.SelectMany(t => t.Truth).ToDictionary();

    public static SyntheticV2Publication Generate(int seed, int municipalities)
    {
        var random = new Random(seed);
        var publication = new SyntheticV2Publication();
        var region = new Dictionary<string, Dictionary<string, long>>();
        for (var m = 0; m <= municipalities; m++)
        {
            var gemeente = $"GM{m + 1:0000}";
            foreach (var (thema, instrument) in Themes)
            {
                var area = publication.Programmes(random, gemeente, thema, instrument, $"P{m}{thema[0]}", onlySmall: m == municipalities);
                foreach (var (column, value) in area)
                {
                    var sums = region.TryGetValue(thema, out var s) ? s : region[thema] = [];
                    sums[column] = sums.GetValueOrDefault(column) + value;
                }
            }
        }

        foreach (var (thema, sums) in region)
        {
            publication.Area("REGIO", thema, sums, 2 * municipalities);
        }

        return publication;
    }

    /// <summary>Writes the CSV files: unsuppressed, or with every count of 1 … <paramref name="primaryBelow"/> − 1 emptied with its effect (the primary rule alone).</summary>
    public void Write(string folder, int? primaryBelow)
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, table) in _tables)
        {
            File.WriteAllText(Path.Combine(folder, name + ".csv"), table.Csv(primaryBelow));
        }
    }

    /// <summary>
    /// One municipality × theme: two large programmes and a small one, or (<paramref name="onlySmall"/>) the small one
    /// alone, so that the municipality's counts are small too; returns the area's sums (and the groups') for the region.
    /// </summary>
    private Dictionary<string, long> Programmes(Random random, string gemeente, string thema, string instrument, string prefix, bool onlySmall)
    {
        var totals = new Dictionary<string, long>();
        var weighted = 0.0;
        foreach (var (n, small) in onlySmall ? [(3, true)] : new[] { (1, false), (2, false), (3, true) })
        {
            var id = $"{prefix}{n}";
            long deelnemers = small ? random.Next(2, 10) : random.Next(40, 200);
            long paren = small ? random.Next(2, (int)deelnemers + 1) : random.Next(20, (int)deelnemers + 1);
            long tripels = small ? random.Next(1, (int)paren + 1) : random.Next(12, (int)paren + 1);
            var score = random.Next(300, 900) / 10.0;
            var effect = small ? null : Effect(random, paren);
            _tables["programmas"].Add([gemeente, id, small ? "ouders" : "jeugdigen", small ? "selectief" : "universeel", N(deelnemers)]);
            _tables["effecten"].Add([gemeente, id, thema, instrument, N(paren), .. effect ?? ["", "", ""], small ? "te_weinig_paren" : ""]);
            _tables["scores_programma_thema"].Add([gemeente, id, thema, .. effect ?? ["", "", ""], N(paren), score.ToString("F1", CultureInfo.InvariantCulture)]);
            string[] durability = small ? ["", "", "", "", "", ""] : [.. Effect(random, tripels), .. Effect(random, tripels)];
            _tables["duurzaamheid_effecten"].Add([gemeente, id, thema, instrument, N(tripels), .. durability, small ? "te_weinig_paren" : ""]);
            _tables["duurzaamheid_programma_thema"].Add([gemeente, id, thema, N(tripels), .. durability]);
            weighted += score * deelnemers;
            Add(totals, ("deelnemers", deelnemers), ("paren", paren), ("tripels", tripels),
                (small ? "doelgroep|ouders" : "doelgroep|jeugdigen", paren), (small ? "preventietype|selectief" : "preventietype|universeel", paren),
                ($"leeftijdsgroep|{(small ? "0-3" : n == 1 ? "4-11" : "12-17")}", paren));
        }

        totals["score10"] = (long)Math.Round(weighted * 10);
        Area(gemeente, thema, totals, onlySmall ? 0 : 2);
        return totals;
    }

    /// <summary>The rows of one area (a municipality, or the region with <paramref name="large"/> large programmes): scores, durability, target groups.</summary>
    private void Area(string gemeente, string thema, Dictionary<string, long> totals, int large)
    {
        var score = totals["score10"] / 10.0 / totals["deelnemers"];
        _tables["scores_gemeente_thema"].Add([gemeente, thema, N(totals["deelnemers"]), Math.Round(score, 1, MidpointRounding.AwayFromZero).ToString("F1", CultureInfo.InvariantCulture),
            "", "", "", N(large), N(totals["paren"]), "0", ""]);
        _tables["duurzaamheid_gemeente_thema"].Add([gemeente, thema, N(totals["tripels"]), N(large), N(large), "", "", "", "", "", ""]);
        foreach (var key in totals.Keys.Where(k => k.Contains('|', StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var (dimensie, groep) = (key.Split('|')[0], key.Split('|')[1]);
            var small = groep is "ouders" or "selectief" or "0-3";
            var programmes = groep is "jeugdigen" or "universeel" ? large : large / 2;
            var k = small ? 0 : programmes;
            _tables["effecten_doelgroep"].Add([gemeente, thema, dimensie, groep, N(programmes), N(totals[key]), N(k), "", "", ""]);
        }
    }

    /// <summary>An effect g with its 95% interval for <paramref name="n"/> people (<c>se = √((1 + g²/2) / n)</c>), rounded to three decimals.</summary>
    private static string[] Effect(Random random, long n)
    {
        var g = Math.Round(random.NextDouble() - 0.2, 3);
        var se = Math.Sqrt((1 + (g * g / 2)) / n);
        return [F3(g), F3(g - (1.959964 * se)), F3(g + (1.959964 * se))];
    }

    private static void Add(Dictionary<string, long> totals, params (string Key, long Value)[] values)
    {
        foreach (var (key, value) in values)
        {
            totals[key] = totals.GetValueOrDefault(key) + value;
        }
    }

    private void Add(string name, string[] header, string[] counts, params string[] carried) => _tables[name] = new Table(name, header, counts, carried);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F3(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private sealed class Table(string name, string[] header, string[] counts, string[] carried)
    {
        private readonly List<string[]> _rows = [];

        public IEnumerable<KeyValuePair<string, long>> Truth => _rows.SelectMany(row => counts.Select(c =>
            KeyValuePair.Create($"{name}[{string.Join('|', PublishedCsv.KeyColumns[name].Select(k => row[Array.IndexOf(header, k)]))}].{c}", Value(row, c))));

        private long Value(string[] row, string column) => long.Parse(row[Array.IndexOf(header, column)], CultureInfo.InvariantCulture);

        /// <summary>A row of every column but <c>onderdrukt</c>, in header order.</summary>
        public void Add(string[] values) => _rows.Add(values.Length == header.Length - 1 ? values : throw new ArgumentException($"{name}: {values.Length} waarden"));

        public string Csv(int? primaryBelow)
        {
            var lines = new List<string> { string.Join(',', header) };
            foreach (var row in _rows)
            {
                var values = row.ToList();
                bool Small(string column) => primaryBelow is { } k && Value(row, column) is var v && v > 0 && v < k;
                var emptied = counts.Any(Small);
                foreach (var column in emptied ? counts.Where(Small).Concat(carried) : [])
                {
                    values[Array.IndexOf(header, column)] = "";
                }

                lines.Add(string.Join(',', values.Append(emptied ? "true" : "false")));
            }

            return string.Join('\n', lines) + "\n";
        }
    }
}
