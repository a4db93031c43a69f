namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// Warns the cluster's managers and the agency's programme officers when a cofinancing deposit is due soon or late
/// (SERV advice §4.2.1). Each person gets each warning once per year and status, however often the check runs.
/// </summary>
public sealed class DepositReminders(ClusterpactDbContext db, EmailOutbox outbox, IStringLocalizerFactory localizers, TimeProvider clock, Infrastructure.Hosting.PublicUrls urls)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var years = await db.AgreementYears.AsNoTracking().Where(y => !y.LapseDecided && y.YearStart <= today).ToListAsync(ct);
        var officers = await ReminderMail.ProgrammeOfficersAsync(db, ct);
        var queued = 0;
        foreach (var year in years)
        {
            var state = year.DepositOn(today);
            if (state.Status is not (DepositStatus.DueSoon or DepositStatus.Late)) continue;
            var agreement = await db.SupportAgreements.AsNoTracking().Where(a => a.Id == year.AgreementId).Select(a => new { a.Id, a.ClusterId }).SingleAsync(ct);
            var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == agreement.ClusterId).Select(c => c.Name).SingleAsync(ct);
            var managers = await ReminderMail.ManagersOfAsync(db, agreement.ClusterId, ct);
            queued += await ReminderMail.SendAsync(outbox, localizers, managers.Concat(officers), text => (
                text[$"Reminder.Deposit{state.Status}.Subject", cluster, year.YearIndex].Value,
                text["Reminder.Deposit.Body", cluster, year.YearIndex, Infrastructure.Formatting.Format.Money(state.Required),
                    Infrastructure.Formatting.Format.Date(state.Deadline), Infrastructure.Formatting.Format.Money(state.PaidSoFar), Infrastructure.Formatting.Format.Money(state.Shortfall),
                    urls.To($"/Clusters/{agreement.ClusterId}/Agreements/{agreement.Id}/Budget")].Value),
                $"CofinancingDeposit.{state.Status}", $"deposit:{year.Id}:{state.Status}", ct);
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }
}
