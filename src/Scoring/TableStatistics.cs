using System.Globalization;
using Dapper;
using Npgsql;

namespace Preventiemonitor.Scoring;

/// <summary>
/// Fresh planner statistics for what a score run reads: right after a bulk load a table has none, and
/// plans built on a guessed row count (one row, a nested loop) are the slow path. ANALYZE samples a
/// fixed number of rows, so this costs well under a second even for a national year.
/// </summary>
internal static class TableStatistics
{
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
        await connection.ExecuteAsync(new CommandDefinition(
            "ANALYZE " + string.Join(", ", tables), commandTimeout: timeoutSeconds, cancellationToken: ct)).ConfigureAwait(false);
    }
}
