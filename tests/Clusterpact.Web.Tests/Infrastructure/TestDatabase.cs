using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway database for one test host and its outbox folder: a SQLite file by default, a PostgreSQL database of its
/// own when CLUSTERPACT_TEST_DB=postgres. Every test host points the product at one and drops it when it is disposed.
/// </summary>
public sealed class TestDatabase(string prefix)
{
    private readonly string _sqlitePath = Path.Combine(Path.GetTempPath(), $"clusterpact-{prefix}-{Guid.NewGuid():N}.db");
    private readonly string _pgDatabase = $"clusterpact_{prefix}_p{Environment.ProcessId}_{Guid.NewGuid():N}";

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("CLUSTERPACT_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("CLUSTERPACT_TEST_PG") ?? "Host=127.0.0.1;Port=5433;Username=postgres";

    public string OutboxFolder { get; } = Path.Combine(Path.GetTempPath(), $"clusterpact-{prefix}-outbox-{Guid.NewGuid():N}");

    /// <summary>
    /// Databases of test runs that were stopped (SIGTERM or SIGKILL, as <c>kill</c> or a timeout sends it) dispose no
    /// fixture. Each name carries the process that made it, so the first test database of a run drops those whose process
    /// is gone: on a server on this machine only (another machine's processes are not visible here).
    /// </summary>
    private static readonly Lazy<Task> DeadRunsDropped = new(DropDeadRunsAsync);

    private static async Task DropDeadRunsAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresServer).Host;
        if (server is not ("127.0.0.1" or "localhost" or "::1")) return;
        await using var conn = new NpgsqlConnection($"{PostgresServer};Database=postgres");
        await conn.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand(@"SELECT datname FROM pg_database WHERE datname ~ '^clusterpact_[a-z]+_p[0-9]+_[0-9a-f]{32}$'", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        foreach (var name in names.Where(n => !Running(int.Parse(n.Split('_')[2][1..], CultureInfo.InvariantCulture))))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Points the host at this database and outbox.</summary>
    public void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Email:OutboxFolder", OutboxFolder);
        if (OnPostgres)
        {
            DeadRunsDropped.Value.GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:PostgreSQL", $"{PostgresServer};Database={_pgDatabase}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_sqlitePath}");
        }
    }

    /// <summary>Whether the database is there (a SQLite file, or a database on the PostgreSQL server).</summary>
    public async Task<bool> ExistsAsync()
    {
        if (!OnPostgres) return File.Exists(_sqlitePath);
        await using var conn = new NpgsqlConnection($"{PostgresServer};Database=postgres");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", conn);
        cmd.Parameters.AddWithValue("name", _pgDatabase);
        return (long)(await cmd.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Drops the database and deletes the outbox; call after the host has stopped.</summary>
    public async Task DropAsync()
    {
        if (OnPostgres)
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
        if (Directory.Exists(OutboxFolder)) Directory.Delete(OutboxFolder, recursive: true);
    }
}
