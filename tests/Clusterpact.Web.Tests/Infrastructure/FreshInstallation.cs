using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// The application as an operator installs it: an empty database of its own, the settings of appsettings.json (no demo
/// data unless a test asks), in the environment the test names (Production unless told otherwise), on a clock of its
/// own so a test may move it by hours without touching the shared <see cref="ClusterpactApp"/>.
/// </summary>
public sealed class FreshInstallation(string environment = "Production", IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), $"clusterpact-fresh-{Guid.NewGuid():N}.db");
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), $"clusterpact-fresh-outbox-{Guid.NewGuid():N}");
    private readonly string _pgDatabase = $"clusterpact_fresh_{Guid.NewGuid():N}";

    private readonly StringWriter _printed = new();

    /// <summary>What this installation printed on its console when it started (its own lines only).</summary>
    public string Printed { get { _ = Server; return _printed.ToString(); } }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    private static string PostgresServer => Environment.GetEnvironmentVariable("CLUSTERPACT_TEST_PG") ?? "Host=127.0.0.1;Port=5433;Username=postgres";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Where the data and mail go is the test's; everything else is the installation's default.
        builder.UseSetting("Email:OutboxFolder", _outbox);
        builder.UseSetting("Reminders:Enabled", "false");
        if (ClusterpactApp.OnPostgres)
        {
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:PostgreSQL", $"{PostgresServer};Database={_pgDatabase}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_sqlitePath}");
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(new Clusterpact.Web.Infrastructure.Setup.StartupConsole(_printed));
        });
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ClusterpactApp.OnPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection($"{PostgresServer};Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" }) File.Delete(f);
        }
        if (Directory.Exists(_outbox)) Directory.Delete(_outbox, recursive: true);
    }
}

/// <summary>
/// Tests that start installations of their own run one after another: an installation without accounts prints its
/// setup link on the process-wide console, where <c>FirstRunTests</c> reads it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FreshInstallations
{
    public const string Name = "fresh installations";
}
