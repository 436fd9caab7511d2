using Dapper;
using Npgsql;
using NpgsqlTypes;
using Preventiemonitor.Reports.Disclosure;

namespace Preventiemonitor.Reports.Publication;

/// <summary>
/// The audit of disclosure control stored with each publication (publicatie_onthulling and
/// publicatie_onthulling_cel): for researchers, never published. Written in the publication's own
/// transaction, read by the researchers' pages.
/// </summary>
public sealed class DisclosureAuditStore(NpgsqlDataSource dataSource)
{
    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long publicatieId,
        PublicationDisclosureResult disclosure, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(disclosure);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO publicatie_onthulling (publicatie_id, k_min, primair, secundair, geslaagd, duur_ms)
            VALUES (@publicatieId, @KMin, @Primary, @Secondary, @Passed, @ms)
            """, new { publicatieId, disclosure.KMin, disclosure.Primary, disclosure.Secondary, disclosure.Audit.Passed,
                ms = (long)disclosure.Elapsed.TotalMilliseconds }, transaction, cancellationToken: ct)).ConfigureAwait(false);

        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY publicatie_onthulling_cel (publicatie_id, tabel, rij, kolom, reden, waarde, laag, hoog, basis_laag, basis_hoog, geslaagd)
            FROM STDIN (FORMAT BINARY)
            """, ct).ConfigureAwait(false);
        foreach (var cell in disclosure.Audit.Cells)
        {
            await copy.StartRowAsync(ct).ConfigureAwait(false);
            await copy.WriteAsync(publicatieId, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
            await copy.WriteAsync(cell.Key.Table, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await copy.WriteAsync(cell.Key.Row, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await copy.WriteAsync(cell.Key.Column, NpgsqlDbType.Text, ct).ConfigureAwait(false);
            await copy.WriteAsync(cell.By == EmptiedBy.Primary ? "primair" : "secundair", NpgsqlDbType.Text, ct).ConfigureAwait(false);
            foreach (var value in new[] { cell.Value, cell.Range.Low, cell.Range.High, cell.Baseline.Low, cell.Baseline.High })
            {
                await copy.WriteAsync(value, NpgsqlDbType.Double, ct).ConfigureAwait(false);
            }

            await copy.WriteAsync(cell.Passed, NpgsqlDbType.Boolean, ct).ConfigureAwait(false);
        }

        await copy.CompleteAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The audit summary of every publication that has one, by publication id.</summary>
    public async Task<IReadOnlyDictionary<long, DisclosureAuditSummary>> SummariesAsync(CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<DisclosureAuditSummary>(new CommandDefinition(
            "SELECT publicatie_id AS PublicatieId, k_min AS KMin, primair AS Primair, secundair AS Secundair, geslaagd AS Geslaagd, duur_ms AS DuurMs FROM publicatie_onthulling",
            cancellationToken: ct)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.PublicatieId);
    }

    /// <summary>Every audited cell of one publication, in key order.</summary>
    public async Task<IReadOnlyList<DisclosureAuditCell>> CellsAsync(long publicatieId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync<DisclosureAuditCell>(new CommandDefinition("""
            SELECT tabel AS Tabel, rij AS Rij, kolom AS Kolom, reden AS Reden, waarde AS Waarde, laag AS Laag, hoog AS Hoog,
                   basis_laag AS BasisLaag, basis_hoog AS BasisHoog, geslaagd AS Geslaagd
            FROM publicatie_onthulling_cel WHERE publicatie_id = @publicatieId ORDER BY tabel COLLATE "C", rij COLLATE "C", kolom COLLATE "C"
            """, new { publicatieId }, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows];
    }
}
