using Clusterpact.Web.Features.Agreements;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Quartz;

namespace Clusterpact.Web.Tests.Nodes;

/// <summary>
/// The app with its reminder schedule on, as a node of a scheduler cluster whose name its derived hosts share: on
/// PostgreSQL two such hosts are two nodes of one clustered Quartz store on one database (on SQLite, two schedulers with
/// a store in memory each, on one database).
/// </summary>
public sealed class ReminderNodesApp : ClusterpactApp
{
    private readonly string _cluster = $"nodes-{Guid.NewGuid():N}";
    public string SchedulerName => _cluster;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reminders:Enabled", "true");
        builder.UseSetting(Scheduling.SchedulerNameSetting, _cluster);
    }
}

public sealed class ReminderNodesTests(ReminderNodesApp app) : IClassFixture<ReminderNodesApp>
{
    private const int Year = 2094;

    [Fact]
    public async Task Two_nodes_firing_the_reminder_trigger_at_once_queue_each_reminder_once()
    {
        using var nodeB = app.WithWebHostBuilder(_ => { });
        _ = nodeB.Server;
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var reportId = await app.WithDbAsync(async db =>
        {
            var report = AnnualReport.Start(catalisti, Year, app.Today.AddDays(10));
            db.AnnualReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        var managers = await app.WithDbAsync(db => db.Users.CountAsync(u => u.IsActive && u.Email != null && db.UserClusterScopes.Any(s => s.UserId == u.Id && s.ClusterId == catalisti)));
        Assert.True(managers > 0);

        var nodes = new[] { SchedulerOf(app), SchedulerOf(nodeB) };
        Assert.All(nodes, n => Assert.Equal(app.SchedulerName, n.SchedulerName));
        if (ClusterpactApp.OnPostgres)
        {
            // One cluster of two nodes in the shared store.
            Assert.NotEqual(nodes[0].SchedulerInstanceId, nodes[1].SchedulerInstanceId);
            Assert.True((await nodes[0].GetMetadata()).JobStoreClustered);
            Assert.Equal(2, (await nodes[0].QueryClusterNodes()).Count);
        }

        // Both nodes fire the reminder job at the same moment.
        await Task.WhenAll(nodes.Select(async n => await n.TriggerJob(ReminderJob.Key, null)));
        await AllRunsOverAsync(nodes);

        var keys = await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.DedupKey.StartsWith($"report:{reportId}:")).Select(e => e.DedupKey).ToListAsync());
        Assert.Equal(managers, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var duplicates = await app.WithDbAsync(db => db.OutboxEmails.GroupBy(e => e.DedupKey).CountAsync(g => g.Count() > 1));
        Assert.Equal(0, duplicates);
    }

    private static IScheduler SchedulerOf(WebApplicationFactory<Program> host) => host.Services.GetRequiredService<ClusterpactScheduler>().Scheduler;

    /// <summary>Until no firing of the reminder job waits or runs on either node: only the six-hourly trigger is left.</summary>
    private static async Task AllRunsOverAsync(IScheduler[] nodes)
    {
        for (var i = 0; i < 600; i++)
        {
            var pending = new List<string>();
            foreach (var node in nodes)
            {
                pending.AddRange((await node.QueryTriggers(new TriggerQuery { Job = ReminderJob.Key })).Items
                    .Where(t => t.Key.Name != "reminders-cron" && t.State != TriggerState.Complete).Select(t => t.Key.Name));
                pending.AddRange((await node.QueryFireInstances(new FireInstanceQuery { Job = ReminderJob.Key, State = null })).Items.Select(f => f.TriggerKey.Name));
            }
            if (pending.Count == 0) return;
            await Task.Delay(50);
        }
        throw new TimeoutException("The reminder runs did not end in 30 s");
    }
}
