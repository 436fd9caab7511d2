namespace Preventiemonitor.ScaleGenerator;

/// <summary>
/// Which programmes of a municipality are small (<see cref="ScaleDropOptions.Klein"/>) and how many measurement rows each
/// programme gets: a small one exactly the rows of its 1 … 9 participants, the others the rest, spread evenly.
/// </summary>
internal static class SmallProgrammes
{
    /// <summary>Participants of each small programme of municipality <paramref name="g"/>, null for the others.</summary>
    public static int?[] Caps(int g, ScaleDropOptions options)
    {
        var caps = new int?[options.Programmas];
        for (var p = 1; p < caps.Length && options.Klein > 0; p++)
        {
            // A hash of (municipality, programme), read as a fraction of 2^64: below Klein means small.
            var h = Mix(((ulong)(g + 1) << 32) ^ (ulong)p ^ options.Seed);
            if (h / 18446744073709551616.0 < options.Klein)
            {
                caps[p] = 1 + (int)(Mix(h) % 9);
            }
        }

        return caps;
    }

    /// <summary>
    /// The rows of each programme: without small programmes <paramref name="rows"/> spread evenly (the remainder to the
    /// first); otherwise each small programme the rows of its participants (<see cref="MeasurementWriter.RowsOf"/>) and
    /// the others the rest, spread evenly.
    /// </summary>
    public static long[] Quotas(IReadOnlyList<ProgrammePlan> programmes, int?[] caps, long rows)
    {
        var quotas = new long[programmes.Count];
        var small = 0L;
        for (var p = 0; p < quotas.Length; p++)
        {
            if (caps[p] is { } n)
            {
                quotas[p] = Enumerable.Range(0, n).Sum(k => (long)MeasurementWriter.RowsOf(k) * programmes[p].Instruments.Length);
                small += quotas[p];
            }
        }

        var large = caps.Count(c => c is null);
        var rest = rows - small;
        if (rest < 0)
        {
            throw new ArgumentException($"{rows} metingrijen zijn te weinig voor de kleine programma's ({small} rijen).", nameof(rows));
        }

        for (int p = 0, j = 0; p < quotas.Length; p++)
        {
            if (caps[p] is null)
            {
                quotas[p] = (rest / large) + (j++ < rest % large ? 1 : 0);
            }
        }

        return quotas;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
