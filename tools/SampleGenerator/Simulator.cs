using System.Globalization;
using static Preventiemonitor.SampleGenerator.Catalogue;

namespace Preventiemonitor.SampleGenerator;

/// <summary>Simulates the measurements of a municipality's programmes (T0, T1 and follow-ups), deterministically.</summary>
internal static class Simulator
{
    public static string DeelnemerId(Gemeente g, int n) =>
        g.DeelnemerPrefix + n.ToString(g.Code == Maastricht.Code ? "D6" : "D4", CultureInfo.InvariantCulture);

    private static List<Instrument> InstrumentsFor(Prog p)
    {
        if (p.Instrumenten is not null)
        {
            return [.. p.Instrumenten.Select(Catalogue.Instrument)];
        }

        var list = Instruments.Where(i => i.Thema == p.T.Primair).ToList();
        if (p.ExtraSec && p.T.Secundair.Length > 0)
        {
            list.Add(Instruments.First(i => i.Thema == p.T.Secundair[0]));
        }

        return list;
    }

    private static Num Score(Instrument ins, double value)
    {
        var clamped = Math.Clamp(value, ins.Min, ins.Max);
        return new Num((decimal)Math.Round(clamped, ins.Decimals, MidpointRounding.AwayFromZero), ins.Decimals);
    }

    /// <summary>
    /// Simulates the measurements. Everything of T0 and T1 (and whether a <c>T2</c> programme's pair has a
    /// follow-up) comes from <paramref name="rng"/>; the follow-up ages and the follow-ups of
    /// <c>FollowUp</c> programmes come from <paramref name="followUp"/>, so adding follow-ups never moves a T0/T1 value.
    /// </summary>
    public static Simulation Simulate(Gemeente g, Prng rng, Prng followUp)
    {
        var list = new List<Meting>();
        var followUps = new List<Meting>();
        var counter = g.DeelnemerStart;
        foreach (var p in g.Programmas)
        {
            if (p.Gemeten == 0)
            {
                continue;
            }

            var instruments = InstrumentsFor(p);
            var lastNoise = new double[instruments.Count];
            for (var k = 0; k < p.Gemeten; k++)
            {
                var id = DeelnemerId(g, counter++);
                var age = rng.Next(p.T.Van, p.T.Tot);
                var ageLater = Math.Min(23, age + (rng.NextDouble() < 0.25 ? 1 : 0));
                var t0 = new DateOnly(Jaar, 1, 6).AddDays(rng.Next(0, 114));
                var t1 = t0.AddDays(rng.Next(90, 150));
                var t2 = t1.AddDays(rng.Next(60, 90));
                var hasT1 = k < p.Paren;
                var hasT2 = p.T2 && hasT1 && rng.NextDouble() < 0.6;
                var extraT2 = !p.T2 && hasT1 && p.FollowUp > 0 && followUp.NextDouble() < p.FollowUp;
                var t2Late = t1.AddDays(followUp.Next(150, 240));

                // The follow-up may come after a birthday, also after the 24th (a T2 row may say 24).
                var ageT2 = ageLater + (hasT2 || extraT2 ? followUp.Next(0, 1) : 0);

                for (var n = 0; n < instruments.Count; n++)
                {
                    var ins = instruments[n];
                    var sign = ins.HogerBeter ? 1.0 : -1.0;
                    Num s0, s1;
                    if (p.ZeroSpread)
                    {
                        // Every participant improves by exactly one point: sd of the differences is 0.
                        var v = rng.Next(3, 8);
                        s0 = new Num(v, 0);
                        s1 = new Num(v + (ins.HogerBeter ? 1 : -1), 0);
                    }
                    else
                    {
                        s0 = Score(ins, ins.Mean + ins.Sd * rng.Normal());
                        var sdDiff = 0.7 * ins.Sd;
                        double noise;
                        if (p.NearZero)
                        {
                            // Antithetic pairs: the differences cancel, so the mean change is ~0.
                            noise = k % 2 == 0 ? rng.Normal() : -lastNoise[n];
                            lastNoise[n] = noise;
                        }
                        else
                        {
                            noise = rng.Normal();
                        }

                        var improvement = (p.Effect + noise) * sdDiff;
                        s1 = Score(ins, (double)s0.Value + sign * improvement);
                    }

                    list.Add(new Meting(p.Id, g.Code, id, "T0", t0, age, ins.Code, s0));
                    if (hasT1)
                    {
                        list.Add(new Meting(p.Id, g.Code, id, "T1", t1, ageLater, ins.Code, s1));
                    }

                    if (hasT2)
                    {
                        var sdDiff = 0.7 * ins.Sd;
                        var s2 = Score(ins, (double)s1.Value + sign * (p.Terugval + 0.5 * rng.Normal()) * sdDiff);
                        list.Add(new Meting(p.Id, g.Code, id, "T2", t2, ageT2, ins.Code, s2));
                    }
                    else if (extraT2)
                    {
                        var sdDiff = 0.7 * ins.Sd;
                        var s2 = Score(ins, (double)s1.Value + sign * (p.Terugval + 0.5 * followUp.Normal()) * sdDiff);
                        followUps.Add(new Meting(p.Id, g.Code, id, "T2", t2Late, ageT2, ins.Code, s2));
                    }
                }
            }
        }

        return new Simulation(list, followUps, g, counter);
    }
}
