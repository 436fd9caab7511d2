using System.Globalization;
using System.Security;
using System.Text;
using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Reports.Review;

/// <summary>
/// A server-rendered SVG forest plot: one line per programme or group (label on its own line, the effect as a
/// square with its 95% interval as a line below it, the numbers beside it), pooled effects as a diamond, a
/// dashed line at 0 (no change) and an axis. Narrow by design (the label above the line), so it stays readable
/// on a phone without scaling down. Title and description for screen readers; the page shows the same numbers
/// in a table. Presentation attributes only (no inline style), so a strict Content-Security-Policy holds.
/// </summary>
public static class ForestPlot
{
    // 360 wide: on a 390 px phone the plot is drawn at about its own size, so the 13 px text stays 12–13 px.
    private const int Width = 360;
    private const int PlotLeft = 10;
    private const int PlotRight = 190;
    private const int RowHeight = 44;
    private const int Top = 30;
    private const int Decimals = 3;

    public static string Render(string id, string title, string description, IReadOnlyList<ForestRow> rows, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var (min, max, step) = Domain(rows);
        double X(double g) => PlotLeft + ((g - min) / (max - min) * (PlotRight - PlotLeft));
        var plotBottom = Top + (rows.Count * RowHeight);
        var height = plotBottom + 40 + (note is null ? 0 : 22);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"forest\" role=\"img\" aria-labelledby=\"{id}-titel {id}-beschrijving\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"13\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-titel\">{E(title)}</title><desc id=\"{id}-beschrijving\">{E(description)}</desc>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{PlotLeft}\" y=\"16\" fill=\"#333333\">← slechter</text><text x=\"{PlotRight}\" y=\"16\" text-anchor=\"end\" fill=\"#333333\">beter →</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{PlotRight + 10}\" y=\"16\" font-weight=\"bold\">g (95%-interval)</text>");
        var zero = F(X(0));
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{zero}\" y1=\"{Top - 6}\" x2=\"{zero}\" y2=\"{plotBottom}\" stroke=\"#555555\" stroke-dasharray=\"4 3\"/>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * RowHeight);
            var mid = y + 30;
            var text = row.HasEffect
                ? $"{N(row.Estimate!.Value)} ({N(row.Low!.Value)} tot {N(row.High!.Value)})"
                : row.Missing ?? "geen effect";
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{E(row.Label)}: {E(row.HasEffect ? "effect " + text : text)}</title>");
            if (row.Pooled)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 2}\" width=\"{Width}\" height=\"{RowHeight - 2}\" fill=\"#eef3f8\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{PlotLeft}\" y=\"{y + 15}\"{(row.Pooled ? " font-weight=\"bold\"" : string.Empty)}>{E(Shorten(row.Label))}</text>");
            if (row.HasEffect)
            {
                var (lo, g, hi) = (X(Math.Max(row.Low!.Value, min)), X(row.Estimate!.Value), X(Math.Min(row.High!.Value, max)));
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(lo)}\" y1=\"{mid}\" x2=\"{F(hi)}\" y2=\"{mid}\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>");
                svg.Append(row.Pooled
                    ? string.Create(CultureInfo.InvariantCulture, $"<polygon points=\"{F(X(row.Low.Value))},{mid} {F(g)},{mid - 8} {F(X(row.High.Value))},{mid} {F(g)},{mid + 8}\" fill=\"#00407a\"/>")
                    : string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{F(g - 5)}\" y=\"{mid - 5}\" width=\"10\" height=\"10\" fill=\"#00407a\"/>"));
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{PlotRight + 10}\" y=\"{mid + 4}\"{(row.HasEffect ? string.Empty : " fill=\"#4a4a4a\"")}>{E(text)}</text></g>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{PlotLeft}\" y1=\"{plotBottom + 4}\" x2=\"{PlotRight}\" y2=\"{plotBottom + 4}\" stroke=\"#1a1a1a\"/>");
        for (var t = min; t <= max + 1e-9; t += step)
        {
            var x = F(X(t));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{plotBottom + 4}\" x2=\"{x}\" y2=\"{plotBottom + 9}\" stroke=\"#1a1a1a\"/><text x=\"{x}\" y=\"{plotBottom + 24}\" text-anchor=\"middle\">{OutputRounding.FormatDutch(t, step < 0.5 ? 2 : 1)}</text>");
        }

        if (note is not null)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{PlotLeft}\" y=\"{plotBottom + 48}\">{E(note)}</text>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The axis: from at most −0,5 to at least 1,0, widened in steps to hold every interval.</summary>
    public static (double Min, double Max, double Step) Domain(IReadOnlyList<ForestRow> rows)
    {
        var lows = rows.Where(r => r.HasEffect).Select(r => r.Low!.Value).Append(-0.5);
        var highs = rows.Where(r => r.HasEffect).Select(r => r.High!.Value).Append(1.0);
        var min = Math.Floor(lows.Min() * 2) / 2;
        var max = Math.Ceiling(highs.Max() * 2) / 2;
        var step = max - min > 3 ? 1.0 : 0.5;
        return (min, max, step);
    }

    private static string Shorten(string label) => label.Length <= 50 ? label : label[..49] + "…";

    private static string N(double value) => OutputRounding.FormatDutch(value, Decimals);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => SecurityElement.Escape(text);
}
