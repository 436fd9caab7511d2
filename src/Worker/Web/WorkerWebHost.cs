using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Npgsql;
using Preventiemonitor.Ingest.Intake;
using Preventiemonitor.Worker.Composition;
using Preventiemonitor.Worker.Jobs;
using Preventiemonitor.Worker.Settings;
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

    /// <summary>
    /// Registers the services (<see cref="PreventiemonitorServices.AddPreventiemonitor"/> plus Hangfire,
    /// accounts and pages), checks the settings, opens the database and maps the endpoints. A bad
    /// setting throws a <see cref="Model.UserInputException"/> before anything listens.
    /// </summary>
    public static async Task<WebApplication> BuildAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var services = builder.Services;
        services.AddPreventiemonitor(builder.Configuration);
        services.AddHangfire((sp, cfg) => cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseFilter(new JobHistoryRetention(TimeSpan.FromDays(sp.GetRequiredService<IOptions<HangfireOptions>>().Value.JobHistoryDays)))
            .UsePostgreSqlStorage(o => o.UseConnectionFactory(new DataSourceConnectionFactory(sp.GetRequiredService<NpgsqlDataSource>())), new PostgreSqlStorageOptions
            {
                SchemaName = HangfireSchema,
                PrepareSchemaIfNecessary = true,
                // Without it a job running longer than the invisibility timeout (30 min) is fetched again.
                UseSlidingInvisibilityTimeout = true,
                // Hangfire's distributed locks expire after DistributedLockTimeout (10 min) without renewal, so
                // long jobs do not rely on them: a source run holds its own advisory lock (Jobs/SourceLock).
                EnableLongPolling = true,
                QueuePollInterval = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<HangfireOptions>>().Value.QueuePollIntervalSeconds),
            }));
        services.AddHangfireServer((sp, o) =>
        {
            o.WorkerCount = sp.GetRequiredService<IOptions<HangfireOptions>>().Value.WorkerCount;
            o.ServerName = ServerName;
            o.ShutdownTimeout = TimeSpan.FromSeconds(30);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        WebAccounts.Add(services);

        var app = builder.Build();
        try
        {
            await PreventiemonitorStartup.StartAsync(app.Services, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        app.UseSessionSecurity();
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
        // The dashboard in Dutch (Hangfire.Core's nl resources; its times then use 24 hours).
        app.UseWhen(c => c.Request.Path.StartsWithSegments(DashboardPath), dashboard => dashboard.UseRequestLocalization(DashboardCulture));
        app.UseHangfireDashboard(DashboardPath, CreateDashboardOptions());
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapRazorPages();

        RecurringJobs.Register(app.Services);
        app.Lifetime.ApplicationStarted.Register(() => _ = TidyRecurringJobsAsync(app.Services, app.Lifetime.ApplicationStopping));
        if (app.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.DropBijStart)
        {
            app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<IngestSourceJob>(job => job.Run(CommandLineDropSource, CancellationToken.None)));
        }

        return app;
    }

    private static readonly RequestLocalizationOptions DashboardCulture = new()
    {
        DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture("nl-NL"),
        SupportedCultures = [new System.Globalization.CultureInfo("nl-NL")],
        SupportedUICultures = [new System.Globalization.CultureInfo("nl-NL")],
        RequestCultureProviders = [],
    };

    /// <summary>This process's Hangfire server name (Hangfire adds a unique suffix).</summary>
    internal static string ServerName => $"{Environment.MachineName}:{Environment.ProcessId}";

    private static async Task TidyRecurringJobsAsync(IServiceProvider services, CancellationToken ct)
    {
        try
        {
            await RecurringJobs.TidyAsync(services, ServerName, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping before the server was announced: the next start tidies.
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RecurringJobs))
                .LogWarning(e, "Terugkerende taken van niet meer ingestelde bronnen zijn niet opgeruimd; dat gebeurt bij de volgende start.");
        }
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
}
