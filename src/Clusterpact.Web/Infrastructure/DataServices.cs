using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Infrastructure.ReadModels;

namespace Clusterpact.Web.Infrastructure;

/// <summary>Database provider selection: SQLite (embedded default) or PostgreSQL, by configuration.</summary>
public static class DataServices
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "PostgreSQL";

    /// <summary>Whether this installation runs on PostgreSQL (and so may run as several nodes).</summary>
    public static bool IsPostgres(IConfiguration config) => string.Equals(config["Database:Provider"], Postgres, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddClusterpactData(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = config["Database:Provider"] ?? Sqlite;
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditInterceptor>();
        services.AddReadModels(config);
        services.AddScoped<Email.StepMail>().AddScoped<Email.StepMailInterceptor>();
        if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var cs = WithPoolDefaults(config.GetConnectionString("PostgreSQL")
                ?? throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:PostgreSQL is not set."));
            services.AddDbContext<ClusterpactDbContext, PostgresClusterpactDbContext>((sp, o) => o
                .UseNpgsql(cs, npg => npg.MigrationsAssembly(typeof(Program).Assembly.FullName)
                    // A restart or fail-over of PostgreSQL drops connections: each unit of work is tried again a few times,
                    // a second or two apart, before the request gives up with the 503 page (Nodes/DatabaseOutage).
                    // Explicit transactions run inside strategy.ExecuteAsync for this reason.
                    // A statement that timed out is not tried again (OutageRetryStrategy).
                    .ExecutionStrategy(d => new Nodes.OutageRetryStrategy(d, config.GetValue("Database:MaxRetryCount", 4), TimeSpan.FromSeconds(config.GetValue("Database:MaxRetryDelaySeconds", 2)))))
                .AddInterceptors(sp.GetRequiredService<Email.StepMailInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ReadModelStampInterceptor>()));
        }
        else if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var cs = config.GetConnectionString("Sqlite") ?? "Data Source=data/clusterpact.db";
            EnsureFolderOf(cs, env.ContentRootPath);
            services.AddDbContext<ClusterpactDbContext, SqliteClusterpactDbContext>((sp, o) => o
                .UseSqlite(cs)
                .AddInterceptors(sp.GetRequiredService<Email.StepMailInterceptor>(), sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ReadModelStampInterceptor>()));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use '{Sqlite}' or '{Postgres}'.");
        }
        return services;
    }

    /// <summary>
    /// Issue 18: how the product's PostgreSQL connections are pooled, unless the connection string says otherwise. A
    /// connection handed back to the pool is not reset with DISCARD ALL, a round trip on every request: the product keeps
    /// no state in a session (its staging tables drop at commit, its advisory locks are transaction-scoped). A statement
    /// run often is prepared once per connection, so the per-request queries (the session's check, the change stamps)
    /// are not parsed and planned again each time. Measured at the dashboard: about half of PostgreSQL's CPU per request.
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        // The keys as written (the generic builder keeps only those), compared without spaces: "NoResetOnClose" is the same key.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("NoResetOnClose")) builder.NoResetOnClose = true;
        if (!given.Contains("MaxAutoPrepare")) builder.MaxAutoPrepare = 50;
        return builder.ConnectionString;
    }

    /// <summary>The SQLite file lives under a folder git ignores; create it on first start.</summary>
    private static void EnsureFolderOf(string connectionString, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:") return;
        var path = Path.IsPathRooted(builder.DataSource) ? builder.DataSource : Path.Combine(contentRoot, builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    }
}
