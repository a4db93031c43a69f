using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clusterpact.Web.Infrastructure.Nodes;

/// <summary>
/// What lets several identical nodes serve one installation behind a load balancer (docs/operations.md): one
/// data-protection key ring in the database, health checks a balancer can ask, and a 503 page while the database is away.
/// </summary>
public static class NodeServices
{
    /// <summary>The application name the key ring is isolated by: the same on every node, whatever its folder.</summary>
    public const string ApplicationName = "Clusterpact";

    public static IServiceCollection AddClusterpactNodes(this IServiceCollection services, IConfiguration config)
    {
        // Cookies, antiforgery tokens and TempData are protected with keys every node reads from the database; a node
        // that meets a key it has not cached yet reloads the ring.
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<ClusterpactDbContext>();

        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), tags: [Live])
            .AddDbContextCheck<ClusterpactDbContext>("database", HealthStatus.Unhealthy, tags: [Ready]);
        return services;
    }

    private const string Live = "live";
    private const string Ready = "ready";

    /// <summary>
    /// /health/live answers 200 while the process runs (restart it when it does not); /health/ready answers 503 while the
    /// database cannot be reached (send it no traffic). /health is the readiness check, as before.
    /// </summary>
    public static void MapClusterpactHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live) }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }
}
