using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Quartz;

namespace Clusterpact.Web.Features.Account;

/// <summary>
/// Removes the self-registered accounts whose address was never confirmed once their last confirmation link has expired
/// (AccountLinks:EmailConfirmationLifetime after it was sent; docs/decisions/0012): nobody can use them any more, and an
/// address typed by mistake or by someone else should not stay on record. Each removal is audited (the account's row and
/// its role as deletions, and a security event), as every change is. A Quartz job fired every hour (UnconfirmedAccounts:Cron,
/// in the scope Quartz gives each run); one run at a time on all nodes, and a missed run is caught up by the next one.
/// </summary>
[DisallowConcurrentExecution]
public sealed class UnconfirmedAccounts(ClusterpactDbContext db, UserManager<AppUser> users, SecurityEvents events, IOptions<AccountLinkOptions> links, TimeProvider clock,
    ILogger<UnconfirmedAccounts> log) : IJob
{
    public static readonly JobKey Key = new("unconfirmed-accounts", Infrastructure.Jobs.Scheduling.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var removed = await RunAsync(cancellationToken);
        if (removed > 0) log.LogInformation("Removed {Count} unconfirmed registrations whose link had expired", removed);
    }

    public static IServiceCollection AddSchedule(IServiceCollection services, IConfiguration config) =>
        services.AddScoped<UnconfirmedAccounts>().ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<UnconfirmedAccounts>(j => j.WithIdentity(Key).StoreDurably());
            q.AddTrigger(t => t.WithIdentity("unconfirmed-accounts-cron", Infrastructure.Jobs.Scheduling.Group).ForJob(Key)
                .WithCronSchedule(config["UnconfirmedAccounts:Cron"] ?? "0 15 * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });

    /// <summary>One run at a time on all nodes; returns how many accounts it removed.</summary>
    public Task<int> RunAsync(CancellationToken ct) => Infrastructure.Nodes.ExclusiveRun.RunAsync(db, "accounts:unconfirmed", RemoveAsync, ct);

    private async Task<int> RemoveAsync(CancellationToken ct)
    {
        var expiredBefore = clock.GetUtcNow() - links.Value.EmailConfirmationLifetime;
        var unconfirmed = await db.Users.AsNoTracking().Where(u => !u.EmailConfirmed).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        if (unconfirmed.Count == 0) return 0;
        // Only accounts made by registering (an account the agency made is set up by its own link), by the last moment a link was sent.
        var ids = unconfirmed.Select(u => u.Id.ToString()).ToList();
        var registered = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == SecurityEvents.EntityType && a.Field == nameof(SecurityEvent.Registered) && ids.Contains(a.EntityId))
            .GroupBy(a => a.EntityId).Select(g => new { Id = g.Key, At = g.Max(a => a.At) }).ToDictionaryAsync(x => x.Id, x => x.At, ct);
        var emails = unconfirmed.Where(u => u.Email is not null).Select(u => u.Email!).ToList();
        var mailed = await db.OutboxEmails.AsNoTracking().Where(m => m.Category == AccountMail.ConfirmCategory && emails.Contains(m.To))
            .GroupBy(m => m.To).Select(g => new { To = g.Key, At = g.Max(m => m.CreatedAt) }).ToDictionaryAsync(x => x.To, x => x.At, ct);
        var removed = 0;
        foreach (var candidate in unconfirmed)
        {
            if (!registered.TryGetValue(candidate.Id.ToString(), out var at)) continue;
            if (candidate.Email is not null && mailed.TryGetValue(candidate.Email, out var sent) && sent > at) at = sent;
            if (at >= expiredBefore) continue;
            if (await users.FindByIdAsync(candidate.Id.ToString()) is not { EmailConfirmed: false } user) continue;
            await events.RecordAsync(SecurityEvent.UnconfirmedAccountRemoved, user, ct: ct);
            if ((await users.DeleteAsync(user)).Succeeded) removed++;
        }
        return removed;
    }
}
