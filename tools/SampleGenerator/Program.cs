using Preventiemonitor.SampleGenerator;

// Usage: dotnet run --project tools/SampleGenerator -- samples/drop
var target = args.Length > 0 ? args[0] : Path.Combine("samples", "drop");
var result = SampleDrop.Write(target);

Console.WriteLine($"Voorbeeldlevering geschreven naar {Path.GetFullPath(target)}");
Console.WriteLine();
Console.WriteLine("| Bestand | Formaat | Rijen | Verwachte status | Toelichting |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var f in result.Files)
{
    Console.WriteLine(f.ToMarkdownRow());
}

Console.WriteLine();
Console.WriteLine("| Bestand | Rij | Kolom | Waarde | Uitkomst | Verwachte reden |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var d in result.Defects)
{
    Console.WriteLine(d.ToMarkdownRow());
}
