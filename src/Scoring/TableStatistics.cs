using System.Globalization;
using Dapper;
using Npgsql;

namespace Preventiemonitor.Scoring;

/// <summary>
/// Fresh planner statistics for what a score run reads: right after a bulk load a table has none, and
/// plans built on a guessed row count (one row, a nested loop) are the slow path. ANALYZE samples a
/// fixed number of rows, so this costs well under a second even for a national year.
/// The sample is 3,000 rows a table (<see cref="StatisticsTarget"/>) instead of the server's default 30,000:
/// what the pairing's plan needs is the row count and the common values (years, moments), which a small
/// sample gives as well; a year of a million rows has about 16,500 pages, and the default sample read all
/// of them (0.2–0.4 s against 25–55 ms; docs/performance.md, "Fifth step"). The coarser statistics stay until
/// the next ANALYZE with the server's default (autovacuum's, once enough rows changed): a trade of histogram detail
/// for time; the pairing's plan is the same with either (one scan and a sort, checked in PairingTests).
/// </summary>
internal static class TableStatistics
{
    /// <summary>The statistics target of this ANALYZE (300 sampled rows per unit).</summary>
    public const int StatisticsTarget = 10;

    /// <summary>Analyzes the year's measurement partition and the tables of the current data.</summary>
    public static async Task RefreshAsync(NpgsqlConnection connection, int jaar, int timeoutSeconds, CancellationToken ct)
    {
        var partition = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT to_regclass(@name)::text", new { name = "meting_" + jaar.ToString(CultureInfo.InvariantCulture) },
            commandTimeout: timeoutSeconds, cancellationToken: ct)).ConfigureAwait(false);
        var tables = new List<string> { "actuele_levering", "programma", "bevolking" };
        if (partition is not null)
        {
            tables.Insert(0, partition);
        }

        // Names come from the catalogue (to_regclass) or are constants: nothing of the caller is spliced in.
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            $"SET LOCAL default_statistics_target = {StatisticsTarget}; ANALYZE " + string.Join(", ", tables),
            transaction: transaction, commandTimeout: timeoutSeconds, cancellationToken: ct)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
