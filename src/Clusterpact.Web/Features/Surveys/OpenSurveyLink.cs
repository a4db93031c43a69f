namespace Clusterpact.Web.Features.Surveys;

/// <summary>What a personal link opens: its invitation and survey, or the problem (unknown, used, survey not open).</summary>
public sealed record SurveyLink(SurveyInvitation? Invitation, Survey? Survey, string? Problem);

/// <summary>A member opens the personal link of their invitation, without an account: the invitation behind it, if the link is current and the survey open.</summary>
public sealed class OpenSurveyLink(ClusterpactDbContext db) : IUseCase
{
    public async Task<SurveyLink> HandleAsync(string? token, CancellationToken ct)
    {
        // A blank path segment binds as null: no link, rather than a hash of nothing.
        if (string.IsNullOrWhiteSpace(token)) return new(null, null, "Survey.LinkUnknown");
        var hash = SurveyInvitation.Hash(token);
        var invitation = await db.SurveyInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (invitation is null) return new(null, null, "Survey.LinkUnknown");
        if (invitation.Used) return new(invitation, null, "Survey.LinkUsed");
        var survey = await db.Surveys.AsNoTracking().SingleAsync(s => s.Id == invitation.SurveyId, ct);
        if (survey.Status != SurveyStatus.Open) return new(invitation, survey, "Survey.NotOpen");
        return new(invitation, survey, null);
    }
}
