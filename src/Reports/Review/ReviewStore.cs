using Dapper;
using Npgsql;

namespace Preventiemonitor.Reports.Review;

/// <summary>The review of a publication: comments, and moving its status forward.</summary>
public sealed class ReviewStore(NpgsqlDataSource dataSource)
{
    public const int MaxCommentLength = 4000;

    /// <summary>Adds a comment to a publication that is in review or released; returns false otherwise.</summary>
    public Task<bool> AddCommentAsync(long publicatieId, string auteur, string tekst, CancellationToken ct) =>
        AddCommentAsync(publicatieId, auteur, tekst, null, ct);

    /// <summary>
    /// Adds a comment to a publication that is in review or released; returns false otherwise, or when
    /// <paramref name="tabel"/> is given and is not one of the publication's tables (a CSV file of it).
    /// </summary>
    public async Task<bool> AddCommentAsync(long publicatieId, string auteur, string tekst, string? tabel, CancellationToken ct)
    {
        var text = tekst.Trim();
        if (text.Length == 0 || text.Length > MaxCommentLength)
        {
            throw new ArgumentException($"Een opmerking heeft 1 tot {MaxCommentLength} tekens.", nameof(tekst));
        }

        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var added = await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO opmerking (publicatie_id, auteur, tekst, tabel)
            SELECT p.id, @auteur, @text, @tabel FROM publicatie p
            WHERE p.id = @publicatieId AND p.status IN ('in_review', 'vrijgegeven')
              AND (@tabel::text IS NULL OR EXISTS (SELECT 1 FROM publicatie_bestand b WHERE b.publicatie_id = p.id AND b.naam = @tabel::text || '.csv'))
            """, new { publicatieId, auteur, text, tabel }, cancellationToken: ct)).ConfigureAwait(false);
        return added == 1;
    }

    public async Task<IReadOnlyList<Comment>> CommentsAsync(long publicatieId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return [.. await c.QueryAsync<Comment>(new CommandDefinition("""
            SELECT id, auteur, tekst, geplaatst_op AS GeplaatstOp, tabel, afgehandeld_door AS AfgehandeldDoor, afgehandeld_op AS AfgehandeldOp
            FROM opmerking WHERE publicatie_id = @publicatieId ORDER BY geplaatst_op, id
            """, new { publicatieId }, cancellationToken: ct)).ConfigureAwait(false)];
    }

    /// <summary>
    /// One step of the release flow (0012_vrijgave.sql): concept → in_review, in_review → vrijgegeven
    /// (final; not by whoever moved it to review), or in_review → concept (withdrawn, with a reason). The
    /// step is recorded with <paramref name="door"/> (the signed-in user) and the time; the database refuses
    /// every other step. Returns a Dutch reason when the step is not allowed, null when it was taken.
    /// </summary>
    public async Task<string?> SetStatusAsync(long publicatieId, string status, string door, string? reden, CancellationToken ct)
    {
        if (status is not ("concept" or "in_review" or "vrijgegeven"))
        {
            return $"Onbekende status '{status}'.";
        }

        if (string.IsNullOrWhiteSpace(door))
        {
            return "Onbekend wie deze stap zet; log opnieuw in.";
        }

        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var current = await c.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT status FROM publicatie WHERE id = @publicatieId", new { publicatieId }, cancellationToken: ct)).ConfigureAwait(false);
        var refusal = (current, status) switch
        {
            (null, _) => "Deze publicatie bestaat niet.",
            ("vrijgegeven", _) => "Deze publicatie is al vrijgegeven; dat is definitief.",
            _ when current == status => $"Deze publicatie staat al op {status}.",
            ("in_review", "concept") when string.IsNullOrWhiteSpace(reden) => "Geef een reden op om de publicatie uit review terug te trekken.",
            _ => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO publicatie_statuswijziging (publicatie_id, van, naar, door, reden) VALUES (@publicatieId, @current, @status, @door, @reden)
                """, new { publicatieId, current, status, door, reden = string.IsNullOrWhiteSpace(reden) ? null : reden.Trim() }, cancellationToken: ct)).ConfigureAwait(false);
            return null;
        }
        catch (PostgresException e) when (e.SqlState == ReleaseRefused)
        {
            return e.MessageText;
        }
    }

    /// <summary>The SQLSTATE with which 0012_vrijgave.sql refuses a step (its message is Dutch, for the user).</summary>
    public const string ReleaseRefused = "PMV01";
}
