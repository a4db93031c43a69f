namespace Clusterpact.Web.Features.Surveys;

/// <summary>How a mailing of invitations or reminders went: the outcome and how many e-mails went out.</summary>
public sealed record SurveyMailing(CommandOutcome Outcome, int Sent)
{
    public static SurveyMailing Refused(CommandOutcome outcome) => new(outcome, 0);
}

/// <summary>The personal e-mail of an invitation or a reminder, in the invitee's language, with their own link.</summary>
internal static class SurveyMail
{
    public static Task SendAsync(EmailOutbox outbox, IStringLocalizerFactory localizers, Infrastructure.Hosting.PublicUrls urls,
        SurveyInvitation invitation, Survey survey, string cluster, string token, bool reminder, CancellationToken ct) =>
        PersonalMail.SendAsync(outbox, localizers, urls, [new MailRecipient(invitation.Email, invitation.English ? "en-BE" : "nl-BE", urls.To($"/s/{token}"))], (text, person) => (
                text[reminder ? "SurveyMail.ReminderSubject" : "SurveyMail.Subject", survey.Title, cluster].Value,
                text["SurveyMail.Body", cluster, survey.Title, person.Link!].Value),
            reminder ? "Survey.Reminder" : "Survey.Invitation", $"survey:{invitation.Id}:{(reminder ? "reminder" + invitation.Reminders : "invitation")}", ct);

    /// <summary>
    /// The survey to mail about, if the caller manages surveys, it is open and (when the caller says which version they
    /// saw) unchanged since; otherwise why not.
    /// </summary>
    public static async Task<(Survey? Survey, CommandOutcome? Refusal)> OpenSurveyAsync(ClusterpactDbContext db, SurveyAccess access, Guid surveyId, long? version,
        CancellationToken ct)
    {
        if (!await access.CanManageAsync()) return (null, CommandOutcome.Forbidden);
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return (null, CommandOutcome.NotFound);
        if (version is { } seen && seen != survey.Version) return (null, CommandOutcome.Conflict);
        if (survey.Status != SurveyStatus.Open) return (null, CommandOutcome.Invalid("Clusters", "Survey.NotOpen"));
        return (survey, null);
    }
}
