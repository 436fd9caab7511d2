using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Preventiemonitor.Reports.Publication;

/// <summary>Makes an Open XML package (.xlsx) reproducible: the same content gives the same bytes.</summary>
public static partial class OpenXmlPackage
{
    /// <summary>
    /// Rewrites the zip package so the same workbook gives the same bytes: the packaging layer stamps
    /// entries with the current time, names the core-properties part after a random GUID and gives
    /// package relationships random ids. Entries get the publication time and ordinal order (with
    /// [Content_Types].xml first), the random names and ids fixed ones.
    /// </summary>
    public static byte[] Normalise(byte[] package, DateTimeOffset stamp)
    {
        var entries = new List<(string Name, byte[] Content)>();
        using (var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read))
        {
            foreach (var entry in input.Entries)
            {
                using var s = entry.Open();
                var content = new byte[entry.Length];
                s.ReadExactly(content);
                entries.Add((entry.FullName, content));
            }
        }

        // Replacements in order of first appearance in the package relationships, so the mapping is deterministic.
        var replacements = new List<(string From, string To)>();
        var rels = entries.FindIndex(e => e.Name == "_rels/.rels");
        if (rels >= 0)
        {
            var text = Encoding.UTF8.GetString(entries[rels].Content);
            foreach (Match m in RandomId().Matches(text))
            {
                var from = m.Groups[1].Value;
                if (!replacements.Exists(r => r.From == from))
                {
                    replacements.Add((from, "R" + (replacements.Count + 1).ToString("D16", CultureInfo.InvariantCulture)));
                }
            }

            foreach (Match m in RandomPart().Matches(text))
            {
                replacements.Add((m.Groups[1].Value, "core"));
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var (name, content) = entries[i];
            foreach (var (from, to) in replacements)
            {
                name = name.Replace(from, to, StringComparison.Ordinal);
            }

            // The ids are ASCII, so they occur in the UTF-8 bytes exactly when they occur in the text: a part
            // without one (every worksheet) is not decoded, which keeps large sheets from being copied as text.
            if (replacements.Exists(r => content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(r.From)) >= 0)
                && (name.EndsWith(".rels", StringComparison.Ordinal) || name.EndsWith(".xml", StringComparison.Ordinal)))
            {
                var text = Encoding.UTF8.GetString(content);
                var replaced = text;
                foreach (var (from, to) in replacements)
                {
                    replaced = replaced.Replace(from, to, StringComparison.Ordinal);
                }

                if (replaced != text)
                {
                    content = new UTF8Encoding(false).GetBytes(replaced);
                }
            }

            entries[i] = (name, content);
        }

        entries.Sort((a, b) =>
        {
            var ac = a.Name == "[Content_Types].xml" ? 0 : 1;
            var bc = b.Name == "[Content_Types].xml" ? 0 : 1;
            return ac != bc ? ac.CompareTo(bc) : string.CompareOrdinal(a.Name, b.Name);
        });

        var zipTime = ZipTime(stamp);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var e = zip.CreateEntry(name, CompressionLevel.Optimal);
                e.LastWriteTime = zipTime;
                using var s = e.Open();
                s.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>The time stamp of every zip entry: the publication time, within what a zip (DOS) time can hold (1980–2107).</summary>
    internal static DateTimeOffset ZipTime(DateTimeOffset stamp)
    {
        var utc = stamp.UtcDateTime;
        var min = new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var max = new DateTime(2107, 12, 31, 0, 0, 0, DateTimeKind.Utc);
        return new DateTimeOffset(utc < min ? min : utc > max ? max : utc, TimeSpan.Zero);
    }

    [GeneratedRegex("Id=\"(R[0-9a-f]{16})\"")]
    private static partial Regex RandomId();

    [GeneratedRegex("core-properties/([0-9a-f]{32})\\.psmdcp")]
    private static partial Regex RandomPart();
}
