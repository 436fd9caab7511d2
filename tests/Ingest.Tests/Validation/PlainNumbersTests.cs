using System.Text;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Validation;

namespace Preventiemonitor.Ingest.Tests.Validation;

/// <summary>The byte parsers of the fast path against <see cref="RowCells"/> on many generated strings, and the numeric encodings against each other.</summary>
public sealed class PlainNumbersTests
{
    private static readonly RowBuilder Rows = new(DatasetSchema.Metingen, new Dictionary<string, string?>
    {
        ["programma_id"] = "P-01", ["gemeente"] = "GM0935", ["jaar"] = "2025", ["deelnemer"] = "D-001", ["moment"] = "T0",
        ["datum"] = "2025-02-03", ["leeftijd"] = "9", ["instrument"] = "SDQ_EMOTIE", ["score"] = "4",
    });

    [Fact]
    public void A_number_or_date_read_from_bytes_is_the_one_RowCells_reads()
    {
        var random = new Random(14);
        var taken = new int[3];
        foreach (var text in Candidates(random).Take(200_000))
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            foreach (var comma in new[] { false, true })
            {
                var cells = new RowCells(Rows.Row(("leeftijd", text), ("score", text), ("datum", text)), Rows.Mapping, comma);
                if (PlainNumbers.TryInteger(bytes, out var integer))
                {
                    Assert.Equal(integer, cells.Integer("leeftijd", true, 0, int.MaxValue));
                    taken[0]++;
                }

                if (PlainNumbers.TryScore(bytes, comma, out var mantissa, out var scale, out var negative))
                {
                    var value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
                    var expected = cells.Decimal("score", true);
                    Assert.True(expected is not null, $"'{text}' (komma {comma})");
                    Assert.Equal(decimal.GetBits(expected.Value), decimal.GetBits(value));
                    taken[1]++;
                }

                if (PlainNumbers.TryDate(bytes, out var date))
                {
                    Assert.Equal(date, cells.Date("datum", true));
                    taken[2]++;
                }

                Assert.False(cells.HasIssues && (PlainNumbers.TryInteger(bytes, out _) || PlainNumbers.TryDate(bytes, out _)
                    || PlainNumbers.TryScore(bytes, comma, out _, out _, out _)), $"'{text}': {string.Join("; ", cells.Issues.Select(i => i.Reason))}");
            }
        }

        Assert.All(taken, n => Assert.True(n > 1000, $"{n} taken"));
    }

    [Fact]
    public void The_numeric_of_a_mantissa_and_scale_is_the_numeric_of_that_decimal()
    {
        var random = new Random(15);
        var fromDecimal = new byte[64];
        var fromDigits = new byte[64];
        for (var i = 0; i < 100_000; i++)
        {
            var mantissa = (ulong)random.NextInt64(0, i % 3 == 0 ? 1000 : 1_000_000_000_000_000);
            var scale = random.Next(0, 16);
            var negative = random.Next(2) == 0;
            var value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);

            var a = NumericWriter.Write(fromDecimal, 0, value);
            var b = NumericWriter.Write(fromDigits, 0, mantissa, scale, negative);

            Assert.Equal(fromDecimal.AsSpan(0, a).ToArray(), fromDigits.AsSpan(0, b).ToArray());
        }
    }

    private static IEnumerable<string> Candidates(Random random)
    {
        const string alphabet = "0123456789000111+-.,- eE/";
        string[] dates = ["2025-01-31", "31-01-2025", "2024-02-29", "29-02-2025", "0001-01-01", "9999-12-31", "00-01-2025", "2025-00-10"];
        while (true)
        {
            yield return dates[random.Next(dates.Length)];
            var date = new DateOnly(1, 1, 1).AddDays(random.Next(3_652_058));
            yield return random.Next(2) == 0 ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var length = random.Next(0, 20);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = i < 12 || random.Next(4) == 0 ? alphabet[random.Next(alphabet.Length)] : (char)('0' + random.Next(10));
            }

            yield return new string(chars);
            yield return random.NextInt64(-1_000_000_000, 1_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (random.Next(2) == 0 ? string.Empty : (random.Next(2) == 0 ? "." : ",") + random.Next(0, 100000).ToString(new string('0', random.Next(1, 6)), System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
