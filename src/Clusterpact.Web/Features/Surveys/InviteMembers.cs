using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Surveys;

/// <summary>Whom to invite; <c>Version</c> the survey's as the caller saw it (null: not checked).</summary>
public sealed record InviteMembersCommand(Guid SurveyId, IReadOnlyList<Guid> ClusterIds, long? Version);

/// <summary>
/// Agency staff invite the contacts of the active members of the chosen clusters who were not invited yet, each with a
/// personal link by e-mail in their language (English for members abroad). The mailing says how many were invited.
/// </summary>
public sealed class InviteMembers(ClusterpactDbContext db, SurveyAccess access, EmailOutbox outbox, IStringLocalizerFactory localizers, TimeProvider clock,
    Infrastructure.Hosting.PublicUrls urls) : IUseCase
{
    public async Task<SurveyMailing> HandleAsync(InviteMembersCommand cmd, CancellationToken ct)
    {
        var (survey, refusal) = await SurveyMail.OpenSurveyAsync(db, access, cmd.SurveyId, cmd.Version, ct);
        if (refusal is not null) return SurveyMailing.Refused(refusal);
        var clusterIds = cmd.ClusterIds;
        if (clusterIds.Count == 0) return SurveyMailing.Refused(CommandOutcome.Invalid("Clusters", "Survey.ChooseClusters"));
        var today = clock.TodayInBrussels();
        var members = await db.Memberships.AsNoTracking()
            .Where(m => clusterIds.Contains(m.ClusterId) && m.ContactEmail != null && m.From <= today && (m.Until == null || m.Until >= today))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m.ClusterId, m.OrganisationId, m.ContactEmail, o.CountryCode })
            .ToListAsync(ct);
        var already = (await db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == cmd.SurveyId && clusterIds.Contains(i.ClusterId)).Select(i => new { i.ClusterId, i.Email }).ToListAsync(ct))
            .Select(x => (x.ClusterId, x.Email)).ToHashSet();
        var names = await db.ClusterNamesAsync(clusterIds, ct);
        var count = 0;
        foreach (var m in members.DistinctBy(m => (m.ClusterId, m.ContactEmail)))
        {
            if (already.Contains((m.ClusterId, m.ContactEmail!))) continue;
            var english = m.CountryCode != "BE";
            var (invitation, token) = SurveyInvitation.Create(cmd.SurveyId, m.ClusterId, m.OrganisationId, m.ContactEmail!, english, today);
            db.SurveyInvitations.Add(invitation);
            await SurveyMail.SendAsync(outbox, localizers, urls, invitation, survey!, names[m.ClusterId], token, reminder: false, ct);
            count++;
        }
        await db.SaveChangesAsync(ct);
        return new SurveyMailing(CommandOutcome.Ok(survey!.Version), count);
    }
}
