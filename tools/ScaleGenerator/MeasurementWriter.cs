using System.Globalization;

namespace Preventiemonitor.ScaleGenerator;

/// <summary>
/// Writes one municipality's measurement file: the rows are spread evenly over the programmes; each
/// participant gets T0 and T1 on every instrument of the programme (one in ten drops out after T0, one in
/// four has a T2 follow-up). Scores are whole units of the instrument's decimals within [min, max].
/// </summary>
internal static class MeasurementWriter
{
    /// <summary>Writes the file and returns the number of participants per programme.</summary>
    public static int[] Write(string path, string code, ScaleDropOptions options, IReadOnlyList<ProgrammePlan> programmes, long[] quotas,
        bool dutch, SplitMix rng)
    {
        var d = dutch ? ';' : ',';
        var jaar = options.Jaar.ToString(CultureInfo.InvariantCulture);
        var participants = new int[programmes.Count];
        using var writer = ScaleDrop.Open(path);
        writer.WriteLine(string.Join(d, "programma_id", "gemeente", "jaar", "deelnemer", "moment", "datum", "leeftijd", "instrument", "score"));
        var prefix = "D" + code[2..] + "-";
        for (var p = 0; p < programmes.Count; p++)
        {
            var plan = programmes[p];
            var quota = quotas[p];
            var k = 0;
            while (quota > 0)
            {
                var deelnemer = prefix + (p + 1).ToString("D4", CultureInfo.InvariantCulture) + "-" + k.ToString("D6", CultureInfo.InvariantCulture);
                var age = plan.Van + (k % (plan.Tot - plan.Van + 1));
                foreach (var instrument in plan.Instruments)
                {
                    var scale = Pow10(instrument.Decimals);
                    var t0 = rng.Next(instrument.Min * scale, instrument.Max * scale);
                    var t1 = Math.Clamp(t0 + rng.Next(-2 * scale, 3 * scale), instrument.Min * scale, instrument.Max * scale);
                    var t2 = Math.Clamp(t1 + rng.Next(-scale, scale), instrument.Min * scale, instrument.Max * scale);
                    ReadOnlySpan<(string Moment, DateOnly Datum, int Units, int Age)> moments =
                    [
                        ("T0", new DateOnly(options.Jaar, 1, 6).AddDays(k % 60), t0, age),
                        ("T1", new DateOnly(options.Jaar, 6, 2).AddDays(k % 90), t1, age),
                        ("T2", new DateOnly(options.Jaar + 1, 2, 3).AddDays(k % 60), t2, Math.Min(23, age + 1)),
                    ];
                    var count = RowsOf(k);
                    for (var m = 0; m < count && quota > 0; m++, quota--)
                    {
                        var (moment, datum, units, leeftijd) = moments[m];
                        writer.Write(plan.Id);
                        writer.Write(d);
                        writer.Write(code);
                        writer.Write(d);
                        writer.Write(jaar);
                        writer.Write(d);
                        writer.Write(deelnemer);
                        writer.Write(d);
                        writer.Write(moment);
                        writer.Write(d);
                        writer.Write(ScaleDrop.Date(datum, dutch));
                        writer.Write(d);
                        writer.Write(leeftijd.ToString(CultureInfo.InvariantCulture));
                        writer.Write(d);
                        writer.Write(instrument.Code);
                        writer.Write(d);
                        writer.Write(Score(units, instrument.Decimals, dutch ? ',' : '.'));
                        writer.Write('\n');
                    }
                }

                k++;
            }

            participants[p] = k;
        }

        return participants;
    }

    /// <summary>The moments participant <paramref name="k"/> of a programme has per instrument: T0 only, T0–T1 or T0–T2.</summary>
    internal static int RowsOf(int k) => k % 10 == 9 ? 1 : k % 4 == 0 ? 3 : 2;

    private static int Pow10(int decimals) => decimals switch { 0 => 1, 1 => 10, 2 => 100, _ => throw new ArgumentOutOfRangeException(nameof(decimals)) };

    /// <summary>A score of <paramref name="units"/> × 10^-decimals, written exactly.</summary>
    private static string Score(int units, int decimals, char separator)
    {
        if (decimals == 0)
        {
            return units.ToString(CultureInfo.InvariantCulture);
        }

        var scale = Pow10(decimals);
        return (units / scale).ToString(CultureInfo.InvariantCulture) + separator +
               (units % scale).ToString("D" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
