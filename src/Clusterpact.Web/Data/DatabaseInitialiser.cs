using Clusterpact.Web.Data.Seed;
using Clusterpact.Web.Infrastructure.Setup;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Data;

/// <summary>What the start did that the person starting it needs to know (printed by <see cref="StartupBanner"/>).</summary>
/// <param name="DemoLoaded">The demo set and its published logins are in the database.</param>
/// <param name="DemoRefused">Demo:Load was asked in the Production environment without Demo:AllowInProduction.</param>
/// <param name="SetupLink">No account exists: the one-time link that creates the first administrator, and until when it works.</param>
public sealed record StartState(bool DemoLoaded, bool DemoRefused, (string Link, DateTimeOffset ExpiresAt)? SetupLink);

/// <summary>At start: apply the provider's migrations, make sure the roles exist, load demo data when asked for.</summary>
public static class DatabaseInitialiser
{
    public static async Task<StartState> InitialiseAsync(IServiceProvider services, IConfiguration config, CancellationToken ct = default)
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

        var demo = DemoWanted(config, scope.ServiceProvider.GetRequiredService<IHostEnvironment>());
        if (demo == Demo.Load) await ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider).SeedAsync(ct);

        // Without any account nobody could sign in: the first administrator comes through a one-time link, never a default password.
        var setup = await db.Users.AnyAsync(ct) ? ((string, DateTimeOffset)?)null : await scope.ServiceProvider.GetRequiredService<FirstRunSetup>().IssueAsync(ct);
        return new StartState(demo == Demo.Load, demo == Demo.Refused, setup);
    }

    private enum Demo { No, Load, Refused }

    /// <summary>
    /// Demo data (and its published passwords) only when asked for (Demo:Load), and in the Production environment only
    /// when Demo:AllowInProduction says so in words.
    /// </summary>
    private static Demo DemoWanted(IConfiguration config, IHostEnvironment env)
    {
        if (!config.GetValue("Demo:Load", false)) return Demo.No;
        if (env.IsProduction() && !config.GetValue("Demo:AllowInProduction", false)) return Demo.Refused;
        return Demo.Load;
    }
}
