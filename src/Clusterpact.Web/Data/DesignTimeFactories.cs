using Microsoft.EntityFrameworkCore.Design;

namespace Clusterpact.Web.Data;

/// <summary>Used by dotnet-ef only, to create each provider's migrations (see docs/decisions/0001-two-providers.md).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteClusterpactDbContext>
{
    public SqliteClusterpactDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteClusterpactDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresClusterpactDbContext>
{
    public PostgresClusterpactDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClusterpactDbContext>().UseNpgsql("Host=localhost;Database=clusterpact_design").Options);
}
