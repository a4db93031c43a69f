using Clusterpact.Web.Data.Seed;
using Clusterpact.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Data;

/// <summary>At start: apply the provider's migrations, make sure the roles exist, load demo data when configured.</summary>
public static class DatabaseInitialiser
{
    public static async Task<bool> InitialiseAsync(IServiceProvider services, IConfiguration config, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
        await db.Database.MigrateAsync(ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new AppRole(role));
        }

        if (!config.GetValue("Demo:Load", false)) return false;
        await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync(ct);
        return true;
    }
}
