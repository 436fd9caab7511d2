using Microsoft.Extensions.Options;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Ingest.Loading;
using Preventiemonitor.Ingest.Sources;
using Preventiemonitor.Reports.Publication;
using Preventiemonitor.Reports.Review;
using Preventiemonitor.Scoring;
using Preventiemonitor.Storage;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Settings;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Composition;

/// <summary>
/// The one composition root: every settings section as validated options (checked at start, see
/// <see cref="PreventiemonitorStartup"/>), the database and the services of ingest, scoring,
/// publication, jobs and accounts. Used by <c>serve</c> and by every command.
/// </summary>
public static class PreventiemonitorServices
{
    public static IServiceCollection AddPreventiemonitor(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSetting<DatabaseOptions>(string.Empty, o => o.Bind(configuration), o => o.Problems());
        services.AddSetting<WorkerOptions>(WorkerOptions.Section, o => configuration.GetSection(WorkerOptions.Section).Bind(o), o => o.Problems());
        services.AddSetting<MethodOptions>(MethodOptions.Section, o => configuration.GetSection(MethodOptions.Section).Bind(o), o => o.Problems());
        services.AddSetting<ScoreRunOptions>(ScoreRunOptions.Section, o => configuration.GetSection(ScoreRunOptions.Section).Bind(o), o => o.Problems());
        services.AddSetting<HttpSourceOptions>(HttpSourceOptions.Section, o => configuration.GetSection(HttpSourceOptions.Section).Bind(o), o => o.Problems());
        services.AddSetting<SourcesOptions>(SourceSettings.Section, o => o.Bind(configuration), SourceProblems);
        services.AddSetting<IngestOptions>(IngestOptions.Section, o => configuration.GetSection(IngestOptions.Section).Bind(o), o => o.Problems());
        services.AddSetting<PublicationOptions>(PublicationOptions.Section, o => configuration.GetSection(PublicationOptions.Section).Bind(o), o => o.Problems());
        services.AddSetting<HangfireOptions>(HangfireOptions.Section, o => configuration.GetSection(HangfireOptions.Section).Bind(o), o => o.Problems());
        services.AddSetting<WebOptions>(WebOptions.Section, o => configuration.GetSection(WebOptions.Section).Bind(o), o => o.Problems());
        services.AddSetting<OperatorOptions>(string.Empty, o => o.Bind(configuration), o => o.Problems());

        services.AddSingleton<DatabaseHost>();
        services.AddSingleton<NpgsqlDataSource>(sp => sp.GetRequiredService<DatabaseHost>().Runtime.DataSource);
        services.AddSingleton(sp => WorkerPaths.From(
            sp.GetRequiredService<IOptions<WorkerOptions>>().Value, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ToSettings().HomeDirectory));
        services.AddTransient(sp => sp.GetRequiredService<IOptions<MethodOptions>>().Value.ToParameters());

        // One retry budget for HTTP sources: the client's resilience pipeline (Hangfire does not retry them again).
        services.AddHttpClient(HttpSourceResilience.ClientName)
            .AddResilienceHandler(HttpSourceResilience.ClientName, (pipeline, context) => HttpSourceResilience.Configure(
                pipeline,
                context.ServiceProvider.GetRequiredService<IOptions<HttpSourceOptions>>().Value,
                context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<HttpSource>()));
        services.AddSingleton(sp =>
        {
            var home = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ToSettings().HomeDirectory;
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            var key = ParticipantKey.Load(configuration, home, loggerFactory.CreateLogger("Preventiemonitor.Deelnemersleutel"));
            var clients = sp.GetRequiredService<IHttpClientFactory>();
            return new IngestService(sp.GetRequiredService<NpgsqlDataSource>(), key, sp.GetRequiredService<IOptions<SourcesOptions>>().Value.Sources,
                () => clients.CreateClient(HttpSourceResilience.ClientName), loggerFactory)
            {
                HttpOptions = sp.GetRequiredService<IOptions<HttpSourceOptions>>().Value,
                ParallelDeliveries = sp.GetRequiredService<IOptions<IngestOptions>>().Value.GelijktijdigeLeveringen,
            };
        });

        services.AddTransient(sp => sp.GetRequiredService<IOptions<ScoreRunOptions>>().Value);
        services.AddTransient<ScoreRunService>();
        services.AddTransient<PublicationService>();
        services.AddTransient<PipelineService>();
        services.AddTransient<PublicationReader>();
        services.AddSingleton<Web.Review.PublicationPageCache>();
        services.AddTransient<ReviewStore>();
        services.AddSingleton<AccountStore>();
        services.AddTransient<HeartbeatService>();
        services.AddTransient<HeartbeatJob>();
        services.AddTransient<IngestSourceJob>();
        services.AddTransient<ScoreYearJob>();
        services.AddTransient<PipelineJob>();
        return services;
    }

    private static IEnumerable<(string Key, string Problem)> SourceProblems(SourcesOptions options)
    {
        if (options.Problem is not null)
        {
            yield return (string.Empty, options.Problem);
            yield break;
        }

        foreach (var (source, index) in options.Sources.Select((s, i) => (s, i)))
        {
            if (!string.IsNullOrWhiteSpace(source.Cron) && !CronSchedule.IsValid(source.Cron))
            {
                yield return ($"{index}:Cron", $"bron '{source.Naam}': '{source.Cron}' is geen geldige cron-uitdrukking.");
            }
        }
    }

    private static void AddSetting<T>(this IServiceCollection services, string section, Action<T> bind, Func<T, IEnumerable<(string Key, string Problem)>> problems)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SettingProblems<T>(section, problems));
        services.AddOptions<T>().Configure(bind).ValidateOnStart();
    }
}
