using System.Globalization;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Worker.Web;

namespace Preventiemonitor.Worker.Pages.Publicaties;

/// <summary>
/// What the comments block of a publication (<c>_Opmerkingen.cshtml</c>) shows: the comments (with their
/// table and whether they are handled), a message, and the form with its typed text, chosen table, error
/// and the key of a comment kept while its author logged in again.
/// </summary>
public sealed record OpmerkingenViewModel(
    long PublicatieId,
    string Status,
    IReadOnlyList<Comment> Comments,
    IReadOnlyList<CommentTable> Tables,
    string? Message,
    string? Opmerking,
    string? Tabel,
    string? Fout,
    string? Concept,
    bool MagAfhandelen)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The id of the field's error message (for <c>aria-describedby</c>).</summary>
    public const string FoutId = "opmerking-fout";

    /// <summary>A stored time (UTC) as Dutch local time, e.g. "26 november 2026 om 14:05".</summary>
    public static string Tijd(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc.ToUniversalTime(), DateTimeKind.Utc), AmsterdamTime.Zone)
            .ToString("d MMMM yyyy 'om' HH:mm", Dutch);

    /// <summary>The title of a table the comment is about.</summary>
    public string TableTitle(string naam) => Tables.FirstOrDefault(t => t.Naam == naam)?.Titel ?? naam;

    public bool AcceptsComments => Status != "concept";
}
