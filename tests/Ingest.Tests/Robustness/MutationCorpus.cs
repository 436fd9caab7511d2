using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Preventiemonitor.Ingest.Tests.Robustness;

/// <summary>One generated file: where it goes in the drop folder, which mutation made it, its bytes.</summary>
public sealed record MutatedFile(string Relative, string Kind, byte[] Bytes);

/// <summary>
/// A seeded corpus of broken delivery files made from the sample drop (issue 13): truncation, flipped
/// bytes, NUL and other control characters, invalid UTF-8, UTF-16, very long fields, thousands of
/// columns, duplicated or missing headers, stray quotes, odd line ends, odd values, broken XLSX parts
/// and odd JSON shapes. Each file lies in its seed's folder, so it is a delivery of that municipality
/// and dataset. The same seed gives the same corpus; files with the same bytes in one folder are made once.
/// </summary>
public static class MutationCorpus
{
    private const int SeedLines = 30;

    private static readonly string[] OddValues =
    [
        "", " ", "NaN", "Infinity", "1e309", "-0", "99999999999999999999999999", "-2147483649", "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)",
        "123456782", "1.23456782E8", "12345672", "null", "true", "2025-02-30", "31-12-99", "\u200B", "😀", "\uFEFFT0", "../../etc/passwd",
        "\"", "'", "0x1F", "3,5", "3.5.1", "T0\u0000", "\u0001", "\u001B[31m", "\u007F", "\u0085", new string('9', 400),
    ];

    /// <summary>The files one at a time (a long campaign does not hold them all in memory).</summary>
    public static IEnumerable<MutatedFile> Generate(string sampleDrop, int count, int seed)
    {
        var seeds = Seeds(sampleDrop);
        var random = new Random(seed);
        var made = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var attempts = 0;
        while (made < count && attempts++ < count * 20)
        {
            var (relative, bytes) = seeds[random.Next(seeds.Count)];
            var extension = Path.GetExtension(relative);
            var (kind, mutated) = extension == ".xlsx" ? MutateXlsx(bytes, random) : MutateText(bytes, extension == ".json", random);
            var folder = Path.GetDirectoryName(relative)!.Replace('\\', '/');
            if (mutated.AsSpan().SequenceEqual(bytes) || !seen.Add(folder + "/" + Convert.ToHexString(SHA256.HashData(mutated))))
            {
                continue;
            }

            yield return new MutatedFile($"{folder}/m{made++:D5}-{kind}{extension}", kind, mutated);
        }
    }

