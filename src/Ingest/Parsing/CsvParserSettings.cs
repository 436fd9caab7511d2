using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Preventiemonitor.Ingest.Parsing;

/// <summary>How <see cref="CsvRowReader"/> has CsvHelper's parser read a delivered file (aanleverformaat §3).</summary>
internal static class CsvParserSettings
{
    /// <summary>The longest field read; a longer one usually means a quote that is never closed.</summary>
    public const int MaxFieldChars = 1024 * 1024;

    /// <summary>RFC 4180 with the given delimiter, nothing trimmed, skipped or detected; bad quotes reported to <paramref name="badQuote"/>.</summary>
    public static CsvConfiguration Create(char delimiter, Action badQuote) => new(CultureInfo.InvariantCulture)
    {
        Delimiter = delimiter.ToString(),
        Mode = CsvMode.RFC4180,
        IgnoreBlankLines = false,
        DetectDelimiter = false,
        DetectColumnCountChanges = false,
        AllowComments = false,
        TrimOptions = TrimOptions.None,
        MaxFieldSize = MaxFieldChars,
        // The parser's own buffer as large as the text reader's (its default of 4 KiB refills and copies sixteen times as often).
        BufferSize = 64 * 1024,
        BadDataFound = _ => badQuote(),
    };
}
