using System.Globalization;
using Dapper;
using Npgsql;

namespace Preventiemonitor.Ingest.Loading;

/// <summary>The yearly partitions of <c>meting</c>, created inside the delivery's transaction when first needed.</summary>
internal static class MeasurementPartitions
{
    /// <summary>Creates the yearly partition of <c>meting</c> for each year that has none yet.</summary>
    public static async Task EnsureAsync(NpgsqlConnection connection, IEnumerable<int> years, CancellationToken ct)
    {
        foreach (var year in years)
        {
            var name = $"meting_{year.ToString(CultureInfo.InvariantCulture)}";
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT to_regclass(@name) IS NOT NULL", new { name }, cancellationToken: ct)).ConfigureAwait(false);
            if (exists)
            {
                continue;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtext('meting_partitie'))", cancellationToken: ct)).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                $"CREATE TABLE IF NOT EXISTS {name} PARTITION OF meting FOR VALUES FROM ({year}) TO ({year + 1})",
                cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    /// <summary>The same for one year, for a caller that is not async (between two COPYs); returns the partition's name.</summary>
    public static string Ensure(NpgsqlConnection connection, int year)
    {
        var name = $"meting_{year.ToString(CultureInfo.InvariantCulture)}";
        if (!connection.ExecuteScalar<bool>("SELECT to_regclass(@name) IS NOT NULL", new { name }))
        {
            connection.Execute("SELECT pg_advisory_xact_lock(hashtext('meting_partitie'))");
            connection.Execute($"CREATE TABLE IF NOT EXISTS {name} PARTITION OF meting FOR VALUES FROM ({year}) TO ({year + 1})");
        }

        return name;
    }
}
