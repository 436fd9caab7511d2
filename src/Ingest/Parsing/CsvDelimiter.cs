namespace Preventiemonitor.Ingest.Parsing;

/// <summary>Detects the CSV delimiter from the header line (aanleverformaat §3).</summary>
internal static class CsvDelimiter
{
    private const int MaxHeaderChars = 1024 * 1024;

    private static readonly char[] Candidates = [',', ';', '\t'];

    /// <summary>
    /// Counts <c>,</c> <c>;</c> and TAB outside quotes in the first record (up to the first line break
    /// outside quotes); the most frequent wins, ties in the order <c>,</c> <c>;</c> TAB; none → <c>,</c>.
    /// </summary>
    public static char Detect(TextReader reader)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var inQuotes = false;
        for (var i = 0; i < MaxHeaderChars; i++)
        {
            var next = reader.Read();
            if (next < 0)
            {
                break;
            }

            var c = (char)next;
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!inQuotes)
            {
                var index = Array.IndexOf(Candidates, c);
                if (index >= 0)
                {
                    counts[index]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < Candidates.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return counts[best] == 0 ? ',' : Candidates[best];
    }

    public static string Describe(char delimiter) => delimiter == '\t' ? "tab" : $"'{delimiter}'";
}
