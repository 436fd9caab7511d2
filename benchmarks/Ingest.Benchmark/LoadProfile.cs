using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Validation;
using Preventiemonitor.Model.ReferenceData;

namespace Preventiemonitor.Ingest.Benchmark;

/// <summary>The client's share of a load without the database: reading alone, then reading and validating (with the HMAC).</summary>
internal static class LoadProfile
{
    public static void ReadAndValidate(string path, ReferenceCatalog catalog, string gemeente = "GM0935")
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
            using var validator = new MetingValidator(new ValidationContext(catalog, gemeente, reader.DecimalCommaAllowed, mapping, reader.Format), new byte[32]);
            foreach (var row in reader.ReadRows(CancellationToken.None))
            {
                if (validator.Validate(row, out _).Record is not null)
                {
                    valid++;
                }
            }
        }

        Console.WriteLine($"Lezen en valideren (met HMAC): {validate.Elapsed.TotalSeconds:N2} s ({valid:N0} geldig)");
        PlainPath(path, catalog, gemeente);

        // The keyed hash alone, as the validator computes it (one IncrementalHash, reset per row).
        var hmac = Stopwatch.StartNew();
        using (var hash = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, new byte[32]))
        {
            Span<byte> utf8 = stackalloc byte[192];
            Span<byte> result = stackalloc byte[32];
            for (long i = 0; i < rows; i++)
            {
                var participant = string.Create(CultureInfo.InvariantCulture, $"D{i / 2:0000000}");
                hash.AppendData(utf8[..Encoding.UTF8.GetBytes(participant, utf8)]);
                hash.GetHashAndReset(result);
            }
        }

        Console.WriteLine($"Alleen de HMAC: {hmac.Elapsed.TotalSeconds:N2} s");
    }

    /// <summary>The fast path's reading side without the database: the bytes read, validated and encoded as COPY rows.</summary>
    private static void PlainPath(string path, ReferenceCatalog catalog, string gemeente)
    {
        // Five times over, in the CPU time of this thread (the machine is shared: wall time says little).
        var cpu = CpuTime.CurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            PlainPathOnce(path, catalog, gemeente, i == 4);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Snel pad zonder database, 5 keer: {watch.Elapsed.TotalSeconds:N2} s, CPU van de thread {CpuTime.CurrentThread() - cpu:N2} s"));
    }

    private static void PlainPathOnce(string path, ReferenceCatalog catalog, string gemeente, bool print)
    {
        var watch = Stopwatch.StartNew();
        long plainRows = 0;
        long otherRows = 0;
        using var stream = File.OpenRead(path);
        using var reader = RowReaderFactory.Open(stream, Path.GetFileName(path), "metingen", new ParseLimits { MaxFileBytes = long.MaxValue });
        var csv = (CsvRowReader)reader;
        var mapping = HeaderMapping.Build(reader.Header, DatasetSchema.Metingen);
        var context = new ValidationContext(catalog, gemeente, reader.DecimalCommaAllowed, mapping, reader.Format);
        using var validator = PlainMetingValidator.For(context, new byte[32], (byte)csv.Delimiter, reader.Header.Count)!;
        var plain = PlainCsvReader.TryOpen(csv)!;
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (plain.Next())
        {
            if (!plain.IsBlank && validator.TryValidate(plain.Line, plain.RowNumber, out var m))
            {
                if (buffer.Length - length < MetingRowEncoder.MaxBytes(in m))
                {
                    length = 0;
                }

                length = MetingRowEncoder.Write(buffer, length, 1, in m);
                plainRows++;
            }
            else
            {
                otherRows++;
            }
        }

        if (print)
        {
            Console.WriteLine($"Snel pad zonder database (bytes lezen, valideren, COPY-rijen coderen): {watch.Elapsed.TotalSeconds:N2} s ({plainRows:N0} snel, {otherRows:N0} via RawRow)");
        }
    }
}
