using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace Clusterpact.Web.Tests.Infrastructure;

/// <summary>
/// The application as an operator installs it: an empty database of its own, the settings of appsettings.json (no demo
/// data unless a test asks), in the environment the test names (Production unless told otherwise), on a clock of its
/// own so a test may move it by hours without touching the shared <see cref="ClusterpactApp"/>.
/// </summary>
public sealed class FreshInstallation(string environment = "Production", IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = new("fresh");

    private readonly StringWriter _printed = new();

    /// <summary>What this installation printed on its console when it started (its own lines only).</summary>
    public string Printed { get { _ = Server; return _printed.ToString(); } }

    /// <summary>The SQL this installation sends while a test records it (<see cref="SqlCommandLog.Record"/>).</summary>
    public SqlCommandLog Sql { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Where the data and mail go is the test's; everything else is the installation's default.
        _database.Apply(builder);
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(new Clusterpact.Web.Infrastructure.Setup.StartupConsole(_printed));
            services.ConfigureDbContext<SqliteClusterpactDbContext>((_, o) => o.AddInterceptors(Sql))
                .ConfigureDbContext<PostgresClusterpactDbContext>((_, o) => o.AddInterceptors(Sql));
        });
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await _database.DropAsync();
        }
    }
}

/// <summary>
/// Tests that start installations of their own run one after another, so that a few empty databases, not dozens, are
/// migrated at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FreshInstallations
{
    public const string Name = "fresh installations";
}
