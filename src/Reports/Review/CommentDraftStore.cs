using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Preventiemonitor.Reports.Review;

/// <summary>
/// Comments posted after their session had expired (table <c>opmerking_concept</c>): kept for
/// <see cref="Bewaartijd"/> under a random key, for the same user only, and put back into the form after
/// the new login. At most <see cref="MaxPerGebruiker"/> at a time per user; expired ones are removed.
/// </summary>
public sealed class CommentDraftStore(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan Bewaartijd = TimeSpan.FromHours(1);

    public const int MaxPerGebruiker = 20;

    /// <summary>Keeps the text; returns its key, or null when it cannot be kept (empty, too long, or too many).</summary>
    public async Task<string?> SaveAsync(string gebruiker, long publicatieId, string? tabel, string tekst, CancellationToken ct)
    {
        var text = tekst.Trim();
        if (text.Length is 0 or > ReviewStore.MaxCommentLength || (tabel is not null && !IsTableName(tabel)))
        {
            return null;
        }

        var sleutel = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM opmerking_concept WHERE verloopt_op < now()", cancellationToken: ct)).ConfigureAwait(false);
        var saved = await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO opmerking_concept (sleutel, gebruiker, publicatie_id, tabel, tekst, verloopt_op)
            SELECT @sleutel, @gebruiker, p.id, @tabel, @text, now() + @bewaartijd FROM publicatie p
            WHERE p.id = @publicatieId AND (SELECT count(*) FROM opmerking_concept WHERE gebruiker = @gebruiker) < @max
            """, new { sleutel, gebruiker, publicatieId, tabel, text, bewaartijd = Bewaartijd, max = MaxPerGebruiker }, cancellationToken: ct)).ConfigureAwait(false);
        return saved == 1 ? sleutel : null;
    }

    /// <summary>The kept comment of this user for this publication, or null (unknown, expired, or someone else's).</summary>
    public async Task<CommentDraft?> FindAsync(string sleutel, string gebruiker, long publicatieId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await c.QuerySingleOrDefaultAsync<CommentDraft>(new CommandDefinition("""
            SELECT tabel, tekst FROM opmerking_concept
            WHERE sleutel = @sleutel AND gebruiker = @gebruiker AND publicatie_id = @publicatieId AND verloopt_op >= now()
            """, new { sleutel, gebruiker, publicatieId }, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>Removes a kept comment once it has been placed.</summary>
    public async Task RemoveAsync(string sleutel, string gebruiker, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM opmerking_concept WHERE sleutel = @sleutel AND gebruiker = @gebruiker", new { sleutel, gebruiker }, cancellationToken: ct)).ConfigureAwait(false);
    }

    private static bool IsTableName(string tabel) => tabel.Length is > 0 and <= 64 && tabel.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
