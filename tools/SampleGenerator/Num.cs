namespace Preventiemonitor.SampleGenerator;

/// <summary>A decimal value with the number of decimals it is written with.</summary>
internal readonly record struct Num(decimal Value, int Decimals);
