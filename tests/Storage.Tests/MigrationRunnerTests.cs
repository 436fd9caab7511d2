using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Storage.Tests;

public sealed class MigrationRunnerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static MigrationRunner Runner(NpgsqlDataSource source) => new(source, NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task Embedded_migrations_apply_to_an_empty_database_and_again_as_a_no_op()
    {
        var (db, _) = await fixture.CreateEmptyDatabaseAsync();
        var files = MigrationRunner.Embedded();
        Assert.Contains(files, m => m.FileName == "0001_referentiedata.sql");

        var first = await Runner(db).MigrateAsync(CancellationToken.None);
        Assert.Equal(files.Select(f => f.FileName), first.Applied);
        Assert.Equal(0, first.AlreadyApplied);

        await using var connection = await db.OpenConnectionAsync();
        var journal = (await connection.QueryAsync<(int Version, string FileName, string Checksum)>(
            "SELECT version, file_name, checksum FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(files.Select(f => (f.Version, f.FileName, f.Checksum)), journal);
        Assert.Equal(6, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM gemeente"));

        var second = await Runner(db).MigrateAsync(CancellationToken.None);
        Assert.Empty(second.Applied);
        Assert.Equal(files.Count, second.AlreadyApplied);
        Assert.Equal(files.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_changed_applied_migration_is_refused_with_its_file_name()
    {
        var (db, _) = await fixture.CreateEmptyDatabaseAsync();
        var original = new[]
        {
            MigrationRunner.Parse("0001_een.sql", "CREATE TABLE een (id int);"),
            MigrationRunner.Parse("0002_twee.sql", "CREATE TABLE twee (id int);"),
        };
        await Runner(db).MigrateAsync(original, CancellationToken.None);

        var changed = new[]
        {
            original[0],
            MigrationRunner.Parse("0002_twee.sql", "CREATE TABLE twee (id bigint);"),
            MigrationRunner.Parse("0003_drie.sql", "CREATE TABLE drie (id int);"),
        };
        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(db).MigrateAsync(changed, CancellationToken.None));
        Assert.Contains("0002_twee.sql", error.Message);
        Assert.Contains("gewijzigd", error.Message);

        // Nothing after the check ran: 0003 was not applied.
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'drie'"));
    }

    [Fact]
    public void Line_ends_do_not_change_the_checksum()
    {
        var lf = MigrationRunner.Parse("0001_a.sql", "CREATE TABLE a (id int);\nSELECT 1;\n");
        var crlf = MigrationRunner.Parse("0001_a.sql", "CREATE TABLE a (id int);\r\nSELECT 1;\r\n");
        Assert.Equal(lf.Checksum, crlf.Checksum);
        Assert.NotEqual(lf.Checksum, MigrationRunner.Parse("0001_a.sql", "CREATE TABLE a (id bigint);\n").Checksum);
    }

    [Fact]
    public async Task Two_concurrent_runs_apply_each_file_exactly_once()
    {
        var (db, connectionString) = await fixture.CreateEmptyDatabaseAsync();
        // The second migration is slow, so without the advisory lock both runners would see it pending.
        var migrations = new[]
        {
            MigrationRunner.Parse("0001_teller.sql", "CREATE TABLE teller (n int);"),
            MigrationRunner.Parse("0002_traag.sql", "SELECT pg_sleep(0.5); INSERT INTO teller VALUES (1);"),
            MigrationRunner.Parse("0003_nog_een.sql", "INSERT INTO teller VALUES (2);"),
        };
        await using var otherSource = NpgsqlDataSource.Create(connectionString);

        var runs = await Task.WhenAll(
            Task.Run(() => Runner(db).MigrateAsync(migrations, CancellationToken.None)),
            Task.Run(() => Runner(otherSource).MigrateAsync(migrations, CancellationToken.None)));

        Assert.Equal(3, runs.Sum(r => r.Applied.Count));
        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(new[] { 1, 2 }, (await connection.QueryAsync<int>("SELECT n FROM teller ORDER BY n")).ToArray());
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_and_not_recorded()
    {
        var (db, _) = await fixture.CreateEmptyDatabaseAsync();
        var migrations = new[]
        {
            MigrationRunner.Parse("0001_goed.sql", "CREATE TABLE goed (id int);"),
            MigrationRunner.Parse("0002_fout.sql", "CREATE TABLE half (id int); SELECT * FROM bestaat_niet;"),
        };
        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(db).MigrateAsync(migrations, CancellationToken.None));
        Assert.Contains("0002_fout.sql", error.Message);
        Assert.Contains("bestaat_niet", error.Message);

        await using var connection = await db.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM pg_tables WHERE tablename = 'half'"));
        Assert.Equal(new[] { "0001_goed.sql" }, (await connection.QueryAsync<string>("SELECT file_name FROM schema_migrations")).ToArray());
    }

    [Fact]
    public async Task A_migration_unknown_to_this_program_is_refused()
    {
        var (db, _) = await fixture.CreateEmptyDatabaseAsync();
        await Runner(db).MigrateAsync([MigrationRunner.Parse("0001_a.sql", "SELECT 1;"), MigrationRunner.Parse("0002_b.sql", "SELECT 2;")], CancellationToken.None);
        var error = await Assert.ThrowsAsync<MigrationException>(
            () => Runner(db).MigrateAsync([MigrationRunner.Parse("0001_a.sql", "SELECT 1;")], CancellationToken.None));
        Assert.Contains("0002_b.sql", error.Message);
    }

    [Theory]
    [InlineData("1_kort.sql")]
    [InlineData("0001-streepje.sql")]
    [InlineData("0001_Hoofdletter.sql")]
    [InlineData("0001_geen_sql.txt")]
    public void Badly_named_files_are_refused(string fileName)
    {
        var error = Assert.Throws<MigrationException>(() => MigrationRunner.Parse(fileName, "SELECT 1;"));
        Assert.Contains(fileName, error.Message);
    }

    [Fact]
    public void Two_files_with_one_number_are_refused()
    {
        var error = Assert.Throws<MigrationException>(() => MigrationRunner.Validate(
        [
            MigrationRunner.Parse("0001_a.sql", "SELECT 1;"),
            MigrationRunner.Parse("0001_b.sql", "SELECT 1;"),
        ]));
        Assert.Contains("0001_a.sql", error.Message);
        Assert.Contains("0001_b.sql", error.Message);
    }
}
