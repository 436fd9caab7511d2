using System.Globalization;
using System.Text;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Tests.Loading;

/// <summary>
/// Random <c>metingen</c> CSV files from a seed, for the tests that hold the fast path against the ordinary one: mostly valid
/// rows (both date forms, decimal point or comma, codes in any case) mixed with broken ones (white space, odd numbers and
/// dates, unknown codes, BSN-like ids, extra and missing cells, non-ASCII, control characters, long values, blank lines),
/// with ';', ',' or TAB, LF or CR LF, with or without BOM; now and then a quote or a lone CR (a file the fast path leaves alone).
/// </summary>
internal sealed class MeasurementCsvGenerator(int seed, IReadOnlyList<Instrument> instruments)
{
    private static readonly string[] Columns = ["programma_id", "gemeente", "jaar", "deelnemer", "moment", "datum", "leeftijd", "instrument", "score"];

    private readonly Random _random = new(seed);

    /// <summary>Chance that a row is broken in some way.</summary>
    public double Broken { get; init; } = 0.25;

    /// <summary>The most data rows a file has.</summary>
    public int MaxRows { get; init; } = 60;

    public byte[] File()
    {
        var delimiter = Pick(';', ',', '\t');
        var comma = delimiter != ',';
        var newline = Chance(0.4) ? "\r\n" : "\n";
        var header = Columns.ToList();
        if (Chance(0.3))
        {
            header = [.. header.OrderBy(_ => _random.Next())];
        }

        if (Chance(0.2))
        {
            header.Insert(_random.Next(header.Count + 1), "opmerking");
        }

        var text = new StringBuilder();
        text.Append(string.Join(delimiter, header.Select(h => Chance(0.1) ? h.ToUpperInvariant() : h))).Append(newline);
        var rows = _random.Next(5, MaxRows);
        var previous = (string[]?)null;
        for (var i = 0; i < rows; i++)
        {
            var cells = Row(i, comma);
            if (Chance(Broken))
            {
                Break(cells, delimiter, comma);
            }

            if (previous is not null && Chance(0.003))
            {
                cells = previous;
            }

            previous = cells;
            var values = header.Select(h => h == "opmerking" ? Pick("", "ok", "n.v.t.", " ") : cells[Array.IndexOf(Columns, h)]).ToList();
            if (Chance(0.03))
            {
                values.Add(Pick("extra", "", " "));
            }

            if (Chance(0.03))
            {
                values.RemoveAt(values.Count - 1);
            }

            text.Append(string.Join(delimiter, values)).Append(Chance(0.002) ? "\r" : newline);
            if (Chance(0.04))
            {
                text.Append(Pick("", " ", "\t", delimiter.ToString(), "\u00A0")).Append(newline);
            }
        }

        if (Chance(0.3))
        {
            text.Append(newline).Append(newline);
        }

        if (Chance(0.3) && text.Length > newline.Length)
        {
            text.Length -= newline.Length;
        }

        if (Chance(0.04))
        {
            text.Insert(_random.Next(text.Length), '"');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return Chance(0.3) ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    private string[] Row(int i, bool comma)
    {
        var instrument = instruments[_random.Next(instruments.Count)];
        // A participant has two rows (T0 then T1 or T2), so keys repeat only where a row is copied on purpose.
        var moment = i % 2 == 0 ? "T0" : Pick("T1", "T2");
        var date = new DateOnly(2025, 1, 1).AddDays(_random.Next(365));
        var units = _random.Next((int)instrument.Min * 100, ((int)instrument.Max * 100) + 1);
        var score = Pick(0, 1, 2) switch
        {
            0 => (units / 100).ToString(CultureInfo.InvariantCulture),
            1 => (units / 100).ToString(CultureInfo.InvariantCulture) + ".0",
            _ => (units / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        };
        if (comma && Chance(0.5))
        {
            score = score.Replace('.', ',');
        }

        return
        [
            "P" + _random.Next(1, 7).ToString("000", CultureInfo.InvariantCulture),
            Chance(0.05) ? "gm0935" : "GM0935",
            "2025",
            "D" + (i / 2).ToString("00000", CultureInfo.InvariantCulture) + "-" + seed.ToString(CultureInfo.InvariantCulture),
            Chance(0.1) ? moment.ToLowerInvariant() : moment,
            Chance(0.5) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
            _random.Next(0, 24).ToString(CultureInfo.InvariantCulture),
            Chance(0.1) ? instrument.Code.ToLowerInvariant() : instrument.Code,
            score,
        ];
    }

    private void Break(string[] cells, char delimiter, bool comma)
    {
        var kind = _random.Next(22);

        // Most kinds belong to one column (in the order of Columns); the rest hit any column.
        var column = kind switch
        {
            3 => 1,
            5 => 2,
            8 or 20 => 3,
            15 => 4,
            4 or 17 => 5,
            6 => 6,
            16 => 7,
            7 or 19 => 8,
            21 => 0,
            _ => _random.Next(cells.Length),
        };
        cells[column] = kind switch
        {
            0 => " " + cells[column],
            1 => cells[column] + Pick(" ", "\t", "\u00A0"),
            2 => string.Empty,
            3 => Pick("GM9999", "GM0938", "gm0938", "GM0935 ", "GM 0935"),
            4 => Pick("31-02-2025", "2025/03/01", "1-3-2025", "0000-01-01", "2025-13-01", "01-01-0001", "9999-12-31"),
            5 => Pick("2024", "+2025", "02025", "abc", "2014", "2101"),
            6 => Pick("24", "25", "26", "-1", "+5", "007", "1.5"),
            7 => Pick("abc", "+3", "-0", "-3", "4.50", "1e3", ".5", "5.", "0,5", "1,5", "00000000000000001", "3.0000000000000000000001"),
            8 => Pick("111222333", "123456789", "  111222333 ", "000000000", "99999999"),
            9 => new string('x', _random.Next(60, 70)),
            10 => Pick("Pé1", "Dø1", "\u00A0P001", "P001\u2028", "ZRM_GEMİDDELD", "ＧＭ0935"),
            11 => cells[column] + Pick("\u0001", "\u007F", "\u0085", "\uFFFE"),
            12 => cells[column].Replace('0', 'O'),
            13 => cells[column] + (comma ? "," : ";") + "5",
            14 => cells[column].ToLowerInvariant(),
            15 => Pick("T2", "t2", " t0", "T3", "T 1"),
            16 => Pick("SDQ_EMOTIE", "OBVL_TOTAAL", "NOSIK_TOTAAL", "RSES", "XYZ", "zrm_gemiddeld"),
            17 => Pick("2025-02-29", "29-02-2024", "2025-2-3", "3-2-2025"),
            18 => cells[column] + delimiter + "x",
            19 => Pick("0", "5", "10", "30", "34", "136", "150", "151", "-0.5", "0.00"),
            20 => Pick("D", "d-0001", "  ", new string('d', 64), new string('d', 65)),
            _ => Pick("P001", "p001", "P 001", "P001 ", "P0001", new string('P', 64), new string('P', 65)),
        };
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(params T[] values) => values[_random.Next(values.Length)];
}
