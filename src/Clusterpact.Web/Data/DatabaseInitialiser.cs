using Clusterpact.Web.Data.Seed;
using Microsoft.AspNetCore.Identity;

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

        // The funding rules of the decree and GBER are reference data, not demo data: every installation starts with them.
        if (!await db.FundingRules.AnyAsync(ct))
        {
            db.FundingRules.AddRange(Domain.Funding.FundingRuleSet.Default.Rules.Select(Configurations.FundingRuleRow.From));
            Infrastructure.Audit.AuditInterceptor.Suppressed.Value = true;
            try { await db.SaveChangesAsync(ct); } finally { Infrastructure.Audit.AuditInterceptor.Suppressed.Value = false; }
        }

        if (!config.GetValue("Demo:Load", false)) return false;
        await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync(ct);
        return true;
    }
}
