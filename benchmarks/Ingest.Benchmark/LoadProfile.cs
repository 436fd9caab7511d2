using System.Diagnostics;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Benchmark;

/// <summary>The client's share of a load without the database: reading alone, then reading and validating (with the HMAC).</summary>
internal static class LoadProfile
{
    public static void ReadAndValidate(string path, ReferenceCatalog catalog)
    {
        var read = Stopwatch.StartNew();
        long rows = 0;
        using (var stream = File.OpenRead(path))
        using (var reader = RowReaderFactory.Open(stream, Path.GetFileName(path), "metingen", new ParseLimits { MaxFileBytes = long.MaxValue }))
        {
            foreach (var _ in reader.ReadRows(CancellationToken.None))
            {
                rows++;
            }
        }

        Console.WriteLine($"Alleen lezen: {read.Elapsed.TotalSeconds:N2} s ({rows:N0} rijen)");
        var validate = Stopwatch.StartNew();
        long valid = 0;
        using (var stream = File.OpenRead(path))
        using (var reader = RowReaderFactory.Open(stream, Path.GetFileName(path), "metingen", new ParseLimits { MaxFileBytes = long.MaxValue }))
        {
            var mapping = HeaderMapping.Build(reader.Header, DatasetSchema.Metingen);
            using var validator = new MetingValidator(new ValidationContext(catalog, "GM0935", reader.DecimalCommaAllowed, mapping, reader.Format), new byte[32]);
            foreach (var row in reader.ReadRows(CancellationToken.None))
            {
                if (validator.Validate(row, out _).Record is not null)
                {
                    valid++;
                }
            }
        }

        Console.WriteLine($"Lezen en valideren (met HMAC): {validate.Elapsed.TotalSeconds:N2} s ({valid:N0} geldig)");
    }
}
