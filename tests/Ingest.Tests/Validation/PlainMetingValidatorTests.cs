using System.Text;
using Preventiemonitor.Ingest.Parsing;
using Preventiemonitor.Ingest.Tests.Loading;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>
/// <see cref="PlainMetingValidator"/> against <see cref="MetingValidator"/> on generated files: every row the fast validator
/// takes is valid for the exact one, with the same values (hash bytes and the score's scale included) and no BSN.
/// </summary>
public sealed class PlainMetingValidatorTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("sleutel-voor-de-test-van-het-snelle-pad-0123456789");

    [Fact]
    public void A_row_the_fast_validator_takes_is_the_record_the_exact_validator_makes()
    {
        var fast = 0;
        var other = 0;
        var otherValid = 0;
        for (var seed = 1; seed <= 400; seed++)
        {
            var bytes = new MeasurementCsvGenerator(seed, ContractCatalog.Instance.Instrumenten) { Broken = 0.4 }.File();
            using var stream = new MemoryStream(bytes);
            using var reader = (CsvRowReader)RowReaderFactory.Open(stream, "metingen.csv", "metingen", new ParseLimits());
            var mapping = HeaderMapping.Build(reader.Header, DatasetSchema.Metingen);
            var context = new ValidationContext(ContractCatalog.Instance, "GM0935", reader.DecimalCommaAllowed, mapping, reader.Format);
            using var plainValidator = PlainMetingValidator.For(context, Key, (byte)reader.Delimiter, reader.Header.Count);
            if (plainValidator is null || PlainCsvReader.TryOpen(reader) is not { } plain)
            {
                continue;
            }

            using var exact = new MetingValidator(context, Key);
            while (plain.Next())
            {
                var result = exact.Validate(plain.ToRawRow(), out var looksLikeBsn);
                if (plain.IsBlank || !plainValidator.TryValidate(plain.Line, plain.RowNumber, out var m))
                {
                    other++;
                    otherValid += result.Record is null ? 0 : 1;
                    continue;
                }

                fast++;
                Assert.False(looksLikeBsn);
                var r = Assert.IsType<Model.Deliveries.MetingRecord>(result.Record);
                Assert.Equal((r.Rij, r.Gemeente, r.Jaar, r.ProgrammaId, r.Moment, r.Datum, r.Leeftijd, r.Instrument),
                    (m.Rij, m.Gemeente.Text, m.Jaar, m.Programma.Text, m.Moment.Text, m.Datum, m.Leeftijd, m.Instrument.Text));
                Assert.Equal(r.DeelnemerHash, m.Hash);
                Assert.Equal(decimal.GetBits(r.Score), decimal.GetBits(m.Score));
                Assert.Same(r.Gemeente, m.Gemeente.Text);
            }
        }

        // Both kinds really occur, and the fast validator takes most valid rows.
        Assert.True(fast > 5000, $"{fast} rows on the fast path");
        Assert.True(other > 2000, $"{other} rows on the exact path");
        Assert.True(otherValid < fast / 5, $"{otherValid} valid rows left to the exact path, {fast} taken");
    }
}
