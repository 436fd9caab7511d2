using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// The texts of the streamed data sheets as shared strings, appended (each distinct text once, in order of first
/// use) after the shared strings ClosedXML wrote for the rest of the workbook.
/// </summary>
internal sealed class WorkbookSharedStrings
{
    private readonly List<string> _texts = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private int _offset = -1;

    public void Add(string text)
    {
        if (_index.TryAdd(text, _texts.Count))
        {
            _texts.Add(text);
        }
    }

    /// <summary>The index of a text in the shared string table; valid after <see cref="WriteTo"/> has read the existing table.</summary>
    public int IndexOf(string text) => _offset < 0
        ? throw new InvalidOperationException("De gedeelde teksten zijn nog niet geschreven.")
        : _offset + _index[text];

    /// <summary>Copies the existing table (ClosedXML's, small; or none) and appends the texts, counts updated.</summary>
    public void WriteTo(Stream? existing, XmlWriter output)
    {
        const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var table = existing is null ? new XElement(XName.Get("sst", Main), new XAttribute(XNamespace.Xmlns + "x", Main)) : XElement.Load(existing);
        var ns = table.Name.Namespace;
        _offset = table.Elements(ns + "si").Count();
        var total = (_offset + _texts.Count).ToString(CultureInfo.InvariantCulture);
        table.SetAttributeValue("count", total);
        table.SetAttributeValue("uniqueCount", total);

        output.WriteStartDocument();
        output.WriteStartElement(table.GetPrefixOfNamespace(ns), table.Name.LocalName, ns.NamespaceName);
        foreach (var attribute in table.Attributes())
        {
            if (attribute.IsNamespaceDeclaration)
            {
                if (attribute.Name.LocalName == "xmlns")
                {
                    output.WriteAttributeString("xmlns", XNamespace.Xmlns.NamespaceName, attribute.Value);
                }
                else
                {
                    output.WriteAttributeString("xmlns", attribute.Name.LocalName, XNamespace.Xmlns.NamespaceName, attribute.Value);
                }
            }
            else
            {
                output.WriteAttributeString(attribute.Name.LocalName, attribute.Name.NamespaceName, attribute.Value);
            }
        }

        foreach (var node in table.Nodes())
        {
            node.WriteTo(output);
        }

        foreach (var text in _texts)
        {
            output.WriteStartElement("si", Main);
            output.WriteStartElement("t", Main);
            if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            {
                output.WriteAttributeString("xml", "space", null, "preserve");
            }

            output.WriteString(XmlSafe(text));
            output.WriteEndElement();
            output.WriteEndElement();
        }

        output.WriteEndElement();
        output.WriteEndDocument();
    }

    /// <summary>
    /// A text with the characters XML 1.0 cannot hold written as <c>_xHHHH_</c> (ST_Xstring), and an existing
    /// <c>_xHHHH_</c> protected by escaping its underscore, as Excel reads them.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        var safe = true;
        foreach (var c in text)
        {
            if (c == '_' || !(XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)))
            {
                safe = false;
                break;
            }
        }

        if (safe)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_' && IsHex(text.AsSpan(i + 2, 4)))
            {
                result.Append("_x005F_");
            }
            else if (!XmlConvert.IsXmlChar(c) && !(char.IsSurrogate(c) && i + 1 < text.Length && char.IsSurrogatePair(c, text[i + 1])) &&
                     !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                result.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
