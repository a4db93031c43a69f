using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Surveys;

/// <summary>Agency staff remind everyone who has not answered and was not reminded in the last week, with a fresh link.</summary>
public sealed class RemindMembers(ClusterpactDbContext db, SurveyAccess access, EmailOutbox outbox, IStringLocalizerFactory localizers, TimeProvider clock,
    Infrastructure.Hosting.PublicUrls urls) : IUseCase
{
    /// <summary>A reminder goes at most once a week to the same person.</summary>
    public const int IntervalDays = 7;

    /// <summary>Sends the reminders; <paramref name="version"/> is the survey's as the caller saw it (null: not checked).</summary>
    public async Task<SurveyMailing> HandleAsync(Guid surveyId, long? version, CancellationToken ct)
    {
        var (survey, refusal) = await SurveyMail.OpenSurveyAsync(db, access, surveyId, version, ct);
        if (refusal is not null) return SurveyMailing.Refused(refusal);
        var today = clock.TodayInBrussels();
        var cutoff = today.AddDays(-IntervalDays);
        var pending = await db.SurveyInvitations.Where(i => i.SurveyId == surveyId && !i.Used && i.InvitedOn <= cutoff && (i.LastRemindedOn == null || i.LastRemindedOn <= cutoff)).ToListAsync(ct);
        var names = await db.ClusterNamesAsync(pending.Select(i => i.ClusterId), ct);
        foreach (var invitation in pending)
        {
            var token = invitation.Remind(today).Value!;
            await SurveyMail.SendAsync(outbox, localizers, urls, invitation, survey!, names[invitation.ClusterId], token, reminder: true, ct);
        }
        await db.SaveChangesAsync(ct);
        return new SurveyMailing(CommandOutcome.Ok(survey!.Version), pending.Count);
    }
}
