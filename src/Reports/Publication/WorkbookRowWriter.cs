using System.Globalization;
using System.Xml;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// Writes one row; the <c>row</c> element starts at its first non-empty cell, so a row without cells is not
/// written. Numbers and references are formatted into a reused buffer: no string per cell.
/// </summary>
internal struct WorkbookRowWriter(XmlWriter writer, string prefix, string ns, int number, char[] buffer)
{
    private bool _started;

    public void Cell(string column, WorkbookCell cell, WorkbookStyles styles, WorkbookSharedStrings strings)
    {
        if (cell.Kind == WorkbookCellKind.Empty)
        {
            return;
        }

        if (!_started)
        {
            writer.WriteStartElement(prefix, "row", ns);
            writer.WriteStartAttribute("r");
            Write(number);
            writer.WriteEndAttribute();
            _started = true;
        }

        writer.WriteStartElement(prefix, "c", ns);
        writer.WriteStartAttribute("r");
        writer.WriteString(column);
        Write(number);
        writer.WriteEndAttribute();
        var style = styles.IndexOf(cell.Style);
        if (style != 0)
        {
            writer.WriteStartAttribute("s");
            Write(style);
            writer.WriteEndAttribute();
        }

        if (cell.Kind == WorkbookCellKind.Text)
        {
            writer.WriteAttributeString("t", "s");
            writer.WriteStartElement(prefix, "v", ns);
            Write(strings.IndexOf(cell.Text!));
        }
        else
        {
            writer.WriteStartElement(prefix, "v", ns);
            // "R": the shortest text that reads back as the same double.
            if (!cell.Number.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException($"Getal {cell.Number} past niet in de buffer.");
            }

            writer.WriteChars(buffer, 0, written);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public readonly void End()
    {
        if (_started)
        {
            writer.WriteEndElement();
        }
    }

    private readonly void Write(int value)
    {
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.WriteChars(buffer, 0, written);
    }
}
