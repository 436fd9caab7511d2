using System.Globalization;
using System.Xml.Linq;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// The cell formats of the streamed data sheets, added to the styles.xml that ClosedXML wrote for the rest
/// of the workbook: each distinct <see cref="WorkbookStyle"/> becomes one <c>xf</c> in <c>cellXfs</c>, built like
/// ClosedXML's own (a copy of its default format with the number format, font and alignment changed), with the
/// bold and grey italic fonts as copies of the default font and custom number formats reused or added.
/// </summary>
internal sealed class WorkbookStyles
{
    private const string SuppressedColor = "FF595959";

    private readonly List<WorkbookStyle> _styles = [];
    private readonly Dictionary<WorkbookStyle, int> _index = [];

    /// <summary>Registers a style (in order of first use, so the result is deterministic).</summary>
    public void Add(WorkbookStyle style)
    {
        if (style != WorkbookStyle.Default && _index.TryAdd(style, -1))
        {
            _styles.Add(style);
        }
    }

    /// <summary>The index of a style's cell format; 0 (the default) for <see cref="WorkbookStyle.Default"/>. Valid after <see cref="AddTo"/>.</summary>
    public int IndexOf(WorkbookStyle style) => style == WorkbookStyle.Default ? 0 : _index[style];

    /// <summary>Adds the registered styles to the stylesheet and returns it as bytes (UTF-8, no BOM).</summary>
    public byte[] AddTo(Stream styles)
    {
        var doc = XDocument.Load(styles);
        var root = doc.Root ?? throw new InvalidOperationException("styles.xml zonder styleSheet.");
        var ns = root.Name.Namespace;
        var fonts = root.Element(ns + "fonts") ?? throw new InvalidOperationException("styles.xml zonder fonts.");
        var cellXfs = root.Element(ns + "cellXfs") ?? throw new InvalidOperationException("styles.xml zonder cellXfs.");
        var numFmts = root.Element(ns + "numFmts");
        if (numFmts is null)
        {
            numFmts = new XElement(ns + "numFmts");
            root.AddFirst(numFmts);
        }

        var defaultFont = fonts.Elements(ns + "font").First();
        var defaultXf = cellXfs.Elements(ns + "xf").First();
        var fontIds = new Dictionary<WorkbookFont, int> { [WorkbookFont.Normal] = 0 };
        var formatIds = numFmts.Elements(ns + "numFmt")
            .Where(f => !string.IsNullOrEmpty((string?)f.Attribute("formatCode")))
            .GroupBy(f => (string)f.Attribute("formatCode")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (int)g.First().Attribute("numFmtId")!, StringComparer.Ordinal);
        var nextFormatId = Math.Max(163, numFmts.Elements(ns + "numFmt").Select(f => (int)f.Attribute("numFmtId")!).DefaultIfEmpty(0).Max()) + 1;

        foreach (var style in _styles)
        {
            if (!fontIds.ContainsKey(style.Font))
            {
                fontIds[style.Font] = fonts.Elements(ns + "font").Count();
                fonts.Add(Font(defaultFont, style.Font, ns));
            }

            var formatId = 0;
            if (style.NumberFormat is { } code && !formatIds.TryGetValue(code, out formatId))
            {
                formatId = nextFormatId++;
                formatIds[code] = formatId;
                numFmts.Add(new XElement(ns + "numFmt", new XAttribute("numFmtId", formatId), new XAttribute("formatCode", code)));
            }

            var xf = new XElement(defaultXf);
            xf.SetAttributeValue("numFmtId", formatId);
            xf.SetAttributeValue("fontId", fontIds[style.Font]);
            if (style.QuotePrefix)
            {
                xf.SetAttributeValue("quotePrefix", 1);
            }

            var alignment = xf.Element(ns + "alignment");
            if (alignment is null)
            {
                alignment = new XElement(ns + "alignment");
                xf.AddFirst(alignment);
            }

            alignment.SetAttributeValue("horizontal", style.Right ? "right" : "general");
            _index[style] = cellXfs.Elements(ns + "xf").Count();
            cellXfs.Add(xf);
        }

        Count(numFmts, ns + "numFmt");
        Count(fonts, ns + "font");
        Count(cellXfs, ns + "xf");
        using var output = new MemoryStream();
        doc.Save(output, SaveOptions.DisableFormatting);
        return output.ToArray();
    }

    /// <summary>A copy of the default font, bold or in grey italics (the child order of CT_Font: b, i, …, sz, color, name).</summary>
    private static XElement Font(XElement defaultFont, WorkbookFont font, XNamespace ns)
    {
        var copy = new XElement(defaultFont);
        copy.Elements(ns + "b").Remove();
        copy.Elements(ns + "i").Remove();
        if (font == WorkbookFont.Bold)
        {
            copy.AddFirst(new XElement(ns + "b"));
        }
        else if (font == WorkbookFont.Suppressed)
        {
            copy.AddFirst(new XElement(ns + "i"));
            var color = copy.Element(ns + "color");
            if (color is null)
            {
                color = new XElement(ns + "color");
                var size = copy.Element(ns + "sz");
                if (size is null)
                {
                    copy.Add(color);
                }
                else
                {
                    size.AddAfterSelf(color);
                }
            }

            color.RemoveAttributes();
            color.SetAttributeValue("rgb", SuppressedColor);
        }

        return copy;
    }

    private static void Count(XElement list, XName item) =>
        list.SetAttributeValue("count", list.Elements(item).Count().ToString(CultureInfo.InvariantCulture));
}
