using System.Globalization;
using System.Text;

namespace Preventiemonitor.Ingest.Validation;

/// <summary>
/// Characters a delivered value may not carry (aanleverformaat §3 asks for text): NUL and the other
/// control characters (C0 except TAB, LF and CR; DEL; C1), the non-characters U+FFFE and U+FFFF and
/// unpaired surrogates (from a JSON escape such as <c>\ud800</c>). PostgreSQL cannot store NUL in
/// text and no UTF-8 encoder can write an unpaired surrogate, so such a value becomes a row error;
/// every text written to the database passes through <see cref="Clean"/> as a last guard.
/// </summary>
public static class SafeText
{
    /// <summary>What takes the place of a forbidden character in stored text.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>The position of the first forbidden character, or -1.</summary>
    public static int FirstForbidden(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (IsForbidden(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text with every forbidden character replaced by U+FFFD; null stays null.</summary>
    public static string? Clean(string? text)
    {
        if (text is null || FirstForbidden(text) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(IsForbidden(c) ? Replacement : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Dutch description of a forbidden character for a reason, e.g. <c>controleteken U+0000</c>.</summary>
    public static string Describe(char c) =>
        char.IsSurrogate(c) ? $"los surrogaat U+{(int)c:X4} (ongeldige tekst)"
        : c is '\uFFFE' or '\uFFFF' ? $"niet-teken U+{(int)c:X4}"
        : "controleteken U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

    private static bool IsForbidden(char c) =>
        (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is >= '\u007F' and <= '\u009F' || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
