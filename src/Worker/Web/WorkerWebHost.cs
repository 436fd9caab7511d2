using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.FileProviders;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Hangfire.Storage;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Storage;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Web.Accounts;

namespace Preventiemonitor.Worker.Web;

/// <summary>
/// The Worker's web host: Hangfire server and dashboard on PostgreSQL storage (schema <c>hangfire</c>),
/// <c>/health</c>, and the Razor Pages of the site behind a cookie login (<c>/inloggen</c>, roles in
/// <see cref="Rollen"/>). Only <c>/health</c>, <c>/inloggen</c>, the error page and the static files are open to anonymous users. Listens on http://127.0.0.1:5080 unless <c>--urls</c> or ASPNETCORE_URLS say otherwise.
/// </summary>
public static class WorkerWebHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string DashboardPath = "/hangfire";
    public const string HangfireSchema = "hangfire";
    public const string LoginPath = "/inloggen";
    public const string LogoutPath = "/uitloggen";
    public const string AccessDeniedPath = "/geen-toegang";
    public const string AuthCookieName = "Preventiemonitor.Login";
    public const string AntiforgeryCookieName = "Preventiemonitor.Antiforgery";

    public static WebApplicationBuilder CreateBuilder(string? urls)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            // The Razor Pages live in this assembly, also when a test runner is the entry assembly.
            ApplicationName = typeof(WorkerWebHost).Assembly.GetName().Name,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        if (!string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(urls);
        }
        else if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }

    /// <summary>Name of the source that <c>serve --drop DIR</c> adds.</summary>
    public const string CommandLineDropSource = "drop";

    /// <summary>
    /// Adds a drop-folder source named <c>drop</c> (every 15 minutes) to the configured sources; the
    /// host runs it once right after the start, so a new installation shows its first deliveries at once.
    /// </summary>
    public static void AddDropSource(IConfigurationManager configuration, string folder)
    {
        var index = configuration.GetSection(SourceSettings.Section).GetChildren().Count();
        configuration[$"{SourceSettings.Section}:{index}:Naam"] = CommandLineDropSource;
        configuration[$"{SourceSettings.Section}:{index}:Soort"] = "drop";
        configuration[$"{SourceSettings.Section}:{index}:Locatie"] = folder;
        configuration[$"{SourceSettings.Section}:{index}:Cron"] = "*/15 * * * *";
        configuration["Preventiemonitor:DropBijStart"] = "true";
    }

    /// <summary>Registers the services on the given database and maps the endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder, DatabaseRuntime database)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(database.DataSource);
        services.AddTransient<HeartbeatService>();
        services.AddTransient<HeartbeatJob>();
        services.AddHttpClient("bronnen");
        var paths = WorkerPaths.From(configuration, DatabaseSettings.FromConfiguration(configuration).HomeDirectory);
        services.AddSingleton(paths);
        services.AddSingleton(sp => Cli.IngestComposition.Create(
            database, configuration, sp.GetRequiredService<ILoggerFactory>(),
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient("bronnen")));
        services.AddTransient<IngestSourceJob>();
        services.AddTransient<Preventiemonitor.Scoring.ScoreRunService>();
        services.AddTransient<ScoreYearJob>();
        services.AddTransient<Reports.Publication.PublicationService>();
        services.AddTransient(_ => Preventiemonitor.Scoring.MethodConfiguration.Load(configuration));
        services.AddTransient<PipelineService>();
        services.AddTransient<PipelineJob>();
        services.AddTransient<Reports.Review.PublicationReader>();
        services.AddTransient<Reports.Review.ReviewStore>();

        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = HangfireSchema,
            PrepareSchemaIfNecessary = true,
            // Without it a job running longer than the invisibility timeout (30 min) is fetched again.
            UseSlidingInvisibilityTimeout = true,
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(configuration.GetValue("Hangfire:QueuePollIntervalSeconds", 5.0)),
        };
        services.AddHangfire(cfg => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseConnectionFactory(new DataSourceConnectionFactory(database.DataSource)), storageOptions));
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(1, configuration.GetValue("Hangfire:WorkerCount", 4));
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            o.ShutdownTimeout = TimeSpan.FromSeconds(30);
        });

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        AddAccounts(services, DatabaseSettings.FromConfiguration(configuration).HomeDirectory);

        var app = builder.Build();
        app.UseSecureHeaders(DashboardPath);
        // Error statuses without a body (400 antiforgery, 403 dashboard, 404) get the Dutch page /fout/{code}.
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WorkerWebHost).Assembly, "Preventiemonitor.Worker.wwwroot"),
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // After UseAuthorization: the fallback policy sends anonymous requests to /inloggen before the
        // dashboard sees them; DashboardRoleFilter then admits beheerder and onderzoeker (read-only).
        app.UseHangfireDashboard(DashboardPath, CreateDashboardOptions());
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();

        // Before the server starts, so a bad schedule stops the program with a clear message.
        RegisterRecurringJobs(app.Services);
        if (configuration.GetValue("Preventiemonitor:DropBijStart", false))
        {
            app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<IngestSourceJob>(job => job.Run(CommandLineDropSource, CancellationToken.None)));
        }

        return app;
    }

    /// <summary>
    /// The dashboard's options: no connection string shown; <c>beheerder</c> and <c>onderzoeker</c> only
    /// (<see cref="DashboardRoleFilter"/>), read-only for <c>onderzoeker</c>.
    /// </summary>
    public static DashboardOptions CreateDashboardOptions() => new()
    {
        DashboardTitle = "Preventiemonitor – taken",
        DisplayStorageConnectionString = false,
        Authorization = [new DashboardRoleFilter()],
        IsReadOnlyFunc = DashboardRoleFilter.IsReadOnly,
        AppPath = "/",
    };

    /// <summary>Cookie login, antiforgery, the fallback policy (signed in) and the Razor Pages.</summary>
    private static void AddAccounts(IServiceCollection services, string homeDirectory)
    {
        services.AddSingleton<AccountStore>();

        // The keys that protect login and antiforgery cookies live in the home folder (owner only),
        // so logins survive a restart and every process on the same home accepts them.
        var keys = Directory.CreateDirectory(Path.Combine(homeDirectory, "sleutels"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keys.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        services.AddDataProtection().SetApplicationName("Preventiemonitor").PersistKeysToFileSystem(keys);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = LoginPath;
                o.LogoutPath = LogoutPath;
                o.AccessDeniedPath = AccessDeniedPath;
                o.ReturnUrlParameter = "ReturnUrl";
                o.Cookie.Name = AuthCookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = AccountCookie.ValidateAsync;
            });
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = AntiforgeryCookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddRazorPages();
        // Dutch text (ë, –, €) as characters in the HTML, not as numeric entities; still HTML-encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    private static void RegisterRecurringJobs(IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<HeartbeatJob>(
            HeartbeatJob.RecurringJobId,
            job => job.Run(CancellationToken.None),
            "*/5 * * * *",
            new RecurringJobOptions { TimeZone = AmsterdamTime.Zone });

        // One recurring job per configured source with a schedule; jobs of sources no longer configured go.
        var sources = services.GetRequiredService<IngestService>().Sources;
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources.Where(s => !string.IsNullOrWhiteSpace(s.Cron)))
        {
            var id = IngestSourceJob.RecurringJobId(source.Naam);
            wanted.Add(id);
            var name = source.Naam;
            try
            {
                recurring.AddOrUpdate<IngestSourceJob>(id, job => job.Run(name, CancellationToken.None), source.Cron,
                    new RecurringJobOptions { TimeZone = AmsterdamTime.Zone });
            }
            catch (ArgumentException e)
            {
                throw new SourceConfigurationException($"Bron '{name}': ongeldige Cron '{source.Cron}' ({e.Message}).");
            }
        }

        // The scheduled pipeline (ingest every source, score, publish as concept), when Publicatie:Cron is set.
        var configuration = services.GetRequiredService<IConfiguration>();
        if (configuration["Publicatie:Cron"] is { Length: > 0 } pipelineCron)
        {
            try
            {
                recurring.AddOrUpdate<PipelineJob>(PipelineJob.RecurringJobId, job => job.Run(null, CancellationToken.None), pipelineCron,
                    new RecurringJobOptions { TimeZone = AmsterdamTime.Zone });
            }
            catch (ArgumentException e)
            {
                throw new SourceConfigurationException($"Publicatie:Cron '{pipelineCron}' is ongeldig ({e.Message}).");
            }
        }
        else
        {
            recurring.RemoveIfExists(PipelineJob.RecurringJobId);
        }

        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
        foreach (var job in connection.GetRecurringJobs().Where(j => j.Id.StartsWith("bron:", StringComparison.Ordinal) && !wanted.Contains(j.Id)))
        {
            recurring.RemoveIfExists(job.Id);
        }
    }

    /// <summary>Hangfire takes its connections from the program's one data source.</summary>
    private sealed class DataSourceConnectionFactory(NpgsqlDataSource dataSource) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => dataSource.CreateConnection();
    }
}

/// <summary>Healthy only when the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Database bereikbaar.");
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Database onbereikbaar.", e);
        }
    }
}

/// <summary>The time zone of the schedules (cron expressions are Dutch local time).</summary>
public static class AmsterdamTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
}