    /// <summary>The sample files; CSV and JSON cut to their first lines (the mutations need no more, and the corpus stays fast).</summary>
    public static List<(string Relative, byte[] Bytes)> Seeds(string sampleDrop) =>
        Directory.EnumerateFiles(sampleDrop, "*", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(sampleDrop, path).Replace('\\', '/'), Path: path))
            .Where(f => !f.Relative.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => (f.Relative, f.Relative.EndsWith(".xlsx", StringComparison.Ordinal) ? File.ReadAllBytes(f.Path) : FirstLines(f.Path)))
            .ToList();

    private static byte[] FirstLines(string path)
    {
        var text = File.ReadAllText(path);
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', text.Split('\n').Take(SeedLines)) + "\n");
    }

    private static (string Kind, byte[] Bytes) MutateText(byte[] bytes, bool json, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        var choice = random.Next(json ? 17 : 15);
        switch (choice)
        {
            case 0:
                return ("afgekapt", bytes[..random.Next(bytes.Length)]);
            case 1:
                var flipped = (byte[])bytes.Clone();
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return ("bitflip", flipped);
            case 2:
                return ("nul", Insert(bytes, AfterSeparator(text, random), [0]));
            case 3:
                return ("controleteken", Insert(bytes, AfterSeparator(text, random), [(byte)random.Next(1, 32)]));
            case 4:
                byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];
                return ("utf8-ongeldig", Insert(bytes, AfterSeparator(text, random), invalid[random.Next(invalid.Length)]));
            case 5:
                var big = random.Next(2) == 0;
                var utf16 = new UnicodeEncoding(big, random.Next(3) > 0);
                return (big ? "utf16-be" : "utf16-le", [.. utf16.GetPreamble(), .. utf16.GetBytes(random.Next(4) == 0 ? text[..random.Next(text.Length)] : text)]);
            case 6:
                var length = new[] { 40_000, 300_000, 1_100_000 }[random.Next(3)];
                return ("lang-veld", Insert(bytes, AfterSeparator(text, random), Encoding.UTF8.GetBytes(new string('x', length))));
            case 7:
                var columns = random.Next(150, 5000);
                var extra = string.Concat(Enumerable.Range(0, columns).Select(i => json ? $",\"k{i}\":{i}" : $",k{i}"));
                return ("kolommen", Encoding.UTF8.GetBytes(json ? ReplaceFirst(text, "{", "{" + extra[1..] + ",") : lines[0] + extra + "\n" + string.Join('\n', lines.Skip(1))));
            case 8:
                return ("kop", Encoding.UTF8.GetBytes(json ? ReplaceFirst(text, "\"gemeente\"", "\"jaar\"") : MutateHeader(lines, random)));
            case 9:
                var quoted = text;
                for (var i = random.Next(1, 4); i > 0; i--)
                {
                    var at = random.Next(quoted.Length);
                    quoted = quoted[..at] + "\"" + quoted[at..];
                }

                return ("aanhalingsteken", Encoding.UTF8.GetBytes(quoted));
            case 10:
                var ends = new[] { "\r", "\r\n", "\r\r\n", "\n\n", "\u2028", "\u0085" };
                return ("regeleinde", Encoding.UTF8.GetBytes(string.Join(ends[random.Next(ends.Length)], lines)));
            case 11:
            case 12:
                return ("waarde", Encoding.UTF8.GetBytes(json ? ReplaceJsonValue(text, random) : ReplaceCsvValue(lines, random)));
            case 13:
                return random.Next(2) == 0 ? ("leeg", []) : ("alleen-kop", Encoding.UTF8.GetBytes(lines[0] + "\n"));
            case 14:
                return ("bom", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. bytes]);
            case 15:
                string[] escapes = ["\\ud800", "\\udc00", "\\ud83d\\u0041", "\\u0000", "\\u001f"];
                var escape = escapes[random.Next(escapes.Length)];
                return ("json-escape", Encoding.UTF8.GetBytes(random.Next(3) == 0
                    ? ReplaceFirst(text, "\"gemeente\"", $"\"gem{escape}eente\"")
                    : ReplaceJsonString(text, random, $"D{escape}1")));
            default:
                string[] shapes =
                [
                    "{}", "[]", "[1,2,3]", "[null]", "[[]]", "{\"value\": " + text + "}", new string('[', 5000) + new string(']', 5000),
                    text.TrimEnd().TrimEnd(']') + ",]", text.TrimEnd().TrimEnd(']') + ",{\"jaar\":{\"a\":[1]}}]", "[{\"jaar\":1e999}]",
                    text.TrimEnd().TrimEnd(']') + ",\"los\"]", "\"tekst\"", "[{\"a\":1,\"a\":2}]", text + text,
                ];
                return ("json-vorm", Encoding.UTF8.GetBytes(shapes[random.Next(shapes.Length)]));
        }
    }

    private static (string Kind, byte[] Bytes) MutateXlsx(byte[] bytes, Random random)
    {
        var choice = random.Next(7);
        if (choice == 0)
        {
            return ("xlsx-afgekapt", bytes[..random.Next(bytes.Length)]);
        }

        if (choice == 1)
        {
            var flipped = (byte[])bytes.Clone();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            }

            return ("xlsx-bitflip", flipped);
        }

        var parts = new List<(string Name, byte[] Data)>();
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                parts.Add((entry.FullName, copy.ToArray()));
            }
        }

        var index = random.Next(parts.Count);
        var (name, data) = parts[index];
        string kind;
        switch (choice)
        {
            case 2:
                parts.RemoveAt(index);
                kind = "xlsx-deel-weg";
                break;
            case 3:
                parts[index] = (name, data[..random.Next(data.Length)]);
                kind = "xlsx-deel-afgekapt";
                break;
            case 4:
                parts[index] = (name, Insert(data, random.Next(data.Length), [0]));
                kind = "xlsx-deel-nul";
                break;
            case 5:
                // A value in a shared string or an inline cell: a BSN, a BSN that lost its leading zero, a control character.
                var strings = parts.FindIndex(p => p.Name.EndsWith("sharedStrings.xml", StringComparison.Ordinal));
                var target = strings >= 0 ? strings : index;
                var part = Encoding.UTF8.GetString(parts[target].Data);
                var replacement = new[] { "123456782", "&#1;x", "=1+1", new string('y', 40_000), "\t" }[random.Next(5)];
                parts[target] = (parts[target].Name, Encoding.UTF8.GetBytes(ReplaceNth(part, "<t>", "<t>" + replacement, random)));
                kind = "xlsx-waarde";
                break;
            default:
                var sheet = parts.FindIndex(p => p.Name.Contains("worksheets/sheet", StringComparison.Ordinal));
                var sheetXml = Encoding.UTF8.GetString(parts[sheet >= 0 ? sheet : index].Data);
                var numbers = new[] { "<v>12345672</v>", "<v>123456782</v>", "<v>1E+308</v>", "<v>-1</v>", "<v>abc</v>" };
                parts[sheet >= 0 ? sheet : index] = (parts[sheet >= 0 ? sheet : index].Name,
                    Encoding.UTF8.GetBytes(ReplaceNth(sheetXml, "<v>", numbers[random.Next(numbers.Length)] + "<v>", random)));
                kind = "xlsx-getal";
                break;
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (partName, partData) in parts)
            {
                using var stream = zip.CreateEntry(partName).Open();
                stream.Write(partData);
            }
        }

        return (kind, output.ToArray());
    }

    private static string MutateHeader(List<string> lines, Random random)
    {
        var delimiter = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : lines[0].Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var names = lines[0].TrimEnd('\r').Split(delimiter).ToList();
        var at = random.Next(names.Count);
        switch (random.Next(4))
        {
            case 0: names.Add(names[at]); break;
            case 1: names.RemoveAt(at); break;
            case 2: names[at] = new[] { "bsn", "Geboorte Datum", "adres", "", "  " }[random.Next(5)]; break;
            default: lines.RemoveAt(0); return string.Join('\n', lines);
        }

        lines[0] = string.Join(delimiter, names);
        return string.Join('\n', lines);
    }

    private static string ReplaceCsvValue(List<string> lines, Random random)
    {
        if (lines.Count < 2)
        {
            return string.Join('\n', lines);
        }

        var delimiter = lines[0].Contains(';', StringComparison.Ordinal) ? ';' : lines[0].Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var row = random.Next(1, lines.Count);
            var fields = lines[row].Split(delimiter);
            fields[random.Next(fields.Length)] = OddValues[random.Next(OddValues.Length)];
            lines[row] = string.Join(delimiter, fields);
        }

        return string.Join('\n', lines);
    }

    private static string ReplaceJsonValue(string text, Random random)
    {
        var value = OddValues[random.Next(OddValues.Length)];
        var json = random.Next(3) switch
        {
            0 => System.Text.Json.JsonSerializer.Serialize(value),
            1 => new[] { "123456782", "1.23456782E8", "12345672", "-1", "1e400", "true", "null", "[]", "{}" }[random.Next(9)],
            _ => System.Text.Json.JsonSerializer.Serialize(value + value),
        };
        return ReplaceJsonString(text, random, null, json);
    }

    /// <summary>Replaces the value of a random <c>"key": "value"</c> pair (by raw JSON, or by a string body).</summary>
    private static string ReplaceJsonString(string text, Random random, string? body, string? rawJson = null)
    {
        var starts = new List<int>();
        for (var i = text.IndexOf("\": \"", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\": \"", i + 1, StringComparison.Ordinal))
        {
            starts.Add(i + 3);
        }

        if (starts.Count == 0)
        {
            return text;
        }

        var start = starts[random.Next(starts.Count)];
        var end = text.IndexOf('"', start + 1);
        return text[..start] + (rawJson ?? $"\"{body}\"") + text[(end + 1)..];
    }

    private static int AfterSeparator(string text, Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var positions = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] is (byte)',' or (byte)';' or (byte)'\t' or (byte)':').ToList();
        return positions.Count == 0 ? random.Next(bytes.Length + 1) : positions[random.Next(positions.Count)] + 1 + (random.Next(2) == 0 ? 1 : 0);
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] insert)
    {
        at = Math.Clamp(at, 0, bytes.Length);
        return [.. bytes[..at], .. insert, .. bytes[at..]];
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + find.Length)..];
    }

    private static string ReplaceNth(string text, string find, string replacement, Random random)
    {
        var count = 0;
        for (var i = text.IndexOf(find, StringComparison.Ordinal); i >= 0; i = text.IndexOf(find, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        if (count == 0)
        {
            return text;
        }

        var target = random.Next(count);
        var at = -1;
        for (var n = 0; n <= target; n++)
        {
            at = text.IndexOf(find, at + 1, StringComparison.Ordinal);
        }

        return text[..at] + replacement + text[(at + find.Length)..];
    }
}
