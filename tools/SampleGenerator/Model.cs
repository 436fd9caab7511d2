namespace Preventiemonitor.SampleGenerator;

/// <summary>SplitMix64: a tiny PRNG whose sequence is fixed by its seed on every platform and runtime.</summary>
internal sealed class Prng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextU64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextU64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int Next(int min, int max) => min + (int)(NextU64() % (ulong)(max - min + 1));

    /// <summary>Approximately standard normal (Irwin–Hall, sum of 12 uniforms): only additions, so bit-exact everywhere.</summary>
    public double Normal()
    {
        double s = 0;
        for (var i = 0; i < 12; i++)
        {
            s += NextDouble();
        }

        return s - 6.0;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count - 1)];
}

/// <summary>Instrument of the catalogue (contract §1) plus the distribution used to simulate scores.</summary>
internal sealed record Instrument(string Code, string Thema, bool HogerBeter, int Min, int Max, int Decimals, double Mean, double Sd);

/// <summary>A programme as it exists nationally (name, provider, target group, themes, recognition).</summary>
internal sealed record Template(
    string Naam,
    string Aanbieder,
    string Doelgroep,
    int Van,
    int Tot,
    string Primair,
    string[] Secundair,
    string Erkenning,
    string? Preventietype);

/// <summary>An entry of the national list of recognised interventions (aanleverformaat §2.4).</summary>
internal sealed record Interventie(
    string Id,
    string Naam,
    string Databank,
    string Erkenning,
    string Doelgroep,
    int Van,
    int Tot,
    string Primair,
    string[] Secundair,
    string? Url);

/// <summary>
/// A programme run by one municipality. <c>Gemeten</c> participants get a T0, the first
/// <c>Paren</c> of them a T1; <c>Effect</c> is the intended standardized improvement.
/// <c>T2</c>: about 60% of the pairs get a follow-up (drawn from the main stream, as in the first
/// sample); <c>FollowUp</c>: that share of the pairs gets a follow-up drawn from a separate stream, so
/// T0/T1 stay exactly what they were. <c>Terugval</c> is the mean standardized change from T1 to T2
/// (positive: further improvement; negative: relapse).
/// </summary>
internal sealed record Prog(
    string Id,
    Template T,
    int Deelnemers,
    int Gemeten = 0,
    int Paren = 0,
    double Effect = 0,
    bool T2 = false,
    bool ExtraSec = false,
    string? Naam = null,
    string? Aanbieder = null,
    string[]? Instrumenten = null,
    bool ZeroSpread = false,
    bool NearZero = false,
    string? PrimairAsWritten = null,
    int? VanAsWritten = null,
    int? TotAsWritten = null,
    double FollowUp = 0,
    double Terugval = 0.1)
{
    public string DisplayNaam => Naam ?? T.Naam;
    public string DisplayAanbieder => Aanbieder ?? T.Aanbieder;
}

/// <summary>One simulated measurement row.</summary>
internal sealed record Meting(
    string ProgrammaId,
    string Gemeente,
    string Deelnemer,
    string Moment,
    DateOnly Datum,
    int Leeftijd,
    string Instrument,
    Num Score);

/// <summary>A deliberate defect in the sample drop and what the pipeline is expected to do with it.</summary>
public sealed record Defect(string Bestand, int? Rij, string Kolom, string Waarde, string Uitkomst, string Reden)
{
    public string ToMarkdownRow() =>
        $"| `{Bestand}` | {(Rij?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–")} | {Kolom} | `{Waarde}` | {Uitkomst} | {Reden} |";
}

/// <summary>A generated file with its format, number of data rows and the expected delivery status.</summary>
public sealed record GeneratedFile(string Bestand, string Formaat, int Rijen, string VerwachteStatus, string Toelichting)
{
    public string ToMarkdownRow() =>
        $"| `{Bestand}` | {Formaat} | {Rijen.ToString(System.Globalization.CultureInfo.InvariantCulture)} | {VerwachteStatus} | {Toelichting} |";
}

/// <summary>What <see cref="SampleDrop.Write"/> produced.</summary>
public sealed record SampleDropResult(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Defect> Defects);
