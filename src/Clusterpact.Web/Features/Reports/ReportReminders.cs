namespace Clusterpact.Web.Features.Reports;

/// <summary>
/// Reminds the cluster's managers of an annual report that is due within 30 days or overdue and not submitted,
/// once per report and state, in each person's language. Run by the same hosted check as the deposit reminders.
/// </summary>
public sealed class ReportReminders(ClusterpactDbContext db, EmailOutbox outbox, IStringLocalizerFactory localizers, TimeProvider clock, Infrastructure.Hosting.PublicUrls urls)
{
    /// <summary>One run at a time on all nodes (<see cref="Infrastructure.Nodes.ExclusiveRun"/>); returns how many e-mails it queued.</summary>
    public Task<int> RunAsync(CancellationToken ct) => Infrastructure.Nodes.ExclusiveRun.RunAsync(db, "reminders:report", QueueAsync, ct);

    private async Task<int> QueueAsync(CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var open = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned).ToListAsync(ct);
        var queued = 0;
        foreach (var report in open)
        {
            var state = report.DeadlineOn(today);
            if (state is not (DeadlineState.DueSoon or DeadlineState.Overdue)) continue;
            var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == report.ClusterId).Select(c => c.Name).SingleAsync(ct);
            var managers = await PersonalMail.ManagersOfAsync(db, report.ClusterId, ct);
            queued += await PersonalMail.SendAsync(outbox, localizers, urls, managers, (text, _) => (
                text[$"Reminder.Report{state}.Subject", cluster, report.Year].Value,
                text["Reminder.Report.Body", cluster, report.Year, Infrastructure.Formatting.Format.Date(report.DueOn), urls.To($"/Reports/{report.Id}")].Value),
                $"AnnualReport.{state}", $"report:{report.Id}:{state}", ct);
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
