using System.Net;
using Dapper;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Web;

namespace Preventiemonitor.Worker.Tests;

/// <summary>The Worker's web host, started for real on 127.0.0.1 with port 0, on a real database.</summary>
[Collection(HostCollection.Name)]
public sealed class WorkerHostTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private RunningHost? _host;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private WebApplication App => _host!.App;

    private Uri BaseUri => new(App.Urls.First());

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(fixture.ConnectionString, builder =>
    {
        builder.Configuration["Bronnen:0:Naam"] = "demo-drop";
        builder.Configuration["Bronnen:0:Soort"] = "drop";
        builder.Configuration["Bronnen:0:Locatie"] = RepositoryPaths.SampleDrop;
        builder.Configuration["Bronnen:0:Cron"] = "*/15 * * * *";
        builder.Configuration["Bronnen:1:Naam"] = "handmatig";
        builder.Configuration["Bronnen:1:Soort"] = "drop";
        builder.Configuration["Bronnen:1:Locatie"] = RepositoryPaths.SampleDrop;
    });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        using var response = await _http.GetAsync(new Uri(BaseUri, "/health"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_check_is_unhealthy_when_the_database_does_not_answer()
    {
        // A port nobody listens on.
        await using var dead = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2");
        var check = new DatabaseHealthCheck(dead);
        var result = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task A_job_enqueued_through_the_API_is_executed_and_writes_its_row()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var before = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(id), 0) FROM worker_heartbeat");

        var client = App.Services.GetRequiredService<IBackgroundJobClient>();
        var jobId = client.Enqueue<HeartbeatJob>(job => job.Run(CancellationToken.None));
        Assert.False(string.IsNullOrEmpty(jobId));

        var rows = await Eventually.WaitForAsync(
            () => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM worker_heartbeat WHERE id > @before", new { before }),
            count => count >= 1,
            TimeSpan.FromSeconds(60),
            "heartbeat row written by the Hangfire job");
        Assert.Equal(1, rows);

        var state = await Eventually.WaitForAsync(
            () => Task.FromResult(JobStorage.Current.GetConnection().GetStateData(jobId)?.Name),
            name => name == "Succeeded",
            TimeSpan.FromSeconds(30),
            "job state Succeeded");
        Assert.Equal("Succeeded", state);
    }

    [Fact]
    public async Task A_score_job_enqueued_through_the_API_stores_a_run_started_by_hangfire()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        var client = App.Services.GetRequiredService<IBackgroundJobClient>();
        var jobId = client.Enqueue<ScoreYearJob>(job => job.Run(2031, null, CancellationToken.None));

        var runs = await Eventually.WaitForAsync(
            () => connection.ExecuteScalarAsync<long>("SELECT count(*) FROM score_run WHERE jaar = 2031 AND gestart_door = @door", new { door = $"hangfire:{jobId}" }),
            count => count == 1,
            TimeSpan.FromSeconds(60),
            "score run written by the Hangfire job");
        Assert.Equal(1, runs);
        Assert.Equal(35, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM score_gemeente_thema g JOIN score_run r ON r.id = g.score_run_id WHERE r.jaar = 2031"));
    }

    [Fact]
    public async Task The_heartbeat_is_a_recurring_job_in_Amsterdam_time()
    {
        var recurring = await Eventually.WaitForAsync(
            () => Task.FromResult(App.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs()),
            jobs => jobs.Any(j => j.Id == HeartbeatJob.RecurringJobId),
            TimeSpan.FromSeconds(30),
            "recurring heartbeat registered");
        var heartbeat = recurring.Single(j => j.Id == HeartbeatJob.RecurringJobId);
        Assert.Equal("*/5 * * * *", heartbeat.Cron);
        Assert.Equal("Europe/Amsterdam", heartbeat.TimeZoneId);
    }

    [Fact]
    public void Every_configured_source_with_a_schedule_has_a_recurring_job()
    {
        var recurring = App.Services.GetRequiredService<JobStorage>().GetConnection().GetRecurringJobs();
        var source = Assert.Single(recurring, j => j.Id.StartsWith("bron:", StringComparison.Ordinal));
        Assert.Equal("bron:demo-drop", source.Id);
        Assert.Equal("*/15 * * * *", source.Cron);
        Assert.Equal("Europe/Amsterdam", source.TimeZoneId);
        Assert.Equal(nameof(IngestSourceJob.Run), source.Job.Method.Name);
        Assert.Equal("demo-drop", source.Job.Args[0]);
    }
}
