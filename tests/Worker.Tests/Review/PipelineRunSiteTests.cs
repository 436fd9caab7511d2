using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Preventiemonitor.TestSupport;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Tests.Accounts;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Tests.Review;

/// <summary>
/// Issue 16 item 4 on the real host, Hangfire and database: the pipeline page shows the run's steps and
/// refreshes itself while it runs, ends in a warning state when the sample drop's files are refused and one is
/// quarantined (on the page and in the Hangfire dashboard), links to the new publication, and shows what a
/// second run with a replaced delivery changed.
/// </summary>
[Collection("host")]
public sealed partial class PipelineRunSiteTests(PipelineSiteFixture fixture) : IClassFixture<PipelineSiteFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private RunningHost? _host;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(fixture.ConnectionString, fixture.Configure);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private Task<LoginSession> AsAsync(string rol) => LoginSession.AsRoleAsync(_host!.BaseUri, rol);

    private static async Task<string> HtmlAsync(LoginSession session, string path)
    {
        using var response = await session.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> StartAsync(LoginSession session)
    {
        var page = await HtmlAsync(session, "/onderzoek/pipeline");
        using var started = await session.Http.PostAsync("/onderzoek/pipeline/Start",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = LoginSession.Token(page) }));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Headers.Location!.OriginalString;
    }

    private static Task<string> FinishedAsync(LoginSession session, string location) => Eventually.WaitForAsync(
        () => HtmlAsync(session, location),
        html => JobStatus().Match(html).Groups[1].Value is "Geslaagd" or PipelineOutcome.WarningState or "Mislukt",
        Timeout,
        "pipeline job finished");

    [Fact]
    public async Task A_run_shows_its_steps_while_running_warns_about_refused_files_links_the_publication_and_a_second_run_shows_what_changed()
    {
        using var olga = await AsAsync(Rollen.Onderzoeker);

        // Held source lock: the job waits in its first step, and the page says so and refreshes itself.
        var held = await SourceLock.AcquireAsync(fixture.DataSource, PipelineSiteFixture.Source, NullLogger.Instance, CancellationToken.None);
        string location;
        try
        {
            location = await StartAsync(olga);
            var running = await Eventually.WaitForAsync(() => HtmlAsync(olga, location), html => html.Contains("stap stap-bezig\" id=\"stap-ingest\"", StringComparison.Ordinal),
                Timeout, "the ingest step shown as running");
            Assert.Equal("Bezig", JobStatus().Match(running).Groups[1].Value);
            Assert.Contains($"<meta http-equiv=\"refresh\" content=\"{Preventiemonitor.Worker.Pages.Onderzoek.PipelineModel.RefreshSeconds}\">", running);
            Assert.Contains("class=\"stap stap-wacht\" id=\"stap-score\"", running);
            Assert.Contains("class=\"stap stap-wacht\" id=\"stap-publish\"", running);
        }
        finally
        {
            await held.DisposeAsync();
        }

        var done = await FinishedAsync(olga, location);
        Assert.Equal(PipelineOutcome.WarningState, JobStatus().Match(done).Groups[1].Value);
        Assert.DoesNotContain("http-equiv=\"refresh\"", done);
        Assert.Equal(3, Regex.Matches(done, "class=\"stap stap-klaar\"").Count);
        Assert.Contains("run run-waarschuwing", done);
        await using var c = await fixture.DataSource.OpenConnectionAsync();
        var (refused, quarantined) = await c.QuerySingleAsync<(long, long)>("SELECT count(*) FILTER (WHERE status = 'geweigerd'), count(*) FILTER (WHERE in_quarantaine) FROM levering");
        Assert.True(refused >= 1 && quarantined >= 1, $"{refused} geweigerd, {quarantined} in quarantaine");
        Assert.Contains($"{refused} geweigerd, {quarantined} in quarantaine", done);
        Assert.Contains("vermoedelijk BSN", done);
        var first = await c.ExecuteScalarAsync<long>("SELECT max(id) FROM publicatie");
        Assert.Contains("Nieuwe publicatie: ", done);
        Assert.Contains($"<a id=\"publicatielink\" href=\"/publicaties/{first}\">", done);
        Assert.Contains("Dit is de eerste publicatie", done);
        var used = await c.ExecuteScalarAsync<long>("SELECT count(*) FROM score_run_levering");
        Assert.Contains($"Leveringen: {used} nieuw, 0 vervangen, 0 vervallen", done);

        // Hangfire: the job succeeded (its own state, so it expires and counts as usual) with the warning as the state's reason.
        var jobId = long.Parse(Regex.Match(location, "job=(\\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var reason = await c.ExecuteScalarAsync<string>("SELECT reason FROM hangfire.state WHERE jobid = @jobId AND name = 'Succeeded'", new { jobId });
        Assert.StartsWith(PipelineOutcome.WarningState + ": ", reason);
        using var bea = await AsAsync(Rollen.Beheerder);
        var dashboard = await HtmlAsync(bea, $"/hangfire/jobs/details/{jobId}");
        Assert.Contains(PipelineOutcome.WarningState, dashboard);

        // A second run after a corrected programme file: a new publication, the replaced delivery and the changed rows shown.
        var original = Path.Combine(fixture.Drop, "GM1729", "programmas", "programmas_2025.csv");
        var latin1 = Encoding.Latin1;
        var text = latin1.GetString(await File.ReadAllBytesAsync(original));
        Assert.Contains(";universeel;35;", text);
        await File.WriteAllBytesAsync(Path.Combine(fixture.Drop, "GM1729", "programmas", "programmas_2025_correctie.csv"), latin1.GetBytes(text.Replace(";universeel;35;", ";universeel;45;", StringComparison.Ordinal)));
        var second = await FinishedAsync(olga, await StartAsync(olga));
        Assert.Equal("Geslaagd", JobStatus().Match(second).Groups[1].Value);
        var newest = await c.ExecuteScalarAsync<long>("SELECT max(id) FROM publicatie");
        Assert.True(newest > first);
        Assert.Contains($"<a id=\"publicatielink\" href=\"/publicaties/{newest}\">", second);
        Assert.Contains($"Vergeleken met de vorige publicatie <a href=\"/publicaties/{first}\">", second);
        Assert.Contains("Leveringen: 0 nieuw, 1 vervangen, 0 vervallen", second);
        Assert.Contains("<td>vervangt</td><td class=\"pad\">GM1729/programmas/programmas_2025_correctie.csv</td>", second);
        var programmas = Regex.Match(second, "<tr class=\"gewijzigd\"><th scope=\"row\">programmas.csv</th>(.*?)</tr>");
        Assert.True(programmas.Success, "programmas.csv shown as changed");
        Assert.Contains("<td class=\"getal\">1</td><td class=\"getal\">1</td>", programmas.Groups[1].Value);
    }

    [GeneratedRegex("<strong id=\"taakstatus\">([^<]+)</strong>")]
    private static partial Regex JobStatus();
}
