using System.Text;
using Dapper;
using Npgsql;

namespace Preventiemonitor.Reports.Review;

/// <summary>Compares a publication with the previous one (<see cref="PublicationDiff"/>), from the stored files and score runs.</summary>
public sealed class PublicationComparison(NpgsqlDataSource dataSource)
{
    private const string SelectPrevious = """
        SELECT v.id, v.label FROM publicatie p
        JOIN publicatie v ON v.id < p.id AND v.score_run_id <> p.score_run_id
        WHERE p.id = @id ORDER BY v.id DESC LIMIT 1
        """;

    private const string SelectDeliveries = """
        SELECT l.id, l.bestand, l.gemeente, l.dataset FROM publicatie p
        JOIN score_run_levering s ON s.score_run_id = p.score_run_id JOIN levering l ON l.id = s.levering_id
        WHERE p.id = @id ORDER BY l.id
        """;

    private const string SelectCsvFiles = "SELECT naam, inhoud FROM publicatie_bestand WHERE publicatie_id = @id AND naam LIKE '%.csv' ORDER BY naam";

    private sealed record Delivery(long Id, string Bestand, string? Gemeente, string? Dataset);

    public async Task<PublicationDiff> CompareWithPreviousAsync(long publicatieId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var previous = await c.QuerySingleOrDefaultAsync<(long Id, string Label)?>(new CommandDefinition(SelectPrevious, new { id = publicatieId }, cancellationToken: ct)).ConfigureAwait(false);
        var now = await DeliveriesAsync(c, publicatieId, ct).ConfigureAwait(false);
        var before = previous is { } p ? await DeliveriesAsync(c, p.Id, ct).ConfigureAwait(false) : [];
        var files = await FilesAsync(c, publicatieId, ct).ConfigureAwait(false);
        var previousFiles = previous is { } q ? await FilesAsync(c, q.Id, ct).ConfigureAwait(false) : new Dictionary<string, byte[]>();
        var tables = files.Select(f => Compare(f.Key, f.Value, previousFiles.GetValueOrDefault(f.Key))).ToList();
        return new PublicationDiff(publicatieId, previous?.Id, previous?.Label, DeliveryChanges(now, before), tables);
    }

    private static List<DeliveryChange> DeliveryChanges(IReadOnlyList<Delivery> now, IReadOnlyList<Delivery> before)
    {
        var beforeIds = before.Select(d => d.Id).ToHashSet();
        var nowIds = now.Select(d => d.Id).ToHashSet();
        var gone = before.Where(d => !nowIds.Contains(d.Id)).ToList();
        var changes = new List<DeliveryChange>();
        foreach (var d in now.Where(d => !beforeIds.Contains(d.Id)))
        {
            var replaced = gone.Where(g => g.Gemeente == d.Gemeente && g.Dataset == d.Dataset).Select(g => g.Bestand).ToList();
            changes.Add(new DeliveryChange(replaced.Count > 0 ? "vervangt" : "nieuw", d.Bestand, d.Gemeente, d.Dataset, replaced.Count > 0 ? string.Join(", ", replaced) : null));
        }

        var replacedAway = changes.Where(c => c.Soort == "vervangt").Select(c => (c.Gemeente, c.Dataset)).ToHashSet();
        changes.AddRange(gone.Where(g => !replacedAway.Contains((g.Gemeente, g.Dataset))).Select(g => new DeliveryChange("vervallen", g.Bestand, g.Gemeente, g.Dataset, null)));
        return changes;
    }

    /// <summary>Data rows (after the header) as a multiset: rows not in the other file are new, changed or gone.</summary>
    private static TableChange Compare(string name, byte[] now, byte[]? before)
    {
        var rows = Rows(now);
        var previous = before is null ? [] : Rows(before);
        var remaining = previous.GroupBy(r => r, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var added = 0;
        foreach (var row in rows)
        {
            if (remaining.TryGetValue(row, out var n) && n > 0)
            {
                remaining[row] = n - 1;
            }
            else
            {
                added++;
            }
        }

        return new TableChange(name, rows.Count, previous.Count, added, remaining.Values.Sum());
    }

    private static List<string> Rows(byte[] csv) =>
        [.. Encoding.UTF8.GetString(csv).Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)];

    private static async Task<IReadOnlyList<Delivery>> DeliveriesAsync(NpgsqlConnection c, long id, CancellationToken ct) =>
        [.. await c.QueryAsync<Delivery>(new CommandDefinition(SelectDeliveries, new { id }, cancellationToken: ct)).ConfigureAwait(false)];

    private static async Task<Dictionary<string, byte[]>> FilesAsync(NpgsqlConnection c, long id, CancellationToken ct) =>
        (await c.QueryAsync<(string Naam, byte[] Inhoud)>(new CommandDefinition(SelectCsvFiles, new { id }, cancellationToken: ct)).ConfigureAwait(false))
            .ToDictionary(f => f.Naam, f => f.Inhoud, StringComparer.Ordinal);
}
