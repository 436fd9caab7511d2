using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// A valid measurement row as <see cref="PlainMetingValidator"/> reads it from the bytes: what <c>MetingRecord</c>
/// holds, with the codes as <see cref="CodeValue"/>s and the score as its digits (a decimal of that mantissa and scale).
/// </summary>
internal struct PlainMeting
{
    public long Rij;
    public CodeValue Gemeente;
    public int Jaar;
    public CodeValue Programma;
    public byte[] Hash;
    public CodeValue Moment;
    public DateOnly Datum;
    public int Leeftijd;
    public CodeValue Instrument;
    public Instrument InstrumentInfo;
    public ulong Mantissa;
    public int Scale;
    public bool Negative;

    /// <summary>The score as the decimal <c>decimal.Parse</c> makes of the same text (the same value and scale).</summary>
    public readonly decimal Score => new((int)(uint)Mantissa, (int)(uint)(Mantissa >> 32), 0, Negative, (byte)Scale);
}
