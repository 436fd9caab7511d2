using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Sources;
using Preventiemonitor.Storage;
using Preventiemonitor.Worker.Web;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// The Worker's command line: <c>serve</c> (default), <c>migrate</c>, <c>ingest</c>, <c>score</c>,
/// <c>pipeline</c>, <c>publish</c> and <c>users</c>. Exit codes: 0 done,
/// 1 failure, 2 bad usage.
/// </summary>
public static class WorkerCommandLine
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "Verbindingsreeks van de PostgreSQL-database (anders ConnectionStrings__Preventiemonitor, " +
                          "en zonder beide een ingebouwde lokale PostgreSQL).",
            Recursive = true,
        };
        var urls = new Option<string?>("--urls")
        {
            Description = "Adres(sen) waarop de webserver luistert (standaard http://127.0.0.1:5080; ook ASPNETCORE_URLS).",
        };

        var serveDrop = new Option<string?>("--drop")
        {
            Description = "Ook deze drop-map verwerken: meteen bij de start en daarna elke 15 minuten (als bron 'drop').",
        };
        var demoUsers = new Option<bool>("--demo-gebruikers")
        {
            Description = "Maak, als er nog geen gebruikers zijn, één gebruiker per rol (onderzoeker, panel, beheerder) met een " +
                          "willekeurig wachtwoord en toon die wachtwoorden één keer op het scherm.",
        };
        var serve = new Command("serve", "Start de Worker: website met inloggen, Hangfire-server, dashboard op /hangfire en /health (standaard).");
        serve.Options.Add(urls);
        serve.Options.Add(serveDrop);
        serve.Options.Add(demoUsers);
        serve.SetAction((result, ct) => ServeAsync(result.GetValue(connection), result.GetValue(urls), result.GetValue(serveDrop),
            result.GetValue(demoUsers), ct));

        var migrate = new Command("migrate", "Pas de databasemigraties toe en stop.");
        migrate.SetAction((result, ct) => MigrateAsync(result.GetValue(connection), ct));

        var drop = new Option<string?>("--drop") { Description = "Verwerk alle bestanden in deze drop-map (indeling: zie docs/aanleverformaat.md)." };
        var source = new Option<string?>("--source") { Description = "Verwerk de ingestelde bron met deze naam (zie 'Bronnen' in appsettings.json)." };
        var reports = new Option<string>("--rapporten")
        {
            Description = "Map voor de leveringsrapporten (standaard ./leveringsrapporten).",
            DefaultValueFactory = _ => "leveringsrapporten",
        };
        var ingest = new Command("ingest", "Verwerk leveringen uit een drop-map (--drop) of een ingestelde bron (--source).");
        ingest.Options.Add(drop);
        ingest.Options.Add(source);
        ingest.Options.Add(reports);
        ingest.SetAction((result, ct) => IngestAsync(result.GetValue(connection), result.GetValue(drop), result.GetValue(source), result.GetValue(reports)!, ct));

        var leveringId = new Argument<long>("id") { Description = "Het nummer van de levering." };
        var reportOut = new Option<string?>("--out") { Description = "Schrijf het rapport naar dit bestand (anders naar het scherm)." };
        var report = new Command("report", "Het leveringsrapport (CSV) van een levering.");
        report.Arguments.Add(leveringId);
        report.Options.Add(reportOut);
        report.SetAction((result, ct) => ReportAsync(result.GetValue(connection), result.GetValue(leveringId), result.GetValue(reportOut), ct));
        ingest.Subcommands.Add(report);

        var jaarOption = new Option<int?>("--jaar") { Description = "Het jaar (standaard: het laatste jaar met een geaccepteerde inventaris)." };
        var score = new Command("score", "Scoor een jaar volgens methode v1 als nieuwe score run en toon een samenvatting per thema.");
        score.Options.Add(jaarOption);
        score.SetAction((result, ct) => ScoreAsync(result.GetValue(connection), result.GetValue(jaarOption), ct));

        var pipelineDrop = new Option<string?>("--drop") { Description = "De drop-map met de leveringen (indeling: docs/aanleverformaat.md)." };
        var outOption = new Option<string?>("--out") { Description = "Map waarin de publicatie komt, als <out>/<label>/." };
        var labelOption = new Option<string?>("--label") { Description = "Label van de publicatie (standaard tussenrapportage-<jaar>-<yyyyMMdd-HHmmss>)." };
        var pipeline = new Command("pipeline", "Verwerk de drop-map, scoor het jaar en publiceer de tussenrapportage (in één keer).");
        pipeline.Options.Add(pipelineDrop);
        pipeline.Options.Add(outOption);
        pipeline.Options.Add(jaarOption);
        pipeline.Options.Add(labelOption);
        var serveAfter = new Option<bool>("--serve")
        {
            Description = "Start na de publicatie de site (met --urls, standaard http://127.0.0.1:5080) met een demogebruiker per rol " +
                          "(alleen als er nog geen gebruikers zijn; de wachtwoorden worden één keer getoond). Stoppen met Ctrl+C.",
        };
        pipeline.Options.Add(serveAfter);
        pipeline.Options.Add(urls);
        pipeline.SetAction((result, ct) => PipelineAsync(result.GetValue(connection), result.GetValue(pipelineDrop), result.GetValue(outOption),
            result.GetValue(jaarOption), result.GetValue(labelOption), result.GetValue(serveAfter), result.GetValue(urls), ct));

        var scoreRunOption = new Option<long?>("--score-run") { Description = "Het nummer van de score run die gepubliceerd wordt." };
        var publish = new Command("publish", "Publiceer een bestaande score run als tussenrapportage.");
        publish.Options.Add(scoreRunOption);
        publish.Options.Add(outOption);
        publish.Options.Add(labelOption);
        publish.SetAction((result, ct) => PublishAsync(result.GetValue(connection), result.GetValue(scoreRunOption), result.GetValue(outOption),
            result.GetValue(labelOption), ct));

        var userName = new Argument<string>("naam") { Description = "De naam van de gebruiker (1–64 tekens: a-z, 0-9, punt, _ en -)." };
        var role = new Option<string>("--role")
        {
            Description = "De rol: onderzoeker, panel of beheerder.",
            Required = true,
        };
        role.AcceptOnlyFromAmong([.. Rollen.Alle]);
        var usersAdd = new Command("add", "Maak een gebruiker aan. Het wachtwoord (minstens 12 tekens) komt van de invoer of wordt twee keer gevraagd.");
        usersAdd.Options.Add(role);
        usersAdd.Arguments.Add(userName);
        usersAdd.SetAction((result, ct) => UsersAddAsync(result.GetValue(connection), result.GetValue(userName)!, result.GetValue(role)!, ct));
        var usersReset = new Command("reset-password", "Stel een nieuw wachtwoord in (en hef een blokkade op). Het wachtwoord komt van de invoer of wordt twee keer gevraagd.");
        usersReset.Arguments.Add(userName);
        usersReset.SetAction((result, ct) => UsersResetAsync(result.GetValue(connection), result.GetValue(userName)!, ct));
        var users = new Command("users", "Beheer de gebruikers van de website. Wachtwoorden nooit als argument: via de invoer of de vraag.");
        users.Subcommands.Add(usersAdd);
        users.Subcommands.Add(usersReset);

        var root = new RootCommand(
            "Preventiemonitor: gegevens van preventieprogramma's ophalen, controleren, scoren en publiceren. " +
            "Zonder opdracht start 'serve'.");
        root.Options.Add(connection);
        root.Options.Add(urls);
        root.Options.Add(serveDrop);
        root.Options.Add(demoUsers);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(ingest);
        root.Subcommands.Add(score);
        root.Subcommands.Add(pipeline);
        root.Subcommands.Add(publish);
        root.Subcommands.Add(users);
        root.SetAction((result, ct) => ServeAsync(result.GetValue(connection), result.GetValue(urls), result.GetValue(serveDrop),
            result.GetValue(demoUsers), ct));

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"Fout in de opdracht: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync("Zie 'Preventiemonitor.Worker --help' voor de opdrachten.").ConfigureAwait(false);
            return ExitUsage;
        }

        // Ctrl+C / SIGTERM cancel the token; the command then stops in order (Hangfire, database).
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
        return await parseResult.InvokeAsync(invocation).ConfigureAwait(false);
    }

    private static async Task<int> ServeAsync(string? connection, string? urls, string? drop, bool demoUsers, CancellationToken cancellationToken)
    {
        var builder = WorkerWebHost.CreateBuilder(urls);
        if (drop is not null)
        {
            WorkerWebHost.AddDropSource(builder.Configuration, Path.GetFullPath(drop));
        }

        using var loggerFactory = ConsoleLogging.Create(builder.Configuration);
        return await RunWithDatabaseAsync(builder.Configuration, connection, loggerFactory, async database =>
        {
            if (demoUsers)
            {
                // To the console, not the log: the passwords are shown this once.
                await DemoGebruikers.CreateIfNoneAsync(new AccountStore(database.DataSource), Console.Out, cancellationToken).ConfigureAwait(false);
            }

            await using var app = WorkerWebHost.Build(builder, database);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitOk;
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> UsersAddAsync(string? connection, string naam, string rol, CancellationToken cancellationToken)
    {
        if (!await IsValidUserNameAsync(naam).ConfigureAwait(false))
        {
            return ExitUsage;
        }

        var configuration = AppConfiguration.Build();
        using var loggerFactory = ConsoleLogging.Create(configuration);
        return await RunWithDatabaseAsync(configuration, connection, loggerFactory,
            database => UsersCommand.AddAsync(database, naam, rol, Console.In, Console.Out, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> UsersResetAsync(string? connection, string naam, CancellationToken cancellationToken)
    {
        if (!await IsValidUserNameAsync(naam).ConfigureAwait(false))
        {
            return ExitUsage;
        }

        var configuration = AppConfiguration.Build();
        using var loggerFactory = ConsoleLogging.Create(configuration);
        return await RunWithDatabaseAsync(configuration, connection, loggerFactory,
            database => UsersCommand.ResetPasswordAsync(database, naam, Console.In, Console.Out, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> IsValidUserNameAsync(string naam)
    {
        try
        {
            AccountStore.NormaliseerNaam(naam);
            return true;
        }
        catch (AccountException e)
        {
            await Console.Error.WriteLineAsync($"Fout in de opdracht: {e.Message}").ConfigureAwait(false);
            return false;
        }
    }

    private static async Task<int> MigrateAsync(string? connection, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build();
        using var loggerFactory = ConsoleLogging.Create(configuration);
        return await RunWithDatabaseAsync(configuration, connection, loggerFactory, _ => Task.FromResult(ExitOk), cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task<int> IngestAsync(string? connection, string? drop, string? source, string reportFolder, CancellationToken cancellationToken)
    {
        if ((drop is null) == (source is null))
        {
            await Console.Error.WriteLineAsync("Fout in de opdracht: geef precies één van --drop DIR of --source NAAM.").ConfigureAwait(false);
            return ExitUsage;
        }

        var configuration = AppConfiguration.Build();
        using var loggerFactory = ConsoleLogging.Create(configuration);
        return await RunWithDatabaseAsync(configuration, connection, loggerFactory,
            database => IngestCommand.RunAsync(database, configuration, loggerFactory, drop, source, reportFolder, Console.Out, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> PipelineAsync(string? connection, string? drop, string? outRoot, int? jaar, string? label, bool serve, string? urls,
        CancellationToken cancellationToken)
    {
        if (drop is null || outRoot is null)
        {
            await Console.Error.WriteLineAsync("Fout in de opdracht: pipeline vraagt --drop DIR en --out DIR.").ConfigureAwait(false);
            return ExitUsage;
        }

        if (!Directory.Exists(drop))
        {
            await Console.Error.WriteLineAsync($"Fout in de opdracht: de drop-map {Path.GetFullPath(drop)} bestaat niet.").ConfigureAwait(false);
            return ExitUsage;
        }

        if (serve)
        {
            // The whole demo in one command: the pipeline, then the site on the same database.
            var builder = WorkerWebHost.CreateBuilder(urls);
            using var webLoggerFactory = ConsoleLogging.Create(builder.Configuration);
            return await RunWithDatabaseAsync(builder.Configuration, connection, webLoggerFactory, async database =>
            {
                var exit = await PipelineCommand.RunAsync(database, builder.Configuration, webLoggerFactory, drop, outRoot, jaar, label, Console.Out, cancellationToken)
                    .ConfigureAwait(false);
                await DemoGebruikers.CreateIfNoneAsync(new AccountStore(database.DataSource), Console.Out, cancellationToken).ConfigureAwait(false);
                await using var app = WorkerWebHost.Build(builder, database);
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"Site: {string.Join(", ", app.Urls)} (inloggen met de gebruikers hierboven; stoppen met Ctrl+C).").ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                return exit;
            }, cancellationToken).ConfigureAwait(false);
        }

        var configuration = AppConfiguration.Build();
        using var loggerFactory = ConsoleLogging.Create(configuration);
        return await RunWithDatabaseAsync(configuration, connection, loggerFactory,
            database => PipelineCommand.RunAsync(database, configuration, loggerFactory, drop, outRoot, jaar, label, Console.Out, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> PublishAsync(string? connection, long? scoreRun, string? outRoot, string? label, CancellationToken cancellationToken)
    {
        if (scoreRun is null || outRoot is null)
        {
            await Console.Error.WriteLineAsync("Fout in de opdracht: publish vraagt --score-run ID en --out DIR.").ConfigureAwait(false);
            return ExitUsage;
        }

        var configuration = AppConfiguration.Build();
        using var loggerFactory = ConsoleLogging.Create(configuration);
        return await RunWithDatabaseAsync(configuration, connection, loggerFactory,
            database => PipelineCommand.PublishAsync(database, loggerFactory, scoreRun.Value, outRoot, label, Console.Out, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ScoreAsync(string? connection, int? jaar, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build();
        using var loggerFactory = ConsoleLogging.Create(configuration);
        return await RunWithDatabaseAsync(configuration, connection, loggerFactory,
            database => ScoreCommand.RunAsync(database, configuration, loggerFactory, jaar, Console.Out, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReportAsync(string? connection, long id, string? outFile, CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Build();
        using var loggerFactory = ConsoleLogging.Create(configuration);
        return await RunWithDatabaseAsync(configuration, connection, loggerFactory,
            database => IngestCommand.ReportAsync(database, id, outFile, Console.Out, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the database (embedded when none is configured), applies migrations, runs the command.</summary>
    private static async Task<int> RunWithDatabaseAsync(
        IConfiguration configuration,
        string? connection,
        ILoggerFactory loggerFactory,
        Func<DatabaseRuntime, Task<int>> command,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("Preventiemonitor");
        try
        {
            await using var database = await DatabaseRuntime.OpenAsync(
                DatabaseSettings.FromConfiguration(configuration, connection), loggerFactory, cancellationToken).ConfigureAwait(false);
            await new MigrationRunner(database.DataSource, loggerFactory.CreateLogger<MigrationRunner>())
                .MigrateAsync(cancellationToken).ConfigureAwait(false);
            return await command(database).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EmbeddedPostgresException or MigrationException or SourceConfigurationException
                                       or DirectoryNotFoundException or HttpSourceException or CbsMetadataException
                                       or ArgumentException or Reports.Publication.PublicationException)
        {
            logger.LogError("{Message}", e.Message);
            return ExitFailure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Afgebroken.");
            return ExitFailure;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Onverwachte fout: {Message}", e.Message);
            return ExitFailure;
        }
    }
}
