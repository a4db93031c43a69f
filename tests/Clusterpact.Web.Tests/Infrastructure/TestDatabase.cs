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
    private readonly string _pgDatabase = $"clusterpact_{prefix}_{Guid.NewGuid():N}";

    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("CLUSTERPACT_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("CLUSTERPACT_TEST_PG") ?? "Host=127.0.0.1;Port=5433;Username=postgres";

    public string OutboxFolder { get; } = Path.Combine(Path.GetTempPath(), $"clusterpact-{prefix}-outbox-{Guid.NewGuid():N}");

    /// <summary>Points the host at this database and outbox.</summary>
    public void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Email:OutboxFolder", OutboxFolder);
        if (OnPostgres)
        {
            builder.UseSetting("Database:Provider", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:PostgreSQL", $"{PostgresServer};Database={_pgDatabase}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_sqlitePath}");
        }
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
