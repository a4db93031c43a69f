using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Reports;

namespace Clusterpact.Web.Tests.Nodes;

/// <summary>
/// The reminder loop runs on every node (decision 0018): runs that meet at the same moment, as two nodes' loops do, queue
/// each reminder once, and every run ends without an error (none loses its reminders to the other's unique key).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SchedulerTests(ClusterpactApp app)
{
    private const int Year = 2093;

    [Fact]
    public async Task Reminder_runs_racing_on_separate_scopes_queue_each_reminder_once_and_all_finish()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var reportId = await app.WithDbAsync(async db =>
        {
            db.AnnualReports.RemoveRange(await db.AnnualReports.Where(r => r.ClusterId == catalisti && r.Year == Year).ToListAsync());
            var report = AnnualReport.Start(catalisti, Year, app.Today.AddDays(10));
            db.AnnualReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });
        try
        {
            // The deposit run first, so that the report runs below have only this report's reminders to queue.
            await app.WithScopeAsync(sp => sp.GetRequiredService<DepositReminders>().RunAsync(default));
            await app.WithScopeAsync(sp => sp.GetRequiredService<ReportReminders>().RunAsync(default));
            await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.DedupKey.StartsWith($"report:{reportId}:")).ExecuteDeleteAsync());
            var managers = await app.WithDbAsync(db => db.Users.CountAsync(u => u.IsActive && u.Email != null && db.UserClusterScopes.Any(s => s.UserId == u.Id && s.ClusterId == catalisti)));
            Assert.True(managers > 0);

            // Each run in a scope of its own (its own connection, as on another node), all let go at the same moment.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racing = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var reminders = scope.ServiceProvider.GetRequiredService<ReportReminders>();
                await go.Task;
                return await reminders.RunAsync(default);
            })).ToList();
            go.SetResult();
            var runs = await Task.WhenAll(racing);

            var keys = await app.WithDbAsync(db => db.OutboxEmails.Where(e => e.DedupKey.StartsWith($"report:{reportId}:")).Select(e => e.DedupKey).ToListAsync());
            Assert.Equal(managers, keys.Count);
            Assert.Equal(keys.Count, keys.Distinct().Count());
            // One run queued them all; the others waited for it and found nothing left to queue.
            Assert.Equal(managers, runs.Sum());
            Assert.Single(runs, r => r > 0);
        }
        finally
        {
            await app.WithDbAsync(async db =>
            {
                await db.OutboxEmails.Where(e => e.DedupKey.StartsWith($"report:{reportId}:")).ExecuteDeleteAsync();
                db.AnnualReports.RemoveRange(await db.AnnualReports.Where(r => r.Id == reportId).ToListAsync());
                return await db.SaveChangesAsync();
            });
        }
    }
}
