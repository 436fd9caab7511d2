using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Preventiemonitor.Storage;

/// <summary>
/// Applies the numbered <c>.sql</c> files in order, each in its own transaction, and records each with
/// its checksum in <c>schema_migrations</c>. A session-level advisory lock makes concurrent runners
/// wait for each other, so every file is applied exactly once. An applied file that has changed since
/// stops the program with an error naming the file.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>Key of the advisory lock that serialises migration runs ("pm-migr" in ASCII).</summary>
    public const long AdvisoryLockKey = 0x706D2D6D696772;

    private const string CreateJournal = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version      integer PRIMARY KEY,
            file_name    text NOT NULL UNIQUE,
            checksum     text NOT NULL,
            applied_at   timestamptz NOT NULL DEFAULT now(),
            execution_ms integer NOT NULL
        )
        """;

    private const string SelectApplied = "SELECT version, file_name AS FileName, checksum FROM schema_migrations ORDER BY version";

    private const string InsertApplied = """
        INSERT INTO schema_migrations (version, file_name, checksum, execution_ms)
        VALUES (@Version, @FileName, @Checksum, @ExecutionMs)
        """;

    /// <summary>The migrations compiled into this assembly (from <c>sql/migrations</c>), in version order.</summary>
    public static IReadOnlyList<Migration> Embedded() => Load(typeof(MigrationRunner).Assembly);

    internal static IReadOnlyList<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("migrations/", StringComparison.Ordinal)))
        {
            var fileName = resource["migrations/".Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(Parse(fileName, reader.ReadToEnd()));
        }

        return Validate(migrations);
    }

    /// <summary>Reads a migration file name like <c>0003_leveringen.sql</c>.</summary>
    public static Migration Parse(string fileName, string sql)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new MigrationException(
                $"Migratiebestand '{fileName}' heeft geen geldige naam: verwacht NNNN_omschrijving.sql (kleine letters, cijfers, _).");
        }

        return new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), fileName, sql);
    }

    public static IReadOnlyList<Migration> Validate(IEnumerable<Migration> migrations)
    {
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var duplicate = ordered.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MigrationException(
                $"Twee migraties hebben nummer {duplicate.Key}: {string.Join(" en ", duplicate.Select(m => m.FileName))}.");
        }

        return ordered;
    }

    /// <summary>Applies the embedded migrations.</summary>
    public Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken) =>
        MigrateAsync(Embedded(), cancellationToken);

    /// <summary>Applies the given migrations that are not applied yet, after checking the applied ones.</summary>
    public async Task<MigrationReport> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        migrations = Validate(migrations);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateJournal, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var applied = (await connection.QueryAsync<AppliedMigration>(
                new CommandDefinition(SelectApplied, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            CheckApplied(applied, migrations);

            var appliedVersions = applied.Select(a => a.Version).ToHashSet();
            var done = new List<string>();
            foreach (var migration in migrations.Where(m => !appliedVersions.Contains(m.Version)))
            {
                var stopwatch = Stopwatch.StartNew();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        migration.Sql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await connection.ExecuteAsync(new CommandDefinition(
                        InsertApplied,
                        new { migration.Version, migration.FileName, migration.Checksum, ExecutionMs = (int)stopwatch.ElapsedMilliseconds },
                        transaction,
                        cancellationToken: cancellationToken)).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e)
                {
                    throw new MigrationException(
                        $"Migratie {migration.FileName} mislukte en is teruggedraaid: {e.MessageText} " +
                        $"(SQLSTATE {e.SqlState}{(e.Position > 0 ? $", positie {e.Position}" : string.Empty)}).", e);
                }

                logger.LogInformation("Migratie {File} toegepast in {Ms} ms.", migration.FileName, stopwatch.ElapsedMilliseconds);
                done.Add(migration.FileName);
            }

            if (done.Count == 0)
            {
                logger.LogInformation("Database is bijgewerkt: {Count} migraties, niets nieuws.", applied.Count);
            }

            return new MigrationReport(done, applied.Count);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey }, cancellationToken: CancellationToken.None)).ConfigureAwait(false);
        }
    }

    private static void CheckApplied(IEnumerable<AppliedMigration> applied, IReadOnlyList<Migration> migrations)
    {
        var byVersion = migrations.ToDictionary(m => m.Version);
        foreach (var a in applied)
        {
            if (!byVersion.TryGetValue(a.Version, out var migration))
            {
                throw new MigrationException(
                    $"De database bevat migratie {a.FileName}, die dit programma niet kent. " +
                    "Is de database bijgewerkt door een nieuwere versie van Preventiemonitor?");
            }

            if (migration.Checksum != a.Checksum)
            {
                throw new MigrationException(
                    $"Migratie {migration.FileName} is gewijzigd nadat ze op deze database is toegepast " +
                    $"(checksum in database {a.Checksum[..12]}…, bestand {migration.Checksum[..12]}…). " +
                    "Een toegepaste migratie verander je niet: zet de wijziging in een nieuwe migratie.");
            }
        }
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex FileNamePattern();

    private sealed record AppliedMigration(int Version, string FileName, string Checksum);
}
