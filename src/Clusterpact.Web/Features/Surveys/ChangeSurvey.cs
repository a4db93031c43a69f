namespace Clusterpact.Web.Features.Surveys;

/// <summary>A change to the questionnaire or its status (given today, for opening and closing), with the version the page showed.</summary>
public sealed record ChangeSurveyCommand(Guid SurveyId, long Version, string Field, Func<Survey, DateOnly, Result> Change);

/// <summary>Agency staff add, remove and move questions while a draft, and open and close the survey; a stale version is refused.</summary>
public sealed class ChangeSurvey(ClusterpactDbContext db, SurveyAccess access, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ChangeSurveyCommand cmd, CancellationToken ct)
    {
        if (!await access.CanManageAsync()) return CommandOutcome.Forbidden;
        var survey = await db.Surveys.SingleOrDefaultAsync(s => s.Id == cmd.SurveyId, ct);
        if (survey is null) return CommandOutcome.NotFound;
        if (survey.Version != cmd.Version) return CommandOutcome.Conflict;
        var result = cmd.Change(survey, clock.TodayInBrussels());
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, cmd.Field);
        return await db.SaveVersionedAsync(survey, cmd.Version, ct);
    }
}
