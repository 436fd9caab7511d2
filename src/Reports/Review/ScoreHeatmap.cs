using System.Globalization;
using System.Security;
using System.Text;
using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Reports.Review;

/// <summary>
/// A server-rendered SVG heatmap of scores (municipalities × themes). Readable in greyscale: the fill
/// goes from light (low) to dark (high) and every cell prints its value; text switches to white on
/// dark cells for contrast. For screen readers the SVG has a title and description and every cell its
/// own title; the page shows the same numbers as a table (the text alternative). Presentation
/// attributes only, no inline style, so a strict Content-Security-Policy holds.
/// </summary>
public static class ScoreHeatmap
{
    private const int LabelWidth = 190;
    private const int CellWidth = 118;
    private const int CellHeight = 34;
    private const int HeaderHeight = 58;

    /// <summary>Scores have 1 decimal (methode-v1 §7).</summary>
    private const int Decimals = 1;

    public static string Render(string id, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<HeatmapCell> cells)
    {
        var lookup = cells.ToDictionary(c => (c.Row, c.Column), c => c.Score);
        var width = LabelWidth + (columns.Count * CellWidth) + 10;
        var height = HeaderHeight + (rows.Count * CellHeight) + 60;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{id}-titel {id}-beschrijving\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titel\">{X(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<desc id=\"{id}-beschrijving\">Heatmap met één rij per gebied en één kolom per thema. Donkerder betekent een hogere score (0 tot 100); elk vak toont de score, een streepje betekent geen score. Dezelfde cijfers staan in de tabel hieronder.</desc>");

        for (var c = 0; c < columns.Count; c++)
        {
            var x = LabelWidth + (c * CellWidth) + (CellWidth / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{HeaderHeight - 10}\" text-anchor=\"middle\" font-weight=\"bold\">");
            var words = columns[c].Split(' ');
            var half = (words.Length + 1) / 2;
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{x}\" dy=\"-16\">{X(string.Join(' ', words.Take(half)))}</tspan>");
            svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{x}\" dy=\"16\">{X(string.Join(' ', words.Skip(half)))}</tspan></text>");
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var y = HeaderHeight + (r * CellHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 22}\" text-anchor=\"end\">{X(rows[r])}</text>");
            for (var c = 0; c < columns.Count; c++)
            {
                var x = LabelWidth + (c * CellWidth);
                var score = lookup.GetValueOrDefault((rows[r], columns[c]));
                var (fill, ink) = Shade(score);
                var value = score is double s ? OutputRounding.FormatDutch(s, Decimals) : "–";
                var label = score is double ? $"score {value}" : "geen score";
                svg.Append(CultureInfo.InvariantCulture,
                    $"<g><title>{X(rows[r])}, {X(columns[c])}: {label}</title>" +
                    $"<rect x=\"{x + 1}\" y=\"{y + 1}\" width=\"{CellWidth - 2}\" height=\"{CellHeight - 2}\" fill=\"{fill}\" stroke=\"#555555\" stroke-width=\"1\"/>" +
                    $"<text x=\"{x + (CellWidth / 2)}\" y=\"{y + 22}\" text-anchor=\"middle\" fill=\"{ink}\">{value}</text></g>");
            }
        }

        // Legend: five steps of the scale.
        var legendY = HeaderHeight + (rows.Count * CellHeight) + 18;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{legendY + 16}\" text-anchor=\"end\">Score</text>");
        for (var i = 0; i <= 4; i++)
        {
            var (fill, ink) = Shade(i * 25.0);
            var x = LabelWidth + (i * 60);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x}\" y=\"{legendY}\" width=\"58\" height=\"24\" fill=\"{fill}\" stroke=\"#555555\" stroke-width=\"1\"/>" +
                $"<text x=\"{x + 29}\" y=\"{legendY + 16}\" text-anchor=\"middle\" fill=\"{ink}\">{i * 25}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Grey from light (score 0) to dark (score 100); the text colour keeps enough contrast.</summary>
    public static (string Fill, string Ink) Shade(double? score)
    {
        if (score is not double s)
        {
            return ("#ffffff", "#000000");
        }

        var level = (int)Math.Round(245 - (Math.Clamp(s, 0, 100) / 100 * 200)); // 245 (light) … 45 (dark)
        var hex = level.ToString("x2", CultureInfo.InvariantCulture);
        return ($"#{hex}{hex}{hex}", level < 128 ? "#ffffff" : "#000000");
    }

    private static string X(string text) => SecurityElement.Escape(text);
}
