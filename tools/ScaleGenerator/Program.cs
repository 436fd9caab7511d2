using System.Diagnostics;
using System.Globalization;
using Preventiemonitor.ScaleGenerator;

// Usage: dotnet run --project tools/ScaleGenerator -c Release -- <doelmap> [--rijen 1000000] [--programmas 300] [--gemeenten 6] [--jaar 2025] [--seed N] [--klein 0.3]
string? target = null;
var options = new ScaleDropOptions();
try
{
    for (var i = 0; i < args.Length; i++)
    {
        options = args[i] switch
        {
            "--rijen" => options with { Rijen = long.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--programmas" => options with { Programmas = int.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--gemeenten" => options with { Gemeenten = int.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--jaar" => options with { Jaar = int.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--klein" => options with { Klein = double.Parse(args[++i], CultureInfo.InvariantCulture) },
            "--seed" => options with { Seed = ulong.Parse(args[++i], CultureInfo.InvariantCulture) },
            _ when target is null && !args[i].StartsWith("--", StringComparison.Ordinal) => SetTarget(args[i]),
            _ => throw new FormatException($"onbekende optie '{args[i]}'"),
        };
    }
}
catch (Exception e) when (e is FormatException or OverflowException or IndexOutOfRangeException)
{
    Console.Error.WriteLine($"Fout in de opties: {e.Message}");
    return 2;
}

var problems = options.Problems().ToList();
if (target is null || problems.Count > 0)
{
    Console.Error.WriteLine(target is null ? "Geef de doelmap op." : string.Join(Environment.NewLine, problems));
    return 2;
}

var watch = Stopwatch.StartNew();
var result = ScaleDrop.Write(target, options);
Console.WriteLine($"Schaallevering geschreven naar {Path.GetFullPath(target)} in {watch.Elapsed.TotalSeconds:N1} s: {result.MetingRijen:N0} metingrijen.");
foreach (var file in result.Files)
{
    Console.WriteLine($"  {file.Bestand}  ({file.Dataset}, scheiding '{file.Delimiter}', {file.Rijen:N0} rijen)");
}

return 0;

ScaleDropOptions SetTarget(string value)
{
    target = value;
    return options;
}
