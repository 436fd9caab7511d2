using Dapper;
using Npgsql;
using Preventiemonitor.TestSupport;

namespace Preventiemonitor.Worker.Tests;

/// <summary>
/// What the two-Worker test reads back: Hangfire's job and state tables (schema <c>hangfire</c>) and
/// the data the jobs wrote (<c>levering</c>, <c>score_run</c>).
/// </summary>
internal static class TwoWorkerChecks
{
    /// <summary>Waits until every job succeeded; stops early with the reasons when one failed.</summary>
    public static async Task WaitForAllAsync(NpgsqlDataSource db, IReadOnlyList<EnqueuedJob> jobs, int succeededStates, TimeSpan timeout)
    {
        var ids = jobs.Select(j => j.Id).ToArray();
        await using var c = await db.OpenConnectionAsync();
        var (done, failed) = await Eventually.WaitForAsync(
            () => c.QuerySingleAsync<(long Done, long Failed)>("""
                SELECT count(*) FILTER (WHERE j.statename = 'Succeeded'
                                         AND (SELECT count(*) FROM hangfire.state s WHERE s.jobid = j.id AND s.name = 'Succeeded') = @succeededStates),
                       count(*) FILTER (WHERE j.statename = 'Failed')
                FROM hangfire.job j WHERE j.id = ANY (@ids)
                """, new { ids, succeededStates }),
            r => r.Done == ids.Length || r.Failed > 0,
            timeout,
            $"{ids.Length} jobs succeeded");
        if (failed > 0)
        {
            var reasons = await c.QueryAsync<string>("""
                SELECT s.data::text FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
                WHERE j.id = ANY (@ids) AND j.statename = 'Failed' LIMIT 3
                """, new { ids });
            Assert.Fail($"{failed} job(s) failed ({done} succeeded): {string.Join(" | ", reasons)}");
        }
    }

    /// <summary>
    /// Every job went through Processing and Succeeded exactly once; returns how many jobs each Worker
    /// process executed, by process id (from the server id of the Processing state, "host:pid:guid").
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, int>> AssertExecutedOnceAsync(NpgsqlDataSource db, IReadOnlyList<EnqueuedJob> jobs)
    {
        await using var c = await db.OpenConnectionAsync();
        var rows = (await c.QueryAsync<(long Id, long Processing, long Succeeded, string Server)>("""
            SELECT j.id,
                   count(*) FILTER (WHERE s.name = 'Processing'),
                   count(*) FILTER (WHERE s.name = 'Succeeded'),
                   min(s.data::jsonb ->> 'ServerId') FILTER (WHERE s.name = 'Processing')
            FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id
            WHERE j.id = ANY (@ids)
            GROUP BY j.id
            """, new { ids = jobs.Select(j => j.Id).ToArray() })).ToList();
        Assert.Equal(jobs.Count, rows.Count);
        Assert.DoesNotContain(rows, r => r.Processing != 1 || r.Succeeded != 1);
        return rows.GroupBy(r => int.Parse(r.Server.Split(':')[^2], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>
    /// The data is there exactly once: one delivery per source's file (known by its bytes), each accepted, one current inventory
    /// per municipality and year, and one score run per score job (its <c>gestart_door</c> names the job).
    /// </summary>
    public static async Task AssertDataOnceAsync(NpgsqlDataSource db, TwoWorkerJobMix mix, IReadOnlyList<EnqueuedJob> jobs)
    {
        await using var c = await db.OpenConnectionAsync();
        var perFile = (await c.QueryAsync<(string Sha256, long Count)>("SELECT sha256, count(*) FROM levering GROUP BY sha256")).ToList();
        Assert.Equal(mix.Files.Order(StringComparer.Ordinal), perFile.Select(r => r.Sha256).Order(StringComparer.Ordinal));
        Assert.All(perFile, r => Assert.Equal(1, r.Count));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM levering WHERE status NOT IN ('geaccepteerd', 'vervangen')"));
        Assert.Equal(6 * TwoWorkerJobMix.Years, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM actuele_levering WHERE dataset = 'programmas'"));

        var runs = (await c.QueryAsync<(string Door, long Count)>("SELECT gestart_door, count(*) FROM score_run GROUP BY gestart_door")).ToDictionary(r => r.Door, r => r.Count);
        Assert.Equal(jobs.Where(j => j.IsScore).Select(j => $"hangfire:{j.Id}").Order(StringComparer.Ordinal), runs.Keys.Order(StringComparer.Ordinal));
        Assert.All(runs.Values, count => Assert.Equal(1, count));
    }

    /// <summary>The ids of the recurring jobs (Hangfire's set <c>recurring-jobs</c>) and whether any id is there twice.</summary>
    public static async Task<IReadOnlyList<string>> RecurringJobsAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        return (await c.QueryAsync<string>("SELECT value FROM hangfire.\"set\" WHERE key = 'recurring-jobs' ORDER BY value COLLATE \"C\"")).ToList();
    }

    /// <summary>Counts of what the jobs wrote: deliveries and score runs.</summary>
    public static async Task<(long Deliveries, long ScoreRuns)> CountsAsync(NpgsqlDataSource db)
    {
        await using var c = await db.OpenConnectionAsync();
        return await c.QuerySingleAsync<(long, long)>("SELECT (SELECT count(*) FROM levering), (SELECT count(*) FROM score_run)");
    }

    /// <summary>Per kind of job (ingest, score): how many, mean and longest execution (Hangfire's PerformanceDuration, ms).</summary>
    public static async Task<string> DurationsAsync(NpgsqlDataSource db, IReadOnlyList<EnqueuedJob> jobs)
    {
        await using var c = await db.OpenConnectionAsync();
        var rows = await c.QueryAsync<(bool Score, long Count, double Mean, long Max)>("""
            SELECT j.id = ANY (@scores), count(*), avg((s.data::jsonb ->> 'PerformanceDuration')::bigint), max((s.data::jsonb ->> 'PerformanceDuration')::bigint)
            FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id AND s.name = 'Succeeded'
            WHERE j.id = ANY (@ids)
            GROUP BY 1 ORDER BY 1
            """, new { ids = jobs.Select(j => j.Id).ToArray(), scores = jobs.Where(j => j.IsScore).Select(j => j.Id).ToArray() });
        // A stall shows as a long pause between two jobs finishing.
        var gap = await c.ExecuteScalarAsync<double>("""
            SELECT coalesce(extract(epoch FROM max(d)), 0) FROM (
              SELECT s.createdat - lag(s.createdat) OVER (ORDER BY s.createdat) AS d
              FROM hangfire.state s WHERE s.jobid = ANY (@ids) AND s.name = 'Succeeded') g
            """, new { ids = jobs.Select(j => j.Id).ToArray() });
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"longest pause between two completions {gap:0.0} s; ") + string.Join("; ", rows.Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(r.Score ? "score" : "ingest")} {r.Count}× mean {r.Mean:0} ms, max {r.Max} ms")));
    }
}
