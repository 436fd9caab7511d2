using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Puts the streamed data sheets into the (normalised) package ClosedXML wrote for the frame of the workbook:
/// every entry is copied in the same order with the same time stamp, except styles.xml and sharedStrings.xml
/// (the data sheets' formats and texts appended) and each data sheet, whose <c>sheetData</c> gets the streamed
/// rows after ClosedXML's header row and whose <c>dimension</c> the used range. Rows go through an
/// <see cref="XmlWriter"/> straight into the zip entry, so a sheet is never held as cells or as XML text.
/// </summary>
internal static class WorkbookPackage
{
    private const string WorkbookPart = "xl/workbook.xml";
    private const string WorkbookRels = "xl/_rels/workbook.xml.rels";
    private const string StylesPart = "xl/styles.xml";
    private const string SharedStringsPart = "xl/sharedStrings.xml";
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    public static byte[] Assemble(byte[] frame, IReadOnlyList<WorkbookDataSheet> sheets, WorkbookStyles styles, WorkbookSharedStrings strings, DateTimeOffset stamp)
    {
        using var input = new ZipArchive(new MemoryStream(frame), ZipArchiveMode.Read);
        var parts = SheetParts(input);
        var byPart = sheets.ToDictionary(s => parts[s.Name], StringComparer.Ordinal);

        // The formats and the shared strings first: the sheets refer to their indexes.
        var stylesEntry = input.GetEntry(StylesPart) ?? throw new InvalidOperationException("Het werkboek heeft geen styles.xml.");
        byte[] stylesXml;
        using (var s = stylesEntry.Open())
        {
            stylesXml = styles.AddTo(s);
        }

        var stringsEntry = input.GetEntry(SharedStringsPart) ?? throw new InvalidOperationException("Het werkboek heeft geen sharedStrings.xml.");
        using var stringsXml = new MemoryStream();
        using (var s = stringsEntry.Open())
        using (var w = XmlWriter.Create(stringsXml, WriterSettings))
        {
            strings.WriteTo(s, w);
        }

        var zipTime = OpenXmlPackage.ZipTime(stamp);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var e = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                e.LastWriteTime = zipTime;
                using var target = e.Open();
                using var source = entry.Open();
                if (entry.FullName == StylesPart)
                {
                    target.Write(stylesXml);
                }
                else if (entry.FullName == SharedStringsPart)
                {
                    stringsXml.Position = 0;
                    stringsXml.CopyTo(target);
                }
                else if (byPart.TryGetValue(entry.FullName, out var sheet))
                {
                    WriteSheet(source, target, sheet, styles, strings);
                }
                else
                {
                    source.CopyTo(target);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>Copies the frame's worksheet, with the used range in <c>dimension</c> and the streamed rows appended to <c>sheetData</c>.</summary>
    private static void WriteSheet(Stream frame, Stream output, WorkbookDataSheet sheet, WorkbookStyles styles, WorkbookSharedStrings strings)
    {
        using var reader = XmlReader.Create(frame);
        using var writer = XmlWriter.Create(output, WriterSettings);
        reader.MoveToContent();
        var prefix = reader.Prefix;
        var ns = reader.NamespaceURI;
        var (sawDimension, sawData) = (false, false);
        writer.WriteStartDocument();
        writer.WriteStartElement(prefix, reader.LocalName, ns);
        writer.WriteAttributes(reader, defattr: true);
        reader.MoveToElement();
        if (!reader.IsEmptyElement)
        {
            reader.Read();
            while (reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                }
                else if (reader.LocalName == "dimension" && reader.NamespaceURI == ns)
                {
                    writer.WriteStartElement(prefix, "dimension", ns);
                    writer.WriteAttributeString("ref", sheet.Dimension);
                    writer.WriteEndElement();
                    reader.Skip();
                    sawDimension = true;
                }
                else if (reader.LocalName == "sheetData" && reader.NamespaceURI == ns)
                {
                    writer.WriteStartElement(prefix, "sheetData", ns);
                    if (!reader.IsEmptyElement)
                    {
                        reader.Read();
                        while (reader.NodeType != XmlNodeType.EndElement)
                        {
                            if (reader.NodeType == XmlNodeType.Element)
                            {
                                writer.WriteNode(reader, defattr: true);
                            }
                            else
                            {
                                reader.Read();
                            }
                        }
                    }

                    reader.Read();
                    sheet.WriteRows(writer, prefix, ns, styles, strings);
                    writer.WriteEndElement();
                    sawData = true;
                }
                else
                {
                    writer.WriteNode(reader, defattr: true);
                }
            }
        }

        if (!sawDimension || !sawData)
        {
            throw new InvalidOperationException($"Tabblad {sheet.Name}: geen dimension of sheetData in het werkblad van ClosedXML.");
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    /// <summary>The part (entry name) of every worksheet by its sheet name, from workbook.xml and its relationships.</summary>
    private static Dictionary<string, string> SheetParts(ZipArchive package)
    {
        XDocument Load(string name)
        {
            using var s = (package.GetEntry(name) ?? throw new InvalidOperationException($"Het werkboek heeft geen {name}.")).Open();
            return XDocument.Load(s);
        }

        var workbook = Load(WorkbookPart).Root!;
        var rels = Load(WorkbookRels).Root!;
        var targets = rels.Elements().ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!, StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in workbook.Descendants(workbook.Name.Namespace + "sheet"))
        {
            var target = targets[(string)sheet.Attribute(XName.Get("id", RelationshipsNs))!];
            result[(string)sheet.Attribute("name")!] = target.StartsWith('/') ? target[1..] : "xl/" + target;
        }

        return result;
    }
}
