using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace Preventiemonitor.Worker.Tests.Crash;

/// <summary>
/// What a finished pipeline left in the database and the output folder, in terms that do not depend on
/// ids or times (a killed transaction still uses up identity values): per delivery file its status and
/// counts and the rows stored for it; per score table the rows of the score runs; the publications with
/// their files; and every problem with the folder (missing or differing files, temporary leftovers).
/// </summary>
internal sealed record CrashState(
    IReadOnlyList<string> Deliveries,
    int ScoreRuns,
    IReadOnlyList<string> ScoreRows,
    IReadOnlyList<string> Publications,
    IReadOnlyList<string> FolderProblems)
{
    private const string DeliverySql = """
        SELECT l.bron || ' ' || l.bestand || ' ' || l.status || ' rijen=' || coalesce(l.rijen::text, '-') || ' geaccepteerd=' || l.geaccepteerd
               || ' geweigerd=' || l.geweigerd || ' opgeslagen=' ||
               ((SELECT count(*) FROM programma x WHERE x.levering_id = l.id) + (SELECT count(*) FROM meting x WHERE x.levering_id = l.id)
              + (SELECT count(*) FROM bevolking x WHERE x.levering_id = l.id) + (SELECT count(*) FROM interventie x WHERE x.levering_id = l.id))
               || ' fouten=' || (SELECT count(*) FROM levering_fout x WHERE x.levering_id = l.id)
        FROM levering l ORDER BY l.bestand COLLATE "C", l.id
        """;

    private static readonly string[] ScoreTables =
    [
        "score_run_levering", "score_effect", "score_programma_thema", "score_gemeente_thema", "score_witte_vlek",
        "score_interventie_match", "score_suggestie",
        "score_duurzaamheid_effect", "score_duurzaamheid_programma_thema", "score_duurzaamheid_gemeente_thema", "score_effect_doelgroep",
    ];

    public static async Task<CrashState> ReadAsync(string connectionString, string outRoot, string home)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        var deliveries = (await c.QueryAsync<string>(DeliverySql)).ToList();
        var runs = await c.ExecuteScalarAsync<int>("SELECT count(*) FROM score_run");
        var scoreRows = new List<string>();
        foreach (var table in ScoreTables)
        {
            scoreRows.Add($"{table}={await c.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}")}");
        }

        var publications = new List<string>();
        var problems = new List<string>();
        foreach (var (id, label) in await c.QueryAsync<(long, string)>("SELECT id, label FROM publicatie ORDER BY id"))
        {
            var files = (await c.QueryAsync<(string Naam, string Sha, byte[] Inhoud)>(
                "SELECT naam, sha256, inhoud FROM publicatie_bestand WHERE publicatie_id = @id ORDER BY naam", new { id })).ToList();
            // Rounds with and without --label (whose label holds a time) are compared by their files; the folder checks below use the real label.
            publications.Add($"publicatie: {string.Join(", ", files.Select(f => f.Naam.EndsWith(".csv", StringComparison.Ordinal) ? $"{f.Naam} {Lines(f.Inhoud)} regels" : f.Naam))}");
            var folder = Path.Combine(outRoot, label);
            foreach (var file in files)
            {
                var path = Path.Combine(folder, file.Naam);
                if (!File.Exists(path))
                {
                    problems.Add($"{label}/{file.Naam} ontbreekt");
                }
                else if (Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))) != file.Sha)
                {
                    problems.Add($"{label}/{file.Naam} wijkt af van de opgeslagen SHA-256");
                }
            }

            if (Directory.Exists(folder) && Directory.GetFiles(folder).Length != files.Count)
            {
                problems.Add($"{label}: {Directory.GetFiles(folder).Length} bestanden in de map, {files.Count} opgeslagen");
            }
        }

        if (Directory.Exists(outRoot))
        {
            problems.AddRange(Directory.EnumerateFileSystemEntries(outRoot).Select(Path.GetFileName)
                .Where(n => n!.StartsWith('.')).Select(n => $"tijdelijk achtergebleven: {n}"));
        }

        var tmp = Path.Combine(home, "tmp");
        if (Directory.Exists(tmp))
        {
            problems.AddRange(Directory.EnumerateFileSystemEntries(tmp, "*", SearchOption.AllDirectories)
                .Select(p => $"tijdelijk bestand achtergebleven: {Path.GetRelativePath(home, p)}"));
        }

        problems.AddRange(Directory.EnumerateFiles(home, "deelnemer.key.tmp-*").Select(p => $"tijdelijk sleutelbestand: {Path.GetFileName(p)}"));
        return new CrashState(deliveries, runs, scoreRows, publications, problems);
    }

    private static int Lines(byte[] content) => content.Count(b => b == (byte)'\n');
}
