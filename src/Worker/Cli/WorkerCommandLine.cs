using System.CommandLine;
using Preventiemonitor.Model;
using Preventiemonitor.Model.Scoring;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Cli;

/// <summary>
/// The Worker's command line: <c>serve</c> (default), <c>migrate</c>, <c>ingest</c>, <c>score</c>,
/// <c>pipeline</c>, <c>publish</c> and <c>users</c>. Every command runs through <see cref="CommandHost"/>
/// (the one composition root). Exit codes: 0 done, 1 failure or bad input, 2 bad usage.
/// </summary>
public static class WorkerCommandLine
{
    public const int ExitOk = 0;
    public const int ExitFailure = UserInputException.InputExitCode;
    public const int ExitUsage = UserInputException.UsageExitCode;

    public static async Task<int> RunAsync(string[] args)
    {
        var connection = new Option<string?>("--connection")
        {
            Description = "Verbindingsreeks van de PostgreSQL-database (anders ConnectionStrings__Preventiemonitor, " +
                          "en zonder beide een ingebouwde lokale PostgreSQL).",
            Recursive = true,
        };
        var verbose = new Option<bool>("--verbose") { Description = "Toon ook het uitgebreide logboek (op standaardfout).", Recursive = true };
        var log = new Option<string?>("--log")
        {
            Description = "Schrijf het logboek naar dit bestand (standaard $PREVENTIEMONITOR_HOME/logs/preventiemonitor-JJJJMMDD.log).",
            Recursive = true,
        };
        CommonOptions Common(ParseResult r) => new(r.GetValue(connection), r.GetValue(verbose), r.GetValue(log));

        var urls = new Option<string?>("--urls") { Description = "Adres(sen) waarop de webserver luistert (standaard http://127.0.0.1:5080; ook ASPNETCORE_URLS)." };
        var drop = new Option<string?>("--drop")
        {
            Description = "De drop-map met leveringen (indeling: docs/aanleverformaat.md). Bij serve: meteen en daarna elke 15 minuten verwerkt als bron 'drop'.",
        };
        var demoUsers = new Option<bool>("--demo-gebruikers")
        {
            Description = "Maak, als er nog geen gebruikers zijn, één gebruiker per rol (onderzoeker, panel, beheerder) met een " +
                          "willekeurig wachtwoord en toon die wachtwoorden één keer op het scherm.",
        };
        var serve = new Command("serve", "Start de Worker: website met inloggen, Hangfire-server, dashboard op /hangfire en /health (standaard).")
        {
            urls, drop, demoUsers,
        };
        serve.SetAction((r, ct) => ServeCommand.RunAsync(Common(r), r.GetValue(urls), r.GetValue(drop), r.GetValue(demoUsers), ct));

        var migrate = new Command("migrate", "Pas de databasemigraties toe en stop.");
        migrate.SetAction((r, ct) => CommandHost.RunAsync(Common(r), (_, console, _) =>
        {
            console.Line("Database bijgewerkt.");
            return Task.FromResult(ExitOk);
        }, ct));

        var source = new Option<string?>("--source") { Description = "Verwerk de ingestelde bron met deze naam (zie 'Bronnen' in appsettings.json)." };
        var reports = new Option<string>("--rapporten")
        {
            Description = "Map voor de leveringsrapporten (standaard ./leveringsrapporten).",
            DefaultValueFactory = _ => "leveringsrapporten",
        };
        var ingest = new Command("ingest", "Verwerk leveringen uit een drop-map (--drop) of een ingestelde bron (--source).") { drop, source, reports };
        ingest.SetAction((r, ct) => CommandHost.RunAsync(Common(r),
            (sp, console, c) => IngestCommand.RunAsync(sp, console, r.GetValue(drop), r.GetValue(source), r.GetValue(reports)!, c), ct,
            () => IngestCommand.CheckUsage(r.GetValue(drop), r.GetValue(source))));

        var leveringId = new Argument<long>("id") { Description = "Het nummer van de levering." };
        var reportOut = new Option<string?>("--out") { Description = "Schrijf het rapport naar dit bestand (anders naar het scherm)." };
        var report = new Command("report", "Het leveringsrapport (CSV) van een levering.") { leveringId, reportOut };
        report.SetAction((r, ct) => CommandHost.RunAsync(Common(r),
            (sp, console, c) => IngestCommand.ReportAsync(sp, console, r.GetValue(leveringId), r.GetValue(reportOut), c), ct));
        ingest.Subcommands.Add(report);

        var jaar = new Option<int?>("--jaar") { Description = "Het jaar (standaard: het laatste jaar met een geaccepteerde inventaris)." };
        var methode = new Option<string?>("--methode") { Description = "De methodeversie: v1 of v2 (standaard de instelling Methode:Versie, zelf standaard v2)." };
        methode.AcceptOnlyFromAmong([.. MethodVersions.All]);
        var score = new Command("score", "Scoor een jaar volgens de methode (v1 of v2) als nieuwe score run en toon een samenvatting per thema.") { jaar, methode };
        score.SetAction((r, ct) => CommandHost.RunAsync(Common(r) with { Methode = r.GetValue(methode) }, (sp, console, c) => ScoreCommand.RunAsync(sp, console, r.GetValue(jaar), c), ct));

        var outRoot = new Option<string?>("--out") { Description = "Map waarin de publicatie komt, als <out>/<label>/." };
        var label = new Option<string?>("--label") { Description = "Label van de publicatie (standaard tussenrapportage-<jaar>-<yyyyMMdd-HHmmss>)." };
        var serveAfter = new Option<bool>("--serve")
        {
            Description = "Start na de publicatie de site (met --urls, standaard http://127.0.0.1:5080) met een demogebruiker per rol " +
                          "(alleen als er nog geen gebruikers zijn; de wachtwoorden worden één keer getoond). Stoppen met Ctrl+C.",
        };
        var pipeline = new Command("pipeline", "Verwerk de drop-map, scoor het jaar en publiceer de tussenrapportage (in één keer).")
        {
            drop, outRoot, jaar, label, serveAfter, urls, methode,
        };
        pipeline.SetAction((r, ct) => PipelineCommand.RunAsync(Common(r) with { Methode = r.GetValue(methode) },
            new PipelineRequest(r.GetValue(drop), r.GetValue(outRoot), r.GetValue(jaar), r.GetValue(label), r.GetValue(serveAfter), r.GetValue(urls)), ct));

        var scoreRun = new Option<long?>("--score-run") { Description = "Het nummer van de score run die gepubliceerd wordt." };
        var export = new Option<long?>("--export")
        {
            Description = "Schrijf de opgeslagen publicatie met dit nummer opnieuw uit de database naar <out>/<label>/ (bestanden gecontroleerd op hun SHA-256).",
        };
        var publish = new Command("publish", "Publiceer een bestaande score run als tussenrapportage, of schrijf een opgeslagen publicatie opnieuw (--export).")
        {
            scoreRun, export, outRoot, label,
        };
        publish.SetAction((r, ct) => CommandHost.RunAsync(Common(r),
            (sp, console, c) => r.GetValue(export) is long id
                ? PipelineCommand.ExportAsync(sp, console, id, r.GetValue(outRoot)!, c)
                : PipelineCommand.PublishAsync(sp, console, r.GetValue(scoreRun), r.GetValue(outRoot), r.GetValue(label), c), ct,
            () => PipelineCommand.CheckPublishUsage(r.GetValue(scoreRun), r.GetValue(export), r.GetValue(outRoot), r.GetValue(label))));

        var userName = new Argument<string>("naam") { Description = "De naam van de gebruiker (1–64 tekens: a-z, 0-9, punt, _ en -)." };
        var role = new Option<string>("--role") { Description = "De rol: onderzoeker, panel of beheerder.", Required = true };
        role.AcceptOnlyFromAmong([.. Rollen.Alle]);
        var usersAdd = new Command("add", "Maak een gebruiker aan. Het wachtwoord (minstens 12 tekens) komt van de invoer of wordt twee keer gevraagd.")
        {
            role, userName,
        };
        usersAdd.SetAction((r, ct) => CommandHost.RunAsync(Common(r),
            (sp, console, c) => UsersCommand.AddAsync(sp, r.GetValue(userName)!, r.GetValue(role)!, Console.In, Console.Out, c), ct,
            () => UsersCommand.CheckName(r.GetValue(userName)!)));
        var usersReset = new Command("reset-password", "Stel een nieuw wachtwoord in (en hef een blokkade op). Het wachtwoord komt van de invoer of wordt twee keer gevraagd.")
        {
            userName,
        };
        usersReset.SetAction((r, ct) => CommandHost.RunAsync(Common(r),
            (sp, console, c) => UsersCommand.ResetPasswordAsync(sp, r.GetValue(userName)!, Console.In, Console.Out, c), ct,
            () => UsersCommand.CheckName(r.GetValue(userName)!)));
        var users = new Command("users", "Beheer de gebruikers van de website. Wachtwoorden nooit als argument: via de invoer of de vraag.") { usersAdd, usersReset };

        var root = new RootCommand("Preventiemonitor: gegevens van preventieprogramma's ophalen, controleren, scoren en publiceren. Zonder opdracht start 'serve'.")
        {
            connection, verbose, log, urls, drop, demoUsers, serve, migrate, ingest, score, pipeline, publish, users,
        };
        root.SetAction((r, ct) => ServeCommand.RunAsync(Common(r), r.GetValue(urls), r.GetValue(drop), r.GetValue(demoUsers), ct));

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
        return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) }).ConfigureAwait(false);
    }
}
