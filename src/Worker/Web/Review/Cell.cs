using System.Net;
using Microsoft.AspNetCore.Html;
using Preventiemonitor.Model.Numbers;

namespace Preventiemonitor.Worker.Web.Review;

/// <summary>
/// Published values on the site, with ONE marker per meaning: "&lt; k_min" (weggelaten: te weinig mensen,
/// with a footnote sign), "–" (geen waarde: nothing was computed), and the number the Dutch way. A value is
/// suppressed when its row is marked <c>onderdrukt</c> and the value, or the count it is computed from, is empty.
/// </summary>
public static class Cell
{
    /// <summary>The footnote sign after every suppressed value.</summary>
    public const string FootnoteSign = "*";

    /// <summary>The marker of a suppressed value, e.g. "&lt; 10" with its footnote sign.</summary>
    public static IHtmlContent Suppressed(int kMin) =>
        new HtmlString($"<span class=\"onderdrukt\">&lt; {kMin}<sup><a href=\"#noot-onderdrukt\" aria-label=\"voetnoot: weggelaten\">{FootnoteSign}</a></sup></span>");

    /// <summary>"–": no value (not computed, e.g. no measured effect).</summary>
    public static IHtmlContent None { get; } = new HtmlString("<span class=\"geen-waarde\">–</span>");

    /// <summary>A count of people: the number, the suppression marker, or "–".</summary>
    public static IHtmlContent Count(long? value, bool onderdrukt, int kMin) =>
        value is long v ? Text(OutputRounding.FormatDutch(v, 0)) : onderdrukt ? Suppressed(kMin) : None;

    /// <summary>A number computed from a count: suppressed when the row is marked and the count is empty.</summary>
    public static IHtmlContent Number(double? value, int decimals, bool suppressed, int kMin) =>
        value is double v ? Text(OutputRounding.FormatDutch(v, decimals)) : suppressed ? Suppressed(kMin) : None;

    /// <summary>An effect with its 95% interval, e.g. "0,339 (−0,108 tot 0,786)".</summary>
    public static IHtmlContent Effect(double? g, double? low, double? high, bool suppressed, int kMin)
    {
        if (g is not double value)
        {
            return suppressed ? Suppressed(kMin) : None;
        }

        var interval = low is double l && high is double h
            ? $" <span class=\"interval\">({Fmt(l)} tot {Fmt(h)})</span>"
            : string.Empty;
        return new HtmlString($"<span class=\"effect\">{Fmt(value)}{interval}</span>");
    }

    private static string Fmt(double v) => WebUtility.HtmlEncode(OutputRounding.FormatDutch(v, 3));

    private static HtmlString Text(string text) => new(WebUtility.HtmlEncode(text));
}
